import { InjectionToken } from '@angular/core';
import type { ChatErrorEvent } from '@confer/chat/contracts';

export type UploadOutcome = { ok: true } | { ok: false; error: ChatErrorEvent | null };

/** PUTs a file's bytes to an upload URL, telling how far it got (0 to 1). */
export type FileUploader = (url: string, file: Blob, progress: (fraction: number) => void) => Promise<UploadOutcome>;

/**
 * XMLHttpRequest, for its upload progress events (the app's HttpClient runs on fetch, which reports
 * none). The upload URL is the permission: no Authorization header; the browser sets Content-Length.
 */
export const CHAT_FILE_UPLOADER = new InjectionToken<FileUploader>('CHAT_FILE_UPLOADER', {
  providedIn: 'root',
  factory: () => (url, file, progress) =>
    new Promise<UploadOutcome>((resolve) => {
      const request = new XMLHttpRequest();
      request.open('PUT', url);
      request.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) progress(event.loaded / event.total);
      };
      request.onload = () => resolve(request.status >= 200 && request.status < 300 ? { ok: true } : { ok: false, error: errorOf(request.responseText) });
      request.onerror = () => resolve({ ok: false, error: null });
      request.onabort = () => resolve({ ok: false, error: null });
      request.send(file);
    }),
});

function errorOf(body: string): ChatErrorEvent | null {
  try {
    const parsed = JSON.parse(body) as Partial<ChatErrorEvent>;
    return typeof parsed.code === 'string' ? { code: parsed.code, message: parsed.message ?? '' } : null;
  } catch {
    return null;
  }
}
