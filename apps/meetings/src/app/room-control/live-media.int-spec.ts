import { Client } from 'pg';
import { RoomServiceClient } from 'livekit-server-sdk';
import type { JoinResult, MeetingSettings } from '@confer/meetings/contracts';
import { canCreateNetworkNamespaces, createNetworkNamespace, waitUntil, type NetworkNamespace } from '@confer/shared/server/devstack';
import { runParticipantProbe } from '../join/testing/run-participant-probe';
import { startLiveStack, type Account, type LiveStack } from '../join/testing/live-stack';

type Admitted = Extract<JoinResult, { status: 'admitted' }>;

/**
 * Host controls as LiveKit enforces them on real @livekit/rtc-node participants. LiveKit and the
 * participants run in a private network namespace (native WebRTC never uses loopback); meetings and
 * identity run on the host and reach LiveKit, and LiveKit their webhooks, through unix-socket bridges.
 */
(canCreateNetworkNamespaces() ? describe : describe.skip)('meetings: host controls on real participants', () => {
  let netns: NetworkNamespace;
  let stack: LiveStack;
  let db: Client;
  let rooms: RoomServiceClient;
  let host: Account;
  let ann: Account;
  let ip = 1;

  beforeAll(async () => {
    netns = createNetworkNamespace();
    stack = await startLiveStack({}, { netns });
    db = new Client({ connectionString: stack.db.url });
    await db.connect();
    rooms = new RoomServiceClient(stack.livekitApiUrl, stack.livekit.apiKey, stack.livekit.apiSecret);
    host = await stack.account('host.media@example.test', 'Hana Host');
    ann = await stack.account('ann.media@example.test', 'Ann Media');
  });
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
    netns?.destroy();
  });

  const call = <T>(method: string, path: string, options: { token?: string; body?: unknown } = {}) =>
    stack.call<T>(stack.meetings, method, path, { ip: `192.0.2.${ip++}`, ...options });

  async function newMeeting(settings: Partial<MeetingSettings> = {}): Promise<{ id: string; code: string }> {
    const created = await call<{ id: string; code: string }>('POST', '/meetings', { token: host.token, body: { title: 'Media check' } });
    expect(created.status).toBe(201);
    await db.query(`UPDATE meetings.meetings SET settings = settings || $2::jsonb WHERE id = $1`, [created.body.id, JSON.stringify(settings)]);
    return created.body;
  }

  async function tokenFor(code: string, who: Account): Promise<Admitted> {
    const joined = await call<JoinResult>('POST', `/meetings/${code}/join`, { token: who.token, body: {} });
    expect(joined.status).toBe(200);
    return joined.body as Admitted;
  }

  const inRoom = async (meetingId: string, identity: string) =>
    (await rooms.listParticipants(meetingId).catch(() => [])).some((p) => p.identity === identity);

  it('refuses a screen share from a participant without the grant, and takes it from the host', async () => {
    const meeting = await newMeeting({ screenShare: 'host' });
    const annGrant = await tokenFor(meeting.code, ann);
    expect(annGrant.livekitUrl).toBe(stack.livekit.url);
    const participant = await runParticipantProbe(netns, { url: annGrant.livekitUrl, token: annGrant.token, mode: 'screen-share' });
    expect(participant).toMatchObject({ connected: true, camera: 'published', screenShare: 'refused' });
    const hostGrant = await tokenFor(meeting.code, host);
    const hosting = await runParticipantProbe(netns, { url: hostGrant.livekitUrl, token: hostGrant.token, mode: 'screen-share' });
    expect(hosting).toMatchObject({ connected: true, camera: 'published', screenShare: 'published' });
    // LiveKit's track_published webhook for the host's screen became an event on the bus, and only that one.
    const shares = async (type: string) =>
      (await db.query(`SELECT payload FROM meetings.outbox_events WHERE type = $1 AND payload->>'meetingId' = $2`, [type, meeting.id])).rows;
    await waitUntil('screenshare.started is on the outbox', async () => (await shares('meetings.screenshare.started')).length > 0, { timeoutMs: 10000 });
    await waitUntil('screenshare.stopped is on the outbox', async () => (await shares('meetings.screenshare.stopped')).length > 0, { timeoutMs: 10000 });
    expect((await shares('meetings.screenshare.started')).map((r) => r.payload.identity)).toEqual([host.id]);
  });

  it('disconnects a removed participant, records their attendance, and throws their old token out again', async () => {
    const meeting = await newMeeting();
    await tokenFor(meeting.code, host);
    const grant = await tokenFor(meeting.code, ann);
    const staying = runParticipantProbe(netns, { url: grant.livekitUrl, token: grant.token, mode: 'stay', stayMs: 40000 });
    await waitUntil('ann is in the room', () => inRoom(meeting.id, ann.id), { timeoutMs: 20000 });
    // LiveKit's participant_joined webhook came through: attendance is recorded.
    await waitUntil('attendance is recorded', async () =>
      (await db.query(`SELECT 1 FROM meetings.meeting_attendance WHERE meeting_id = $1 AND user_id = $2`, [meeting.id, ann.id])).rows.length === 1,
    { timeoutMs: 10000 });

    expect((await call('DELETE', `/meetings/${meeting.code}/participants/${ann.id}`, { token: host.token })).status).toBe(204);
    expect(await staying).toMatchObject({ connected: true, disconnected: true });
    await waitUntil('ann has left in the attendance', async () =>
      (await db.query(`SELECT 1 FROM meetings.meeting_attendance WHERE meeting_id = $1 AND user_id = $2 AND left_at IS NOT NULL`, [meeting.id, ann.id])).rows.length === 1,
    { timeoutMs: 10000 });

    // The old token is still within its 10 minutes: LiveKit lets it connect, and meetings, told by the
    // participant_joined webhook, removes it again.
    const again = await runParticipantProbe(netns, { url: grant.livekitUrl, token: grant.token, mode: 'stay', stayMs: 20000 });
    expect(again).toMatchObject({ connected: true, disconnected: true });
    expect(await inRoom(meeting.id, ann.id)).toBe(false);
  });

  it('ends the meeting for everyone: participants are disconnected and the room is gone', async () => {
    const meeting = await newMeeting();
    await tokenFor(meeting.code, host);
    const grant = await tokenFor(meeting.code, ann);
    const staying = runParticipantProbe(netns, { url: grant.livekitUrl, token: grant.token, mode: 'stay', stayMs: 40000 });
    await waitUntil('ann is in the room', () => inRoom(meeting.id, ann.id), { timeoutMs: 20000 });
    expect((await call('POST', `/meetings/${meeting.code}/end`, { token: host.token })).status).toBe(204);
    expect(await staying).toMatchObject({ connected: true, disconnected: true });
    expect(await rooms.listRooms([meeting.id])).toEqual([]);
  });
});
