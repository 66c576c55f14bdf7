import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, input, signal, viewChild } from '@angular/core';
import type { ChatMessage as Message, ChatReaction } from '@confer/chat/contracts';
import { ChatConnection } from '../connection/chat-connection';
import type { EmojiChoice } from '../emoji/common-emoji';
import { EmojiMenu } from '../emoji/emoji-menu';
import { formatBytes } from '../files/file-rules';
import { reactedByMe, reactionLabel } from '../messages/reaction-label';
import { MessageText } from '../text/message-text';

/**
 * One message: author, time, "Privately to/from", the text with safe links, its reactions as toggle
 * buttons, and Add reaction, Edit (my own) and Delete (my own, or any for hosts and co-hosts; two clicks).
 */
@Component({
  selector: 'cf-chat-message',
  imports: [EmojiMenu, MessageText],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './chat-message.html',
  styleUrl: './chat-message.css',
})
export class ChatMessageItem {
  private readonly chat = inject(ChatConnection);
  private readonly injector = inject(Injector);

  readonly message = input.required<Message>();
  readonly myIdentity = input<string | undefined>(undefined);
  /** Hosts and co-hosts delete anyone's message. */
  readonly moderator = input(false);
  /** I may write (send, edit, react): chat is on, or I am a host or co-host. */
  readonly mayWrite = input(true);

  protected readonly editing = signal(false);
  protected readonly draft = signal('');
  protected readonly confirmingDelete = signal(false);
  private readonly editor = viewChild<ElementRef<HTMLTextAreaElement>>('editor');

  protected readonly mine = computed(() => this.message().from.identity === this.myIdentity());
  protected readonly deleted = computed(() => this.message().deletedAt !== null);
  protected readonly author = computed(() => (this.mine() ? 'You' : this.message().from.displayName));
  protected readonly time = computed(() => new Date(this.message().createdAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
  protected readonly privately = computed(() => {
    const { to, from } = this.message();
    if (!to) return null;
    return this.mine() ? `Privately to ${to.displayName}` : to.identity === this.myIdentity() ? `Privately from ${from.displayName}` : `Privately, ${from.displayName} to ${to.displayName}`;
  });
  protected readonly mayDelete = computed(() => !this.deleted() && (this.mine() || this.moderator()));
  protected readonly size = computed(() => formatBytes(this.message().file?.size ?? 0));
  protected readonly editId = computed(() => `chat-edit-${this.message().id}`);

  protected label(reaction: ChatReaction): string {
    return reactionLabel(reaction, this.myIdentity());
  }

  protected pressed(reaction: ChatReaction): boolean {
    return reactedByMe(reaction, this.myIdentity());
  }

  protected react(emoji: string | EmojiChoice): void {
    void this.chat.react(this.message().id, typeof emoji === 'string' ? emoji : emoji.emoji);
  }

  protected download(): void {
    const file = this.message().file;
    if (file) void this.chat.download(file.id);
  }

  protected startEdit(): void {
    this.draft.set(this.message().body);
    this.editing.set(true);
    afterNextRender(() => this.editor()?.nativeElement.focus(), { injector: this.injector });
  }

  protected onDraft(event: Event): void {
    this.draft.set((event.target as HTMLTextAreaElement).value);
  }

  protected onEditKey(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.editing.set(false);
    } else if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void this.save();
    }
  }

  protected async save(): Promise<void> {
    const body = this.draft().trim();
    if (body === '' || body === this.message().body) {
      this.editing.set(false);
      return;
    }
    if (await this.chat.edit(this.message().id, body)) this.editing.set(false);
  }

  protected remove(): void {
    if (!this.confirmingDelete()) {
      this.confirmingDelete.set(true);
      return;
    }
    this.confirmingDelete.set(false);
    void this.chat.remove(this.message().id);
  }
}
