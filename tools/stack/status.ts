/**
 * `npm run stack:status`: what of the local platform answers right now, on the ports npm start uses.
 * Exits 0 when everything is up, 1 otherwise.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_NAMES, isHealthReport } from '@confer/shared/contracts';
import { defaultPorts, tcpAnswers, workspaceRoot } from '@confer/shared/server/devstack';

async function main(): Promise<void> {
  const ports = defaultPorts();
  const pidFile = join(process.env['CONFER_DATA_DIR'] ?? join(workspaceRoot(), '.confer'), 'stack.pid');
  const pid = existsSync(pidFile) ? readFileSync(pidFile, 'utf8').trim() : undefined;
  const origin = `http://127.0.0.1:${ports.edge}`;
  const rows: [string, string, boolean][] = [['supervisor (npm start)', pid ? `pid ${pid}` : 'not running', Boolean(pid)]];
  const port = async (name: string, p: number) => {
    const up = await tcpAnswers(p);
    rows.push([name, `127.0.0.1:${p} ${up ? 'answers' : 'does not answer'}`, up]);
  };
  await port('edge (one origin)', ports.edge);
  for (const service of SERVICE_NAMES) {
    try {
      const response = await fetch(`${origin}/api/${service}/health`, { signal: AbortSignal.timeout(2000) });
      const body: unknown = await response.json();
      const ready = isHealthReport(body) && body.ready;
      const down = isHealthReport(body) ? Object.entries(body.checks).filter(([, c]) => c.status === 'down').map(([n]) => n) : [];
      rows.push([service, ready ? 'ready' : `not ready${down.length ? ` (${down.join(', ')} down)` : ''}`, ready]);
    } catch {
      rows.push([service, 'unreachable through the edge', false]);
    }
  }
  await port('LiveKit', ports.livekit);
  await port('S3 (versitygw)', ports.s3);
  await port('Mailpit SMTP', ports.smtp);
  await port('Mailpit UI/API', ports.mailpit);
  await port('PostgreSQL', 5432);
  await port('Redis', 6379);
  const width = Math.max(...rows.map(([name]) => name.length));
  for (const [name, state, ok] of rows) console.log(`${ok ? 'ok  ' : 'DOWN'}  ${name.padEnd(width)}  ${state}`);
  process.exit(rows.every(([, , ok]) => ok) ? 0 : 1);
}

void main();
