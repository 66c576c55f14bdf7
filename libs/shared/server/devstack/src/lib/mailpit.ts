import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { companionBinary } from './workspace';
import { freeTcpPort } from './ports';
import { httpAnswers, spawnManaged, waitUntil, type ManagedProcess } from './process';

export interface MailpitHandle {
  smtpUrl: string;
  smtpPort: number;
  /** Base of Mailpit's REST API and web UI, e.g. http://127.0.0.1:8025 */
  httpUrl: string;
  process: ManagedProcess;
  stop(): Promise<void>;
}

/** Mailpit as the SMTP server; tests read what was sent through its REST API (/api/v1/messages). */
export async function startMailpit(options: { dir: string; smtpPort?: number; httpPort?: number }): Promise<MailpitHandle> {
  const smtpPort = options.smtpPort ?? (await freeTcpPort());
  const httpPort = options.httpPort ?? (await freeTcpPort());
  mkdirSync(options.dir, { recursive: true });
  const process = spawnManaged(
    'mailpit',
    companionBinary('mailpit'),
    [
      '--smtp', `127.0.0.1:${smtpPort}`,
      '--listen', `127.0.0.1:${httpPort}`,
      '--database', join(options.dir, 'mailpit.db'),
      '--disable-version-check',
      '--smtp-auth-accept-any',
      '--smtp-auth-allow-insecure',
    ],
    { logFile: join(options.dir, 'mailpit.log') },
  );
  const httpUrl = `http://127.0.0.1:${httpPort}`;
  await waitUntil(`mailpit on ${httpPort}`, () => httpAnswers(`${httpUrl}/api/v1/info`, (s) => s === 200), { process, timeoutMs: 20000 });
  return { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, smtpPort, httpUrl, process, stop: () => process.stop() };
}
