import { afterNextRender, afterRenderEffect, ChangeDetectionStrategy, Component, computed, DestroyRef, effect, ElementRef, inject, Injector, input, signal, untracked, viewChild } from '@angular/core';
import { DecimalPipe } from '@angular/common';
import type { ChatPerson } from '@confer/chat/contracts';
import { ChatConnection } from '../connection/chat-connection';
import { matchesSearch } from '../messages/message-list';
import { ChatComposer } from './chat-composer';
import { ChatMessageItem } from './chat-message';

/** Closer than this to the bottom, the list follows new messages. */
const FOLLOW_PX = 48;

/**
 * The chat panel of the meeting room: connection state, search over the loaded messages, the
 * messages with "Load earlier messages", my unacknowledged messages, and the composer. Kept in the
 * page while hidden, so the draft and the scroll position survive closing it.
 */
@Component({
  selector: 'cf-chat-panel',
  imports: [ChatComposer, ChatMessageItem, DecimalPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './chat-panel.html',
  styleUrl: './chat-panel.css',
})
export class ChatPanel {
  protected readonly chat = inject(ChatConnection);
  private readonly injector = inject(Injector);

  /** Everyone else in the meeting (private messages go to one of them). */
  readonly people = input<readonly ChatPerson[]>([]);
  /** A host or co-host now (LiveKit's live role): deletes any message, writes while chat is off. */
  readonly moderator = input(false);
  readonly open = input(false);

  protected readonly query = signal('');
  protected readonly myIdentity = computed(() => this.chat.me()?.identity);
  protected readonly shown = computed(() => {
    const query = this.query();
    return query.trim() ? this.chat.messages().filter((m) => matchesSearch(m, query)) : this.chat.messages();
  });
  protected readonly mayWrite = computed(() => this.chat.allowChat() || this.moderator());
  protected readonly composerDisabled = computed(() => !this.mayWrite() || this.chat.state() === 'closed' || this.chat.state() === 'idle');
  protected readonly status = computed(() => {
    switch (this.chat.state()) {
      case 'idle':
      case 'connecting':
        return 'Connecting to the chat…';
      case 'reconnecting':
        return 'Reconnecting to the chat… What you send now goes out once it is back.';
      case 'closed':
        return this.chat.closedReason() ?? 'The chat is closed.';
      default:
        return '';
    }
  });

  private readonly scroller = viewChild.required<ElementRef<HTMLElement>>('scroller');
  private readonly composer = viewChild.required(ChatComposer);
  private follow = true;
  private destroyed = false;

  constructor() {
    inject(DestroyRef).onDestroy(() => (this.destroyed = true));
    effect(() => {
      const open = this.open();
      untracked(() => {
        this.chat.setOpen(open);
        if (open) afterNextRender(() => this.composer().focus(), { injector: this.injector });
      });
    });
    // New messages keep the list at the bottom when it was there (or when I just sent one).
    afterRenderEffect(() => {
      this.shown();
      this.chat.pending();
      this.open();
      if (this.follow) this.toBottom();
    });
  }

  protected onScroll(): void {
    const element = this.scroller().nativeElement;
    this.follow = element.scrollHeight - element.scrollTop - element.clientHeight < FOLLOW_PX;
  }

  protected onSearch(event: Event): void {
    this.query.set((event.target as HTMLInputElement).value);
  }

  protected onSent(): void {
    this.follow = true;
  }

  /** Older messages go on top; what was on screen stays where it was. */
  protected async loadEarlier(): Promise<void> {
    const element = this.scroller().nativeElement;
    const fromBottom = element.scrollHeight - element.scrollTop;
    await this.chat.loadEarlier();
    if (this.destroyed) return;
    afterNextRender(() => (element.scrollTop = element.scrollHeight - fromBottom), { injector: this.injector });
  }

  private toBottom(): void {
    const element = this.scroller().nativeElement;
    element.scrollTop = element.scrollHeight;
  }
}
