import type { ServiceName } from '@confer/shared/contracts';
import type { ServiceSizing, Stage, StageConfig } from './types';

/** Placeholders so `cdk synth` runs without credentials; `cdk deploy` sets the real account and region. */
const account = process.env['CDK_DEFAULT_ACCOUNT'] ?? '000000000000';
const region = process.env['CDK_DEFAULT_REGION'] ?? 'us-east-1';

function sizing(cpu: number, memoryMiB: number, minTasks: number, maxTasks: number): ServiceSizing {
  return { cpu, memoryMiB, minTasks, maxTasks };
}

const devServices: Record<ServiceName, ServiceSizing> = {
  identity: sizing(256, 512, 1, 2),
  meetings: sizing(256, 512, 1, 2),
  chat: sizing(256, 512, 1, 2),
  recording: sizing(256, 512, 1, 2),
  analytics: sizing(256, 512, 1, 2),
};

const prodServices: Record<ServiceName, ServiceSizing> = {
  identity: sizing(512, 1024, 2, 6),
  meetings: sizing(1024, 2048, 2, 10),
  chat: sizing(512, 1024, 2, 10),
  recording: sizing(1024, 2048, 2, 6),
  analytics: sizing(512, 1024, 2, 4),
};

const common = {
  account,
  region,
  livekit: { url: 'wss://livekit.example.com', publicUrl: 'wss://livekit.example.com' },
  mail: { from: 'Confer <no-reply@example.com>' },
};

export const STAGE_CONFIGS: Readonly<Record<Stage, StageConfig>> = {
  dev: {
    ...common,
    stage: 'dev',
    network: { cidr: '10.10.0.0/16', azLetters: ['a', 'b'], natGateways: 1, interfaceEndpoints: false },
    database: { minAcu: 0.5, maxAcu: 8, readers: 0, backupRetentionDays: 1, deletionProtection: false },
    redis: { nodeType: 'cache.t4g.micro', replicas: 0 },
    services: devServices,
    logLevel: 'debug',
    logRetentionDays: 7,
    edge: { allowHttpOnly: true },
    storage: { recordingRetentionDays: 7, uploadsNoncurrentDays: 7 },
  },
  staging: {
    ...common,
    stage: 'staging',
    network: { cidr: '10.20.0.0/16', azLetters: ['a', 'b'], natGateways: 1, interfaceEndpoints: true },
    database: { minAcu: 0.5, maxAcu: 16, readers: 0, backupRetentionDays: 7, deletionProtection: false },
    redis: { nodeType: 'cache.t4g.small', replicas: 1 },
    services: devServices,
    logLevel: 'info',
    logRetentionDays: 30,
    edge: {
      certificateArn: `arn:aws:acm:${region}:${account}:certificate/00000000-0000-0000-0000-000000000001`,
      albDomainName: 'api.staging.confer.example.com',
      allowHttpOnly: false,
    },
    storage: { recordingRetentionDays: 30, uploadsNoncurrentDays: 30 },
  },
  prod: {
    ...common,
    stage: 'prod',
    network: { cidr: '10.30.0.0/16', azLetters: ['a', 'b', 'c'], natGateways: 2, interfaceEndpoints: true },
    database: { minAcu: 2, maxAcu: 32, readers: 1, backupRetentionDays: 14, deletionProtection: true },
    redis: { nodeType: 'cache.t4g.medium', replicas: 1 },
    services: prodServices,
    logLevel: 'info',
    logRetentionDays: 90,
    edge: {
      certificateArn: `arn:aws:acm:${region}:${account}:certificate/00000000-0000-0000-0000-000000000002`,
      albDomainName: 'api.confer.example.com',
      allowHttpOnly: false,
    },
    publicOrigin: 'https://confer.example.com',
    storage: { recordingRetentionDays: 365, uploadsNoncurrentDays: 90 },
  },
};
