import { HttpClient, HttpContext, type HttpEvent } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type { Profile, UpdateProfileRequest } from '@confer/identity/contracts';
import { API_BASES, SILENT_ERRORS } from '@confer/web/core';

/**
 * The signed-in person's profile and picture. Saving and uploading are silent (the page shows the
 * error beside its control); loading and removing let the error toast speak.
 */
@Injectable({ providedIn: 'root' })
export class ProfileApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASES).identity;

  profile(): Observable<Profile> {
    return this.http.get<Profile>(`${this.base}/profile`);
  }

  update(request: UpdateProfileRequest): Observable<Profile> {
    return this.http.patch<Profile>(`${this.base}/profile`, request, { context: silent() });
  }

  /** The raw file is the body; the events carry the upload's progress, then the updated profile. */
  uploadAvatar(file: File): Observable<HttpEvent<Profile>> {
    return this.http.put<Profile>(`${this.base}/profile/avatar`, file, {
      reportProgress: true,
      observe: 'events',
      headers: { 'Content-Type': file.type },
      context: silent(),
    });
  }

  removeAvatar(): Observable<void> {
    return this.http.delete<void>(`${this.base}/profile/avatar`);
  }
}

function silent(): HttpContext {
  return new HttpContext().set(SILENT_ERRORS, true);
}
