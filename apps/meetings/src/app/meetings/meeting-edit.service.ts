import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  MeetingsErrorCode,
  type ScheduledMeetingView,
  type UpdateMeetingRequest,
  type UpdateOccurrenceRequest,
} from '@confer/meetings/contracts';
import { isOccurrenceOf, parseOccurrenceId, parseRrule } from '@confer/meetings/domain';
import type { AuthUser } from '@confer/shared/contracts';
import { DomainError } from '@confer/shared/util';
import { InvitationMailer } from '../invitations/invitation-mailer';
import { InviteeRepository, type Invitee } from '../invitations/invitee.repository';
import { MeetingAccess } from './meeting-access';
import { MeetingInputs } from './meeting-inputs';
import { MeetingRepository, type MeetingChanges, type MeetingRecord } from './meeting.repository';
import { MeetingService } from './meeting.service';
import { OccurrenceOverrideRepository, type StoredOverride } from './occurrence-override.repository';
import { resolveRrule } from './scheduling-rules';

/**
 * Changes by the host: the whole series (SEQUENCE + 1, invitees told with a REQUEST, removed ones
 * with a CANCEL), the series' cancellation, and one occurrence moved, retitled or cancelled. Mail is
 * queued in the same transaction as the change.
 */
@Injectable()
export class MeetingEditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly meetings: MeetingRepository,
    private readonly overrides: OccurrenceOverrideRepository,
    private readonly invitees: InviteeRepository,
    private readonly access: MeetingAccess,
    private readonly inputs: MeetingInputs,
    private readonly mailer: InvitationMailer,
    private readonly reader: MeetingService,
  ) {}

  async update(user: AuthUser, code: string, request: UpdateMeetingRequest): Promise<ScheduledMeetingView> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.access.hosted(user, code, manager);
      const startsAt = request.startsAt === undefined ? current.startsAt : new Date(request.startsAt).toISOString();
      const timeZone = request.timeZone === undefined ? current.timeZone : this.inputs.timeZone(request.timeZone);
      const scheduled = current.kind === 'scheduled' || request.startsAt !== undefined;
      let rrule = resolveRrule(request, { startsAt, timeZone, scheduled });
      // The rule stays, but its start or zone moved: it must still fit (weekly days, until).
      if (rrule === undefined && current.rrule && (startsAt !== current.startsAt || timeZone !== current.timeZone)) {
        rrule = resolveRrule({ recurrence: parseRrule(current.rrule, current.timeZone) }, { startsAt, timeZone, scheduled });
      }
      const changes: MeetingChanges = {
        title: request.title?.trim(),
        description: request.description?.trim(),
        startsAt: request.startsAt === undefined ? undefined : startsAt,
        durationMinutes: request.durationMinutes,
        timeZone: request.timeZone === undefined ? undefined : timeZone,
        rrule,
        settings: request.settings === undefined ? undefined : { ...current.settings, ...request.settings },
        passcodeHash: request.passcode === undefined ? undefined : request.passcode === null ? null : await this.inputs.passcodeHash(request.passcode),
      };
      const newInvitees = request.invitees === undefined ? undefined : await this.inputs.invitees(request.invitees, current.hostId);
      // Occurrence ids are start instants of the series: a new start, zone or rule invalidates them.
      if (startsAt !== current.startsAt || timeZone !== current.timeZone || (rrule !== undefined && rrule !== current.rrule)) {
        await this.overrides.deleteForMeeting(current.id, manager);
      }
      const updated = await this.meetings.update(current.id, changes, manager);
      const before = await this.invitees.forMeeting(current.id, manager);
      if (newInvitees !== undefined) await this.invitees.replace(current.id, newInvitees, manager);
      const after = newInvitees ?? before;
      const removed = before.filter((b) => !after.some((a) => a.email === b.email));
      const overrides = await this.overrides.forMeetings([current.id], manager);
      await this.mailer.queue({ kind: 'update', meeting: updated, overrides, recipients: after }, manager);
      await this.mailer.queue({ kind: 'cancel', meeting: updated, overrides: [], recipients: removed }, manager);
    });
    return this.reader.get(user, code);
  }

  /** Cancels the meeting (the whole series): status cancelled, SEQUENCE + 1, a CANCEL to every invitee. */
  async cancel(user: AuthUser, code: string): Promise<ScheduledMeetingView> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.access.hosted(user, code, manager);
      const cancelled = await this.meetings.cancel(current.id, manager);
      if (!cancelled) {
        throw new DomainError(MeetingsErrorCode.MeetingNotEditable, 'conflict', 'A meeting that is live is ended, not cancelled.');
      }
      await this.mailer.queue({ kind: 'cancel', meeting: cancelled, overrides: [], recipients: await this.invitees.forMeeting(current.id, manager) }, manager);
    });
    return this.reader.get(user, code);
  }

  /** Moves or retitles one occurrence; invitees get the series REQUEST with that occurrence's VEVENT. */
  async updateOccurrence(user: AuthUser, code: string, occurrenceId: string, request: UpdateOccurrenceRequest): Promise<ScheduledMeetingView> {
    await this.dataSource.transaction(async (manager) => {
      const { meeting, existing } = await this.occurrence(user, code, occurrenceId, manager);
      if (existing?.cancelled) throw occurrenceNotFound();
      const override: StoredOverride = {
        meetingId: meeting.id,
        occurrenceId,
        startsAt: request.startsAt ? new Date(request.startsAt).toISOString() : (existing?.startsAt ?? occurrenceId),
        durationMinutes: request.durationMinutes ?? existing?.durationMinutes ?? meeting.durationMinutes,
        title: request.title?.trim() ?? existing?.title,
        cancelled: false,
        sequence: Math.max(meeting.sequence, existing?.sequence ?? 0) + 1,
      };
      await this.overrides.upsert(override, manager);
      await this.mailRequest(meeting, manager);
    });
    return this.reader.get(user, code);
  }

  /** Cancels one occurrence; invitees get a CANCEL with its RECURRENCE-ID. */
  async cancelOccurrence(user: AuthUser, code: string, occurrenceId: string): Promise<ScheduledMeetingView> {
    await this.dataSource.transaction(async (manager) => {
      const { meeting, existing } = await this.occurrence(user, code, occurrenceId, manager);
      if (existing?.cancelled) return; // already cancelled: nothing changes, nobody is mailed again
      const override: StoredOverride = {
        meetingId: meeting.id,
        occurrenceId,
        startsAt: existing?.startsAt ?? occurrenceId,
        durationMinutes: existing?.durationMinutes ?? meeting.durationMinutes,
        title: existing?.title,
        cancelled: true,
        sequence: Math.max(meeting.sequence, existing?.sequence ?? 0) + 1,
      };
      await this.overrides.upsert(override, manager);
      const overrides = await this.overrides.forMeetings([meeting.id], manager);
      const recipients = await this.invitees.forMeeting(meeting.id, manager);
      await this.mailer.queue({ kind: 'cancel-occurrence', meeting, overrides, recipients, occurrenceId }, manager);
    });
    return this.reader.get(user, code);
  }

  private async occurrence(user: AuthUser, code: string, occurrenceId: string, manager: EntityManager) {
    const meeting = await this.access.hosted(user, code, manager);
    if (!meeting.rrule || parseOccurrenceId(occurrenceId) === null) throw occurrenceNotFound();
    const rule = parseRrule(meeting.rrule, meeting.timeZone);
    if (!isOccurrenceOf({ rule, startsAt: meeting.startsAt, timeZone: meeting.timeZone }, occurrenceId)) throw occurrenceNotFound();
    const existing = (await this.overrides.forMeetings([meeting.id], manager)).find((o) => o.occurrenceId === occurrenceId);
    return { meeting, existing };
  }

  private async mailRequest(meeting: MeetingRecord, manager: EntityManager): Promise<void> {
    const overrides = await this.overrides.forMeetings([meeting.id], manager);
    const recipients: Invitee[] = await this.invitees.forMeeting(meeting.id, manager);
    await this.mailer.queue({ kind: 'update', meeting, overrides, recipients }, manager);
  }
}

function occurrenceNotFound(): DomainError {
  return new DomainError(MeetingsErrorCode.OccurrenceNotFound, 'not_found', 'This meeting has no such occurrence.');
}
