/**
 * `npm start`: runs the whole platform on this machine until Ctrl-C or `npm stop`.
 * Postgres and Redis are the machine's; LiveKit, S3 (versitygw), Mailpit, the five services and the
 * edge are started here. Everything lives under .confer/ (logs, data, generated dev secrets).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  defaultPorts,
  ensureDatabase,
  startPlatform,
  tcpAnswers,
  workspaceRoot,
  type Platform,
  type PlatformSecrets,
} from '@confer/shared/server/devstack';

const root = workspaceRoot();
const dataDir = process.env['CONFER_DATA_DIR'] ?? join(root, '.confer');
const pidFile = join(dataDir, 'stack.pid');
const databaseUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/confer';
const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** Dev secrets are made once per checkout, kept in .confer/secrets.json (mode 600), never committed. */
function devSecrets(): PlatformSecrets {
  const file = join(dataDir, 'secrets.json');
  const existing = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<PlatformSecrets>) : {};
  const secrets: PlatformSecrets = {
    livekitApiKey: existing.livekitApiKey ?? `confer-${randomBytes(4).toString('hex')}`,
    livekitApiSecret: existing.livekitApiSecret ?? randomBytes(32).toString('hex'),
    s3AccessKeyId: existing.s3AccessKeyId ?? `confer-${randomBytes(4).toString('hex')}`,
    s3SecretAccessKey: existing.s3SecretAccessKey ?? randomBytes(24).toString('hex'),
    // Kept across runs: it unseals the TOTP secrets and signing keys already in the database.
    identitySecretKey: existing.identitySecretKey ?? randomBytes(32).toString('base64'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8'));
    if (pid && isRunning(pid)) throw new Error(`Confer is already running (pid ${pid}); run npm stop first`);
  }
  const ports = defaultPorts();
  const taken: string[] = [];
  const check = async (name: string, port: number) => {
    if (await tcpAnswers(port)) taken.push(`${name}=${port}`);
  };
  await check('CONFER_PORT', ports.edge);
  for (const [service, port] of Object.entries(ports.services)) await check(`${service.toUpperCase()}_PORT`, port);
  await check('LIVEKIT_PORT', ports.livekit);
  await check('S3_PORT', ports.s3);
  await check('SMTP_PORT', ports.smtp);
  await check('MAILPIT_PORT', ports.mailpit);
  if (taken.length > 0) throw new Error(`these ports are in use; set other values: ${taken.join(', ')}`);

  await ensureDatabase(databaseUrl);
  writeFileSync(pidFile, String(process.pid));
  console.log('Starting Confer (logs in .confer/logs) ...');
  let platform: Platform | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping Confer ...');
    await platform?.stop();
    rmSync(pidFile, { force: true });
    console.log('Stopped.');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  try {
    platform = await startPlatform({ dir: dataDir, databaseUrl, redisUrl, ports, secrets: devSecrets() });
  } catch (error) {
    console.error(`Confer did not start: ${(error as Error).message}`);
    return stop(1);
  }
  for (const child of platform.processes) {
    void child.exited.then((code) => {
      if (stopping) return;
      console.error(`${child.name} exited unexpectedly (code ${code}); see ${child.logFile}`);
      void stop(1);
    });
  }
  const rows = [
    ['web app and API (one origin)', platform.origin],
    ...platform.services.map((s) => [`${s.name} API docs`, `${platform?.origin}/api/${s.name}/docs`]),
    ['LiveKit', platform.livekit?.url ?? '-'],
    ['S3 (versitygw)', platform.s3?.endpoint ?? '-'],
    ['Mail (Mailpit UI)', platform.mail?.httpUrl ?? '-'],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log('');
  for (const [name, url] of rows) console.log(`  ${name.padEnd(width)}  ${url}`);
  console.log(`\nConfer is running. Open ${platform.origin}\nPress Ctrl-C (or run npm stop) to stop.`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

main().catch((error: unknown) => {
  console.error(`Confer did not start: ${(error as Error).message}`);
  process.exit(1);
});
