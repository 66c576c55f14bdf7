import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type { BlockableTrack, LobbyEntryView, MutableTrack, RoleChangeRequest } from '@confer/meetings/contracts';
import { API_BASES } from '@confer/web/core';

/**
 * Host and co-host controls of one meeting. The server checks the caller's role on every call and
 * carries each one out through LiveKit; failures reach the person through the error toast.
 */
@Injectable({ providedIn: 'root' })
export class HostApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASES).meetings;

  lobby(code: string): Observable<LobbyEntryView[]> {
    return this.http.get<LobbyEntryView[]>(`${this.meeting(code)}/lobby`);
  }

  admit(code: string, identity: string): Observable<void> {
    return this.http.post<void>(`${this.meeting(code)}/lobby/${encodeURIComponent(identity)}/admit`, {});
  }

  deny(code: string, identity: string): Observable<void> {
    return this.http.post<void>(`${this.meeting(code)}/lobby/${encodeURIComponent(identity)}/deny`, {});
  }

  mute(code: string, identity: string, track: MutableTrack): Observable<void> {
    return this.http.post<void>(`${this.participant(code, identity)}/mute`, { track });
  }

  /** Lets a participant turn a blocked track on again, and asks them to (also when nothing was blocked). */
  allow(code: string, identity: string, track: BlockableTrack): Observable<void> {
    return this.http.post<void>(`${this.participant(code, identity)}/allow`, { track });
  }

  muteAll(code: string): Observable<void> {
    return this.http.post<void>(`${this.meeting(code)}/mute-all`, {});
  }

  remove(code: string, identity: string): Observable<void> {
    return this.http.delete<void>(this.participant(code, identity));
  }

  setRole(code: string, identity: string, role: RoleChangeRequest['role']): Observable<void> {
    return this.http.put<void>(`${this.participant(code, identity)}/role`, { role });
  }

  transferHost(code: string, identity: string): Observable<void> {
    return this.http.post<void>(`${this.meeting(code)}/host`, { identity });
  }

  lock(code: string, locked: boolean): Observable<void> {
    return this.http.put<void>(`${this.meeting(code)}/lock`, { locked });
  }

  end(code: string): Observable<void> {
    return this.http.post<void>(`${this.meeting(code)}/end`, {});
  }

  private meeting(code: string): string {
    return `${this.base}/meetings/${encodeURIComponent(code)}`;
  }

  private participant(code: string, identity: string): string {
    return `${this.meeting(code)}/participants/${encodeURIComponent(identity)}`;
  }
}
