import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  MeetingsErrorCode,
  SCHEDULING_LIMITS,
  type MeetingListEntry,
  type MeetingListScope,
  type ScheduleRole,
  type ScheduleMeetingRequest,
  type ScheduledMeetingView,
} from '@confer/meetings/contracts';
import { parseRrule } from '@confer/meetings/domain';
import type { AuthUser } from '@confer/shared/contracts';
import { DomainError } from '@confer/shared/util';
import { HistoryRepository } from '../history/history.repository';
import { InvitationMailer } from '../invitations/invitation-mailer';
import { InviteeRepository } from '../invitations/invitee.repository';
import { People } from '../invitations/people';
import { MeetingAccess } from './meeting-access';
import { newMeetingCode } from './meeting-code';
import { MeetingRepository, toView, type MeetingRecord } from './meeting.repository';
import { MeetingInputs } from './meeting-inputs';
import { OccurrenceOverrideRepository } from './occurrence-override.repository';
import { expandEntries, resolveRrule, resolveSettings } from './scheduling-rules';

const DAY = 86_400_000;

/** Creating, listing and reading meetings. Edits and cancellations: MeetingEditService. */
@Injectable()
export class MeetingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly meetings: MeetingRepository,
    private readonly overrides: OccurrenceOverrideRepository,
    private readonly invitees: InviteeRepository,
    private readonly access: MeetingAccess,
    private readonly inputs: MeetingInputs,
    private readonly people: People,
    private readonly mailer: InvitationMailer,
    private readonly history: HistoryRepository,
  ) {}

  async create(host: AuthUser, request: ScheduleMeetingRequest): Promise<ScheduledMeetingView> {
    if (!host.emailVerified) {
      throw new DomainError(MeetingsErrorCode.EmailNotVerified, 'forbidden', 'Confirm your email address to host meetings.');
    }
    const timeZone = this.inputs.timeZone(request.timeZone ?? 'UTC');
    const startsAt = request.startsAt ? new Date(request.startsAt).toISOString() : new Date().toISOString();
    const rrule = resolveRrule(request, { startsAt, timeZone, scheduled: request.startsAt !== undefined }) ?? null;
    const passcodeHash = request.passcode === undefined ? null : await this.inputs.passcodeHash(request.passcode);
    const invitees = await this.inputs.invitees(request.invitees ?? [], host.id);
    const settings = resolveSettings(await this.people.meetingDefaults(host.id), request.settings);
    const base = {
      id: randomUUID(),
      hostId: host.id,
      title: request.title.trim(),
      description: request.description?.trim() ?? '',
      kind: request.startsAt ? ('scheduled' as const) : ('instant' as const),
      startsAt,
      durationMinutes: request.durationMinutes ?? 60,
      timeZone,
      settings,
      passcodeHash,
      rrule,
    };
    const code = await this.dataSource.transaction(async (manager) => {
      for (let attempt = 0; attempt < 5; attempt++) {
        const meeting = { ...base, code: newMeetingCode() };
        if (!(await this.meetings.insert(meeting, manager))) continue;
        await this.invitees.replace(meeting.id, invitees, manager);
        const record = (await this.meetings.findByCode(meeting.code, manager)) as MeetingRecord;
        await this.mailer.queue({ kind: 'invite', meeting: record, overrides: [], recipients: invitees }, manager);
        return meeting.code;
      }
      throw new DomainError('SERVICE_UNAVAILABLE', 'unavailable', 'Could not find a free meeting code; try again.');
    });
    return this.get(host, code);
  }

  /**
   * Upcoming: meetings and occurrences of series over the next `days` days (series expanded, moved
   * occurrences applied, cancelled ones left out), for meetings the user hosts or is invited to.
   * Past: meetings that are over and series that have been held, most recent first, each with its
   * latest run; also those the user only attended.
   */
  async list(user: AuthUser, scope: MeetingListScope, days: number = SCHEDULING_LIMITS.upcomingDaysDefault): Promise<MeetingListEntry[]> {
    const roleOf = (record: MeetingRecord): ScheduleRole => (record.hostId === user.id ? 'host' : 'invitee');
    if (scope === 'past') {
      const past = await this.meetings.listPast(user.id, SCHEDULING_LIMITS.listMax);
      const lastRuns = await this.history.lastRuns(past.map(({ record }) => record.id));
      return past.map(({ record, role }) => ({ ...toView(record), role, occurrenceId: null, lastRun: lastRuns.get(record.id) ?? null }));
    }
    const now = new Date();
    const records = await this.meetings.listUpcoming(user.id, now, SCHEDULING_LIMITS.listMax);
    const overrides = await this.overrides.forMeetings(records.filter((r) => r.rrule).map((r) => r.id));
    const entries = expandEntries(
      records.map((record) => ({ record, role: roleOf(record) })),
      overrides,
      now,
      new Date(now.getTime() + days * DAY),
    );
    return entries.slice(0, SCHEDULING_LIMITS.listMax);
  }

  /** The host and the invitees see a meeting; for anyone else it does not exist. */
  async get(user: AuthUser, code: string): Promise<ScheduledMeetingView> {
    const { meeting, role } = await this.access.visible(user, code);
    const [invitees, overrides] = await Promise.all([this.invitees.forMeeting(meeting.id), this.overrides.forMeetings([meeting.id])]);
    return {
      ...toView(meeting),
      role,
      recurrence: meeting.rrule ? parseRrule(meeting.rrule, meeting.timeZone) : null,
      sequence: meeting.sequence,
      // Invitees see who else is invited, but only the host sees their addresses.
      invitees: invitees.map((i) => ({ userId: i.userId, email: role === 'host' ? i.email : null, displayName: i.displayName })),
      overrides: overrides.map((o) => ({
        occurrenceId: o.occurrenceId,
        startsAt: o.startsAt,
        durationMinutes: o.durationMinutes,
        title: o.title ?? null,
        cancelled: o.cancelled ?? false,
      })),
    };
  }
}
