import { Injectable } from '@nestjs/common';
import { MeetingsErrorCode, type MeetingRole } from '@confer/meetings/contracts';
import type { AuthUser } from '@confer/shared/contracts';
import { DomainError } from '@confer/shared/util';
import { meetingNotFound } from '../join/join.service';
import { LiveMeetingRepository, type LiveMeeting } from '../live/live-meeting.repository';
import { ParticipantRepository } from '../live/participant.repository';

export interface MeetingController {
  meeting: LiveMeeting;
  identity: string;
  role: MeetingRole;
}

/**
 * Who may use a meeting's controls: its host (by the meeting's host id, joined or not) and co-hosts
 * still in it. Someone who is not part of the meeting at all gets the same 404 as an unknown code;
 * a participant gets 403.
 */
@Injectable()
export class MeetingRoles {
  constructor(
    private readonly meetings: LiveMeetingRepository,
    private readonly participants: ParticipantRepository,
  ) {}

  async require(code: string, user: AuthUser, allowed: readonly MeetingRole[] = ['host', 'co-host']): Promise<MeetingController> {
    const meeting = await this.meetings.findByCode(code);
    if (!meeting) throw meetingNotFound();
    let role: MeetingRole | undefined;
    if (meeting.hostId === user.id) role = 'host';
    else {
      const row = await this.participants.find(meeting.id, user.id);
      if (!row) throw meetingNotFound();
      if (row.status === 'admitted' || row.status === 'left') role = row.role === 'host' ? 'participant' : row.role;
    }
    if (!role || !allowed.includes(role)) {
      throw new DomainError(MeetingsErrorCode.MeetingRoleRequired, 'forbidden', `Only ${allowed.join(' or ')}s may do this.`);
    }
    return { meeting, identity: user.id, role };
  }
}
