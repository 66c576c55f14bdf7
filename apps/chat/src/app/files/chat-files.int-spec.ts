import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { CHAT_FILES, ChatClientEvent, type ChatDownload, type ChatExport, type ChatFile, type ChatHistoryPage, type ChatMessage, type ChatUpload, type DownloadAck, type ExportAck, type SendAck, type UploadAck } from '@confer/chat/contracts';
import { PrivacyRpc, type PrivacyErasureReport, type PrivacyExportPart } from '@confer/shared/contracts';
import { RpcClient } from '@confer/shared/server/events';
import { ChatStack, newId, type Account, type Answer, type ChatClient } from '../testing/chat-stack';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(300 * 1024)]);
const HTML = Buffer.from('<!doctype html><script>fetch("/api/identity/profile")</script>');
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), randomBytes(8192)]);
const SECRET = Buffer.from('Bob, the numbers: 42 ✓\n');

/**
 * Files shared in chat through the edge, with the real identity, meetings, chat, Postgres, Redis and
 * S3 (versitygw): upload URLs, the content check, sharing by message, download URLs (BOLA, private
 * files), deletion and erasure; and a meeting's chat exported as text and JSON.
 */
describe('chat: files and export', () => {
  let stack: ChatStack;
  let s3: S3Client;
  let db: Client;
  let rpc: RpcClient;
  let host: Account;
  let ann: Account;
  let bob: Account;
  let eve: Account;
  let meeting: { id: string; code: string };
  let hostC: ChatClient;
  let annC: ChatClient;
  let bobC: ChatClient;
  let plan: ChatMessage;

  const reserve = (who: Account, name: string, size: number) =>
    stack.call<ChatUpload>(stack.chat, 'POST', `/meetings/${meeting.code}/files`, { token: who.token, body: { name, size } });
  /** As a browser does, with the type it guesses from the file's name (text/plain has a parser of its own in Fastify). */
  const put = async (url: string, bytes: Buffer, type = 'application/octet-stream'): Promise<Answer<ChatFile>> => {
    const response = await fetch(`${stack.origin}${url}`, { method: 'PUT', body: new Uint8Array(bytes), headers: { 'content-type': type } });
    return { status: response.status, body: (await response.json()) as ChatFile };
  };
  /** Reserves and uploads; the upload's answer. */
  const upload = async (who: Account, name: string, bytes: Buffer, size = bytes.length) => {
    const reserved = await reserve(who, name, size);
    if (reserved.status !== 201) throw new Error(`reserve ${name}: ${reserved.status} ${JSON.stringify(reserved.body)}`);
    const type = name.endsWith('.txt') ? 'text/plain' : name.endsWith('.png') ? 'image/png' : undefined;
    return { ...(await put(reserved.body.uploadUrl, bytes, type)), fileId: reserved.body.fileId };
  };
  const share = (client: ChatClient, fileId: string, extra: { body?: string; to?: string } = {}) =>
    client.ask<SendAck>(ChatClientEvent.send, { clientId: newId(), fileId, ...extra });
  const downloadUrl = (who: Account, fileId: string, code = meeting.code) =>
    stack.call<ChatDownload>(stack.chat, 'GET', `/meetings/${code}/files/${fileId}`, { token: who.token });
  const fetchFile = (url: string) => fetch(`${stack.origin}${url}`);
  const objects = async () => {
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'confer-uploads', Prefix: `chat/${meeting.id}/` }));
    return (listed.Contents ?? []).map((o) => o.Key?.split('/').pop()).sort();
  };
  const exported = async (who: Account, format: string) => {
    const response = await fetch(`${stack.chat.baseUrl}/meetings/${meeting.code}/export?format=${format}`, { headers: { authorization: `Bearer ${who.token}` } });
    return { status: response.status, disposition: response.headers.get('content-disposition'), type: response.headers.get('content-type'), text: await response.text() };
  };

  beforeAll(async () => {
    stack = await ChatStack.start('chat-files', { s3: true });
    const store = stack.test.platform.s3;
    if (!store) throw new Error('no S3');
    s3 = new S3Client({ endpoint: store.endpoint, region: store.region, forcePathStyle: true, credentials: { accessKeyId: store.accessKeyId, secretAccessKey: store.secretAccessKey } });
    db = new Client({ connectionString: stack.test.db.url });
    await db.connect();
    rpc = new RpcClient(stack.test.redis.url, 5000);
    host = await stack.account('Hazel Host', { verified: true });
    [ann, bob, eve] = [await stack.account('Ann'), await stack.account('Bob'), await stack.account('Eve Outsider')];
    meeting = await stack.meeting(host);
    for (const who of [host, ann, bob]) await stack.join(meeting.code, who);
    hostC = await stack.connect({ code: meeting.code, token: host.token });
    annC = await stack.connect({ code: meeting.code, token: ann.token });
    bobC = await stack.connect({ code: meeting.code, token: bob.token });
  });

  afterAll(async () => {
    for (const client of [hostC, annC, bobC]) client?.close();
    s3?.destroy();
    await db?.end();
    await rpc?.close();
    await stack?.stop();
  });

  it('shares a file: upload through the one origin, a message sharing it, and another participant downloads the same bytes as an attachment', async () => {
    const reserved = await reserve(ann, 'Plan Ü (v2).png', PNG.length);
    expect(reserved).toEqual({ status: 201, body: { fileId: expect.any(String), uploadUrl: expect.stringMatching(/^\/api\/chat\/uploads\/[\w-]{43}$/), expiresAt: expect.any(String), contentType: 'image/png' } });
    const stored = await put(reserved.body.uploadUrl, PNG);
    const file = { id: reserved.body.fileId, name: 'Plan Ü (v2).png', size: PNG.length, contentType: 'image/png' };
    expect(stored).toEqual({ status: 200, body: file });
    expect((await put(reserved.body.uploadUrl, PNG)).body).toMatchObject({ code: 'UPLOAD_NOT_FOUND' });

    const ack = await share(annC, file.id, { body: 'the plan' });
    if (!ack.ok) throw new Error(JSON.stringify(ack.error));
    plan = ack.message;
    expect(plan).toMatchObject({ body: 'the plan', to: null, file });
    expect((await bobC.receive((m) => m.id === plan.id)).file).toEqual(file);
    expect(await share(annC, file.id)).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND', event: 'chat:send' } });
    const { rows } = await db.query(`SELECT type, payload FROM chat.outbox_events WHERE payload->>'messageId' = $1 ORDER BY seq`, [plan.id]);
    const sent = { messageId: plan.id, meetingId: meeting.id, senderIdentity: ann.id, senderUserId: ann.id, private: false };
    expect(rows).toEqual([
      { type: 'chat.message.sent', payload: { ...sent, length: 8, sentAt: plan.createdAt } },
      { type: 'chat.file.shared', payload: { ...sent, fileId: file.id, contentType: 'image/png', size: PNG.length, sharedAt: plan.createdAt } },
    ]);

    const link = await downloadUrl(bob, file.id);
    expect(link).toEqual({ status: 200, body: { url: expect.stringMatching(/^\/api\/chat\/downloads\/[\w-]{43}$/), expiresAt: expect.any(String) } });
    expect(Date.parse(link.body.expiresAt) - Date.now()).toBeLessThanOrEqual(CHAT_FILES.downloadUrlTtlSeconds * 1000);
    const response = await fetchFile(link.body.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="Plan _ (v2).png"; filename*=UTF-8''Plan%20%C3%9C%20%28v2%29.png`);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer()).equals(PNG)).toBe(true);
    expect(await objects()).toEqual([file.id]);
  });

  it('gives outsiders no upload URL, no download URL and no file, as if the meeting did not exist (BOLA)', async () => {
    const refused = await reserve(eve, 'x.png', 10);
    expect(refused).toEqual({ status: 404, body: { code: 'CHAT_NOT_FOUND', message: expect.any(String) } });
    expect(await downloadUrl(eve, plan.file?.id as string)).toEqual(refused);
    expect(await downloadUrl(eve, plan.file?.id as string, 'zzz-zzzz-zzz')).toEqual(refused);
    expect((await stack.call(stack.chat, 'POST', `/meetings/${meeting.code}/files`, { body: { name: 'x.png', size: 10 } })).status).toBe(401);
    expect((await fetchFile(`/api/chat/downloads/${'A'.repeat(43)}`)).status).toBe(404);
    // A participant cannot share someone else's upload, nor download a file nobody shared.
    const unshared = await upload(ann, 'draft.png', PNG);
    expect(await share(bobC, unshared.fileId)).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
    expect((await downloadUrl(bob, unshared.fileId)).body).toMatchObject({ code: 'FILE_NOT_FOUND' });
  });

  it('refuses an oversize file and disguised content, and keeps neither a message nor an object of them', async () => {
    const before = await objects();
    const messages = (await stack.call<ChatHistoryPage>(stack.chat, 'GET', `/meetings/${meeting.code}/messages`, { token: bob.token })).body.messages.length;
    expect(await reserve(ann, 'huge.pdf', CHAT_FILES.maxBytes + 1)).toMatchObject({ status: 413, body: { code: 'FILE_TOO_LARGE' } });
    expect(await reserve(ann, 'page.html', HTML.length)).toMatchObject({ status: 415, body: { code: 'FILE_TYPE_NOT_ALLOWED' } });

    const disguised = [
      await upload(ann, 'cat.png', HTML),
      await upload(ann, 'invoice.pdf', EXE),
      // Judged while it streams into S3: the NUL comes long after the first bytes.
      await upload(ann, 'notes.txt', Buffer.concat([Buffer.from('x'.repeat(200_000)), Buffer.from([0]), Buffer.from('y'.repeat(1000))])),
    ];
    for (const refused of disguised) {
      expect(refused).toMatchObject({ status: 415, body: { code: 'FILE_TYPE_NOT_ALLOWED' } });
      expect(await share(annC, refused.fileId)).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
    }
    const liar = await upload(ann, 'small.txt', Buffer.from('twenty bytes of text'), 10);
    expect(liar).toMatchObject({ status: 400, body: { code: 'FILE_SIZE_MISMATCH' } });

    // Removed at once, and again 2 s later: an aborted PUT can still land in versitygw just after the
    // first removal. Past the second, nothing of them is there.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await objects()).toEqual(before);
    const after = await stack.call<ChatHistoryPage>(stack.chat, 'GET', `/meetings/${meeting.code}/messages`, { token: bob.token });
    expect(after.body.messages).toHaveLength(messages);
  });

  it('lets only the sender and the recipient of a private file see and download it; guests go through the socket', async () => {
    const ticket = await hostC.ask<UploadAck>(ChatClientEvent.upload, { name: 'agenda.txt', size: 6 });
    expect(ticket).toMatchObject({ ok: true, upload: { contentType: 'text/plain', uploadUrl: expect.stringMatching(/^\/api\/chat\/uploads\//) } });

    const stored = await upload(ann, 'secret.txt', SECRET);
    const ack = await share(annC, stored.fileId, { to: bob.id });
    if (!ack.ok) throw new Error(JSON.stringify(ack.error));
    expect((await bobC.receive((m) => m.id === ack.message.id)).file?.name).toBe('secret.txt');
    expect(hostC.messages.some((m) => m.id === ack.message.id)).toBe(false);

    expect((await downloadUrl(host, stored.fileId)).body).toMatchObject({ code: 'FILE_NOT_FOUND' });
    expect(await hostC.ask<DownloadAck>(ChatClientEvent.download, { fileId: stored.fileId })).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
    const bobs = await bobC.ask<DownloadAck>(ChatClientEvent.download, { fileId: stored.fileId });
    if (!bobs.ok) throw new Error(JSON.stringify(bobs.error));
    const response = await fetchFile(bobs.download.url);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe(SECRET.toString());
    const seenByHost = await stack.call<ChatHistoryPage>(stack.chat, 'GET', `/meetings/${meeting.code}/messages`, { token: host.token });
    expect(seenByHost.body.messages.map((m) => m.id)).not.toContain(ack.message.id);
  });

  it('exports a meeting’s chat as text or JSON: what the caller may see, deleted messages left out, files by name', async () => {
    const send = async (client: ChatClient, body: string, to?: string) => {
      const ack = await client.ask<SendAck>(ChatClientEvent.send, { clientId: newId(), body, ...(to ? { to } : {}) });
      if (!ack.ok) throw new Error(JSON.stringify(ack.error));
      return ack.message;
    };
    await send(hostC, 'Public note\nwith a second line');
    await send(annC, 'psst, Bob only', bob.id);
    const oops = await send(hostC, 'oops, wrong meeting');
    expect(await hostC.ask(ChatClientEvent.delete, { id: oops.id })).toMatchObject({ ok: true });

    const hosts = await exported(host, 'json');
    expect(hosts).toMatchObject({ status: 200, disposition: `attachment; filename="chat-${meeting.code}.json"`, type: 'application/json; charset=utf-8' });
    const data = JSON.parse(hosts.text) as ChatExport;
    expect(data).toMatchObject({ format: 'confer-chat-export', meeting: { id: meeting.id, code: meeting.code }, exportedBy: { identity: host.id } });
    expect(data.messages.map((m) => [m.body, m.file?.name ?? null])).toEqual([
      ['the plan', 'Plan Ü (v2).png'],
      ['Public note\nwith a second line', null],
    ]);

    const bobs = await exported(bob, 'txt');
    expect(bobs).toMatchObject({ status: 200, disposition: `attachment; filename="chat-${meeting.code}.txt"`, type: 'text/plain; charset=utf-8' });
    expect(bobs.text).toContain('Ann: [file: Plan Ü (v2).png, 300 KB] the plan\n');
    expect(bobs.text).toContain(`Ann → Bob (private): [file: secret.txt, ${SECRET.length} bytes]\n`);
    expect(bobs.text).toContain('Ann → Bob (private): psst, Bob only\n');
    expect(bobs.text).toContain('Hazel Host: Public note\n    with a second line\n');
    expect(bobs.text).not.toContain('oops');
    expect((await exported(host, 'txt')).text).not.toContain('psst');
    expect((await exported(eve, 'txt')).status).toBe(404);
    expect((await exported(host, 'pdf')).status).toBe(400);

    // Over the socket, for anyone in the live chat, a guest too (no account, so no HTTP): their own copy.
    const guest = await stack.join(meeting.code, { guest: 'Gita Guest' });
    const guestC = await stack.connect({ code: meeting.code, ticket: guest.ticket });
    try {
      const answer = await guestC.ask<ExportAck>(ChatClientEvent.export, { format: 'json' });
      if (!answer.ok) throw new Error(JSON.stringify(answer.error));
      expect(answer.file).toMatchObject({ name: `chat-${meeting.code}.json`, contentType: 'application/json; charset=utf-8' });
      const guests = JSON.parse(answer.file.content) as ChatExport;
      expect(guests.exportedBy).toEqual({ identity: guest.identity, displayName: 'Gita Guest' });
      expect(guests.messages.map((m) => m.body)).toEqual(['the plan', 'Public note\nwith a second line']);
      const bobsText = await bobC.ask<ExportAck>(ChatClientEvent.export, { format: 'txt' });
      expect(bobsText).toMatchObject({ ok: true, file: { name: `chat-${meeting.code}.txt`, content: expect.stringContaining('Ann → Bob (private): psst, Bob only\n') } });
      expect(await guestC.ask(ChatClientEvent.export, { format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      expect(await guestC.ask(ChatClientEvent.export, { format: 'txt', meeting: 'another' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    } finally {
      guestC.close();
    }
  });

  it('removes a file with its message, and all of a person’s files when they are erased; their export lists them', async () => {
    const link = await downloadUrl(bob, plan.file?.id as string);
    expect(await hostC.ask(ChatClientEvent.delete, { id: plan.id })).toMatchObject({ ok: true, message: { deletedAt: expect.any(String) } });
    expect((await fetchFile(link.body.url)).status).toBe(404);
    expect(await objects()).not.toContain(plan.file?.id);

    const subject = { userId: ann.id, requestId: newId() };
    const part = await rpc.call<PrivacyExportPart>(PrivacyRpc.export('chat'), subject);
    expect(part.data['chatFiles']).toEqual([expect.objectContaining({ name: 'secret.txt', size: SECRET.length, contentType: 'text/plain', privateTo: 'Bob', sharedAt: expect.any(String) })]);
    const erased = await rpc.call<PrivacyErasureReport>(PrivacyRpc.erase('chat'), subject);
    // secret.txt, the draft never shared, and the upload sent with the wrong size (it may be tried again).
    expect(erased.counts['files']).toBe(3);
    expect(await objects()).toEqual([]);
  });
});
