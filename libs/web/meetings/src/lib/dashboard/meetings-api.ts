import { HttpClient, HttpContext, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type { MeetingListEntry, MeetingListScope, MeetingView } from '@confer/meetings/contracts';
import { API_BASES, SILENT_ERRORS } from '@confer/web/core';

/**
 * The meetings of the signed-in person. Starting a meeting shows its own errors (an unverified address
 * needs a sentence and a link); the lists leave failures to the error toast.
 */
@Injectable({ providedIn: 'root' })
export class MeetingsApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASES).meetings;

  /** An instant meeting: no start time, so it starts now. */
  startNow(title: string): Observable<MeetingView> {
    return this.http.post<MeetingView>(`${this.base}/meetings`, { title }, { context: new HttpContext().set(SILENT_ERRORS, true) });
  }

  list(scope: MeetingListScope): Observable<MeetingListEntry[]> {
    return this.http.get<MeetingListEntry[]>(`${this.base}/meetings`, { params: new HttpParams().set('scope', scope) });
  }
}
