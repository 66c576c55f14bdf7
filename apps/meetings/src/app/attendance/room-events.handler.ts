import { Injectable } from '@nestjs/common';
import { TrackSource, type WebhookEvent } from 'livekit-server-sdk';
import type { EntityManager } from 'typeorm';
import {
  MeetingStarted,
  ParticipantJoined,
  ParticipantLeft,
  ScreenShareStarted,
  ScreenShareStopped,
} from '@confer/meetings/contracts';
import { EventPublisher } from '@confer/shared/server/events';
import { LiveMeetingRepository } from '../live/live-meeting.repository';
import { ParticipantRepository } from '../live/participant.repository';
import { AttendanceRepository } from './attendance.repository';

/** ParticipantInfo.Kind.STANDARD: a person with a client, as opposed to egress, ingress, SIP or an agent. */
const STANDARD_PARTICIPANT = 0;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What to do once the transaction that recorded a webhook has committed. */
export type AfterCommit =
  | { kind: 'end'; meetingId: string; at: Date }
  | { kind: 'eject'; meetingId: string; identity: string }
  | { kind: 'restrict'; meetingId: string; identity: string };

/**
 * Applies one verified, first-seen LiveKit webhook inside the transaction that records its delivery,
 * so each delivery has its effect once. Rooms are named by meeting id; other rooms are ignored.
 */
@Injectable()
export class RoomEventsHandler {
  constructor(
    private readonly meetings: LiveMeetingRepository,
    private readonly participants: ParticipantRepository,
    private readonly attendance: AttendanceRepository,
    private readonly events: EventPublisher,
  ) {}

  async apply(event: WebhookEvent, manager: EntityManager): Promise<AfterCommit | undefined> {
    const meetingId = event.room?.name ?? '';
    if (!UUID.test(meetingId)) return undefined;
    const at = event.createdAt > 0n ? new Date(Number(event.createdAt) * 1000) : new Date();
    switch (event.event) {
      case 'room_started': {
        const meeting = await this.meetings.markLive(meetingId, at, manager);
        if (meeting) await this.events.publish(new MeetingStarted({ meetingId, code: meeting.code, hostId: meeting.hostId, at: at.toISOString() }), manager);
        return undefined;
      }
      case 'room_finished':
        return { kind: 'end', meetingId, at };
      case 'participant_joined':
        return this.joined(meetingId, event, at, manager);
      case 'participant_left':
      case 'participant_connection_aborted':
        await this.left(meetingId, event, at, manager);
        return undefined;
      case 'track_published':
      case 'track_unpublished': {
        const track = event.track;
        const identity = event.participant?.identity;
        if (!track || !identity || track.source !== TrackSource.SCREEN_SHARE) return undefined;
        const payload = { meetingId, identity, trackSid: track.sid, at: at.toISOString() };
        await this.events.publish(event.event === 'track_published' ? new ScreenShareStarted(payload) : new ScreenShareStopped(payload), manager);
        return undefined;
      }
      default:
        return undefined;
    }
  }

  private async joined(meetingId: string, event: WebhookEvent, at: Date, manager: EntityManager): Promise<AfterCommit | undefined> {
    const info = event.participant;
    // Only people (kind STANDARD = 0) join through meetings; egress, ingress, SIP and agents are not ours to judge.
    if (!info || info.kind !== STANDARD_PARTICIPANT) return undefined;
    const row = await this.participants.find(meetingId, info.identity, manager);
    // Removed (or never admitted) but holding a token that has not expired yet: disconnect again.
    if (!row || row.status === 'removed' || row.status === 'denied' || row.status === 'waiting') {
      return { kind: 'eject', meetingId, identity: info.identity };
    }
    const joinedAt = info.joinedAt > 0n ? new Date(Number(info.joinedAt) * 1000) : at;
    // LiveKit's participant info carries no user agent: the device is the one that last asked us for a token.
    const recorded = await this.attendance.recordJoin(
      { meetingId, identity: row.identity, userId: row.userId, displayName: row.displayName, sid: info.sid, device: row.device, joinedAt },
      manager,
    );
    if (!recorded) return undefined;
    await this.participants.transition(meetingId, row.identity, ['left'], 'admitted', manager);
    await this.events.publish(
      new ParticipantJoined({ meetingId, identity: row.identity, userId: row.userId, displayName: row.displayName, at: joinedAt.toISOString() }),
      manager,
    );
    // Blocked since their token was minted (participantsMayUnmute off): the token's grant must not lift it.
    return row.blockedTracks.length > 0 ? { kind: 'restrict', meetingId, identity: row.identity } : undefined;
  }

  private async left(meetingId: string, event: WebhookEvent, at: Date, manager: EntityManager): Promise<void> {
    const info = event.participant;
    if (!info || !(await this.attendance.recordLeave(meetingId, info.sid, at, manager))) return;
    const row = await this.participants.find(meetingId, info.identity, manager);
    if (row && (await this.attendance.openConnections(meetingId, row.identity, manager)) === 0) {
      await this.participants.transition(meetingId, row.identity, ['admitted'], 'left', manager);
    }
    await this.events.publish(
      new ParticipantLeft({ meetingId, identity: info.identity, userId: row?.userId ?? null, displayName: row?.displayName ?? info.name, at: at.toISOString() }),
      manager,
    );
  }
}
