import { Injectable } from '@nestjs/common';
import { MeetingsErrorCode, type LobbyEntryView } from '@confer/meetings/contracts';
import type { AuthUser } from '@confer/shared/contracts';
import { DomainError } from '@confer/shared/util';
import { LiveStateService } from '../live/live-state.service';
import { ParticipantRepository } from '../live/participant.repository';
import { MeetingRoles } from '../room-control/meeting-roles';
import { participantNotFound } from '../room-control/room-control.errors';

/** The lobby as hosts and co-hosts see it: who waits, and letting them in or not. */
@Injectable()
export class LobbyService {
  constructor(
    private readonly roles: MeetingRoles,
    private readonly participants: ParticipantRepository,
    private readonly live: LiveStateService,
  ) {}

  async list(code: string, user: AuthUser): Promise<LobbyEntryView[]> {
    const { meeting } = await this.roles.require(code, user);
    const rows = await this.participants.list(meeting.id, ['waiting']);
    return rows.map((p) => ({ identity: p.identity, displayName: p.displayName, guest: p.userId === null, waitingSince: p.createdAt.toISOString() }));
  }

  /** Admitted people get their token on their next poll; the room's lobby count and hosts are told. */
  async decide(code: string, user: AuthUser, identity: string, admit: boolean): Promise<void> {
    const { meeting } = await this.roles.require(code, user);
    if (admit && meeting.locked) throw new DomainError(MeetingsErrorCode.MeetingLocked, 'forbidden', 'Unlock the meeting to admit anyone.');
    if (!(await this.participants.transition(meeting.id, identity, ['waiting'], admit ? 'admitted' : 'denied'))) throw participantNotFound();
    await this.live.refresh(meeting.id, true);
  }
}
