import { HttpClient, HttpContext, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type {
  CalendarFeedView,
  MeetingAttendanceView,
  MeetingListEntry,
  MeetingListScope,
  MeetingView,
  OccurrenceId,
  ScheduledMeetingView,
  ScheduleMeetingRequest,
  UpdateMeetingRequest,
} from '@confer/meetings/contracts';
import { API_BASES, SILENT_ERRORS } from '@confer/web/core';

/**
 * The meetings of the signed-in person. Calls whose failures the page explains itself are silent:
 * starting a meeting (an unverified address needs a sentence and a link), reading one meeting (a 404
 * is "doesn't exist or you aren't invited") or its attendance, and saving the schedule form (errors
 * beside their fields). Lists, cancellations, downloads and the calendar feed leave failures to the error toast.
 */
@Injectable({ providedIn: 'root' })
export class MeetingsApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASES).meetings;

  /** An instant meeting: no start time, so it starts now. */
  startNow(title: string): Observable<MeetingView> {
    return this.http.post<MeetingView>(`${this.base}/meetings`, { title }, { context: silent() });
  }

  list(scope: MeetingListScope): Observable<MeetingListEntry[]> {
    return this.http.get<MeetingListEntry[]>(`${this.base}/meetings`, { params: new HttpParams().set('scope', scope) });
  }

  get(code: string): Observable<ScheduledMeetingView> {
    return this.http.get<ScheduledMeetingView>(this.meetingUrl(code), { context: silent() });
  }

  /** When the meeting ran and who was there. Silent: a 404 only means there is no history to show this person. */
  attendance(code: string): Observable<MeetingAttendanceView> {
    return this.http.get<MeetingAttendanceView>(`${this.meetingUrl(code)}/attendance`, { context: silent() });
  }

  schedule(request: ScheduleMeetingRequest): Observable<ScheduledMeetingView> {
    return this.http.post<ScheduledMeetingView>(`${this.base}/meetings`, request, { context: silent() });
  }

  /** The whole series. */
  update(code: string, request: UpdateMeetingRequest): Observable<ScheduledMeetingView> {
    return this.http.patch<ScheduledMeetingView>(this.meetingUrl(code), request, { context: silent() });
  }

  /** The whole series; invitees are sent a cancellation. */
  cancel(code: string): Observable<ScheduledMeetingView> {
    return this.http.delete<ScheduledMeetingView>(this.meetingUrl(code));
  }

  cancelOccurrence(code: string, occurrenceId: OccurrenceId): Observable<ScheduledMeetingView> {
    return this.http.delete<ScheduledMeetingView>(`${this.meetingUrl(code)}/occurrences/${encodeURIComponent(occurrenceId)}`);
  }

  /**
   * The meeting as an iCalendar file. Through HttpClient, so the bearer token goes with it; read as
   * text (the caller wraps it in a Blob) so that a JSON error body still reaches the error toast.
   */
  calendarFile(code: string): Observable<string> {
    return this.http.get(`${this.meetingUrl(code)}/calendar.ics`, { responseType: 'text' });
  }

  /** Creates the personal feed, or replaces its secret URL: the previous one stops working. */
  createCalendarFeed(): Observable<CalendarFeedView> {
    return this.http.post<CalendarFeedView>(`${this.base}/calendar/feed`, null);
  }

  revokeCalendarFeed(): Observable<void> {
    return this.http.delete<void>(`${this.base}/calendar/feed`);
  }

  private meetingUrl(code: string): string {
    return `${this.base}/meetings/${encodeURIComponent(code)}`;
  }
}

function silent(): HttpContext {
  return new HttpContext().set(SILENT_ERRORS, true);
}
