import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type { Page, SecurityLogEntry } from '@confer/identity/contracts';
import { API_BASES } from '@confer/web/core';

/** Whose entries: the signed-in person's own, or (admins) everyone's. */
export type SecurityLogScope = 'mine' | 'all';

export const SECURITY_LOG_PAGE_SIZE = 20;

@Injectable({ providedIn: 'root' })
export class SecurityLogApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASES).identity;

  /** One page, newest first; `cursor` is the `next` of the page before. */
  page(scope: SecurityLogScope, cursor?: string): Observable<Page<SecurityLogEntry>> {
    let params = new HttpParams().set('limit', SECURITY_LOG_PAGE_SIZE);
    if (cursor) params = params.set('cursor', cursor);
    const path = scope === 'all' ? 'admin/security-log' : 'me/security-log';
    return this.http.get<Page<SecurityLogEntry>>(`${this.base}/${path}`, { params });
  }
}
