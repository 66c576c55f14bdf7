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
  /** How to enter: the meeting's muteOnEntry and cameraOffOnEntry, applied by the client on connect. */
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

/** Participant attributes the meetings service sets; clients only read them. */
export const LIVE_ATTRIBUTES = { role: 'role', handRaised: 'hand' } as const;

/** Topics of data messages the meetings service sends into a room. */
export const LIVE_TOPICS = { lobby: 'confer.lobby', control: 'confer.control' } as const;
