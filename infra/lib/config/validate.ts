import { SERVICE_NAMES } from '@confer/shared/contracts';
import type { ServiceSizing, StageConfig } from './types';
import { STAGES } from './types';

/** A stage config that cannot be deployed; the message names every bad value. */
export class ConfigError extends Error {
  constructor(
    readonly stage: string,
    readonly problems: readonly string[],
  ) {
    super(`invalid config for stage '${stage}':\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/** Fargate CPU units and the memory (MiB) each allows. */
const FARGATE_MEMORY: Readonly<Record<number, readonly [number, number, number]>> = {
  256: [512, 2048, 512],
  512: [1024, 4096, 1024],
  1024: [2048, 8192, 1024],
  2048: [4096, 16384, 1024],
  4096: [8192, 30720, 1024],
};

type Check = (ok: boolean, path: string, message: string, got: unknown) => void;

function isInt(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

function checkSizing(name: string, s: ServiceSizing, prod: boolean, check: Check): void {
  const memory = FARGATE_MEMORY[s.cpu];
  check(memory !== undefined, `services.${name}.cpu`, 'must be 256, 512, 1024, 2048 or 4096', s.cpu);
  if (memory) {
    const [min, max, step] = memory;
    const fits = s.memoryMiB >= min && s.memoryMiB <= max && (s.memoryMiB - min) % step === 0;
    check(fits, `services.${name}.memoryMiB`, `must be ${min}–${max} in steps of ${step} for cpu ${s.cpu}`, s.memoryMiB);
  }
  check(isInt(s.minTasks, prod ? 2 : 1, 50), `services.${name}.minTasks`, `must be an integer ${prod ? 2 : 1}–50`, s.minTasks);
  check(isInt(s.maxTasks, s.minTasks, 100), `services.${name}.maxTasks`, 'must be an integer ≥ minTasks and ≤ 100', s.maxTasks);
}

function checkEdge(c: StageConfig, check: Check): void {
  const { certificateArn, albDomainName, allowHttpOnly } = c.edge;
  if (certificateArn !== undefined) {
    const arn = /^arn:aws[a-z-]*:acm:([a-z0-9-]+):\d{12}:certificate\/[\w-]+$/.exec(certificateArn);
    check(arn !== null, 'edge.certificateArn', 'must be an ACM certificate ARN', certificateArn);
    check(!arn || arn[1] === c.region, 'edge.certificateArn', `must be in the stack's region ${c.region}`, certificateArn);
    check(/^[a-z0-9]([a-z0-9-]*\.)+[a-z]{2,}$/.test(albDomainName ?? ''), 'edge.albDomainName', 'is required with a certificate and must be a DNS name', albDomainName);
  } else {
    check(allowHttpOnly, 'edge.certificateArn', 'is required unless edge.allowHttpOnly is true', certificateArn);
    check(!allowHttpOnly || c.stage === 'dev', 'edge.allowHttpOnly', 'is only allowed in dev', allowHttpOnly);
  }
}

/** Returns the problems of a stage config; empty when it can be deployed. */
export function configProblems(c: StageConfig): string[] {
  const problems: string[] = [];
  const check: Check = (ok, path, message, got) => {
    if (!ok) problems.push(`${path} ${message} (got ${JSON.stringify(got)})`);
  };
  const prod = c.stage === 'prod';
  check((STAGES as readonly string[]).includes(c.stage), 'stage', `must be one of ${STAGES.join(', ')}`, c.stage);
  check(/^\d{12}$/.test(c.account), 'account', 'must be a 12-digit AWS account id', c.account);
  check(/^[a-z]{2}(-[a-z]+)+-\d$/.test(c.region), 'region', 'must be an AWS region such as us-east-1', c.region);

  const { network, database: db, redis } = c;
  check(/^10\.\d{1,3}\.0\.0\/(16|17|18|19|20)$/.test(network.cidr), 'network.cidr', 'must be a 10.x.0.0/16–/20 block', network.cidr);
  const letters = network.azLetters;
  check(letters.length >= 2 && new Set(letters).size === letters.length && letters.every((l) => /^[a-z]$/.test(l)), 'network.azLetters', 'must be at least two distinct AZ letters', letters);
  check(isInt(network.natGateways, 1, letters.length), 'network.natGateways', `must be an integer 1–${letters.length}`, network.natGateways);

  const halfStep = (v: number) => Number.isInteger(v * 2);
  check(halfStep(db.minAcu) && db.minAcu >= 0.5 && db.minAcu <= 256, 'database.minAcu', 'must be 0.5–256 in steps of 0.5', db.minAcu);
  check(halfStep(db.maxAcu) && db.maxAcu >= Math.max(1, db.minAcu) && db.maxAcu <= 256, 'database.maxAcu', 'must be ≥ minAcu, ≥ 1 and ≤ 256 in steps of 0.5', db.maxAcu);
  check(isInt(db.readers, prod ? 1 : 0, 15), 'database.readers', `must be an integer ${prod ? 1 : 0}–15`, db.readers);
  check(isInt(db.backupRetentionDays, 1, 35), 'database.backupRetentionDays', 'must be an integer 1–35', db.backupRetentionDays);
  check(!prod || db.deletionProtection, 'database.deletionProtection', 'must be true in prod', db.deletionProtection);
  check(/^cache\.[a-z0-9]+\.[a-z0-9]+$/.test(redis.nodeType), 'redis.nodeType', 'must be an ElastiCache node type such as cache.t4g.micro', redis.nodeType);
  check(isInt(redis.replicas, prod ? 1 : 0, 5), 'redis.replicas', `must be an integer ${prod ? 1 : 0}–5`, redis.replicas);

  for (const name of SERVICE_NAMES) {
    const sizing = c.services[name];
    check(sizing !== undefined, `services.${name}`, 'is required', sizing);
    if (sizing) checkSizing(name, sizing, prod, check);
  }
  check(['fatal', 'error', 'warn', 'info', 'debug', 'trace'].includes(c.logLevel), 'logLevel', 'must be a pino level', c.logLevel);
  check(LOG_RETENTION_DAYS.includes(c.logRetentionDays), 'logRetentionDays', `must be one of ${LOG_RETENTION_DAYS.join(', ')}`, c.logRetentionDays);
  checkEdge(c, check);
  check(c.publicOrigin === undefined || /^https:\/\/[a-z0-9.-]+(:\d+)?$/.test(c.publicOrigin), 'publicOrigin', 'must be an https:// origin without a path', c.publicOrigin);
  const wsUrl = prod ? /^wss:\/\/[^\s/]+/ : /^wss?:\/\/[^\s/]+/;
  check(wsUrl.test(c.livekit.url), 'livekit.url', `must be a ${prod ? 'wss' : 'ws(s)'}:// URL`, c.livekit.url);
  check(wsUrl.test(c.livekit.publicUrl), 'livekit.publicUrl', `must be a ${prod ? 'wss' : 'ws(s)'}:// URL`, c.livekit.publicUrl);
  check(c.mail.from.trim().length > 0 && c.mail.from.includes('@'), 'mail.from', 'must be a sender address', c.mail.from);
  check(isInt(c.storage.recordingRetentionDays, 1, 3650), 'storage.recordingRetentionDays', 'must be an integer 1–3650', c.storage.recordingRetentionDays);
  check(isInt(c.storage.uploadsNoncurrentDays, 1, 3650), 'storage.uploadsNoncurrentDays', 'must be an integer 1–3650', c.storage.uploadsNoncurrentDays);
  check(c.alarmEmail === undefined || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c.alarmEmail), 'alarmEmail', 'must be an e-mail address', c.alarmEmail);
  return problems;
}

/** Throws a ConfigError naming every bad value; returns the config unchanged when it is valid. */
export function validateConfig(config: StageConfig): StageConfig {
  const problems = configProblems(config);
  if (problems.length > 0) throw new ConfigError(config.stage, problems);
  return config;
}
