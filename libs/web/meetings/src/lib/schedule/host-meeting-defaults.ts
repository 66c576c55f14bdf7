import { HttpClient, HttpContext } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, type Observable } from 'rxjs';
import type { Profile } from '@confer/identity/contracts';
import type { MeetingSettings } from '@confer/meetings/contracts';
import { API_BASES, SILENT_ERRORS } from '@confer/web/core';

/**
 * The signed-in person's meeting defaults (identity preferences), which a new meeting starts from.
 * Silent: without them the form starts from Confer's defaults, and it sends every setting anyway.
 */
@Injectable({ providedIn: 'root' })
export class HostMeetingDefaults {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASES).identity;

  load(): Observable<Partial<MeetingSettings>> {
    return this.http
      .get<Profile>(`${this.base}/profile`, { context: new HttpContext().set(SILENT_ERRORS, true) })
      .pipe(map((profile) => ({ ...profile.preferences.meetingDefaults })));
  }
}
