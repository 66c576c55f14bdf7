import { TokenVerifier, TrackSource } from 'livekit-server-sdk';
import { DEFAULT_MEETING_SETTINGS, blockedTracksOf, type BlockableTrack, type MeetingRole, type MeetingSettings } from '@confer/meetings/contracts';
import { livePermission, mintParticipantToken } from './participant-token';

const KEY = 'unit-key';
const SECRET = 'unit-secret-0123456789abcdef0123456789abcdef';

async function claimsOf(role: MeetingRole, settings: Partial<MeetingSettings> = {}, ttlSeconds = 600, blocked: BlockableTrack[] = []) {
  const { token, expiresAt } = await mintParticipantToken({
    apiKey: KEY,
    apiSecret: SECRET,
    room: '6f1c2b8e-1111-4a4a-9b9b-0123456789ab',
    identity: 'user-1',
    name: 'Ada',
    role,
    settings: { ...DEFAULT_MEETING_SETTINGS, ...settings },
    blocked,
    ttlSeconds,
  });
  const claims = await new TokenVerifier(KEY, SECRET).verify(token);
  return { claims, expiresAt };
}

describe('participant LiveKit tokens', () => {
  it('grant this room only, with every permission explicit and nothing admin-like', async () => {
    const { claims } = await claimsOf('participant');
    expect(claims.video).toMatchObject({
      roomJoin: true,
      room: '6f1c2b8e-1111-4a4a-9b9b-0123456789ab',
      canPublish: true,
      canSubscribe: true,
      canPublishData: true,
      canUpdateOwnMetadata: false,
      roomAdmin: false,
      roomRecord: false,
      roomCreate: false,
      roomList: false,
      hidden: false,
    });
    expect(claims.sub).toBe('user-1');
    expect(claims.name).toBe('Ada');
    expect(claims.attributes).toEqual({ role: 'participant', hand: '', blocked: '' });
  });

  it('let participants share their screen only when the meeting lets everyone', async () => {
    expect((await claimsOf('participant', { screenShare: 'host' })).claims.video?.canPublishSources).toEqual(['camera', 'microphone']);
    expect((await claimsOf('co-host', { screenShare: 'host' })).claims.video?.canPublishSources).toEqual([
      'camera',
      'microphone',
      'screen_share',
      'screen_share_audio',
    ]);
    expect((await claimsOf('participant', { screenShare: 'everyone' })).claims.video?.canPublishSources).toContain('screen_share');
  });

  it('leave out what a host blocked, and say so in the blocked attribute', async () => {
    const { claims } = await claimsOf('participant', { screenShare: 'everyone' }, 600, ['microphone']);
    expect(claims.video?.canPublishSources).toEqual(['camera', 'screen_share', 'screen_share_audio']);
    expect(claims.video?.canPublish).toBe(true);
    expect(claims.attributes?.['blocked']).toBe('microphone');
    expect(blockedTracksOf(claims.attributes)).toEqual(['microphone']);
  });

  it('publish nothing at all when everything is blocked (LiveKit reads no sources as any source)', async () => {
    const { claims } = await claimsOf('participant', { screenShare: 'host' }, 600, ['camera', 'microphone']);
    expect(claims.video?.canPublish).toBe(false);
    expect(claims.attributes?.['blocked']).toBe('microphone,camera');
    expect(livePermission('participant', { ...DEFAULT_MEETING_SETTINGS, screenShare: 'host' }, ['microphone', 'camera'])).toMatchObject({
      canPublish: false,
      canPublishSources: [],
    });
    expect(livePermission('participant', DEFAULT_MEETING_SETTINGS, ['camera']).canPublishSources).toEqual([
      TrackSource.MICROPHONE,
      TrackSource.SCREEN_SHARE,
      TrackSource.SCREEN_SHARE_AUDIO,
    ]);
  });

  it('take data publishing from the chat setting, except for hosts', async () => {
    expect((await claimsOf('participant', { allowChat: false })).claims.video?.canPublishData).toBe(false);
    expect((await claimsOf('host', { allowChat: false })).claims.video?.canPublishData).toBe(true);
  });

  it('never live longer than ten minutes', async () => {
    const { claims, expiresAt } = await claimsOf('host', {}, 3600);
    expect((claims.exp ?? 0) - (claims.nbf ?? 0)).toBeLessThanOrEqual(600);
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(600_000);
  });
});
