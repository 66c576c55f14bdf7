import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LIVE_TOPICS, ParticipantRemoved, type BlockableTrack, type LiveControlMessage, type MutableTrack, type ParticipantView } from '@confer/meetings/contracts';
import type { AuthUser } from '@confer/shared/contracts';
import { EventPublisher } from '@confer/shared/server/events';
import { DomainError } from '@confer/shared/util';
import { LiveMeetingRepository } from '../live/live-meeting.repository';
import { LiveRoomService } from '../live/live-room.service';
import { LiveStateService } from '../live/live-state.service';
import { ParticipantRepository, type Participant } from '../live/participant.repository';
import { muteBlocks } from '../live/unmute-policy';
import { MeetingRoles } from './meeting-roles';
import { hostOnly, participantNotFound } from './room-control.errors';

/** Host and co-host controls, enforced here and carried out in LiveKit through the RoomServiceClient. */
@Injectable()
export class RoomControlService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly roles: MeetingRoles,
    private readonly meetings: LiveMeetingRepository,
    private readonly participants: ParticipantRepository,
    private readonly room: LiveRoomService,
    private readonly live: LiveStateService,
    private readonly events: EventPublisher,
  ) {}

  async participantsOf(code: string, user: AuthUser): Promise<ParticipantView[]> {
    const { meeting } = await this.roles.require(code, user);
    const rows = await this.participants.list(meeting.id, ['admitted', 'waiting']);
    return rows.map((p) => ({
      identity: p.identity,
      displayName: p.displayName,
      role: p.role,
      status: p.status,
      guest: p.userId === null,
      handRaised: p.handRaised,
    }));
  }

  /**
   * Mutes one track. When participants may not unmute themselves, a participant's microphone or
   * camera is blocked too: LiveKit unpublishes it and refuses it until a host allows it (allow).
   */
  async mute(code: string, user: AuthUser, identity: string, track: MutableTrack): Promise<void> {
    const { meeting } = await this.roles.require(code, user);
    const target = await this.target(meeting.id, identity);
    await this.room.muteTrack(meeting.id, identity, track);
    if (!muteBlocks(target.role, meeting.settings, track)) return;
    const blocks = await this.participants.block(meeting.id, identity, track);
    if (blocks) await this.room.applyPermissions(meeting.id, identity, blocks.role, meeting.settings, blocks.blockedTracks);
  }

  /** Mutes every microphone but the caller's; blocks every participant's when they may not unmute themselves. */
  async muteAll(code: string, user: AuthUser): Promise<void> {
    const { meeting, identity: by } = await this.roles.require(code, user);
    if (muteBlocks('participant', meeting.settings, 'microphone')) {
      for (const blocks of await this.participants.blockAll(meeting.id, 'microphone')) {
        await this.room.applyPermissions(meeting.id, blocks.identity, blocks.role, meeting.settings, blocks.blockedTracks);
      }
    }
    await this.room.muteAllMicrophones(meeting.id, new Set([by]));
    await this.room.send(meeting.id, LIVE_TOPICS.control, { type: 'muted-all', by } satisfies LiveControlMessage);
  }

  /**
   * Lets a participant turn `track` on again (Zoom's "ask to unmute"): the block goes, in the database
   * and in LiveKit, and they are told on the control topic either way; nothing is turned on for them.
   */
  async allow(code: string, user: AuthUser, identity: string, track: BlockableTrack): Promise<void> {
    const { meeting, identity: by } = await this.roles.require(code, user);
    await this.target(meeting.id, identity);
    const blocks = await this.participants.unblock(meeting.id, identity, track);
    if (blocks) await this.room.applyPermissions(meeting.id, identity, blocks.role, meeting.settings, blocks.blockedTracks);
    await this.room.send(meeting.id, LIVE_TOPICS.control, { type: 'allowed', track, by } satisfies LiveControlMessage, [identity]);
  }

  /**
   * Removes someone for good: the row says removed (their ticket stops renewing, a signed-in person
   * cannot join again) and LiveKit disconnects them; a reconnect with a still-valid token is caught by
   * the participant_joined webhook and disconnected again.
   */
  async remove(code: string, user: AuthUser, identity: string): Promise<void> {
    const controller = await this.roles.require(code, user);
    const target = await this.target(controller.meeting.id, identity);
    if (target.identity === controller.identity) throw new DomainError('VALIDATION_FAILED', 'invalid', 'Leave the meeting instead.');
    if (target.role !== 'participant' && controller.role !== 'host') throw hostOnly();
    if (target.identity === controller.meeting.hostId) throw hostOnly();
    const { id: meetingId, code: meetingCode } = controller.meeting;
    // meetings.participant.removed (chat closes their connection) commits with the removal.
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.participants.transition(meetingId, identity, ['waiting', 'admitted', 'left', 'denied'], 'removed', manager))) return;
      await this.events.publish(new ParticipantRemoved({ meetingId, code: meetingCode, identity, userId: target.userId, at: new Date().toISOString() }), manager);
    });
    await this.room.removeParticipant(meetingId, identity);
  }

  async lock(code: string, user: AuthUser, locked: boolean): Promise<void> {
    const { meeting } = await this.roles.require(code, user);
    await this.meetings.setLocked(meeting.id, locked);
    await this.live.refresh(meeting.id);
  }

  async end(code: string, user: AuthUser): Promise<void> {
    const { meeting } = await this.roles.require(code, user);
    await this.live.end(meeting.id, 'ended_by_host');
  }

  /** Host only: makes a signed-in participant a co-host (which lifts their blocks), or a co-host a participant again. */
  async setRole(code: string, user: AuthUser, identity: string, role: 'co-host' | 'participant'): Promise<void> {
    const { meeting } = await this.roles.require(code, user, ['host']);
    const target = await this.target(meeting.id, identity);
    if (target.identity === meeting.hostId) throw new DomainError('VALIDATION_FAILED', 'invalid', 'Hand the meeting over to change your own role.');
    if (role === 'co-host' && target.userId === null) throw new DomainError('VALIDATION_FAILED', 'invalid', 'Guests cannot be co-hosts.');
    const blocked = await this.participants.setRole(meeting.id, identity, role);
    await this.room.applyPermissions(meeting.id, identity, role, meeting.settings, blocked);
  }

  /** Host only: the meeting gets a new host (a signed-in participant in it); the old host stays as co-host. */
  async transferHost(code: string, user: AuthUser, identity: string): Promise<void> {
    const { meeting, identity: oldHost } = await this.roles.require(code, user, ['host']);
    const target = await this.target(meeting.id, identity);
    if (target.userId === null || target.identity === oldHost || target.status !== 'admitted') {
      throw new DomainError('VALIDATION_FAILED', 'invalid', 'Hand the meeting to a signed-in participant who is in it.');
    }
    await this.dataSource.transaction(async (manager) => {
      await this.meetings.transferHost(meeting.id, target.userId as string, target.displayName, manager);
      await this.participants.setRole(meeting.id, target.identity, 'host', manager);
      await this.participants.setRole(meeting.id, oldHost, 'co-host', manager);
    });
    await this.room.applyPermissions(meeting.id, target.identity, 'host', meeting.settings, []);
    await this.room.applyPermissions(meeting.id, oldHost, 'co-host', meeting.settings, []);
  }

  private async target(meetingId: string, identity: string): Promise<Participant> {
    const target = await this.participants.find(meetingId, identity);
    if (!target || target.status === 'removed') throw participantNotFound();
    return target;
  }
}
