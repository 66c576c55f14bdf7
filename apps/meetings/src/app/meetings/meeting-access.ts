import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MeetingsErrorCode, type ScheduleRole } from '@confer/meetings/contracts';
import type { AuthUser } from '@confer/shared/contracts';
import { DomainError } from '@confer/shared/util';
import { InviteeRepository } from '../invitations/invitee.repository';
import { MeetingRepository, type MeetingRecord } from './meeting.repository';

export function meetingNotFound(): DomainError {
  return new DomainError(MeetingsErrorCode.MeetingNotFound, 'not_found', 'There is no such meeting.');
}

/**
 * Who may see a meeting: its host and the accounts invited to it. Anyone else is told there is no
 * such meeting, so a code never reveals that a meeting exists.
 */
@Injectable()
export class MeetingAccess {
  constructor(
    private readonly meetings: MeetingRepository,
    private readonly invitees: InviteeRepository,
  ) {}

  async visible(user: AuthUser, code: string): Promise<{ meeting: MeetingRecord; role: ScheduleRole }> {
    const meeting = await this.meetings.findByCode(code);
    if (!meeting) throw meetingNotFound();
    if (meeting.hostId === user.id) return { meeting, role: 'host' };
    if (await this.invitees.isInvited(meeting.id, user.id)) return { meeting, role: 'invitee' };
    throw meetingNotFound();
  }

  /** The meeting, locked for the change, when the caller hosts it; invitees get 403, others 404. */
  async hosted(user: AuthUser, code: string, manager: EntityManager): Promise<MeetingRecord> {
    const { role } = await this.visible(user, code);
    if (role !== 'host') throw new DomainError(MeetingsErrorCode.HostOnly, 'forbidden', 'Only the host can change this meeting.');
    const meeting = await this.meetings.findByCode(code, manager, true);
    if (!meeting) throw meetingNotFound();
    if (meeting.status !== 'scheduled' && meeting.status !== 'live') {
      throw new DomainError(MeetingsErrorCode.MeetingNotEditable, 'conflict', 'This meeting is cancelled or over and can no longer be changed.');
    }
    return meeting;
  }
}
