import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type { AdminUserView, Page } from '@confer/identity/contracts';
import { API_BASES } from '@confer/web/core';

export const ADMIN_USERS_PAGE_SIZE = 25;

/** Platform admin calls (role 'admin'; the server checks it on each one). Failures show as toasts. */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASES).identity;

  users(query: string, cursor?: string): Observable<Page<AdminUserView>> {
    let params = new HttpParams().set('limit', ADMIN_USERS_PAGE_SIZE);
    if (query) params = params.set('q', query);
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<Page<AdminUserView>>(`${this.base}/admin/users`, { params });
  }

  setDisabled(userId: string, disabled: boolean): Observable<void> {
    const action = disabled ? 'disable' : 'enable';
    return this.http.post<void>(`${this.base}/admin/users/${encodeURIComponent(userId)}/${action}`, null);
  }
}
