/** Public shapes of joining a meeting, its lobby and the host controls (under /api/meetings/meetings/:code). */
import type { MeetingStatus } from './meetings.api';

/** A person's role in one meeting. Guests are participants; co-hosts need an account. */
export type MeetingRole = 'host' | 'co-host' | 'participant';
export const MEETING_ROLES: readonly MeetingRole[] = ['host', 'co-host', 'participant'];

export type ParticipantStatus = 'waiting' | 'admitted' | 'denied' | 'removed' | 'left';

/** What anyone with the code may see before joining. Never the invite list. */
export interface MeetingPreview {
  code: string;
  title: string;
  hostName: string | null;
  status: MeetingStatus;
  passcodeRequired: boolean;
  waitingRoom: boolean;
  guestsAllowed: boolean;
  locked: boolean;
}

export const JOIN_LIMITS = { displayNameMaxLength: 64 } as const;

export interface JoinMeetingRequest {
  passcode?: string;
  /** Guests only: the name others see. Signed-in people join under their account's name. */
  displayName?: string;
}

/** The LiveKit part of an admission: where to connect and with what. */
export interface LiveKitGrant {
  livekitUrl: string;
  /** A LiveKit access token for this room only, valid for at most 10 minutes (renew with the ticket). */
  token: string;
  identity: string;
  role: MeetingRole;
  /** ISO-8601 expiry of `token`. */
  expiresAt: string;
  /**
   * How to enter: the meeting's muteOnEntry and cameraOffOnEntry, applied by the client on connect
   * (off, too, for what a host blocked: the token's `blocked` attribute, see LIVE_ATTRIBUTES).
   */
  entry: { microphoneOn: boolean; cameraOn: boolean };
}

/**
 * Every join answers with a ticket: a secret that stands for this participant in this meeting. It
 * polls the lobby, renews the LiveKit token and raises a hand; only its hash is stored.
 */
export type JoinResult =
  | ({ status: 'admitted'; ticket: string } & LiveKitGrant)
  | { status: 'waiting'; ticket: string; identity: string };

export type LobbyPollResult = JoinResult | { status: 'denied' } | { status: 'removed' };

export interface TicketRequest {
  ticket: string;
}

export interface HandRequest extends TicketRequest {
  raised: boolean;
}

export interface LobbyEntryView {
  identity: string;
  displayName: string;
  guest: boolean;
  waitingSince: string;
}

export interface ParticipantView {
  identity: string;
  displayName: string;
  role: MeetingRole;
  status: ParticipantStatus;
  guest: boolean;
  handRaised: boolean;
}

export type MutableTrack = 'microphone' | 'camera' | 'screen_share';
export const MUTABLE_TRACKS: readonly MutableTrack[] = ['microphone', 'camera', 'screen_share'];

export interface MuteRequest {
  track: MutableTrack;
}

/**
 * What a host can stop a participant from turning back on when the meeting's `participantsMayUnmute`
 * is off (docs/decisions.md, "Participants may unmute"). Screen sharing follows `screenShare` instead.
 */
export type BlockableTrack = 'microphone' | 'camera';
export const BLOCKABLE_TRACKS: readonly BlockableTrack[] = ['microphone', 'camera'];

/** `POST /meetings/:code/participants/:identity/allow`: a host lets a participant turn this track on again. */
export interface AllowTrackRequest {
  track: BlockableTrack;
}

export interface LockRequest {
  locked: boolean;
}

export interface RoleChangeRequest {
  role: Exclude<MeetingRole, 'host'>;
}

/** Room metadata the meetings service sets (JSON); clients only read it. */
export interface LiveRoomMetadata {
  locked: boolean;
  lobbyCount: number;
}

/**
 * Participant attributes the meetings service sets; clients only read them. `role` is a MeetingRole,
 * `hand` is '1' or empty, `blocked` lists the BlockableTracks the participant may not turn on until a
 * host allows it, comma-separated in BLOCKABLE_TRACKS order ('microphone', 'camera',
 * 'microphone,camera'); empty or absent means none (read it with blockedTracksOf).
 */
export const LIVE_ATTRIBUTES = { role: 'role', handRaised: 'hand', blocked: 'blocked' } as const;

/** The `blocked` attribute's value for these tracks. */
export function blockedAttribute(tracks: readonly BlockableTrack[]): string {
  return BLOCKABLE_TRACKS.filter((t) => tracks.includes(t)).join(',');
}

/** The tracks a participant's attributes say a host blocked (unknown names are ignored). */
export function blockedTracksOf(attributes: Readonly<Record<string, string>> | undefined): BlockableTrack[] {
  const listed = (attributes?.[LIVE_ATTRIBUTES.blocked] ?? '').split(',');
  return BLOCKABLE_TRACKS.filter((t) => listed.includes(t));
}

/** Topics of data messages the meetings service sends into a room. */
export const LIVE_TOPICS = { lobby: 'confer.lobby', control: 'confer.control' } as const;

/**
 * Messages on LIVE_TOPICS.control: `muted-all` to everyone when a host muted every microphone;
 * `allowed` to one participant when a host lets them turn `track` on again (ask them to unmute).
 */
export type LiveControlMessage = { type: 'muted-all'; by: string } | { type: 'allowed'; track: BlockableTrack; by: string };
