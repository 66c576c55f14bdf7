import { Inject, Injectable } from '@nestjs/common';
import {
  DataPacket_Kind,
  RoomServiceClient,
  TrackSource,
  type ParticipantInfo,
  type Room,
} from 'livekit-server-sdk';
import {
  LIVE_ATTRIBUTES,
  MeetingsErrorCode,
  blockedAttribute,
  type BlockableTrack,
  type LiveRoomMetadata,
  type MeetingRole,
  type MeetingSettings,
  type MutableTrack,
} from '@confer/meetings/contracts';
import { LOGGER, type Logger } from '@confer/shared/server/observability';
import { DomainError } from '@confer/shared/util';
import { MEETINGS_CONFIG } from '../meetings.tokens';
import type { MeetingsConfig } from '../meetings.env';
import { livePermission } from './participant-token';

const SOURCE_OF: Record<MutableTrack, TrackSource> = {
  microphone: TrackSource.MICROPHONE,
  camera: TrackSource.CAMERA,
  screen_share: TrackSource.SCREEN_SHARE,
};

/** LiveKit answers 404 (Twirp not_found) for a room or participant that is not there. */
export function isNotFound(error: unknown): boolean {
  const e = error as { status?: unknown; code?: unknown } | null;
  return e?.status === 404 || e?.code === 'not_found';
}

export function roomServiceClient(config: MeetingsConfig): RoomServiceClient {
  return new RoomServiceClient(config.LIVEKIT_URL.replace(/^ws/, 'http'), config.LIVEKIT_API_KEY, config.LIVEKIT_API_SECRET);
}

/**
 * The only writer of live state in LiveKit (docs/decisions.md, "Meetings: joining and live state"):
 * room metadata, participant attributes and permissions, mutes, removals and data messages.
 * Rooms and participants that are not there (nobody connected yet, already gone) are not errors
 * where the database already says what should be.
 */
@Injectable()
export class LiveRoomService {
  readonly client: RoomServiceClient;

  constructor(@Inject(MEETINGS_CONFIG) private readonly config: MeetingsConfig, @Inject(LOGGER) private readonly logger: Logger) {
    this.client = roomServiceClient(config);
  }

  /** Creates the room if it is not there yet (LiveKit returns the existing one). */
  async ensureRoom(meetingId: string, settings: MeetingSettings, metadata: LiveRoomMetadata): Promise<void> {
    await this.client.createRoom({
      name: meetingId,
      maxParticipants: settings.maxParticipants,
      // LiveKit closes an empty room after as long as the reconciler would (it is the backstop).
      emptyTimeout: this.config.EMPTY_ROOM_TIMEOUT_MINUTES * 60,
      departureTimeout: this.config.EMPTY_ROOM_TIMEOUT_MINUTES * 60,
      metadata: JSON.stringify(metadata),
    });
  }

  async setRoomMetadata(meetingId: string, metadata: LiveRoomMetadata): Promise<void> {
    await this.tolerant(() => this.client.updateRoomMetadata(meetingId, JSON.stringify(metadata)));
  }

  async setAttributes(meetingId: string, identity: string, attributes: Record<string, string>): Promise<void> {
    await this.tolerant(() => this.client.updateParticipant(meetingId, identity, { attributes }));
  }

  /**
   * A role and blocks: their attributes and what they allow publishing, at once. LiveKit unpublishes
   * a track whose source is no longer allowed and refuses to publish it again.
   */
  async applyPermissions(meetingId: string, identity: string, role: MeetingRole, settings: MeetingSettings, blocked: readonly BlockableTrack[]): Promise<void> {
    await this.tolerant(() =>
      this.client.updateParticipant(meetingId, identity, {
        attributes: { [LIVE_ATTRIBUTES.role]: role, [LIVE_ATTRIBUTES.blocked]: blockedAttribute(blocked) },
        permission: livePermission(role, settings, blocked),
      }),
    );
  }

  /** Mutes one of a participant's published tracks; throws PARTICIPANT_NOT_IN_ROOM when there is none. */
  async muteTrack(meetingId: string, identity: string, track: MutableTrack): Promise<void> {
    let participant: ParticipantInfo;
    try {
      participant = await this.client.getParticipant(meetingId, identity);
    } catch (error) {
      if (isNotFound(error)) throw notInRoom();
      throw error;
    }
    const tracks = participant.tracks.filter((t) => t.source === SOURCE_OF[track]);
    if (tracks.length === 0) throw notInRoom();
    for (const t of tracks) await this.client.mutePublishedTrack(meetingId, identity, t.sid, true);
  }

  /** Mutes every microphone in the room except those of `except`; returns how many were muted. */
  async muteAllMicrophones(meetingId: string, except: ReadonlySet<string>): Promise<number> {
    const participants = await this.tolerant(() => this.client.listParticipants(meetingId));
    let muted = 0;
    for (const p of participants ?? []) {
      if (except.has(p.identity)) continue;
      for (const t of p.tracks.filter((t) => t.source === TrackSource.MICROPHONE && !t.muted)) {
        await this.tolerant(() => this.client.mutePublishedTrack(meetingId, p.identity, t.sid, true));
        muted++;
      }
    }
    return muted;
  }

  async removeParticipant(meetingId: string, identity: string): Promise<void> {
    await this.tolerant(() => this.client.removeParticipant(meetingId, identity));
  }

  async deleteRoom(meetingId: string): Promise<void> {
    await this.tolerant(() => this.client.deleteRoom(meetingId));
  }

  listRooms(): Promise<Room[]> {
    return this.client.listRooms();
  }

  /** A JSON data message from the server, to some identities or (none given) to everyone. */
  async send(meetingId: string, topic: string, message: unknown, destinationIdentities?: string[]): Promise<void> {
    if (destinationIdentities && destinationIdentities.length === 0) return;
    const data = new TextEncoder().encode(JSON.stringify(message));
    await this.tolerant(() => this.client.sendData(meetingId, data, DataPacket_Kind.RELIABLE, { topic, destinationIdentities }));
  }

  private async tolerant<T>(call: () => Promise<T>): Promise<T | undefined> {
    try {
      return await call();
    } catch (error) {
      if (isNotFound(error)) return undefined;
      this.logger.warn({ component: 'livekit', err: error instanceof Error ? error.message : String(error) }, 'livekit call failed');
      throw error;
    }
  }
}

function notInRoom(): DomainError {
  return new DomainError(MeetingsErrorCode.ParticipantNotInRoom, 'conflict', 'That person is not in the room with such a track right now.');
}
