import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { RoomServiceClient, TokenVerifier, TrackSource } from 'livekit-server-sdk';
import { LIVE_TOPICS, type JoinResult, type LiveControlMessage, type LiveKitGrant, type MeetingSettings } from '@confer/meetings/contracts';
import { canCreateNetworkNamespaces, createNetworkNamespace, waitUntil, type NetworkNamespace } from '@confer/shared/server/devstack';
import { startScriptedParticipant } from '../join/testing/run-scripted-participant';
import { startLiveStack, type Account, type LiveStack } from '../join/testing/live-stack';

type Admitted = Extract<JoinResult, { status: 'admitted' }>;

/**
 * "Participants may unmute themselves" off (docs/decisions.md, "Participants may unmute"): tokens,
 * host controls and what LiveKit lets a real @livekit/rtc-node participant publish. One stack for all:
 * inside a network namespace when this machine can make one (the media test needs it), else on
 * loopback, where the token and authorisation tests still run.
 */
describe('meetings: participants may unmute', () => {
  const media = canCreateNetworkNamespaces();
  let netns: NetworkNamespace | undefined;
  let stack: LiveStack;
  let db: Client;
  let rooms: RoomServiceClient;
  let host: Account;
  let ann: Account;
  let bob: Account;
  let ip = 1;

  beforeAll(async () => {
    netns = media ? createNetworkNamespace() : undefined;
    stack = await startLiveStack({}, { netns });
    db = new Client({ connectionString: stack.db.url });
    await db.connect();
    rooms = new RoomServiceClient(stack.livekitApiUrl, stack.livekit.apiKey, stack.livekit.apiSecret);
    host = await stack.account('host.unmute@example.test', 'Hana Host');
    ann = await stack.account('ann.unmute@example.test', 'Ann Muted');
    bob = await stack.account('bob.unmute@example.test', 'Bob Muted');
  });
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
    netns?.destroy();
  });

  const call = <T>(method: string, path: string, options: { token?: string; body?: unknown } = {}) =>
    stack.call<T>(stack.meetings, method, path, { ip: `192.0.2.${ip++}`, ...options });
  const claimsOf = (token: string) => new TokenVerifier(stack.livekit.apiKey, stack.livekit.apiSecret).verify(token);
  const allow = (code: string, who: Account | undefined, identity: string, body: unknown = { track: 'microphone' }) =>
    call<{ code?: string }>('POST', `/meetings/${code}/participants/${identity}/allow`, { token: who?.token, body });

  async function newMeeting(settings: Partial<MeetingSettings>): Promise<{ id: string; code: string }> {
    const created = await call<{ id: string; code: string }>('POST', '/meetings', { token: host.token, body: { title: 'Quiet please' } });
    expect(created.status).toBe(201);
    await db.query(`UPDATE meetings.meetings SET settings = settings || $2::jsonb WHERE id = $1`, [created.body.id, JSON.stringify(settings)]);
    return created.body;
  }

  async function join(code: string, who: Account): Promise<Admitted> {
    const joined = await call<JoinResult>('POST', `/meetings/${code}/join`, { token: who.token, body: {} });
    expect(joined.status).toBe(200);
    return joined.body as Admitted;
  }

  async function renew(code: string, ticket: string): Promise<LiveKitGrant> {
    const renewed = await call<LiveKitGrant>('POST', `/meetings/${code}/token`, { body: { ticket } });
    expect(renewed.status).toBe(200);
    return renewed.body;
  }

  it('keeps a participant who entered muted off the microphone, in every token, until a host allows it; co-hosts are never blocked', async () => {
    const meeting = await newMeeting({ participantsMayUnmute: false, muteOnEntry: true, screenShare: 'host' });
    expect((await claimsOf((await join(meeting.code, host)).token)).video?.canPublishSources).toEqual(['camera', 'microphone', 'screen_share', 'screen_share_audio']);

    const annJoined = await join(meeting.code, ann);
    expect(annJoined.entry).toEqual({ microphoneOn: false, cameraOn: true });
    const claims = await claimsOf(annJoined.token);
    expect(claims.video?.canPublishSources).toEqual(['camera']);
    expect(claims.attributes).toMatchObject({ role: 'participant', blocked: 'microphone' });
    expect((await claimsOf((await renew(meeting.code, annJoined.ticket)).token)).video?.canPublishSources).toEqual(['camera']);

    expect((await allow(meeting.code, host, ann.id)).status).toBe(204);
    const allowed = await claimsOf((await renew(meeting.code, annJoined.ticket)).token);
    expect(allowed.video?.canPublishSources).toEqual(['camera', 'microphone']);
    expect(allowed.attributes).toMatchObject({ blocked: '' });

    // Made a co-host, a blocked participant is blocked no more.
    const bobJoined = await join(meeting.code, bob);
    expect((await claimsOf(bobJoined.token)).video?.canPublishSources).toEqual(['camera']);
    expect((await call('PUT', `/meetings/${meeting.code}/participants/${bob.id}/role`, { token: host.token, body: { role: 'co-host' } })).status).toBe(204);
    expect((await claimsOf((await renew(meeting.code, bobJoined.ticket)).token)).video?.canPublishSources).toEqual([
      'camera',
      'microphone',
      'screen_share',
      'screen_share_audio',
    ]);
  });

  it('lets only hosts and co-hosts of the meeting allow, someone who is in it, a microphone or a camera', async () => {
    const meeting = await newMeeting({ participantsMayUnmute: false, muteOnEntry: true });
    await join(meeting.code, host);
    await join(meeting.code, ann);

    const byParticipant = await allow(meeting.code, ann, ann.id);
    expect(byParticipant.status).toBe(403);
    expect(byParticipant.body.code).toBe('MEETING_ROLE_REQUIRED');
    const byOutsider = await allow(meeting.code, bob, ann.id);
    expect(byOutsider.status).toBe(404);
    expect(byOutsider.body.code).toBe('MEETING_NOT_FOUND');
    expect((await allow(meeting.code, undefined, ann.id)).status).toBe(401);
    const nobody = await allow(meeting.code, host, randomUUID());
    expect(nobody.status).toBe(404);
    expect(nobody.body.code).toBe('PARTICIPANT_NOT_FOUND');
    expect((await allow(meeting.code, host, ann.id, { track: 'microphone', everyone: true })).status).toBe(400);
    expect((await allow(meeting.code, host, ann.id, { track: 'screen_share' })).status).toBe(400);

    const blocksOfAnn = async () =>
      (await db.query(`SELECT blocked_sources FROM meetings.meeting_participants WHERE meeting_id = $1 AND identity = $2`, [meeting.id, ann.id])).rows;
    expect(await blocksOfAnn()).toEqual([{ blocked_sources: ['microphone'] }]);
    // Blocks last one session: the next occurrence of a series starts from its own entry settings.
    expect((await call('POST', `/meetings/${meeting.code}/end`, { token: host.token })).status).toBe(204);
    expect(await blocksOfAnn()).toEqual([{ blocked_sources: [] }]);
  });

  (media ? it : it.skip)('has LiveKit refuse a microphone a host muted, even on an older token, until a host allows it again', async () => {
    const meeting = await newMeeting({ participantsMayUnmute: false });
    await join(meeting.code, host);
    const grant = await join(meeting.code, ann);
    const microphoneIn = async () => {
      const info = await rooms.getParticipant(meeting.id, ann.id).catch(() => undefined);
      return { published: info?.tracks.some((t) => t.source === TrackSource.MICROPHONE) ?? false, info };
    };
    const live = await startScriptedParticipant(netns as NetworkNamespace, { url: grant.livekitUrl, token: grant.token });
    try {
      expect(live.connected).toEqual({ connected: true });
      expect(await live.publish('microphone')).toEqual({ result: 'published' });
      await waitUntil('ann’s microphone is in the room', async () => (await microphoneIn()).published, { timeoutMs: 10000 });

      expect((await call('POST', `/meetings/${meeting.code}/participants/${ann.id}/mute`, { token: host.token, body: { track: 'microphone' } })).status).toBe(204);
      // LiveKit took the microphone away, says why in an attribute, and takes no other.
      await waitUntil('ann’s microphone is gone', async () => !(await microphoneIn()).published, { timeoutMs: 10000 });
      const muted = (await microphoneIn()).info;
      expect(muted?.permission?.canPublishSources).toEqual([TrackSource.CAMERA, TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO]);
      expect(muted?.attributes).toMatchObject({ blocked: 'microphone' });
      expect(await live.publish('microphone')).toEqual({ result: 'refused' });

      // Back with the token from before the mute: meetings, told by the webhook, blocks it again.
      expect(await live.reconnect()).toEqual({ connected: true });
      await waitUntil('the reconnected ann is blocked again', async () => {
        const sources = (await microphoneIn()).info?.permission?.canPublishSources;
        return sources !== undefined && !sources.includes(TrackSource.MICROPHONE);
      }, { timeoutMs: 10000 });
      expect(await live.publish('microphone')).toEqual({ result: 'refused' });

      expect((await allow(meeting.code, host, ann.id)).status).toBe(204);
      const told = async () =>
        (await live.state()).messages.some((m) => m.topic === LIVE_TOPICS.control && (JSON.parse(m.text) as LiveControlMessage).type === 'allowed');
      await waitUntil('ann is told she may unmute', told, { timeoutMs: 10000 });
      expect((await live.state()).attributes['blocked'] ?? '').toBe('');
      expect(await live.publish('microphone')).toEqual({ result: 'published' });
      await waitUntil('ann’s microphone is back in the room', async () => (await microphoneIn()).published, { timeoutMs: 10000 });
    } finally {
      await live.leave();
    }
  });
});
