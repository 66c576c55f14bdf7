import type { MeetingDefaults, Profile, UpdateProfileRequest, UserPreferences, UserPreferencesPatch } from '@confer/identity/contracts';

/** What the profile form edits. */
export type ProfileFields = Pick<Profile, 'displayName' | 'timeZone' | 'locale' | 'discoverable' | 'preferences'>;

const MEETING_DEFAULT_KEYS: readonly (keyof MeetingDefaults)[] = ['waitingRoom', 'muteOnEntry', 'allowGuests', 'allowChat', 'allowRecording', 'screenShare'];

export function profileFields(profile: Profile): ProfileFields {
  const { displayName, timeZone, locale, discoverable, preferences } = profile;
  return { displayName, timeZone, locale, discoverable, preferences };
}

/** The PATCH that takes `saved` to `edited`: only what changed (empty when nothing did). */
export function profileChanges(saved: Profile, edited: ProfileFields): UpdateProfileRequest {
  const request: UpdateProfileRequest = {};
  const displayName = edited.displayName.trim();
  if (displayName !== saved.displayName) request.displayName = displayName;
  if (edited.timeZone !== saved.timeZone) request.timeZone = edited.timeZone;
  if (edited.locale !== saved.locale) request.locale = edited.locale;
  if (edited.discoverable !== saved.discoverable) request.discoverable = edited.discoverable;
  const preferences = preferenceChanges(saved.preferences, edited.preferences);
  if (preferences) request.preferences = preferences;
  return request;
}

function preferenceChanges(saved: UserPreferences, edited: UserPreferences): UserPreferencesPatch | undefined {
  const patch: UserPreferencesPatch = {};
  if (edited.joinWithMicOff !== saved.joinWithMicOff) patch.joinWithMicOff = edited.joinWithMicOff;
  if (edited.joinWithCameraOff !== saved.joinWithCameraOff) patch.joinWithCameraOff = edited.joinWithCameraOff;
  const changed = MEETING_DEFAULT_KEYS.filter((key) => edited.meetingDefaults[key] !== saved.meetingDefaults[key]);
  if (changed.length > 0) {
    patch.meetingDefaults = Object.fromEntries(changed.map((key) => [key, edited.meetingDefaults[key]])) as Partial<MeetingDefaults>;
  }
  return Object.keys(patch).length > 0 ? patch : undefined;
}
