import { AccessToken, TrackSource, type VideoGrant } from 'livekit-server-sdk';
import { LIVE_ATTRIBUTES, type MeetingRole, type MeetingSettings } from '@confer/meetings/contracts';

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
  ttlSeconds: number;
  now?: Date;
}

/** What a role may publish: screen sharing only for hosts and co-hosts unless the meeting lets everyone. */
export function publishSources(role: MeetingRole, settings: MeetingSettings): TrackSource[] {
  const sources = [TrackSource.CAMERA, TrackSource.MICROPHONE];
  if (settings.screenShare === 'everyone' || role !== 'participant') sources.push(TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO);
  return sources;
}

/**
 * The grant of one participant, every permission set explicitly: this room only, never admin,
 * recorder or hidden, and no metadata of its own (role and hand are attributes the service sets).
 */
export function participantGrant(room: string, role: MeetingRole, settings: MeetingSettings): VideoGrant {
  return {
    roomJoin: true,
    room,
    canPublish: true,
    canPublishSources: publishSources(role, settings),
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
    attributes: { [LIVE_ATTRIBUTES.role]: input.role, [LIVE_ATTRIBUTES.handRaised]: input.handRaised ? '1' : '' },
  });
  at.addGrant(participantGrant(input.room, input.role, input.settings));
  const token = await at.toJwt();
  const issuedAt = input.now ?? new Date();
  return { token, expiresAt: new Date(issuedAt.getTime() + ttl * 1000).toISOString() };
}
