import { DEFAULT_MEETING_SETTINGS, blockedAttribute, blockedTracksOf, type MeetingSettings } from '@confer/meetings/contracts';
import { entryBlocks, muteBlocks } from './unmute-policy';

const settings = (s: Partial<MeetingSettings>): MeetingSettings => ({ ...DEFAULT_MEETING_SETTINGS, ...s });
const strict = { participantsMayUnmute: false, muteOnEntry: true, cameraOffOnEntry: true };

describe('participants may unmute', () => {
  it('blocks on entry what a participant enters without, only when they may not unmute themselves', () => {
    expect(entryBlocks('participant', settings(strict))).toEqual(['microphone', 'camera']);
    expect(entryBlocks('participant', settings({ ...strict, cameraOffOnEntry: false }))).toEqual(['microphone']);
    expect(entryBlocks('participant', settings({ ...strict, participantsMayUnmute: true }))).toEqual([]);
    expect(entryBlocks('co-host', settings(strict))).toEqual([]);
    expect(entryBlocks('host', settings(strict))).toEqual([]);
  });

  it('blocks a participant’s microphone or camera a host mutes, never a screen share, a host or a co-host', () => {
    const off = settings({ participantsMayUnmute: false });
    expect(muteBlocks('participant', off, 'microphone')).toBe(true);
    expect(muteBlocks('participant', off, 'camera')).toBe(true);
    expect(muteBlocks('participant', off, 'screen_share')).toBe(false);
    expect(muteBlocks('co-host', off, 'microphone')).toBe(false);
    expect(muteBlocks('participant', settings({ participantsMayUnmute: true }), 'microphone')).toBe(false);
  });

  it('writes and reads the blocked attribute in one order, ignoring what it does not know', () => {
    expect(blockedAttribute(['camera', 'microphone'])).toBe('microphone,camera');
    expect(blockedAttribute([])).toBe('');
    expect(blockedTracksOf({ blocked: 'camera,microphone,screen_share' })).toEqual(['microphone', 'camera']);
    expect(blockedTracksOf({})).toEqual([]);
    expect(blockedTracksOf(undefined)).toEqual([]);
  });
});
