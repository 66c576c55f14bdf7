import { HttpClient, HttpContext } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type { JoinMeetingRequest, JoinResult, LiveKitGrant, LobbyPollResult, MeetingPreview } from '@confer/meetings/contracts';
import { API_BASES, SILENT_ERRORS } from '@confer/web/core';

/**
 * Joining one meeting from the outside: public calls (guests have no account; the auth interceptor adds
 * a bearer token when someone is signed in, and then they join as themself). Every call shows its own
 * errors, so none of them raise the error toast.
 */
@Injectable({ providedIn: 'root' })
export class JoinApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASES).meetings;
  private readonly silent = { context: new HttpContext().set(SILENT_ERRORS, true) };

  preview(code: string): Observable<MeetingPreview> {
    return this.http.get<MeetingPreview>(`${this.meeting(code)}/preview`, this.silent);
  }

  join(code: string, request: JoinMeetingRequest): Observable<JoinResult> {
    return this.http.post<JoinResult>(`${this.meeting(code)}/join`, request, this.silent);
  }

  /** The waiting person's view of the lobby; the ticket is the proof. */
  poll(code: string, ticket: string): Observable<LobbyPollResult> {
    return this.http.get<LobbyPollResult>(`${this.meeting(code)}/lobby/${encodeURIComponent(ticket)}`, this.silent);
  }

  /** A fresh LiveKit token while in the meeting, and for rejoining after a lost connection. */
  renew(code: string, ticket: string): Observable<LiveKitGrant> {
    return this.http.post<LiveKitGrant>(`${this.meeting(code)}/token`, { ticket }, this.silent);
  }

  hand(code: string, ticket: string, raised: boolean): Observable<void> {
    return this.http.post<void>(`${this.meeting(code)}/hand`, { ticket, raised }, this.silent);
  }

  private meeting(code: string): string {
    return `${this.base}/meetings/${encodeURIComponent(code)}`;
  }
}
