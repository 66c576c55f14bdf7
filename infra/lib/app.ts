import { App, Tags, Validations } from 'aws-cdk-lib';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type StageConfig, validateConfig } from './config';
import { DataStack } from './stacks/data-stack';
import { EdgeStack } from './stacks/edge-stack';
import { NetworkStack } from './stacks/network-stack';
import { ObservabilityStack } from './stacks/observability-stack';
import { ServicesStack } from './stacks/services-stack';

export interface ConferStacks {
  readonly network: NetworkStack;
  readonly data: DataStack;
  readonly edge: EdgeStack;
  readonly services: ServicesStack;
  readonly observability: ObservabilityStack;
}

export interface StageOptions {
  /** Replaces the service image assets (tests); the CLI app never sets it. */
  readonly image?: ecs.ContainerImage;
  /** Where the built web app is looked for (tests). */
  readonly webDist?: string;
}

/** Adds the five stacks of one stage to the app. The config is validated first: a bad value stops synthesis. */
export function addStage(app: App, config: StageConfig, options: StageOptions = {}): ConferStacks {
  validateConfig(config);
  const env = { account: config.account, region: config.region };
  const prefix = `Confer-${config.stage}`;
  const network = new NetworkStack(app, `${prefix}-Network`, { env, config });
  const vpc = network.vpc;
  const data = new DataStack(app, `${prefix}-Data`, { env, config, vpc, terminationProtection: config.stage === 'prod' });
  const edge = new EdgeStack(app, `${prefix}-Edge`, { env, config, vpc, webDist: options.webDist });
  const services = new ServicesStack(app, `${prefix}-Services`, {
    env,
    config,
    vpc,
    data,
    listener: edge.listener,
    distribution: edge.distribution,
    image: options.image,
  });
  const observability = new ObservabilityStack(app, `${prefix}-Observability`, { env, config, loadBalancer: edge.loadBalancer, data, services });
  for (const stack of [network, data, edge, services, observability]) {
    Tags.of(stack).add('app', 'confer');
    Tags.of(stack).add('stage', config.stage);
  }
  return { network, data, edge, services, observability };
}

/**
 * The CDK app with the behaviour flags Confer relies on (the same for `cdk synth` and for the tests).
 * Cross-stack references stay "strong": CloudFormation then refuses to delete an export in use.
 */
export function createApp(outdir?: string): App {
  return new App({ outdir, context: { '@aws-cdk/core:defaultCrossStackReferences': 'strong' } });
}

/**
 * cdk-nag's AWS Solutions pack on everything in the app. cdk-nag 3 is a CDK validation plugin: any
 * finding that is not acknowledged (with a reason, see constructs/nag.ts) fails synthesis.
 */
export function checkWithNag(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
}
