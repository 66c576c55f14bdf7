import { DOCUMENT } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, type OnInit, signal } from '@angular/core';
import type { ChatExportFormat, ChatMessage } from '@confer/chat/contracts';
import { saveFile } from '@confer/web/core';
import { formatBytes } from '../files/file-rules';
import { saveFrom } from '../files/save-from';
import { MessageText } from '../text/message-text';
import { ChatHistoryApi } from './chat-history-api';

type HistoryState = { kind: 'loading' } | { kind: 'hidden' } | { kind: 'failed' } | { kind: 'loaded' };

/**
 * A past (or live) meeting's chat, read-only, for its participants: the latest page first, then
 * "Load earlier messages"; private messages marked; shared files with "Download <name>"; "Export chat
 * as text" / "Export chat as JSON". A 404 means the person did not take part: the section is not shown.
 */
@Component({
  selector: 'cf-chat-history',
  imports: [MessageText],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './chat-history.html',
  styles: `
    .chat-history__list { margin: 0; padding: 0; list-style: none; }
    .chat-history__list li { padding-block: 0.5rem; border-block-end: 1px solid var(--cf-border); }
    .chat-history__head { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: baseline; margin: 0; }
    .chat-history__author { font-weight: 600; }
    .chat-history__private { font-style: italic; }
    .chat-history__body { margin: 0.25rem 0 0; }
    .chat-history__file { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0.25rem 0 0; overflow-wrap: anywhere; }
  `,
})
export class ChatHistory implements OnInit {
  private readonly api = inject(ChatHistoryApi);
  private readonly document = inject(DOCUMENT);

  readonly code = input.required<string>();

  protected readonly state = signal<HistoryState>({ kind: 'loading' });
  /** Oldest first; earlier pages are put in front. */
  protected readonly messages = signal<readonly ChatMessage[]>([]);
  protected readonly cursor = signal<string | null>(null);
  protected readonly loadingEarlier = signal(false);
  protected readonly exporting = signal(false);
  protected readonly status = signal('');
  /** Deleted messages are left out: the history is a record of what was said. */
  protected readonly shown = computed(() => this.messages().filter((message) => message.deletedAt === null));

  ngOnInit(): void {
    this.load(null);
  }

  protected loadEarlier(): void {
    if (this.loadingEarlier() || !this.cursor()) return;
    this.loadingEarlier.set(true);
    this.load(this.cursor());
  }

  protected time(message: ChatMessage): string {
    return new Date(message.createdAt).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
  }

  protected privately(message: ChatMessage): string | null {
    return message.to ? `Private message from ${message.from.displayName} to ${message.to.displayName}` : null;
  }

  protected size(bytes: number): string {
    return formatBytes(bytes);
  }

  /** A short-lived URL served as an attachment, opened through a `download` link: the page stays. */
  protected download(fileId: string): void {
    this.api.download(this.code(), fileId).subscribe({ next: (download) => saveFrom(this.document, download.url) });
  }

  protected exportAs(format: ChatExportFormat): void {
    if (this.exporting()) return;
    this.exporting.set(true);
    this.status.set('');
    this.api.export(this.code(), format).subscribe({
      next: (blob) => {
        this.exporting.set(false);
        saveFile(this.document, blob, `chat-${this.code()}.${format}`);
        this.status.set(format === 'json' ? 'Chat exported as JSON' : 'Chat exported as text');
      },
      error: () => this.exporting.set(false), // the error toast explains
    });
  }

  private load(before: string | null): void {
    this.api.page(this.code(), before).subscribe({
      next: (page) => {
        this.messages.update((known) => (before ? [...page.messages, ...known] : page.messages));
        this.cursor.set(page.nextCursor);
        this.loadingEarlier.set(false);
        this.state.set({ kind: 'loaded' });
      },
      error: (error: unknown) => {
        this.loadingEarlier.set(false);
        if (before) this.status.set('Earlier messages could not be loaded.');
        else this.state.set(error instanceof HttpErrorResponse && error.status === 404 ? { kind: 'hidden' } : { kind: 'failed' });
      },
    });
  }
}
