import { HttpClient, HttpContext } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import {
  PRIVACY_PATHS,
  type AcceptedResponse,
  type DeletionTokenRequest,
  type ForgotPasswordRequest,
  type PrivacyRequestView,
  type RegisterRequest,
  type ResetPasswordRequest,
  type VerifyEmailRequest,
} from '@confer/identity/contracts';
import { API_BASES, SILENT_ERRORS } from '@confer/web/core';

/** The identity calls of the signed-out pages. Each page shows its own failures: no error toasts. */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASES).identity;
  private readonly context = () => new HttpContext().set(SILENT_ERRORS, true);

  register(request: RegisterRequest): Observable<AcceptedResponse> {
    return this.http.post<AcceptedResponse>(`${this.base}/auth/register`, request, { context: this.context() });
  }

  verifyEmail(request: VerifyEmailRequest): Observable<{ status: 'verified' }> {
    return this.http.post<{ status: 'verified' }>(`${this.base}/auth/verify-email`, request, { context: this.context() });
  }

  forgotPassword(request: ForgotPasswordRequest): Observable<AcceptedResponse> {
    return this.http.post<AcceptedResponse>(`${this.base}/auth/forgot-password`, request, { context: this.context() });
  }

  resetPassword(request: ResetPasswordRequest): Observable<void> {
    return this.http.post<void>(`${this.base}/auth/reset-password`, request, { context: this.context() });
  }

  /** The mailed deletion link: deletes the account for good (the job starts; every session ends at once). */
  confirmDeletion(request: DeletionTokenRequest): Observable<PrivacyRequestView> {
    return this.http.post<PrivacyRequestView>(`${this.base}${PRIVACY_PATHS.confirmDeletion}`, request, { context: this.context() });
  }

  /** How far the deletion of that link has got. */
  deletionStatus(request: DeletionTokenRequest): Observable<PrivacyRequestView> {
    return this.http.post<PrivacyRequestView>(`${this.base}${PRIVACY_PATHS.deletionStatus}`, request, { context: this.context() });
  }
}
