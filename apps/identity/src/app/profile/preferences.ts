import { DEFAULT_USER_PREFERENCES, type MeetingDefaults, type UserPreferences, type UserPreferencesPatch } from '@confer/identity/contracts';

/**
 * The users.preferences column keeps only what the user chose (a UserPreferencesPatch); reading fills
 * the rest from DEFAULT_USER_PREFERENCES, so a new default reaches everyone who never chose.
 */
export type StoredPreferences = UserPreferencesPatch;

const MEETING_DEFAULT_KEYS = Object.keys(DEFAULT_USER_PREFERENCES.meetingDefaults) as (keyof MeetingDefaults)[];
const SCREEN_SHARE_MODES: readonly string[] = ['host', 'everyone'];

/** The full preferences: stored choices over the defaults. Anything stored that no longer fits is ignored. */
export function resolvePreferences(stored: unknown): UserPreferences {
  const clean = sanitize(stored);
  return {
    joinWithMicOff: clean.joinWithMicOff ?? DEFAULT_USER_PREFERENCES.joinWithMicOff,
    joinWithCameraOff: clean.joinWithCameraOff ?? DEFAULT_USER_PREFERENCES.joinWithCameraOff,
    meetingDefaults: { ...DEFAULT_USER_PREFERENCES.meetingDefaults, ...clean.meetingDefaults },
  };
}

/** The stored choices after a PATCH: top-level keys replace, `meetingDefaults` merges key by key. */
export function mergePreferences(stored: unknown, patch: UserPreferencesPatch): StoredPreferences {
  const current = sanitize(stored);
  const next = sanitize(patch);
  const merged: StoredPreferences = { ...current, ...next };
  if (current.meetingDefaults || next.meetingDefaults) merged.meetingDefaults = { ...current.meetingDefaults, ...next.meetingDefaults };
  return merged;
}

/** Keeps only known keys with values of the right type. */
function sanitize(value: unknown): StoredPreferences {
  const source = isRecord(value) ? value : {};
  const result: StoredPreferences = {};
  if (typeof source['joinWithMicOff'] === 'boolean') result.joinWithMicOff = source['joinWithMicOff'];
  if (typeof source['joinWithCameraOff'] === 'boolean') result.joinWithCameraOff = source['joinWithCameraOff'];
  const meeting = source['meetingDefaults'];
  if (isRecord(meeting)) {
    const defaults: Partial<MeetingDefaults> = {};
    for (const key of MEETING_DEFAULT_KEYS) {
      const v = meeting[key];
      if (key === 'screenShare') {
        if (typeof v === 'string' && SCREEN_SHARE_MODES.includes(v)) defaults.screenShare = v as MeetingDefaults['screenShare'];
      } else if (typeof v === 'boolean') {
        defaults[key] = v;
      }
    }
    if (Object.keys(defaults).length > 0) result.meetingDefaults = defaults;
  }
  return result;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
