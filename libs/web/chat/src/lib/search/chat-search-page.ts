import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CHAT_LIMITS, type ChatSearchHit } from '@confer/chat/contracts';
import { ChatHistoryApi } from '../history/chat-history-api';
import { MarkedText } from './marked-text';
import { searchTerms } from './search-terms';

type SearchState = { kind: 'idle' } | { kind: 'searching' } | { kind: 'failed' } | { kind: 'done' };

/**
 * /meetings/chat-search: full-text search over the chats of every meeting I took part in, newest
 * first, "More results" by cursor. Each result links to its meeting's page (where the chat is shown).
 * The chat service knows meetings by code only, so results name the meeting by its code. The query's
 * words are marked in each result.
 */
@Component({
  selector: 'cf-chat-search-page',
  imports: [MarkedText, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './chat-search-page.html',
  styles: `
    .chat-search__results { margin: 0; padding: 0; list-style: none; }
    .chat-search__results li { padding-block: 0.5rem; border-block-end: 1px solid var(--cf-border); }
    .chat-search__head { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: baseline; margin: 0; }
    .chat-search__body { margin: 0.25rem 0 0; }
  `,
})
export class ChatSearchPage {
  private readonly api = inject(ChatHistoryApi);

  protected readonly maxLength = CHAT_LIMITS.searchQueryMaxLength;
  protected readonly query = signal('');
  /** The query the results are for (the field may have changed since). */
  protected readonly searched = signal('');
  /** What to mark in the results. */
  protected readonly terms = computed(() => searchTerms(this.searched()));
  protected readonly hits = signal<readonly ChatSearchHit[]>([]);
  protected readonly cursor = signal<string | null>(null);
  protected readonly state = signal<SearchState>({ kind: 'idle' });
  protected readonly summary = computed(() => {
    const state = this.state().kind;
    if (state === 'searching') return 'Searching…';
    if (state === 'failed') return 'The search failed. Try again.';
    if (state === 'idle') return '';
    const count = this.hits().length;
    const found = count === 0 ? 'No messages found' : count === 1 ? '1 message found' : `${count} messages found`;
    return this.cursor() ? `${found}, more available` : found;
  });

  protected onInput(event: Event): void {
    this.query.set((event.target as HTMLInputElement).value);
  }

  protected search(event: Event): void {
    event.preventDefault();
    const q = this.query().trim();
    if (q === '') return;
    this.searched.set(q);
    this.hits.set([]);
    this.cursor.set(null);
    this.fetch(q, null);
  }

  protected more(): void {
    const cursor = this.cursor();
    if (cursor && this.state().kind !== 'searching') this.fetch(this.searched(), cursor);
  }

  protected time(hit: ChatSearchHit): string {
    return new Date(hit.message.createdAt).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
  }

  private fetch(q: string, cursor: string | null): void {
    this.state.set({ kind: 'searching' });
    this.api.search(q, cursor).subscribe({
      next: (page) => {
        this.hits.update((known) => [...known, ...page.results]);
        this.cursor.set(page.nextCursor);
        this.state.set({ kind: 'done' });
      },
      error: () => this.state.set({ kind: 'failed' }),
    });
  }
}
