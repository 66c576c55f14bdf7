import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DEFAULT_MEETING_SETTINGS, MeetingsErrorCode, type CreateMeetingRequest, type MeetingListScope, type MeetingView } from '@confer/meetings/contracts';
import type { AuthUser } from '@confer/shared/contracts';
import { DomainError } from '@confer/shared/util';
import { newMeetingCode } from './meeting-code';
import { MeetingRepository } from './meeting.repository';

@Injectable()
export class MeetingService {
  constructor(private readonly meetings: MeetingRepository) {}

  async create(host: AuthUser, request: CreateMeetingRequest): Promise<MeetingView> {
    if (!host.emailVerified) {
      throw new DomainError(MeetingsErrorCode.EmailNotVerified, 'forbidden', 'Confirm your email address to host meetings.');
    }
    const timeZone = request.timeZone ?? 'UTC';
    if (!isTimeZone(timeZone)) {
      throw new DomainError('VALIDATION_FAILED', 'invalid', 'The request is not valid.', {
        fields: [{ field: 'timeZone', problems: ['Choose a time zone such as Europe/Paris.'] }],
      });
    }
    const base = {
      id: randomUUID(),
      hostId: host.id,
      title: request.title.trim(),
      description: request.description?.trim() ?? '',
      kind: request.startsAt ? ('scheduled' as const) : ('instant' as const),
      startsAt: request.startsAt ? new Date(request.startsAt).toISOString() : new Date().toISOString(),
      durationMinutes: request.durationMinutes ?? 60,
      timeZone,
      settings: { ...DEFAULT_MEETING_SETTINGS },
    };
    for (let attempt = 0; attempt < 5; attempt++) {
      const meeting = { ...base, code: newMeetingCode() };
      if (await this.meetings.insert(meeting)) return (await this.meetings.findByCode(meeting.code)) as MeetingView;
    }
    throw new DomainError('SERVICE_UNAVAILABLE', 'unavailable', 'Could not find a free meeting code; try again.');
  }

  list(user: AuthUser, scope: MeetingListScope): Promise<MeetingView[]> {
    return this.meetings.listForHost(user.id, scope, 100);
  }

  /** Only the host sees a meeting's details for now; anyone else gets the same "not found". */
  async get(user: AuthUser, code: string): Promise<MeetingView> {
    const meeting = await this.meetings.findByCode(code);
    if (!meeting || meeting.hostId !== user.id) {
      throw new DomainError(MeetingsErrorCode.MeetingNotFound, 'not_found', 'There is no such meeting.');
    }
    return meeting;
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
