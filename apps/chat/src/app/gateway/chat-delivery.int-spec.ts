import { Client } from 'pg';
import { ChatClientEvent, type ChatHistoryPage, type ChatMessage, type MessageAck, type MessagesAck, type ReactAck, type SendAck } from '@confer/chat/contracts';
import { ChatStack, newId, type Account, type ChatClient } from '../testing/chat-stack';

type Ok<T> = Extract<T, { ok: true }>;
const ok = <T extends { ok: boolean }>(ack: T): Ok<T> => {
  if (!ack.ok) throw new Error(`refused: ${JSON.stringify(ack)}`);
  return ack as Ok<T>;
};

/**
 * Delivery with real socket.io clients through the edge and straight to a second chat instance, on
 * the real identity, meetings (with LiveKit), Postgres and Redis: across instances, privately, once,
 * after a reconnect, verbatim, within limits.
 */
describe('chat: delivery', () => {
  let stack: ChatStack;
  let db: Client;
  let host: Account;
  let ann: Account;
  let bob: Account;
  let meeting: { id: string; code: string };
  let guestTicket: string;
  let guestIdentity: string;
  let hostA: ChatClient; // through the edge, chat instance A
  let annB: ChatClient; // straight to chat instance B
  let bobA: ChatClient;
  let guestB: ChatClient;

  beforeAll(async () => {
    stack = await ChatStack.start('chat-delivery', { secondChat: true });
    db = new Client({ connectionString: stack.test.db.url });
    await db.connect();
    host = await stack.account('Hazel Host', { verified: true });
    ann = await stack.account('Ann Attendee');
    bob = await stack.account('Bob Attendee');
    meeting = await stack.meeting(host);
    await stack.join(meeting.code, host);
    await stack.join(meeting.code, ann);
    await stack.join(meeting.code, bob);
    const guest = await stack.join(meeting.code, { guest: 'Gus <b>Guest</b>' });
    guestTicket = guest.ticket;
    guestIdentity = guest.identity;
    hostA = await stack.connect({ code: meeting.code, token: host.token });
    annB = await stack.connect({ code: meeting.code, token: ann.token }, { via: stack.chatB });
    bobA = await stack.connect({ code: meeting.code, token: bob.token });
    guestB = await stack.connect({ code: meeting.code, ticket: guestTicket }, { via: stack.chatB });
  });

  afterAll(async () => {
    for (const client of [hostA, annB, bobA, guestB]) client?.close();
    await db?.end();
    await stack?.stop();
  });

  it('greets each connection with the meeting and who they are in it', () => {
    expect(hostA.ready).toMatchObject({ meeting: { id: meeting.id, code: meeting.code, allowChat: true }, me: { identity: host.id, displayName: 'Hazel Host', role: 'host', guest: false } });
    expect(annB.ready.me).toEqual({ identity: ann.id, displayName: 'Ann Attendee', role: 'participant', guest: false });
    expect(guestB.ready.me).toEqual({ identity: guestIdentity, displayName: 'Gus <b>Guest</b>', role: 'participant', guest: true });
  });

  it('delivers a message sent through instance A to clients on instance B, and acknowledges it with the server id and time', async () => {
    const hostsOtherDevice = await stack.connect({ code: meeting.code, token: host.token }, { via: stack.chatB });
    const clientId = newId();
    const ack = ok(await hostA.ask<SendAck>(ChatClientEvent.send, { clientId, body: 'Welcome, everyone' }));
    expect(ack.duplicate).toBe(false);
    expect(ack.message).toMatchObject({ clientId, meetingId: meeting.id, body: 'Welcome, everyone', to: null, from: { identity: host.id, displayName: 'Hazel Host' } });
    expect(ack.message.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(ack.message.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    // Everyone, the sender's other device too; the sending connection has it in the ack only.
    for (const client of [annB, guestB, bobA, hostsOtherDevice]) {
      expect(await client.receive((m) => m.id === ack.message.id)).toEqual(ack.message);
    }
    hostsOtherDevice.close();
    // And back: from B to A.
    const reply = ok(await guestB.ask<SendAck>(ChatClientEvent.send, { clientId: newId(), body: 'Hello from the guest' }));
    expect((await hostA.receive((m) => m.id === reply.message.id)).from).toEqual({ identity: guestIdentity, displayName: 'Gus <b>Guest</b>', guest: true });
    expect(reply.message.seq).toBeGreaterThan(ack.message.seq);
  });

  it('delivers a private message to its recipient (and sender) only; a third participant sees nothing, live, in catch-up or in history', async () => {
    const secret = ok(await annB.ask<SendAck>(ChatClientEvent.send, { clientId: newId(), body: 'psst, only for Bob', to: bob.id }));
    expect(secret.message.to).toEqual({ identity: bob.id, displayName: 'Bob Attendee' });
    await bobA.receive((m) => m.id === secret.message.id);
    // A public message sent afterwards reaches the others after the private one would have.
    const after = ok(await annB.ask<SendAck>(ChatClientEvent.send, { clientId: newId(), body: 'public again' }));
    await Promise.all([hostA, guestB].map((c) => c.receive((m) => m.id === after.message.id)));
    // The sending connection had both in its acks and gets neither again.
    expect(annB.messages.map((m) => m.id)).not.toContain(secret.message.id);
    expect(annB.messages.map((m) => m.id)).not.toContain(after.message.id);
    for (const outsider of [hostA, guestB]) {
      expect(outsider.messages.map((m) => m.id)).not.toContain(secret.message.id);
      const synced = ok(await outsider.ask<MessagesAck>(ChatClientEvent.sync, { after: 0 }));
      expect(synced.messages.map((m) => m.id)).not.toContain(secret.message.id);
    }
    const hostHistory = await stack.call<ChatHistoryPage>(stack.chat, 'GET', `/meetings/${meeting.code}/messages`, { token: host.token });
    expect(hostHistory.body.messages.map((m) => m.body)).not.toContain('psst, only for Bob');
    const bobHistory = await stack.call<ChatHistoryPage>(stack.chat, 'GET', `/meetings/${meeting.code}/messages`, { token: bob.token });
    expect(bobHistory.body.messages.map((m) => m.body)).toContain('psst, only for Bob');
    // Someone not in the meeting cannot be written to.
    const nobody = await annB.ask<SendAck>(ChatClientEvent.send, { clientId: newId(), body: 'hello?', to: '00000000-0000-4000-8000-000000000000' });
    expect(nobody).toMatchObject({ ok: false, error: { code: 'RECIPIENT_NOT_FOUND', event: 'chat:send' } });
  });

  it('stores a client id once: sending it again answers the same message and delivers nothing new', async () => {
    const clientId = newId();
    const first = ok(await bobA.ask<SendAck>(ChatClientEvent.send, { clientId, body: 'only once' }));
    const again = ok(await bobA.ask<SendAck>(ChatClientEvent.send, { clientId, body: 'only once' }));
    const viaOtherInstance = await stack.connect({ code: meeting.code, token: bob.token }, { via: stack.chatB });
    const third = ok(await viaOtherInstance.ask<SendAck>(ChatClientEvent.send, { clientId, body: 'only once (retry)' }));
    viaOtherInstance.close();
    expect(again).toEqual({ ok: true, duplicate: true, message: first.message });
    expect(third.message.id).toBe(first.message.id);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM chat.messages WHERE client_id = $1`, [clientId]);
    expect(rows[0].n).toBe(1);
    const marker = ok(await bobA.ask<SendAck>(ChatClientEvent.send, { clientId: newId(), body: 'marker' }));
    await annB.receive((m) => m.id === marker.message.id);
    expect(annB.messages.filter((m) => m.id === first.message.id)).toHaveLength(1);
    // The event for analytics went into the outbox once too, without the text.
    const events = await db.query(`SELECT payload FROM chat.outbox_events WHERE type = 'chat.message.sent' AND payload->>'messageId' = $1`, [first.message.id]);
    expect(events.rows).toHaveLength(1);
    expect(events.rows[0].payload).toEqual({
      messageId: first.message.id,
      meetingId: meeting.id,
      senderIdentity: bob.id,
      senderUserId: bob.id,
      private: false,
      length: 9,
      sentAt: first.message.createdAt,
    });
    expect(JSON.stringify(events.rows[0].payload)).not.toContain('only once');
  });

  it('stores a client id sent through both instances at the same moment once, and only one of them delivers it', async () => {
    const otherDevice = await stack.connect({ code: meeting.code, token: bob.token }, { via: stack.chatB });
    try {
      for (let round = 0; round < 3; round++) {
        const clientId = newId();
        const answers = (
          await Promise.all([bobA, otherDevice].map((c) => c.ask<SendAck>(ChatClientEvent.send, { clientId, body: `both at once ${round}` })))
        ).map(ok);
        expect(answers.map((a) => a.duplicate).sort()).toEqual([false, true]);
        expect(answers[1].message).toEqual(answers[0].message);
        const { rows } = await db.query(
          `SELECT (SELECT count(*)::int FROM chat.messages WHERE client_id = $1) AS messages,
                  (SELECT count(*)::int FROM chat.outbox_events WHERE payload->>'messageId' = $2) AS events`,
          [clientId, answers[0].message.id],
        );
        expect(rows[0]).toEqual({ messages: 1, events: 1 });
        const marker = ok(await bobA.ask<SendAck>(ChatClientEvent.send, { clientId: newId(), body: `marker ${round}` }));
        await annB.receive((m) => m.id === marker.message.id);
        expect(annB.messages.filter((m) => m.id === answers[0].message.id)).toHaveLength(1);
      }
    } finally {
      otherDevice.close();
    }
  });

  it('gives a reconnecting client, in order, everything it missed: new messages, edits, deletions and reactions', async () => {
    const seen = Math.max(...annB.messages.map((m) => m.version));
    const before = ok(await hostA.ask<SendAck>(ChatClientEvent.send, { clientId: newId(), body: 'seen before leaving' }));
    await annB.receive((m) => m.id === before.message.id);
    const lastSeen = Math.max(seen, before.message.version);
    annB.close();

    const missed: string[] = [];
    for (const body of ['missed one', 'missed two', 'missed three']) {
      missed.push(ok(await bobA.ask<SendAck>(ChatClientEvent.send, { clientId: newId(), body })).message.id);
    }
    ok(await hostA.ask<MessageAck>(ChatClientEvent.edit, { id: before.message.id, body: 'seen before leaving (edited)' }));
    ok(await bobA.ask<MessageAck>(ChatClientEvent.delete, { id: missed[1] }));
    ok(await guestB.ask<ReactAck>(ChatClientEvent.react, { messageId: missed[0], emoji: '👍' }));

    annB = await stack.connect({ code: meeting.code, token: ann.token }, { via: stack.chatB });
    const synced = ok(await annB.ask<MessagesAck>(ChatClientEvent.sync, { after: lastSeen }));
    expect(synced.more).toBe(false);
    const versions = synced.messages.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    const latest = new Map<string, ChatMessage>(synced.messages.map((m) => [m.id, m]));
    expect(latest.get(missed[2])?.body).toBe('missed three');
    expect(latest.get(missed[1])).toMatchObject({ body: '', deletedAt: expect.any(String) });
    expect(latest.get(before.message.id)).toMatchObject({ body: 'seen before leaving (edited)', editedAt: expect.any(String) });
    expect(latest.get(missed[0])?.reactions).toEqual([{ emoji: '👍', count: 1, by: [{ identity: guestIdentity, displayName: 'Gus <b>Guest</b>' }] }]);
    expect(synced.messages.every((m) => m.version > lastSeen)).toBe(true);
    // Paged: one at a time, in the same order.
    const first = ok(await annB.ask<MessagesAck>(ChatClientEvent.sync, { after: lastSeen, limit: 1 }));
    expect(first).toMatchObject({ more: true, messages: [{ id: synced.messages[0].id }] });
  });

  it('stores and returns an XSS payload as text, byte for byte, over the socket and the API', async () => {
    const payload = `<img src=x onerror="alert('xss')"><script>document.cookie</script>&amp; ${'\u202e'}ǝʇɐɹɐd 🎉\n<a href="javascript:alert(1)">x</a>`;
    const sent = ok(await guestB.ask<SendAck>(ChatClientEvent.send, { clientId: newId(), body: payload }));
    expect(sent.message.body).toBe(payload);
    expect((await hostA.receive((m) => m.id === sent.message.id)).body).toBe(payload);
    const { rows } = await db.query(`SELECT body FROM chat.messages WHERE id = $1`, [sent.message.id]);
    expect(rows[0].body).toBe(payload);
    const history = await stack.call<ChatHistoryPage>(stack.chat, 'GET', `/meetings/${meeting.code}/messages`, { token: ann.token });
    expect(history.body.messages.find((m) => m.id === sent.message.id)?.body).toBe(payload);
  });

  it('refuses unknown fields and malformed payloads with an error event, and the connection carries on', async () => {
    const refused = await bobA.ask<SendAck>(ChatClientEvent.send, { clientId: newId(), body: 'hi', role: 'host' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', event: 'chat:send', details: { fields: [{ field: 'role' }] } } });
    expect(bobA.errors.at(-1)).toEqual(refused.ok ? undefined : refused.error);
    for (const [event, payload] of [
      [ChatClientEvent.send, 'just a string'],
      [ChatClientEvent.send, { clientId: 'not-a-uuid', body: 'x' }],
      [ChatClientEvent.send, { clientId: newId(), body: 'x'.repeat(4001) }],
      [ChatClientEvent.react, { messageId: newId(), emoji: 'not an emoji' }],
      [ChatClientEvent.sync, { after: -1 }],
      [ChatClientEvent.edit, null],
    ] as const) {
      const answer = await bobA.ask(event, payload);
      expect(answer).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(VALIDATION_FAILED|MESSAGE_TOO_LONG)$/) } });
    }
    bobA.socket.emit('chat:no-such-event', { x: 1 });
    bobA.socket.emit(ChatClientEvent.send, { clientId: newId(), body: 'no ack asked' });
    const still = ok(await bobA.ask<SendAck>(ChatClientEvent.send, { clientId: newId(), body: 'still here' }));
    expect(still.message.body).toBe('still here');
  });

  it('lets authors edit and delete their own messages, hosts delete any, and nobody else', async () => {
    const bobs = ok(await bobA.ask<SendAck>(ChatClientEvent.send, { clientId: newId(), body: 'typo hre' })).message;
    expect(await annB.ask(ChatClientEvent.edit, { id: bobs.id, body: 'hijacked' })).toMatchObject({ ok: false, error: { code: 'MESSAGE_NOT_YOURS' } });
    expect(await annB.ask(ChatClientEvent.delete, { id: bobs.id })).toMatchObject({ ok: false, error: { code: 'MESSAGE_NOT_YOURS' } });
    const edited = ok(await bobA.ask<MessageAck>(ChatClientEvent.edit, { id: bobs.id, body: 'typo here' })).message;
    expect(edited).toMatchObject({ id: bobs.id, seq: bobs.seq, body: 'typo here' });
    expect(edited.version).toBeGreaterThan(bobs.version);
    expect((await annB.receive((m) => m.id === bobs.id && m.version === edited.version)).body).toBe('typo here');
    const deleted = ok(await hostA.ask<MessageAck>(ChatClientEvent.delete, { id: bobs.id })).message;
    expect(deleted).toMatchObject({ body: '', deletedAt: expect.any(String), reactions: [] });
    expect(await bobA.ask(ChatClientEvent.edit, { id: bobs.id, body: 'back' })).toMatchObject({ ok: false, error: { code: 'MESSAGE_NOT_FOUND' } });
  });

  it('toggles emoji reactions with counts and who reacted, and floats ephemeral reactions to the room', async () => {
    const target = ok(await hostA.ask<SendAck>(ChatClientEvent.send, { clientId: newId(), body: 'react to me' })).message;
    ok(await annB.ask<ReactAck>(ChatClientEvent.react, { messageId: target.id, emoji: '🎉' }));
    const both = ok(await bobA.ask<ReactAck>(ChatClientEvent.react, { messageId: target.id, emoji: '🎉' }));
    expect(both.added).toBe(true);
    expect(both.message.reactions).toEqual([{ emoji: '🎉', count: 2, by: [{ identity: ann.id, displayName: 'Ann Attendee' }, { identity: bob.id, displayName: 'Bob Attendee' }] }]);
    const undone = ok(await annB.ask<ReactAck>(ChatClientEvent.react, { messageId: target.id, emoji: '🎉' }));
    expect(undone.added).toBe(false);
    expect(undone.message.reactions).toEqual([{ emoji: '🎉', count: 1, by: [{ identity: bob.id, displayName: 'Bob Attendee' }] }]);
    expect((await hostA.receive((m) => m.id === target.id && m.version === undone.message.version)).reactions[0].count).toBe(1);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM chat.outbox_events WHERE type = 'chat.reaction.added' AND payload->>'messageId' = $1`, [target.id]);
    expect(rows[0].n).toBe(2);

    const floated = new Promise((resolve) => annB.socket.once('chat:float', resolve));
    ok(await guestB.ask(ChatClientEvent.float, { emoji: '👏' }));
    expect(await floated).toMatchObject({ emoji: '👏', from: { identity: guestIdentity, displayName: 'Gus <b>Guest</b>' } });
  });

  it('answers a burst beyond the per-person limit with RATE_LIMITED and when to retry', async () => {
    const answers = [];
    for (let i = 0; i < 21; i++) answers.push(await guestB.ask<SendAck>(ChatClientEvent.send, { clientId: newId(), body: `burst ${i}` }));
    const limited = answers.filter((a) => !a.ok);
    expect(limited.length).toBeGreaterThanOrEqual(1);
    expect(limited[0]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', event: 'chat:send', retryAfterSeconds: expect.any(Number) } });
    expect(guestB.errors.at(-1)).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('Try again'), clientId: expect.any(String) });
  });

  it('refuses participants’ messages when a host turned chat off, and still takes the host’s', async () => {
    const quiet = await stack.meeting(host, { allowChat: false });
    await stack.join(quiet.code, host);
    await stack.join(quiet.code, ann);
    const hostQuiet = await stack.connect({ code: quiet.code, token: host.token });
    const annQuiet = await stack.connect({ code: quiet.code, token: ann.token }, { via: stack.chatB });
    try {
      expect(annQuiet.ready.meeting.allowChat).toBe(false);
      expect(await annQuiet.ask(ChatClientEvent.send, { clientId: newId(), body: 'can I speak?' })).toMatchObject({ ok: false, error: { code: 'CHAT_DISABLED' } });
      expect(annQuiet.errors.at(-1)).toMatchObject({ code: 'CHAT_DISABLED', event: 'chat:send' });
      const announcement = ok(await hostQuiet.ask<SendAck>(ChatClientEvent.send, { clientId: newId(), body: 'Questions at the end, please' }));
      expect((await annQuiet.receive((m) => m.id === announcement.message.id)).body).toBe('Questions at the end, please');
    } finally {
      hostQuiet.close();
      annQuiet.close();
    }
  });
});
