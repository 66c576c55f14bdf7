import { HttpClient, HttpContext } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type {
  AcceptedResponse,
  ChangePasswordRequest,
  MfaDisableRequest,
  MfaEnrollment,
  MfaRecoveryCodes,
  SessionInfo,
} from '@confer/identity/contracts';
import { API_BASES, SILENT_ERRORS } from '@confer/web/core';

/**
 * The signed-in person's own security calls. Form submissions are silent (the form shows the error
 * beside its field); lists and one-click actions let the error toast speak.
 */
@Injectable({ providedIn: 'root' })
export class SecurityApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASES).identity;

  changePassword(request: ChangePasswordRequest): Observable<void> {
    return this.http.post<void>(`${this.base}/auth/change-password`, request, { context: silent() });
  }

  resendVerification(): Observable<AcceptedResponse> {
    return this.http.post<AcceptedResponse>(`${this.base}/auth/resend-verification`, null);
  }

  enrollMfa(): Observable<MfaEnrollment> {
    return this.http.post<MfaEnrollment>(`${this.base}/mfa/enroll`, null);
  }

  confirmMfa(code: string): Observable<MfaRecoveryCodes> {
    return this.http.post<MfaRecoveryCodes>(`${this.base}/mfa/confirm`, { code }, { context: silent() });
  }

  disableMfa(request: MfaDisableRequest): Observable<void> {
    return this.http.post<void>(`${this.base}/mfa/disable`, request, { context: silent() });
  }

  sessions(): Observable<SessionInfo[]> {
    return this.http.get<SessionInfo[]>(`${this.base}/auth/sessions`);
  }

  revokeSession(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/auth/sessions/${encodeURIComponent(id)}`);
  }
}

function silent(): HttpContext {
  return new HttpContext().set(SILENT_ERRORS, true);
}
