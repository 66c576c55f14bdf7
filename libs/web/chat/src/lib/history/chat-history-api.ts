import { HttpClient, HttpContext, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type { ChatDownload, ChatExportFormat, ChatHistoryPage, ChatSearchPage } from '@confer/chat/contracts';
import { API_BASES, SILENT_ERRORS } from '@confer/web/core';

/**
 * The chat service's REST routes for the pages outside a meeting (history, search, export, files).
 * The bearer token comes from the auth interceptor. History and search explain their own failures
 * (a 404 is "not a participant"), so they are silent; downloads and exports leave them to the toast.
 */
@Injectable({ providedIn: 'root' })
export class ChatHistoryApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASES).chat;

  page(code: string, before: string | null): Observable<ChatHistoryPage> {
    const params = before ? new HttpParams().set('before', before) : new HttpParams();
    return this.http.get<ChatHistoryPage>(`${this.meeting(code)}/messages`, { params, context: silent() });
  }

  search(q: string, cursor: string | null): Observable<ChatSearchPage> {
    let params = new HttpParams().set('q', q);
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<ChatSearchPage>(`${this.base}/search`, { params, context: silent() });
  }

  download(code: string, fileId: string): Observable<ChatDownload> {
    return this.http.get<ChatDownload>(`${this.meeting(code)}/files/${encodeURIComponent(fileId)}`);
  }

  export(code: string, format: ChatExportFormat): Observable<Blob> {
    return this.http.get(`${this.meeting(code)}/export`, { params: new HttpParams().set('format', format), responseType: 'blob' });
  }

  private meeting(code: string): string {
    return `${this.base}/meetings/${encodeURIComponent(code)}`;
  }
}

function silent(): HttpContext {
  return new HttpContext().set(SILENT_ERRORS, true);
}
