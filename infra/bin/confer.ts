#!/usr/bin/env node
import { STAGES, STAGE_CONFIGS, type Stage } from '../lib/config';
import { addStage, checkWithNag, createApp } from '../lib/app';

/** `cdk synth` builds every stage; `-c stage=dev` builds one (what `cdk deploy --all` should see). */
const app = createApp();
const requested = app.node.tryGetContext('stage') as string | undefined;
if (requested !== undefined && !(STAGES as readonly string[]).includes(requested)) {
  throw new Error(`-c stage must be one of ${STAGES.join(', ')} (got '${requested}')`);
}
const stages: readonly Stage[] = requested ? [requested as Stage] : STAGES;
for (const stage of stages) addStage(app, STAGE_CONFIGS[stage]);
checkWithNag(app);
app.synth();
