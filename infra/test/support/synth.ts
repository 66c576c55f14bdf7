import * as os from 'node:os';
import * as path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { PolicyViolation } from 'aws-cdk-lib';
import { addStage, createApp, type ConferStacks } from '../../lib/app';
import { STAGE_CONFIGS, type Stage } from '../../lib/config';

export interface SynthesizedStage {
  readonly stacks: ConferStacks;
  readonly templates: Record<keyof ConferStacks, Template>;
  /** Unacknowledged cdk-nag findings (each one fails `cdk synth`). */
  readonly nagViolations: PolicyViolation[];
}

const cache = new Map<Stage, SynthesizedStage>();

/**
 * Synthesizes one stage once per test file and shares it. A registry image stands in for the Docker
 * assets (fingerprinting the repo is the app's job, not the assertions'), and no web build is deployed.
 */
export function synthStage(stage: Stage): SynthesizedStage {
  const cached = cache.get(stage);
  if (cached) return cached;
  const app = createApp(path.join(os.tmpdir(), `confer-infra-test-${process.pid}-${stage}`));
  const stacks = addStage(app, STAGE_CONFIGS[stage], {
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/node:20-bookworm-slim'),
    webDist: path.join(os.tmpdir(), 'confer-no-web-build'),
  });
  const templates = Object.fromEntries(
    Object.entries(stacks).map(([key, stack]) => [key, Template.fromStack(stack)]),
  ) as Record<keyof ConferStacks, Template>;
  const nagViolations = new AwsSolutionsChecks(app).validateScope(app).violations;
  const result = { stacks, templates, nagViolations };
  cache.set(stage, result);
  return result;
}
