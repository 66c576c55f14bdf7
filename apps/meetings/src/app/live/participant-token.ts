import { AccessToken, TrackSource, type ParticipantPermission, type VideoGrant } from 'livekit-server-sdk';
import { LIVE_ATTRIBUTES, blockedAttribute, type BlockableTrack, type MeetingRole, type MeetingSettings } from '@confer/meetings/contracts';

export interface ParticipantTokenInput {
  apiKey: string;
  apiSecret: string;
  /** The LiveKit room: the meeting's id. */
  room: string;
  identity: string;
  name: string;
  role: MeetingRole;
  settings: MeetingSettings;
  handRaised?: boolean;
  /** What a host blocked (participantsMayUnmute off): left out of what the token may publish. */
  blocked?: readonly BlockableTrack[];
  ttlSeconds: number;
  now?: Date;
}

const BLOCKABLE_SOURCE: Record<BlockableTrack, TrackSource> = { microphone: TrackSource.MICROPHONE, camera: TrackSource.CAMERA };

/**
 * What a role may publish: camera and microphone unless a host blocked them, screen sharing only for
 * hosts and co-hosts unless the meeting lets everyone.
 */
export function publishSources(role: MeetingRole, settings: MeetingSettings, blocked: readonly BlockableTrack[] = []): TrackSource[] {
  const sources = [TrackSource.CAMERA, TrackSource.MICROPHONE].filter((s) => !blocked.some((b) => BLOCKABLE_SOURCE[b] === s));
  if (settings.screenShare === 'everyone' || role !== 'participant') sources.push(TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO);
  return sources;
}

/**
 * LiveKit reads an empty canPublishSources as "any source", so a person left with no source at all
 * gets canPublish false instead.
 */
function publishing(role: MeetingRole, settings: MeetingSettings, blocked: readonly BlockableTrack[]) {
  const canPublishSources = publishSources(role, settings, blocked);
  return { canPublish: canPublishSources.length > 0, canPublishSources };
}

/** The same permissions as the grant, for RoomServiceClient.updateParticipant on someone connected. */
export function livePermission(role: MeetingRole, settings: MeetingSettings, blocked: readonly BlockableTrack[]): Partial<ParticipantPermission> {
  return {
    ...publishing(role, settings, blocked),
    canSubscribe: true,
    canPublishData: settings.allowChat || role !== 'participant',
    canUpdateMetadata: false,
    hidden: false,
    recorder: false,
  };
}

/**
 * The grant of one participant, every permission set explicitly: this room only, never admin,
 * recorder or hidden, and no metadata of its own (role, hand and blocks are attributes the service sets).
 */
export function participantGrant(room: string, role: MeetingRole, settings: MeetingSettings, blocked: readonly BlockableTrack[] = []): VideoGrant {
  return {
    roomJoin: true,
    room,
    ...publishing(role, settings, blocked),
    canSubscribe: true,
    // In-room data messages (reactions, chat fallback) follow the meeting's chat setting; hosts always may.
    canPublishData: settings.allowChat || role !== 'participant',
    canUpdateOwnMetadata: false,
    roomAdmin: false,
    roomRecord: false,
    roomCreate: false,
    roomList: false,
    hidden: false,
    recorder: false,
  };
}

export const MAX_PARTICIPANT_TOKEN_TTL_SECONDS = 600;

export async function mintParticipantToken(input: ParticipantTokenInput): Promise<{ token: string; expiresAt: string }> {
  const ttl = Math.min(input.ttlSeconds, MAX_PARTICIPANT_TOKEN_TTL_SECONDS);
  const at = new AccessToken(input.apiKey, input.apiSecret, {
    identity: input.identity,
    name: input.name,
    ttl,
    attributes: {
      [LIVE_ATTRIBUTES.role]: input.role,
      [LIVE_ATTRIBUTES.handRaised]: input.handRaised ? '1' : '',
      [LIVE_ATTRIBUTES.blocked]: blockedAttribute(input.blocked ?? []),
    },
  });
  at.addGrant(participantGrant(input.room, input.role, input.settings, input.blocked));
  const token = await at.toJwt();
  const issuedAt = input.now ?? new Date();
  return { token, expiresAt: new Date(issuedAt.getTime() + ttl * 1000).toISOString() };
}
