import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccessToken } from 'livekit-server-sdk';
import {
  createNetworkNamespace,
  runMediaProbe,
  startLiveKit,
  type LiveKitHandle,
  type NetworkNamespace,
} from '@confer/shared/server/devstack';

/**
 * The media path on this machine: two @livekit/rtc-node participants holding tokens minted by
 * livekit-server-sdk meet on the local LiveKit; one publishes a synthetic camera, the other receives
 * its frames. They run in a private network namespace, because native WebRTC never uses loopback.
 */
describe('media path on the local LiveKit', () => {
  let dir: string;
  let netns: NetworkNamespace;
  let livekit: LiveKitHandle;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'confer-media-'));
    netns = createNetworkNamespace();
    livekit = await startLiveKit({ dir, netns });
  });

  afterAll(async () => {
    await livekit?.stop();
    netns?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  async function token(identity: string, room: string, canPublish: boolean): Promise<string> {
    const at = new AccessToken(livekit.apiKey, livekit.apiSecret, { identity, ttl: '5m' });
    at.addGrant({ roomJoin: true, room, canPublish, canSubscribe: true });
    return at.toJwt();
  }

  it('carries a synthetic video track from one participant to another', async () => {
    const room = `media-${Date.now()}`;
    const result = await runMediaProbe(netns, {
      url: livekit.url,
      publisherToken: await token('camera', room, true),
      subscriberToken: await token('viewer', room, false),
      frames: 10,
    });
    expect(result.error).toBeUndefined();
    expect(result.framesReceived).toBe(10);
    expect(result).toMatchObject({ width: 320, height: 240 });
    // The receiver saw the sender's frame counter move: live frames, not one frozen picture.
    expect(result.distinctMarks).toBeGreaterThan(1);
  });

  it('refuses a participant whose token was signed with another secret', async () => {
    const forged = new AccessToken(livekit.apiKey, 'not-the-secret-of-this-server-0123456789', { identity: 'intruder' });
    forged.addGrant({ roomJoin: true, room: 'media-forged', canPublish: true, canSubscribe: true });
    const result = await runMediaProbe(netns, {
      url: livekit.url,
      publisherToken: await forged.toJwt(),
      subscriberToken: await token('viewer', 'media-forged', false),
      frames: 1,
    });
    expect(result.framesReceived).toBe(0);
    expect(result.error).toMatch(/401|unauthori|invalid/i);
  });
});
