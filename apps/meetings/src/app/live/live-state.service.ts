import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LIVE_TOPICS, MeetingEnded, type LiveRoomMetadata } from '@confer/meetings/contracts';
import { EventPublisher } from '@confer/shared/server/events';
import { AttendanceRepository } from '../attendance/attendance.repository';
import { LiveMeetingRepository, type LiveMeeting } from './live-meeting.repository';
import { LiveRoomService } from './live-room.service';
import { ParticipantRepository } from './participant.repository';

export type EndReason = 'room_finished' | 'ended_by_host' | 'reconciled' | 'host_deleted';

/** Room-wide live state: what the room's metadata says, and ending a meeting for everyone. */
@Injectable()
export class LiveStateService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly meetings: LiveMeetingRepository,
    private readonly participants: ParticipantRepository,
    private readonly attendance: AttendanceRepository,
    private readonly room: LiveRoomService,
    private readonly events: EventPublisher,
  ) {}

  async metadataOf(meeting: Pick<LiveMeeting, 'id' | 'locked'>): Promise<LiveRoomMetadata> {
    return { locked: meeting.locked, lobbyCount: await this.participants.countWaiting(meeting.id) };
  }

  /** Rewrites the room's metadata from the database and tells hosts and co-hosts the lobby changed. */
  async refresh(meetingId: string, lobbyChanged = false): Promise<void> {
    const meeting = await this.meetings.findById(meetingId);
    if (!meeting) return;
    const metadata = await this.metadataOf(meeting);
    await this.room.setRoomMetadata(meetingId, metadata);
    if (lobbyChanged) {
      const hosts = (await this.participants.list(meetingId, ['admitted'])).filter((p) => p.role !== 'participant').map((p) => p.identity);
      await this.room.send(meetingId, LIVE_TOPICS.lobby, { lobbyCount: metadata.lobbyCount }, hosts);
    }
  }

  /**
   * Puts a participant's role and blocks, as the database has them, on them in LiveKit again: someone
   * who reconnects with a token minted before a host blocked them gets that token's grant otherwise.
   */
  async applyBlocks(meetingId: string, identity: string): Promise<void> {
    const meeting = await this.meetings.findById(meetingId);
    const participant = meeting ? await this.participants.find(meetingId, identity) : undefined;
    if (!meeting || !participant) return;
    await this.room.applyPermissions(meetingId, identity, participant.role, meeting.settings, participant.blockedTracks);
  }

  /**
   * Ends the meeting for everyone: status ended, open attendance closed, meeting.ended on the bus,
   * then the room deleted (which disconnects everyone). Idempotent: a second call does nothing more
   * than delete a room that is already gone.
   */
  async end(meetingId: string, reason: EndReason, at = new Date()): Promise<boolean> {
    const ended = await this.dataSource.transaction(async (manager) => {
      const meeting = await this.meetings.markEnded(meetingId, at, manager);
      if (!meeting) return false;
      await this.participants.allLeft(meetingId, manager);
      await this.attendance.closeAll(meetingId, at, manager);
      await this.events.publish(
        new MeetingEnded({ meetingId, code: meeting.code, hostId: meeting.hostId, at: at.toISOString(), reason }),
        manager,
      );
      return true;
    });
    await this.room.deleteRoom(meetingId);
    return ended;
  }
}
