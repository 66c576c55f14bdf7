import { ChatClientEvent, type ChatHistoryPage, type ChatSearchPage, type SendAck, type TokenAck } from '@confer/chat/contracts';
import { PrivacyRpc, type PrivacyErasureReport, type PrivacyExportPart } from '@confer/shared/contracts';
import { RpcClient } from '@confer/shared/server/events';
import { ChatStack, disconnection, newId, type Account, type ChatClient } from '../testing/chat-stack';

const send = async (client: ChatClient, body: string, to?: string) => {
  const ack = await client.ask<SendAck>(ChatClientEvent.send, { clientId: newId(), body, ...(to ? { to } : {}) });
  if (!ack.ok) throw new Error(`refused: ${JSON.stringify(ack.error)}`);
  return ack.message;
};

/**
 * Who may be in a meeting's chat and read it, against the real identity (tokens, revocations),
 * meetings (participants, removal, ending) and chat: the handshake, the history API (BOLA), search,
 * and what closes a connection. Also chat's part in privacy exports and erasure.
 */
describe('chat: access', () => {
  let stack: ChatStack;
  let rpc: RpcClient;
  let host: Account;
  let ann: Account;
  let bob: Account;
  let rita: Account;
  let eve: Account;
  let one: { id: string; code: string };
  let two: { id: string; code: string };
  let hostOne: ChatClient;
  let annOne: ChatClient;
  let bobOne: ChatClient;
  const history = (who: Account, code: string, query = '') => stack.call<ChatHistoryPage>(stack.chat, 'GET', `/meetings/${code}/messages${query}`, { token: who.token });
  const search = (who: Account, query: string) => stack.call<ChatSearchPage>(stack.chat, 'GET', `/search?${query}`, { token: who.token });

  beforeAll(async () => {
    stack = await ChatStack.start('chat-access', { chat: { CHAT_HANDSHAKE_RATE_LIMIT: '4' } });
    rpc = new RpcClient(stack.test.redis.url, 5000);
    host = await stack.account('Hazel Host', { verified: true });
    [ann, bob, rita, eve] = [await stack.account('Ann'), await stack.account('Bob'), await stack.account('Rita'), await stack.account('Eve Outsider')];
    one = await stack.meeting(host);
    two = await stack.meeting(host);
    for (const who of [host, ann, bob, rita]) await stack.join(one.code, who);
    for (const who of [host, bob]) await stack.join(two.code, who);
    hostOne = await stack.connect({ code: one.code, token: host.token });
    annOne = await stack.connect({ code: one.code, token: ann.token });
    bobOne = await stack.connect({ code: one.code, token: bob.token });
  });

  afterAll(async () => {
    for (const client of [hostOne, annOne, bobOne]) client?.close();
    await rpc?.close();
    await stack?.stop();
  });

  it('refuses sockets from another origin, or with none', async () => {
    expect(await stack.refusal({ code: one.code, token: ann.token }, { origin: 'https://evil.example' })).toEqual({ code: 'ORIGIN_NOT_ALLOWED', message: expect.any(String) });
    expect((await stack.refusal({ code: one.code, token: ann.token }, { origin: null })).code).toBe('ORIGIN_NOT_ALLOWED');
    expect((await stack.refusal({ code: one.code, token: ann.token }, { via: stack.chat, origin: 'http://127.0.0.1:1' })).code).toBe('ORIGIN_NOT_ALLOWED');
  });

  it('refuses a bad token, unknown handshake fields, and a signed-in person’s ticket', async () => {
    expect((await stack.refusal({ code: one.code, token: `${ann.token.slice(0, -4)}AAAA` })).code).toBe('TOKEN_INVALID');
    expect((await stack.refusal({ code: one.code })).code).toBe('VALIDATION_FAILED');
    expect((await stack.refusal({ code: one.code, token: ann.token, role: 'host' })).code).toBe('VALIDATION_FAILED');
    const annTicket = (await stack.join(one.code, ann)).ticket;
    expect((await stack.refusal({ code: one.code, ticket: annTicket })).code).toBe('UNAUTHENTICATED');
  });

  it('limits handshakes per client address before looking at any credential, through the edge or not', async () => {
    const from = '203.0.113.77';
    const garbage = await Promise.all([1, 2, 3].map(() => stack.refusal({ code: one.code, token: 'not-a-token' }, { from })));
    expect(garbage.map((refusal) => refusal.code)).toEqual(['TOKEN_INVALID', 'TOKEN_INVALID', 'TOKEN_INVALID']);
    const fourth = await stack.connect({ code: one.code, token: ann.token }, { from, via: stack.chat });
    fourth.close();
    const refused = await stack.refusal({ code: one.code, token: ann.token }, { from });
    expect(refused).toEqual({ code: 'RATE_LIMITED', message: expect.any(String), retryAfterSeconds: expect.any(Number) });
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    const other = await stack.connect({ code: one.code, token: ann.token }, { from: '203.0.113.78' });
    other.close();
  });

  it('keeps out of a meeting’s chat, live and in history, anyone who is not its participant, as if it did not exist (BOLA)', async () => {
    const live = await stack.refusal({ code: one.code, token: eve.token });
    const unknown = await stack.refusal({ code: 'zzz-zzzz-zzz', token: eve.token });
    expect(live).toEqual({ code: 'CHAT_NOT_FOUND', message: expect.any(String) });
    expect(unknown).toEqual(live);
    const read = await history(eve, one.code);
    const readUnknown = await history(eve, 'zzz-zzzz-zzz');
    expect(read).toEqual({ status: 404, body: { code: 'CHAT_NOT_FOUND', message: expect.any(String) } });
    expect(readUnknown).toEqual(read);
    expect((await stack.call(stack.chat, 'GET', `/meetings/${one.code}/messages`)).status).toBe(401);
    // A guest's ticket opens its own meeting's chat only.
    const gus = await stack.join(two.code, { guest: 'Gus' });
    expect((await stack.refusal({ code: one.code, ticket: gus.ticket })).code).toBe('CHAT_NOT_FOUND');
    const gusTwo = await stack.connect({ code: two.code, ticket: gus.ticket });
    expect(gusTwo.ready.me).toMatchObject({ identity: gus.identity, guest: true });
    gusTwo.close();
  });

  it('takes a fresh access token of the same person before expiry, and no one else’s', async () => {
    const fresh = await stack.signIn(ann.email);
    const renewed = await annOne.ask<TokenAck>(ChatClientEvent.token, { token: fresh.token });
    expect(renewed).toEqual({ ok: true, expiresAt: expect.any(Number) });
    expect(await annOne.ask(ChatClientEvent.token, { token: bob.token })).toMatchObject({ ok: false, error: { code: 'TOKEN_INVALID' } });
    expect(await annOne.ask(ChatClientEvent.token, { token: 'garbage' })).toMatchObject({ ok: false, error: { code: 'TOKEN_INVALID' } });
    expect(annOne.socket.connected).toBe(true);
  });

  it('pages a meeting’s history backwards with a cursor, oldest first within a page', async () => {
    const sent = [];
    for (const body of ['Quarterly budget review starts now', 'lunch plans?', 'the agenda is in the doc']) sent.push(await send(hostOne, body));
    const latest = await history(ann, one.code, '?limit=2');
    expect(latest.status).toBe(200);
    expect(latest.body.messages.map((m) => m.body)).toEqual(['lunch plans?', 'the agenda is in the doc']);
    expect(latest.body.nextCursor).toEqual(expect.any(String));
    const older = await history(ann, one.code, `?limit=2&before=${latest.body.nextCursor}`);
    expect(older.body).toEqual({ messages: [expect.objectContaining({ id: sent[0].id })], nextCursor: null });
    expect((await history(ann, one.code, '?limit=0')).status).toBe(400);
    expect((await history(ann, one.code, '?before=!!')).status).toBe(400);
    expect((await history(ann, one.code, '?page=2')).status).toBe(400);
  });

  it('searches the chats of every meeting I took part in, newest first, private messages only mine, nothing of others', async () => {
    const bobTwo = await stack.connect({ code: two.code, token: bob.token });
    await send(bobOne, 'the budget is too tight, honestly', host.id);
    await send(bobTwo, 'Budget spreadsheet attached soon');
    bobTwo.close();

    const bobs = await search(bob, 'q=budget');
    expect(bobs.status).toBe(200);
    expect(bobs.body.results.map((r) => [r.meetingCode, r.message.body])).toEqual([
      [two.code, 'Budget spreadsheet attached soon'],
      [one.code, 'the budget is too tight, honestly'],
      [one.code, 'Quarterly budget review starts now'],
    ]);
    const anns = await search(ann, 'q=budget');
    expect(anns.body.results.map((r) => r.message.body)).toEqual(['Quarterly budget review starts now']);
    expect((await search(eve, 'q=budget')).body).toEqual({ results: [], nextCursor: null });
    expect((await search(bob, `q=${encodeURIComponent('"budget review" -lunch')}`)).body.results).toHaveLength(1);

    const page = await search(bob, 'q=budget&limit=2');
    expect(page.body.results).toHaveLength(2);
    const rest = await search(bob, `q=budget&limit=2&cursor=${page.body.nextCursor}`);
    expect(rest.body).toEqual({ results: [expect.objectContaining({ meetingCode: one.code })], nextCursor: null });
    expect((await search(bob, 'q=')).status).toBe(400);
  });

  it('closes a connection at once when its user is signed out everywhere, and refuses the token after', async () => {
    const ritaOne = await stack.connect({ code: one.code, token: rita.token });
    const closed = disconnection(ritaOne);
    expect((await stack.call(stack.identity, 'POST', '/auth/sign-out-everywhere', { token: rita.token })).status).toBe(204);
    expect(await closed).toEqual({ reason: 'io server disconnect', closed: { code: 'TOKEN_REVOKED', message: expect.any(String) } });
    expect((await stack.refusal({ code: one.code, token: rita.token })).code).toBe('TOKEN_REVOKED');
  });

  it('limits pages of catch-up and history per person, over the socket and HTTP alike', async () => {
    const reader = await stack.account('Rhea Reader');
    await stack.join(one.code, reader);
    const client = await stack.connect({ code: one.code, token: reader.token });
    try {
      const pages = await Promise.all(Array.from({ length: 120 }, () => client.ask(ChatClientEvent.sync, { after: 0, limit: 1 })));
      expect(pages.filter((page) => !page.ok)).toEqual([]);
      const refused = await client.ask(ChatClientEvent.history, { limit: 1 });
      expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) } });
      expect(await history(reader, one.code)).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
      // Someone else reads on.
      expect((await history(ann, one.code)).status).toBe(200);
    } finally {
      client.close();
    }
  });

  it('closes a removed participant’s connection, and keeps them out of the chat, its history and its search', async () => {
    const closed = disconnection(annOne);
    expect((await stack.call(stack.meetings, 'DELETE', `/meetings/${one.code}/participants/${ann.id}`, { token: host.token })).status).toBe(204);
    expect(await closed).toEqual({ reason: 'io server disconnect', closed: { code: 'PARTICIPANT_REMOVED', message: expect.any(String) } });
    expect(hostOne.socket.connected).toBe(true);
    expect((await stack.refusal({ code: one.code, token: ann.token })).code).toBe('CHAT_NOT_FOUND');
    expect((await history(ann, one.code)).status).toBe(404);
    expect((await search(ann, 'q=budget')).body.results).toEqual([]);
  });

  it('closes every connection when the meeting ends; its participants keep reading the history', async () => {
    const closed = [disconnection(hostOne), disconnection(bobOne)];
    expect((await stack.call(stack.meetings, 'POST', `/meetings/${one.code}/end`, { token: host.token })).status).toBe(204);
    for (const result of await Promise.all(closed)) expect(result.closed).toEqual({ code: 'MEETING_ENDED', message: expect.any(String) });
    expect((await stack.refusal({ code: one.code, token: bob.token })).code).toBe('CHAT_NOT_LIVE');
    const after = await history(bob, one.code);
    expect(after.status).toBe(200);
    expect(after.body.messages.map((m) => m.body)).toContain('Quarterly budget review starts now');
  });

  it('exports what a person wrote, and erases it: text gone, name and identity anonymised, reactions and memberships removed', async () => {
    const subject = { userId: bob.id, requestId: newId() };
    const exported = await rpc.call<PrivacyExportPart>(PrivacyRpc.export('chat'), subject);
    expect(exported.service).toBe('chat');
    expect((exported.data['chatMessages'] as Array<{ body: string }>).map((m) => m.body).sort()).toEqual(['Budget spreadsheet attached soon', 'the budget is too tight, honestly']);
    expect(exported.data['chatMeetings']).toHaveLength(2);

    const erased = await rpc.call<PrivacyErasureReport>(PrivacyRpc.erase('chat'), subject);
    expect(erased).toEqual({ service: 'chat', counts: { messagesErased: 2, files: 0, privateMessagesReaddressed: 0, reactions: 0, memberships: 2 } });
    const again = await rpc.call<PrivacyErasureReport>(PrivacyRpc.erase('chat'), subject);
    expect(Object.values(again.counts).every((n) => n === 0)).toBe(true);
    const seenByHost = await history(host, one.code);
    const tombstone = seenByHost.body.messages.find((m) => m.from.displayName === 'Deleted user');
    expect(tombstone).toMatchObject({ body: '', deletedAt: expect.any(String), from: { identity: expect.stringMatching(/^deleted-/) } });
    expect(JSON.stringify(seenByHost.body)).not.toContain(bob.id);
    expect((await search(host, 'q=tight')).body.results).toEqual([]);
  });
});
