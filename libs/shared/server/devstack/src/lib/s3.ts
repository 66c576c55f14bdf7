import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { companionBinary } from './workspace';
import { freeTcpPort } from './ports';
import { httpAnswers, spawnManaged, waitUntil, type ManagedProcess } from './process';

export const DEFAULT_BUCKETS = ['confer-recordings', 'confer-uploads'] as const;

export interface S3Options {
  dir: string;
  port?: number;
  accessKeyId?: string;
  secretAccessKey?: string;
  buckets?: readonly string[];
}

export interface S3Handle {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  buckets: readonly string[];
  process: ManagedProcess;
  stop(): Promise<void>;
}

/**
 * versitygw serving S3 from a folder (its posix backend: a bucket is a top-level directory, so the
 * buckets are created by creating their directories before the gateway starts).
 */
export async function startS3(options: S3Options): Promise<S3Handle> {
  const port = options.port ?? (await freeTcpPort());
  const accessKeyId = options.accessKeyId ?? 'confer-dev';
  const secretAccessKey = options.secretAccessKey ?? 'confer-dev-secret-change-me';
  const buckets = options.buckets ?? DEFAULT_BUCKETS;
  const dataDir = join(options.dir, 'data');
  for (const bucket of buckets) mkdirSync(join(dataDir, bucket), { recursive: true });
  const process = spawnManaged(
    's3',
    companionBinary('versitygw'),
    ['--port', `127.0.0.1:${port}`, '--access', accessKeyId, '--secret', secretAccessKey, '--region', 'us-east-1', '--quiet', 'posix', dataDir],
    { logFile: join(options.dir, 'versitygw.log') },
  );
  const endpoint = `http://127.0.0.1:${port}`;
  // Unauthenticated requests get 403: the gateway is up and checks credentials.
  await waitUntil(`s3 on ${port}`, () => httpAnswers(endpoint, (s) => s === 403), { process, timeoutMs: 20000 });
  return { endpoint, region: 'us-east-1', accessKeyId, secretAccessKey, buckets, process, stop: () => process.stop() };
}
