import type { Participant, TrackPublication } from 'livekit-client';
import { describeParticipant, orderParticipants, roleOf } from './live-participant';
import { entryChoices } from './media-choices';

function fake(identity: string, publications: Record<string, Partial<TrackPublication>>, extra: Partial<Participant> = {}): Participant {
  return {
    identity,
    name: `Name of ${identity}`,
    attributes: {},
    isMicrophoneEnabled: true,
    isCameraEnabled: true,
    isSpeaking: false,
    connectionQuality: 'good',
    joinedAt: new Date(1000),
    getTrackPublication: (source: string) => publications[source],
    ...extra,
  } as unknown as Participant;
}

const track = (name: string) => ({ name }) as unknown as TrackPublication['track'];

describe('describeParticipant', () => {
  it('reads role, hand and blocked tracks from the attributes the service sets, and nothing else', () => {
    expect(roleOf({ attributes: { role: 'co-host' } })).toBe('co-host');
    expect(roleOf({ attributes: { role: 'admin' } })).toBe('participant');
    expect(roleOf({ attributes: {} })).toBe('participant');
    expect(describeParticipant(fake('a', {}, { attributes: { role: 'host', hand: '1' } } as Partial<Participant>), false)).toMatchObject({
      role: 'host',
      handRaised: true,
      blocked: [],
    });
    expect(describeParticipant(fake('b', {}, { attributes: { blocked: 'microphone,camera,screen' } } as Partial<Participant>), false).blocked).toEqual([
      'microphone',
      'camera',
    ]);
  });

  it('shows only tracks that are there and not muted, and never plays back one’s own microphone', () => {
    const publications = {
      camera: { isMuted: false, track: track('cam') },
      microphone: { isMuted: false, track: track('mic') },
      screen_share: { isMuted: true, track: track('screen') },
    };
    const remote = describeParticipant(fake('r', publications), false);
    expect(remote.camera).toEqual(track('cam'));
    expect(remote.audio).toEqual(track('mic'));
    expect(remote.screen).toBeUndefined();
    expect(describeParticipant(fake('l', publications), true).audio).toBeUndefined();
  });

  it('orders me first, then by joining time', () => {
    const late = describeParticipant(fake('late', {}, { joinedAt: new Date(3000) }), false);
    const early = describeParticipant(fake('early', {}, { joinedAt: new Date(2000) }), false);
    const me = describeParticipant(fake('me', {}, { joinedAt: new Date(9000) }), true);
    expect(orderParticipants([late, me, early]).map((p) => p.identity)).toEqual(['me', 'early', 'late']);
  });
});

describe('entryChoices', () => {
  it("lets the meeting's entry rules turn the microphone or camera off, never on", () => {
    const wish = { microphoneOn: true, cameraOn: false, cameraId: 'cam-1' };
    expect(entryChoices(wish, { microphoneOn: false, cameraOn: true })).toEqual({ microphoneOn: false, cameraOn: false, cameraId: 'cam-1' });
    expect(entryChoices(wish, { microphoneOn: true, cameraOn: true })).toEqual(wish);
  });
});
