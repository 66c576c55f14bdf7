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

export interface ReceivedMail {
  id: string;
  subject: string;
  to: string[];
  text: string;
}

/**
 * Mail Mailpit received for an address, newest first, read through its REST API. Waits up to
 * `timeoutMs` for at least `atLeast` messages (mail is sent asynchronously by the services).
 */
export async function mailTo(httpUrl: string, address: string, options: { atLeast?: number; timeoutMs?: number } = {}): Promise<ReceivedMail[]> {
  const atLeast = options.atLeast ?? 1;
  const deadline = Date.now() + (options.timeoutMs ?? 15000);
  for (;;) {
    const search = await fetch(`${httpUrl}/api/v1/search?query=${encodeURIComponent(`to:"${address}"`)}`);
    const found = (await search.json()) as { messages: { ID: string; Subject: string; To: { Address: string }[] }[] };
    if (found.messages.length >= atLeast || Date.now() > deadline) {
      const mails: ReceivedMail[] = [];
      for (const m of found.messages) {
        const message = (await (await fetch(`${httpUrl}/api/v1/message/${m.ID}`)).json()) as { Text: string };
        mails.push({ id: m.ID, subject: m.Subject, to: m.To.map((t) => t.Address), text: message.Text });
      }
      return mails;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface ReceivedAttachment {
  filename: string;
  contentType: string;
  /** The attachment's bytes as UTF-8 text (for .ics and other text parts). */
  text: string;
}

/** The attachments (and inline parts) of one received message, read through Mailpit's REST API. */
export async function mailAttachments(httpUrl: string, messageId: string): Promise<ReceivedAttachment[]> {
  type Part = { PartID: string; FileName: string; ContentType: string };
  const message = (await (await fetch(`${httpUrl}/api/v1/message/${messageId}`)).json()) as { Attachments?: Part[]; Inline?: Part[] };
  const parts = [...(message.Attachments ?? []), ...(message.Inline ?? [])];
  return Promise.all(
    parts.map(async (part) => ({
      filename: part.FileName,
      contentType: part.ContentType,
      text: await (await fetch(`${httpUrl}/api/v1/message/${messageId}/part/${part.PartID}`)).text(),
    })),
  );
}
