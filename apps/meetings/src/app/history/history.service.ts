import { Injectable } from '@nestjs/common';
import type { MeetingAttendanceView } from '@confer/meetings/contracts';
import type { AuthUser } from '@confer/shared/contracts';
import { meetingNotFound } from '../meetings/meeting-access';
import { MeetingRepository } from '../meetings/meeting.repository';
import { attendanceRuns, type AttendanceViewer } from './attendance-runs';
import { HistoryRepository } from './history.repository';

/**
 * Who saw what of a meeting's attendance: the host (the meeting's host_id) everyone's join and leave
 * times; a signed-in person who attended, invited or not, the runs they were in with their own times
 * and the others' names. Co-hosts are attendees here. Anyone else is told there is no such meeting.
 */
@Injectable()
export class HistoryService {
  constructor(
    private readonly meetings: MeetingRepository,
    private readonly history: HistoryRepository,
  ) {}

  async attendance(user: AuthUser, code: string, now = new Date()): Promise<MeetingAttendanceView> {
    const meeting = await this.meetings.findByCode(code);
    if (!meeting) throw meetingNotFound();
    const viewer: AttendanceViewer = meeting.hostId === user.id ? { kind: 'host' } : { kind: 'attendee', userId: user.id };
    if (viewer.kind === 'attendee' && !(await this.history.attended(meeting.id, user.id))) throw meetingNotFound();
    const runs = attendanceRuns(await this.history.connections(meeting.id), viewer, now);
    return { code: meeting.code, title: meeting.title, view: viewer.kind, runs };
  }
}
