import { Client } from 'pg';
import { RoomServiceClient, TokenVerifier } from 'livekit-server-sdk';
import type { JoinResult, LiveKitGrant, LobbyEntryView, LobbyPollResult, MeetingPreview, MeetingSettings, ParticipantView } from '@confer/meetings/contracts';
import { hashPasscode } from '@confer/meetings/domain';
import { PrivacyRpc, type PrivacyErasureReport, type PrivacyExportPart } from '@confer/shared/contracts';
import { waitUntil } from '@confer/shared/server/devstack';
import { RpcClient } from '@confer/shared/server/events';
import { startLiveStack, type Account, type ApiResponse, type CallOptions, type LiveStack } from './testing/live-stack';

type Admitted = Extract<JoinResult, { status: 'admitted' }>;

/**
 * Joining, the lobby and host controls against the real identity, meetings and LiveKit: tokens are
 * decoded with LiveKit's own verifier, rooms are looked up in LiveKit, webhooks are signed like
 * LiveKit signs them (and LiveKit's own webhooks flow to meetings throughout).
 */
describe('meetings: joining and live state', () => {
  let stack: LiveStack;
  let db: Client;
  let rooms: RoomServiceClient;
  let host: Account;
  let ann: Account;
  let bob: Account;
  let eve: Account;
  let ipCounter = 1;
  const nextIp = () => `192.0.2.${ipCounter++}`;
  const meetings = <T>(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> =>
    stack.call<T>(stack.meetings, method, path, { ip: nextIp(), ...options });

  beforeAll(async () => {
    stack = await startLiveStack({ MEETINGS_RECONCILE_INTERVAL_MS: '300', EMPTY_ROOM_TIMEOUT_MINUTES: '2' });
    db = new Client({ connectionString: stack.db.url });
    await db.connect();
    rooms = new RoomServiceClient(stack.livekit.httpUrl, stack.livekit.apiKey, stack.livekit.apiSecret);
    host = await stack.account('host.live@example.test', 'Hazel Host');
    ann = await stack.account('ann.live@example.test', 'Ann Attendee');
    bob = await stack.account('bob.live@example.test', 'Bob Attendee');
    eve = await stack.account('eve.live@example.test', 'Eve Outsider');
  });
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  async function newMeeting(settings: Partial<MeetingSettings> = {}, passcode?: string): Promise<{ id: string; code: string }> {
    const created = await meetings<{ id: string; code: string }>('POST', '/meetings', { token: host.token, body: { title: 'Weekly sync' } });
    expect(created.status).toBe(201);
    await db.query(`UPDATE meetings.meetings SET settings = settings || $2::jsonb, passcode_hash = $3 WHERE id = $1`, [
      created.body.id,
      JSON.stringify(settings),
      passcode ? await hashPasscode(passcode) : null,
    ]);
    return created.body;
  }

  async function join(code: string, who: Account | { guest: string }, body: Record<string, unknown> = {}, ip?: string) {
    return 'guest' in who
      ? meetings<JoinResult>('POST', `/meetings/${code}/join`, { body: { displayName: who.guest, ...body }, ip })
      : meetings<JoinResult>('POST', `/meetings/${code}/join`, { token: who.token, body, ip });
  }

  const statusOf = async (id: string) => (await db.query(`SELECT status FROM meetings.meetings WHERE id = $1`, [id])).rows[0]?.status as string;
  const roomExists = async (id: string) => (await rooms.listRooms([id])).length > 0;

  describe('preview and join', () => {
    let meeting: { id: string; code: string };

    beforeAll(async () => {
      meeting = await newMeeting({ screenShare: 'host', muteOnEntry: true }, 'tulip42');
    });

    it('previews a meeting to anyone with its code (the host’s name from identity), and nothing else', async () => {
      const preview = await meetings<MeetingPreview>('GET', `/meetings/${meeting.code}/preview`);
      expect(preview.status).toBe(200);
      expect(preview.body).toEqual({
        code: meeting.code,
        title: 'Weekly sync',
        hostName: 'Hazel Host',
        status: 'scheduled',
        passcodeRequired: true,
        waitingRoom: false,
        guestsAllowed: true,
        locked: false,
      });
      expect((await meetings('GET', '/meetings/zzz-zzzz-zzz/preview')).body).toMatchObject({ code: 'MEETING_NOT_FOUND' });
      expect((await meetings('GET', '/meetings/zzz-zzzz-zzz/preview')).status).toBe(404);
    });

    it('admits the host with a LiveKit token for this room only, and the room goes live', async () => {
      const joined = await join(meeting.code, host);
      expect(joined.status).toBe(200);
      const grant = joined.body as Admitted;
      expect(grant).toMatchObject({
        status: 'admitted',
        identity: host.id,
        role: 'host',
        livekitUrl: stack.livekit.url,
        entry: { microphoneOn: false, cameraOn: true },
      });
      const claims = await new TokenVerifier(stack.livekit.apiKey, stack.livekit.apiSecret).verify(grant.token);
      expect(claims.sub).toBe(host.id);
      expect(claims.name).toBe('Hazel Host');
      expect(claims.attributes).toMatchObject({ role: 'host' });
      expect(claims.video).toMatchObject({ roomJoin: true, room: meeting.id, canPublish: true, canSubscribe: true });
      expect(claims.video?.canPublishSources).toEqual(['camera', 'microphone', 'screen_share', 'screen_share_audio']);
      expect(claims.video?.roomAdmin).not.toBe(true);
      expect(claims.video?.roomRecord).not.toBe(true);
      expect(claims.video?.hidden).not.toBe(true);
      expect((claims.exp ?? 0) - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(600);
      expect(Date.parse(grant.expiresAt)).toBeLessThanOrEqual(Date.now() + 600_000);
      // LiveKit's own room_started webhook reached meetings.
      await waitUntil('the meeting is live', async () => (await statusOf(meeting.id)) === 'live', { timeoutMs: 15000 });
      expect((await meetings<MeetingPreview>('GET', `/meetings/${meeting.code}/preview`)).body).toMatchObject({ status: 'live', hostName: 'Hazel Host' });
    });

    it('refuses a wrong passcode with 403 and lets the right one in, without screen sharing for participants', async () => {
      expect((await join(meeting.code, ann)).body).toMatchObject({ code: 'PASSCODE_INVALID' });
      const wrong = await join(meeting.code, ann, { passcode: 'tulip43' });
      expect(wrong.status).toBe(403);
      expect(wrong.body).toMatchObject({ code: 'PASSCODE_INVALID' });
      const right = await join(meeting.code, ann, { passcode: 'tulip42' });
      expect(right.status).toBe(200);
      const claims = await new TokenVerifier(stack.livekit.apiKey, stack.livekit.apiSecret).verify((right.body as Admitted).token);
      expect(claims.video?.canPublishSources).toEqual(['camera', 'microphone']);
      expect(claims.attributes).toMatchObject({ role: 'participant' });
    });

    it('lets guests in under a name, as participants with an identity of their own, unless guests are off', async () => {
      const guest = await join(meeting.code, { guest: 'Gus Guest' }, { passcode: 'tulip42' });
      expect(guest.status).toBe(200);
      expect((guest.body as Admitted).identity).toMatch(/^guest-[0-9a-f-]{36}$/);
      expect((guest.body as Admitted).role).toBe('participant');
      expect((await meetings('POST', `/meetings/${meeting.code}/join`, { body: { passcode: 'tulip42' } })).status).toBe(400);
      const closed = await newMeeting({ allowGuests: false });
      const refused = await join(closed.code, { guest: 'Gus Guest' });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'GUESTS_NOT_ALLOWED' });
    });

    it('renews a token for someone admitted, by their ticket', async () => {
      const joined = (await join(meeting.code, bob, { passcode: 'tulip42' })).body as Admitted;
      const renewed = await meetings<LiveKitGrant>('POST', `/meetings/${meeting.code}/token`, { body: { ticket: joined.ticket } });
      expect(renewed.status).toBe(200);
      expect(renewed.body).toMatchObject({ identity: bob.id, role: 'participant' });
      const claims = await new TokenVerifier(stack.livekit.apiKey, stack.livekit.apiSecret).verify(renewed.body.token);
      expect(claims.video).toMatchObject({ roomJoin: true, room: meeting.id });
      expect(Date.parse(renewed.body.expiresAt)).toBeGreaterThanOrEqual(Date.parse(joined.expiresAt));
      const bogus = await meetings('POST', `/meetings/${meeting.code}/token`, { body: { ticket: 'A'.repeat(43) } });
      expect(bogus.status).toBe(404);
    });

    it('rate-limits join attempts per IP with 429 and Retry-After', async () => {
      const ip = '192.0.2.250';
      let last: ApiResponse<unknown> | undefined;
      for (let i = 0; i < 31; i++) last = await join(meeting.code, eve, { passcode: `guess${i}` }, ip);
      expect(last?.status).toBe(429);
      expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });

  describe('lobby', () => {
    let meeting: { id: string; code: string };

    beforeAll(async () => {
      meeting = await newMeeting({ waitingRoom: true });
      expect((await join(meeting.code, host)).status).toBe(200);
    });

    it('keeps people waiting until a host admits them, then hands them a token', async () => {
      const waiting = await join(meeting.code, ann);
      expect(waiting.status).toBe(202);
      expect(waiting.body).toMatchObject({ status: 'waiting', identity: ann.id });
      const { ticket } = waiting.body as { ticket: string };
      expect((await meetings<LobbyPollResult>('GET', `/meetings/${meeting.code}/lobby/${ticket}`)).body).toMatchObject({ status: 'waiting' });
      expect((await meetings('POST', `/meetings/${meeting.code}/token`, { body: { ticket } })).status).toBe(403);

      const lobby = await meetings<LobbyEntryView[]>('GET', `/meetings/${meeting.code}/lobby`, { token: host.token });
      expect(lobby.body.map((e) => [e.identity, e.displayName, e.guest])).toEqual([[ann.id, 'Ann Attendee', false]]);
      const [room] = await rooms.listRooms([meeting.id]);
      expect(JSON.parse(room.metadata)).toEqual({ locked: false, lobbyCount: 1 });

      expect((await meetings('POST', `/meetings/${meeting.code}/lobby/${ann.id}/admit`, { token: host.token })).status).toBe(204);
      const admitted = await meetings<LobbyPollResult>('GET', `/meetings/${meeting.code}/lobby/${ticket}`);
      expect(admitted.body).toMatchObject({ status: 'admitted', identity: ann.id, role: 'participant' });
      const claims = await new TokenVerifier(stack.livekit.apiKey, stack.livekit.apiSecret).verify((admitted.body as Admitted).token);
      expect(claims.video).toMatchObject({ roomJoin: true, room: meeting.id });
      const [after] = await rooms.listRooms([meeting.id]);
      expect(JSON.parse(after.metadata)).toEqual({ locked: false, lobbyCount: 0 });
    });

    it('tells a denied person so', async () => {
      const waiting = await join(meeting.code, { guest: 'Gate Crasher' });
      expect(waiting.status).toBe(202);
      const { ticket, identity } = waiting.body as { ticket: string; identity: string };
      expect((await meetings('POST', `/meetings/${meeting.code}/lobby/${identity}/deny`, { token: host.token })).status).toBe(204);
      expect((await meetings('GET', `/meetings/${meeting.code}/lobby/${ticket}`)).body).toEqual({ status: 'denied' });
      expect((await meetings('POST', `/meetings/${meeting.code}/lobby/${identity}/admit`, { token: host.token })).status).toBe(404);
    });
  });

  describe('host controls', () => {
    let meeting: { id: string; code: string };
    let annTicket: string;

    beforeAll(async () => {
      meeting = await newMeeting();
      expect((await join(meeting.code, host)).status).toBe(200);
      annTicket = ((await join(meeting.code, ann)).body as Admitted).ticket;
      expect((await join(meeting.code, bob)).status).toBe(200);
    });

    it('lets nobody but hosts use them: 401 anonymous, 404 outsiders, 403 participants', async () => {
      const c = meeting.code;
      const routes: Array<[string, string, unknown?]> = [
        ['GET', `/meetings/${c}/participants`],
        ['GET', `/meetings/${c}/lobby`],
        ['POST', `/meetings/${c}/lobby/${ann.id}/admit`],
        ['POST', `/meetings/${c}/lobby/${ann.id}/deny`],
        ['POST', `/meetings/${c}/participants/${ann.id}/mute`, { track: 'microphone' }],
        ['POST', `/meetings/${c}/mute-all`],
        ['DELETE', `/meetings/${c}/participants/${ann.id}`],
        ['PUT', `/meetings/${c}/participants/${ann.id}/role`, { role: 'co-host' }],
        ['POST', `/meetings/${c}/host`, { identity: ann.id }],
        ['PUT', `/meetings/${c}/lock`, { locked: true }],
        ['POST', `/meetings/${c}/end`],
      ];
      for (const [method, path, body] of routes) {
        expect([path, (await meetings(method, path, { body })).status]).toEqual([path, 401]);
        expect([path, (await meetings(method, path, { body, token: eve.token })).status]).toEqual([path, 404]);
        expect([path, (await meetings(method, path, { body, token: bob.token })).status]).toEqual([path, 403]);
      }
      expect(await statusOf(meeting.id)).toBe('live');
      expect((await meetings('GET', `/meetings/${c}/lobby/${'B'.repeat(43)}`)).status).toBe(404);
      expect((await meetings('POST', `/meetings/${c}/hand`, { body: { ticket: 'B'.repeat(43), raised: true } })).status).toBe(404);
    });

    it('lists participants to the host, and says when someone is not connected to mute', async () => {
      const listed = await meetings<ParticipantView[]>('GET', `/meetings/${meeting.code}/participants`, { token: host.token });
      expect(listed.body.map((p) => [p.identity, p.role])).toEqual([
        [host.id, 'host'],
        [ann.id, 'participant'],
        [bob.id, 'participant'],
      ]);
      const mute = await meetings('POST', `/meetings/${meeting.code}/participants/${ann.id}/mute`, { token: host.token, body: { track: 'microphone' } });
      expect(mute.status).toBe(409);
      expect(mute.body).toMatchObject({ code: 'PARTICIPANT_NOT_IN_ROOM' });
    });

    it('raises and lowers a hand with the participant’s ticket and says so on the bus', async () => {
      expect((await meetings('POST', `/meetings/${meeting.code}/hand`, { body: { ticket: annTicket, raised: true } })).status).toBe(204);
      expect((await db.query(`SELECT hand_raised FROM meetings.meeting_participants WHERE identity = $1 AND meeting_id = $2`, [ann.id, meeting.id])).rows[0]).toEqual({ hand_raised: true });
      expect((await meetings('POST', `/meetings/${meeting.code}/hand`, { body: { ticket: annTicket, raised: false } })).status).toBe(204);
      const events = await db.query(`SELECT type, payload FROM meetings.outbox_events WHERE type LIKE 'meetings.hand.%' ORDER BY seq`);
      expect(events.rows.map((r) => [r.type, r.payload.identity])).toEqual([
        ['meetings.hand.raised', ann.id],
        ['meetings.hand.lowered', ann.id],
      ]);
    });

    it('makes a co-host, who may lock but not hand roles out', async () => {
      expect((await meetings('PUT', `/meetings/${meeting.code}/participants/${ann.id}/role`, { token: host.token, body: { role: 'co-host' } })).status).toBe(204);
      expect((await meetings('PUT', `/meetings/${meeting.code}/lock`, { token: ann.token, body: { locked: true } })).status).toBe(204);
      expect((await meetings<MeetingPreview>('GET', `/meetings/${meeting.code}/preview`)).body.locked).toBe(true);
      const [room] = await rooms.listRooms([meeting.id]);
      expect(JSON.parse(room.metadata)).toMatchObject({ locked: true });
      const refused = await join(meeting.code, eve);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'MEETING_LOCKED' });
      const roleByCoHost = await meetings('PUT', `/meetings/${meeting.code}/participants/${bob.id}/role`, { token: ann.token, body: { role: 'co-host' } });
      expect(roleByCoHost.status).toBe(403);
      expect((await meetings('PUT', `/meetings/${meeting.code}/lock`, { token: host.token, body: { locked: false } })).status).toBe(204);
      expect((await join(meeting.code, eve)).status).toBe(200);
    });

    it('removes someone for good: their ticket stops working and they cannot join again', async () => {
      const bobTicket = ((await join(meeting.code, bob)).body as Admitted).ticket;
      expect((await meetings('DELETE', `/meetings/${meeting.code}/participants/${bob.id}`, { token: host.token })).status).toBe(204);
      const renew = await meetings('POST', `/meetings/${meeting.code}/token`, { body: { ticket: bobTicket } });
      expect(renew.status).toBe(403);
      expect(renew.body).toMatchObject({ code: 'PARTICIPANT_REMOVED' });
      const again = await join(meeting.code, bob);
      expect(again.status).toBe(403);
      expect(again.body).toMatchObject({ code: 'PARTICIPANT_REMOVED' });
    });

    it('ends the meeting for everyone: the room is deleted and nobody joins any more', async () => {
      expect(await roomExists(meeting.id)).toBe(true);
      expect((await meetings('POST', `/meetings/${meeting.code}/end`, { token: ann.token })).status).toBe(204);
      expect(await statusOf(meeting.id)).toBe('ended');
      expect(await roomExists(meeting.id)).toBe(false);
      const late = await join(meeting.code, host);
      expect(late.status).toBe(409);
      expect(late.body).toMatchObject({ code: 'MEETING_NOT_JOINABLE' });
      const ended = await db.query(`SELECT payload FROM meetings.outbox_events WHERE type = 'meetings.meeting.ended'`);
      expect(ended.rows.map((r) => r.payload)).toContainEqual(expect.objectContaining({ meetingId: meeting.id, reason: 'ended_by_host' }));
    });
  });

  it('ends one session of a recurring meeting: the series stays scheduled for its next occurrence', async () => {
    const meeting = await newMeeting();
    await db.query(`UPDATE meetings.meetings SET rrule = 'FREQ=WEEKLY' WHERE id = $1`, [meeting.id]);
    expect((await join(meeting.code, host)).status).toBe(200);
    await waitUntil('the meeting is live', async () => (await statusOf(meeting.id)) === 'live', { timeoutMs: 15000 });
    expect((await meetings('POST', `/meetings/${meeting.code}/end`, { token: host.token })).status).toBe(204);
    expect(await statusOf(meeting.id)).toBe('scheduled');
    expect(await roomExists(meeting.id)).toBe(false);
    const ended = await db.query(`SELECT 1 FROM meetings.outbox_events WHERE type = 'meetings.meeting.ended' AND payload->>'meetingId' = $1`, [meeting.id]);
    expect(ended.rows).toHaveLength(1);
    expect((await join(meeting.code, host)).status).toBe(200);
  });

  describe('LiveKit webhooks', () => {
    let meeting: { id: string; code: string };
    const now = () => Math.floor(Date.now() / 1000);

    beforeAll(async () => {
      meeting = await newMeeting();
      expect((await join(meeting.code, host)).status).toBe(200);
      expect((await join(meeting.code, ann)).status).toBe(200);
    });

    function participantEvent(event: 'participant_joined' | 'participant_left', id: string, createdAt = now()): string {
      return JSON.stringify({
        event,
        id,
        createdAt: String(createdAt),
        room: { sid: 'RM_test', name: meeting.id },
        participant: { sid: 'PA_ann1', identity: ann.id, name: 'Ann Attendee', joinedAt: String(createdAt), state: 'ACTIVE' },
      });
    }

    async function post(body: string, signature?: string) {
      return stack.call<{ received: boolean; duplicate: boolean }>(stack.meetings, 'POST', '/livekit/webhook', {
        rawBody: body,
        headers: { 'content-type': 'application/webhook+json', ...(signature ? { authorization: signature } : {}) },
      });
    }

    const attendance = async () =>
      (await db.query(`SELECT identity, user_id, display_name, joined_at, left_at FROM meetings.meeting_attendance WHERE meeting_id = $1 AND livekit_sid = 'PA_ann1'`, [meeting.id])).rows;

    it('records a signed participant_joined once, however often it is delivered', async () => {
      const body = participantEvent('participant_joined', 'EV_join_1');
      const first = await post(body, await stack.signWebhook(body));
      expect(first).toMatchObject({ status: 200, body: { received: true, duplicate: false } });
      const again = await post(body, await stack.signWebhook(body));
      expect(again).toMatchObject({ status: 200, body: { received: true, duplicate: true } });
      expect(await attendance()).toEqual([expect.objectContaining({ identity: ann.id, user_id: ann.id, display_name: 'Ann Attendee', left_at: null })]);
      const joined = await db.query(`SELECT payload FROM meetings.outbox_events WHERE type = 'meetings.participant.joined' AND payload->>'meetingId' = $1`, [meeting.id]);
      expect(joined.rows).toHaveLength(1);
    });

    it('records participant_left on the same row', async () => {
      const body = participantEvent('participant_left', 'EV_left_1');
      expect((await post(body, await stack.signWebhook(body))).status).toBe(200);
      const [row] = await attendance();
      expect(row.left_at).not.toBeNull();
      const left = await db.query(`SELECT 1 FROM meetings.outbox_events WHERE type = 'meetings.participant.left' AND payload->>'meetingId' = $1`, [meeting.id]);
      expect(left.rows).toHaveLength(1);
    });

    it('rejects unsigned, forged and stale deliveries without effect', async () => {
      const body = participantEvent('participant_joined', 'EV_forged');
      expect((await post(body)).status).toBe(401);
      const forged = await post(body, await stack.signWebhook(body, 'not-the-secret-of-this-livekit-0123456789abcdef'));
      expect(forged.status).toBe(401);
      expect(forged.body).toMatchObject({ code: 'WEBHOOK_SIGNATURE_INVALID' });
      const tampered = await post(body.replace('Ann Attendee', 'Mallory'), await stack.signWebhook(body));
      expect(tampered.status).toBe(401);
      const staleBody = participantEvent('participant_joined', 'EV_stale', now() - 600);
      const stale = await post(staleBody, await stack.signWebhook(staleBody));
      expect(stale.status).toBe(400);
      expect(stale.body).toMatchObject({ code: 'WEBHOOK_STALE' });
      const ids = await db.query(`SELECT id FROM meetings.livekit_webhook_deliveries WHERE id IN ('EV_forged', 'EV_stale')`);
      expect(ids.rows).toEqual([]);
      expect(await attendance()).toHaveLength(1);
    });
  });

  describe('reconciler', () => {
    it('ends a live meeting whose room is gone', async () => {
      const meeting = await newMeeting();
      await db.query(`UPDATE meetings.meetings SET status = 'live', started_at = now() WHERE id = $1`, [meeting.id]);
      await waitUntil('the reconciler ends it', async () => (await statusOf(meeting.id)) === 'ended', { timeoutMs: 10000 });
      const ended = await db.query(`SELECT payload FROM meetings.outbox_events WHERE type = 'meetings.meeting.ended' AND payload->>'meetingId' = $1`, [meeting.id]);
      expect(ended.rows[0].payload).toMatchObject({ reason: 'reconciled' });
    });

    it('deletes a room that has been empty too long and ends its meeting', async () => {
      const meeting = await newMeeting();
      expect((await join(meeting.code, host)).status).toBe(200);
      await waitUntil('the meeting is live', async () => (await statusOf(meeting.id)) === 'live', { timeoutMs: 15000 });
      // Nobody connected since it started (moved 5 minutes back, past the 2-minute timeout).
      await db.query(`UPDATE meetings.meetings SET started_at = now() - interval '5 minutes' WHERE id = $1`, [meeting.id]);
      await waitUntil('the reconciler ends it', async () => (await statusOf(meeting.id)) === 'ended', { timeoutMs: 10000 });
      expect(await roomExists(meeting.id)).toBe(false);
    });
  });

  describe('privacy', () => {
    let rpc: RpcClient;
    const subject = (userId: string) => ({ userId, requestId: '00000000-0000-4000-8000-000000000000' });

    beforeAll(() => {
      rpc = new RpcClient(stack.redis.url, 10000);
    });
    afterAll(async () => {
      await rpc?.close();
    });

    it('exports where a person took part and when they were connected', async () => {
      const part = await rpc.call<PrivacyExportPart>(PrivacyRpc.export('meetings'), subject(ann.id));
      const data = part.data as { participations: { role: string }[]; attendance: { displayName: string; leftAt: string | null }[] };
      expect(data.participations.length).toBeGreaterThanOrEqual(4);
      expect(data.participations.map((p) => p.role)).toContain('co-host');
      expect(data.attendance).toEqual([expect.objectContaining({ displayName: 'Ann Attendee', leftAt: expect.any(String) })]);
    });

    it('anonymises attendance and closes the rooms of live meetings the person hosted', async () => {
      const pat = await stack.account('pat.live@example.test', 'Pat Privacy');
      const created = await meetings<{ id: string; code: string }>('POST', '/meetings', { token: pat.token, body: { title: 'Pat’s stand-up' } });
      expect((await join(created.body.code, pat)).status).toBe(200);
      await waitUntil('the meeting is live', async () => (await statusOf(created.body.id)) === 'live', { timeoutMs: 15000 });
      expect(await roomExists(created.body.id)).toBe(true);

      const report = await rpc.call<PrivacyErasureReport>(PrivacyRpc.erase('meetings'), subject(pat.id));
      expect(report.counts).toMatchObject({ roomsClosed: 1 });
      expect(await statusOf(created.body.id)).toBe('ended');
      expect(await roomExists(created.body.id)).toBe(false);

      await rpc.call<PrivacyErasureReport>(PrivacyRpc.erase('meetings'), subject(ann.id));
      const rows = await db.query(`SELECT user_id, display_name, identity FROM meetings.meeting_attendance WHERE livekit_sid = 'PA_ann1'`);
      expect(rows.rows).toEqual([{ user_id: null, display_name: 'Deleted user', identity: expect.stringMatching(/^deleted-/) }]);
      expect((await db.query(`SELECT 1 FROM meetings.meeting_participants WHERE user_id = $1`, [ann.id])).rows).toEqual([]);
    });
  });
});
