import { HttpClient, HttpContext, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type { Contact, DirectoryEntry, Page } from '@confer/identity/contracts';
import { API_BASES, SILENT_ERRORS } from '@confer/web/core';

export const CONTACTS_PAGE_SIZE = 50;
export const SEARCH_PAGE_SIZE = 20;

/**
 * Your contacts and the people directory. The search is a form and shows its own errors; the list and
 * the one-click actions leave failures to the error toast.
 */
@Injectable({ providedIn: 'root' })
export class ContactsApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASES).identity;

  /** Favourites first, then by name. */
  contacts(cursor?: string): Observable<Page<Contact>> {
    let params = new HttpParams().set('limit', CONTACTS_PAGE_SIZE);
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<Page<Contact>>(`${this.base}/contacts`, { params });
  }

  /** Idempotent: adding someone already there answers their contact unchanged. */
  add(userId: string): Observable<Contact> {
    return this.http.put<Contact>(this.contactUrl(userId), null);
  }

  setFavourite(userId: string, favourite: boolean): Observable<Contact> {
    return this.http.patch<Contact>(this.contactUrl(userId), { favourite });
  }

  remove(userId: string): Observable<void> {
    return this.http.delete<void>(this.contactUrl(userId));
  }

  /** The start of a name, or an exact email address (then the hit carries the address). */
  search(q: string, cursor?: string): Observable<Page<DirectoryEntry>> {
    let params = new HttpParams().set('q', q).set('limit', SEARCH_PAGE_SIZE);
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<Page<DirectoryEntry>>(`${this.base}/directory/search`, { params, context: new HttpContext().set(SILENT_ERRORS, true) });
  }

  private contactUrl(userId: string): string {
    return `${this.base}/contacts/${encodeURIComponent(userId)}`;
  }
}
