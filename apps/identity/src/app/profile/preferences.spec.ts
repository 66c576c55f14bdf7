import { DEFAULT_USER_PREFERENCES } from '@confer/identity/contracts';
import { mergePreferences, resolvePreferences } from './preferences';

describe('preferences', () => {
  it('fills everything not chosen from the defaults', () => {
    expect(resolvePreferences({})).toEqual(DEFAULT_USER_PREFERENCES);
    expect(resolvePreferences({ joinWithMicOff: true, meetingDefaults: { screenShare: 'host' } })).toEqual({
      ...DEFAULT_USER_PREFERENCES,
      joinWithMicOff: true,
      meetingDefaults: { ...DEFAULT_USER_PREFERENCES.meetingDefaults, screenShare: 'host' },
    });
  });

  it('ignores stored values that no longer fit: unknown keys, wrong types, non-objects', () => {
    expect(resolvePreferences(null)).toEqual(DEFAULT_USER_PREFERENCES);
    expect(resolvePreferences([1, 2])).toEqual(DEFAULT_USER_PREFERENCES);
    expect(resolvePreferences({ joinWithMicOff: 'yes', theme: 'dark', meetingDefaults: { screenShare: 'nobody', waitingRoom: 1 } })).toEqual(
      DEFAULT_USER_PREFERENCES,
    );
  });

  it('merges meeting defaults key by key and replaces top-level choices', () => {
    const first = mergePreferences({}, { joinWithCameraOff: true, meetingDefaults: { waitingRoom: true } });
    expect(first).toEqual({ joinWithCameraOff: true, meetingDefaults: { waitingRoom: true } });
    const second = mergePreferences(first, { joinWithCameraOff: false, meetingDefaults: { allowGuests: false } });
    expect(second).toEqual({ joinWithCameraOff: false, meetingDefaults: { waitingRoom: true, allowGuests: false } });
    expect(mergePreferences(second, {})).toEqual(second);
  });
});
