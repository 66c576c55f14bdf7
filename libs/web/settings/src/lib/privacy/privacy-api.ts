import { HttpClient, HttpContext } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import { PRIVACY_PATHS, type PrivacyRequestView, type RequestDeletionRequest } from '@confer/identity/contracts';
import { API_BASES, SILENT_ERRORS } from '@confer/web/core';

/**
 * "Download my data" and "delete my account" for the signed-in person. Submissions whose failures the
 * page shows beside their control are silent, and so are the reads of a poll (a toast every two seconds
 * would help no one); the first load and one-click actions let the error toast speak.
 */
@Injectable({ providedIn: 'root' })
export class PrivacyApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASES).identity;

  /** Your requests, newest first (at most 20). */
  requests(options: { silent?: boolean } = {}): Observable<PrivacyRequestView[]> {
    return this.http.get<PrivacyRequestView[]>(`${this.base}${PRIVACY_PATHS.requests}`, options.silent ? { context: silent() } : {});
  }

  startExport(): Observable<PrivacyRequestView> {
    return this.http.post<PrivacyRequestView>(`${this.base}${PRIVACY_PATHS.exports}`, null, { context: silent() });
  }

  /** The archive of a completed export, as a Blob (through HttpClient, so the bearer token goes with it). */
  archive(requestId: string): Observable<Blob> {
    return this.http.get(`${this.base}${PRIVACY_PATHS.archive(encodeURIComponent(requestId))}`, { responseType: 'blob', context: silent() });
  }

  /** Asks for the link that deletes the account; it is mailed to the account's address. */
  requestDeletion(request: RequestDeletionRequest): Observable<PrivacyRequestView> {
    return this.http.post<PrivacyRequestView>(`${this.base}${PRIVACY_PATHS.deletion}`, request, { context: silent() });
  }

  /** Withdraws a deletion whose link has not been used yet. */
  cancelDeletion(): Observable<void> {
    return this.http.delete<void>(`${this.base}${PRIVACY_PATHS.deletion}`);
  }
}

function silent(): HttpContext {
  return new HttpContext().set(SILENT_ERRORS, true);
}
