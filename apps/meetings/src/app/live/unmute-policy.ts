import { BLOCKABLE_TRACKS, type BlockableTrack, type MeetingRole, type MeetingSettings, type MutableTrack } from '@confer/meetings/contracts';

/**
 * Zoom's "participants may unmute themselves" (docs/decisions.md, "Participants may unmute"): when a
 * meeting says no, a participant who enters muted or is muted by a host may not turn that back on
 * until a host allows it. Hosts and co-hosts are never blocked.
 */
export function isBlockable(track: MutableTrack): track is BlockableTrack {
  return (BLOCKABLE_TRACKS as readonly string[]).includes(track);
}

/** What a person is blocked from on entering the meeting. */
export function entryBlocks(role: MeetingRole, settings: MeetingSettings): BlockableTrack[] {
  if (settings.participantsMayUnmute || role !== 'participant') return [];
  return BLOCKABLE_TRACKS.filter((t) => (t === 'microphone' ? settings.muteOnEntry : settings.cameraOffOnEntry));
}

/** Whether a host muting this track of a person with this role also blocks it. */
export function muteBlocks(role: MeetingRole, settings: MeetingSettings, track: MutableTrack): track is BlockableTrack {
  return !settings.participantsMayUnmute && role === 'participant' && isBlockable(track);
}
