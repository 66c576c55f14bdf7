import { createApp, addStage } from '../lib/app';
import { ConfigError, STAGE_CONFIGS, configProblems, validateConfig, type StageConfig } from '../lib/config';

const dev = STAGE_CONFIGS.dev;
const prod = STAGE_CONFIGS.prod;

describe('stage config validation', () => {
  it.each(['dev', 'staging', 'prod'] as const)('accepts the shipped %s config', (stage) => {
    expect(configProblems(STAGE_CONFIGS[stage])).toEqual([]);
  });

  it('uses 0.5–8 ACU in dev and 2–32 ACU in prod', () => {
    expect([dev.database.minAcu, dev.database.maxAcu]).toEqual([0.5, 8]);
    expect([prod.database.minAcu, prod.database.maxAcu]).toEqual([2, 32]);
  });

  it('names the bad value when the Aurora range is inverted', () => {
    const bad: StageConfig = { ...dev, database: { ...dev.database, minAcu: 16, maxAcu: 8 } };
    expect(() => validateConfig(bad)).toThrow(ConfigError);
    expect(() => validateConfig(bad)).toThrow(/database\.maxAcu .*\(got 8\)/);
  });

  it('rejects Fargate memory that does not fit the CPU', () => {
    const bad: StageConfig = { ...dev, services: { ...dev.services, chat: { cpu: 256, memoryMiB: 4096, minTasks: 1, maxTasks: 2 } } };
    expect(configProblems(bad)).toEqual([expect.stringMatching(/^services\.chat\.memoryMiB /)]);
  });

  it('refuses HTTP-only outside dev and a prod without deletion protection', () => {
    const bad: StageConfig = {
      ...prod,
      edge: { allowHttpOnly: true },
      database: { ...prod.database, deletionProtection: false },
    };
    const problems = configProblems(bad).join('\n');
    expect(problems).toMatch(/edge\.allowHttpOnly is only allowed in dev/);
    expect(problems).toMatch(/database\.deletionProtection must be true in prod/);
  });

  it('requires a domain name with a certificate', () => {
    const bad: StageConfig = { ...prod, edge: { certificateArn: prod.edge.certificateArn, allowHttpOnly: false } };
    expect(configProblems(bad)).toEqual([expect.stringMatching(/^edge\.albDomainName is required/)]);
  });

  it('stops synthesis of a bad stage before any stack is built', () => {
    const app = createApp();
    const bad: StageConfig = { ...dev, logRetentionDays: 10 };
    expect(() => addStage(app, bad)).toThrow(/logRetentionDays must be one of/);
    expect(app.node.children).toHaveLength(0);
  });
});
