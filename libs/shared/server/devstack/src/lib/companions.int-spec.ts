import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListBucketsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { startMailpit, type MailpitHandle } from './mailpit';
import { startS3, type S3Handle } from './s3';

/** Speaks just enough SMTP to hand Mailpit one message, the way a service's mailer will. */
function sendMail(port: number, from: string, to: string, subject: string, body: string): Promise<void> {
  const script = [
    'EHLO confer.test',
    `MAIL FROM:<${from}>`,
    `RCPT TO:<${to}>`,
    'DATA',
    `From: ${from}\r\nTo: ${to}\r\nSubject: ${subject}\r\n\r\n${body}\r\n.`,
    'QUIT',
  ];
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let step = 0;
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      // Each reply ends with a line "NNN text"; multi-line replies use "NNN-text" before it.
      const lines = buffer.split('\r\n').filter(Boolean);
      const last = lines[lines.length - 1] ?? '';
      if (!/^\d{3} /.test(last) || !buffer.endsWith('\r\n')) return;
      buffer = '';
      if (Number(last.slice(0, 3)) >= 400) return reject(new Error(`SMTP: ${last}`));
      if (step < script.length) socket.write(`${script[step++]}\r\n`);
    });
    socket.on('end', resolve);
    socket.on('error', reject);
  });
}

describe('local companions', () => {
  let dir: string;
  let mail: MailpitHandle;
  let s3: S3Handle;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'confer-companions-'));
    [mail, s3] = await Promise.all([startMailpit({ dir: join(dir, 'mail') }), startS3({ dir: join(dir, 's3') })]);
  });

  afterAll(async () => {
    await mail?.stop();
    await s3?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Mailpit takes mail over SMTP and lets tests read it through its API', async () => {
    await sendMail(mail.smtpPort, 'no-reply@confer.local', 'ada@example.test', 'Verify your Confer account', 'Open the link.');
    const list = (await (await fetch(`${mail.httpUrl}/api/v1/messages`)).json()) as {
      messages: { Subject: string; To: { Address: string }[] }[];
    };
    expect(list.messages).toEqual([
      expect.objectContaining({ Subject: 'Verify your Confer account', To: [expect.objectContaining({ Address: 'ada@example.test' })] }),
    ]);
  });

  it('versitygw serves S3 with the buckets created, and refuses unsigned requests', async () => {
    const client = new S3Client({
      endpoint: s3.endpoint,
      region: s3.region,
      forcePathStyle: true,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    });
    try {
      const buckets = await client.send(new ListBucketsCommand({}));
      expect(buckets.Buckets?.map((b) => b.Name).sort()).toEqual(['confer-recordings', 'confer-uploads']);
      await client.send(new PutObjectCommand({ Bucket: 'confer-uploads', Key: 'hello.txt', Body: 'hello', ContentType: 'text/plain' }));
      const object = await client.send(new GetObjectCommand({ Bucket: 'confer-uploads', Key: 'hello.txt' }));
      expect(await object.Body?.transformToString()).toBe('hello');
    } finally {
      client.destroy();
    }
    expect((await fetch(`${s3.endpoint}/confer-uploads/hello.txt`)).status).toBe(403);
  });
});
