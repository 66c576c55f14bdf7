import { DatePipe, DOCUMENT, formatDate } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, LOCALE_ID, signal } from '@angular/core';
import { IdentityErrorCode, PRIVACY_LIMITS, type PrivacyRequestView } from '@confer/identity/contracts';
import { CommonErrorCode } from '@confer/shared/contracts';
import { isPrivacyRequestActive, PrivacyProgress, privacyStatusLabel, readApiError, type ApiError } from '@confer/web/auth';
import { utcTime } from '../security-log/utc-time';
import { readBlobApiError } from './blob-api-error';
import { fileSize } from './file-size';
import { PrivacyApi } from './privacy-api';
import { PrivacyRequests } from './privacy-requests';
import { saveFile } from '@confer/web/core';

/** "Download my data": start an export, follow it, download the archive while it is kept. */
@Component({
  selector: 'cf-export-section',
  imports: [DatePipe, PrivacyProgress],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './export-section.html',
  styles: `
    .privacy-requests {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .privacy-request {
      padding-block: 0.75rem;
      border-block-end: 1px solid var(--cf-border);
    }
    .privacy-request p {
      margin-block: 0 0.5rem;
    }
  `,
})
export class ExportSection {
  private readonly api = inject(PrivacyApi);
  private readonly document = inject(DOCUMENT);
  private readonly locale = inject(LOCALE_ID);
  protected readonly requests = inject(PrivacyRequests);

  protected readonly limits = PRIVACY_LIMITS;
  protected readonly starting = signal(false);
  /** What became of "Prepare my data": under way, or why not. */
  protected readonly startNotice = signal<{ text: string; error: boolean } | null>(null);
  protected readonly downloading = signal<string | null>(null);
  protected readonly downloadError = signal<string | null>(null);
  protected readonly statusLabel = privacyStatusLabel;
  protected readonly isActive = isPrivacyRequestActive;
  protected readonly size = fileSize;
  protected readonly utc = utcTime;

  protected start(): void {
    if (this.starting()) return;
    this.starting.set(true);
    this.startNotice.set(null);
    this.api.startExport().subscribe({
      next: (request) => {
        this.starting.set(false);
        this.requests.put(request);
        this.startNotice.set({ text: 'We are preparing your data. Its progress shows below; it usually takes a few seconds.', error: false });
      },
      error: (error: unknown) => {
        this.starting.set(false);
        const failure = readApiError(error);
        this.startNotice.set({ text: this.startFailure(failure), error: true });
        if (failure.code === IdentityErrorCode.PrivacyRequestActive) this.requests.load();
      },
    });
  }

  protected download(request: PrivacyRequestView): void {
    if (this.downloading()) return;
    this.downloading.set(request.id);
    this.downloadError.set(null);
    this.api.archive(request.id).subscribe({
      next: (archive) => {
        this.downloading.set(null);
        saveFile(this.document, archive, archiveFileName(request));
      },
      error: (error: unknown) =>
        void readBlobApiError(error).then((failure) => {
          this.downloading.set(null);
          this.downloadError.set(failure.message);
          // Removed or not ready after all: show the list as the server sees it.
          if (failure.status === 404 || failure.status === 409) this.requests.load();
        }),
    });
  }

  /** "Download the copy requested Mar 3, 2025, 2:05:00 PM": the visible word first, then which copy. */
  protected downloadLabel(request: PrivacyRequestView): string {
    return `Download the copy requested ${this.when(request.createdAt)}`;
  }

  protected progressLabel(request: PrivacyRequestView): string {
    return `Progress of the copy requested ${this.when(request.createdAt)}`;
  }

  private when(iso: string): string {
    return formatDate(iso, 'medium', this.locale);
  }

  private startFailure(failure: ApiError): string {
    if (failure.code === IdentityErrorCode.PrivacyRequestActive) {
      return 'A copy of your data is already being prepared. Wait for it to finish, then download it below.';
    }
    if (failure.code === CommonErrorCode.RateLimited) {
      return `You can ask for ${PRIVACY_LIMITS.exportsPerDay} copies a day. Try again tomorrow, or download one you already have.`;
    }
    return failure.message;
  }
}

/** `confer-data-2025-03-01.json`, after the day the archive was made. */
export function archiveFileName(request: Pick<PrivacyRequestView, 'completedAt' | 'createdAt'>): string {
  return `confer-data-${(request.completedAt ?? request.createdAt).slice(0, 10)}.json`;
}
