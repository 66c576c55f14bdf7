import { ChangeDetectionStrategy, Component, ElementRef, inject, input, output, signal, viewChild } from '@angular/core';
import { CHAT_LIMITS, type ChatPerson } from '@confer/chat/contracts';
import { ChatConnection } from '../connection/chat-connection';
import type { EmojiChoice } from '../emoji/common-emoji';
import { EmojiMenu } from '../emoji/emoji-menu';
import { FILE_ACCEPT, fileProblem } from '../files/file-rules';

/**
 * Writing a message: "Send to" (everyone, or one other participant privately), the "Message" text
 * area (Enter sends, Shift+Enter starts a new line), "Add emoji" and "Send".
 */
@Component({
  selector: 'cf-chat-composer',
  imports: [EmojiMenu],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './chat-composer.html',
  styleUrl: './chat-composer.css',
})
export class ChatComposer {
  private readonly chat = inject(ChatConnection);

  /** Everyone else in the meeting: who a private message may go to. */
  readonly people = input<readonly ChatPerson[]>([]);
  readonly disabled = input(false);
  readonly sent = output<void>();

  protected readonly draft = signal('');
  protected readonly to = signal<ChatPerson | null>(null);
  protected readonly problem = signal<string | null>(null);
  protected readonly accept = FILE_ACCEPT;
  private readonly textarea = viewChild.required<ElementRef<HTMLTextAreaElement>>('textarea');

  focus(): void {
    this.textarea().nativeElement.focus();
  }

  protected choose(event: Event): void {
    const identity = (event.target as HTMLSelectElement).value;
    this.to.set(this.people().find((p) => p.identity === identity) ?? null);
    this.problem.set(null);
  }

  protected onInput(event: Event): void {
    this.draft.set((event.target as HTMLTextAreaElement).value);
    this.problem.set(null);
  }

  protected onKey(event: KeyboardEvent): void {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      this.send();
    }
  }

  /** Puts the emoji where the caret is and keeps typing there. */
  protected insert(choice: EmojiChoice): void {
    const element = this.textarea().nativeElement;
    const start = element.selectionStart ?? this.draft().length;
    const end = element.selectionEnd ?? start;
    const text = this.draft();
    this.draft.set(text.slice(0, start) + choice.emoji + text.slice(end));
    element.value = this.draft();
    element.focus();
    element.setSelectionRange(start + choice.emoji.length, start + choice.emoji.length);
  }

  /** A chosen file is shared at once, to whoever "Send to" says. */
  protected attach(event: Event): void {
    const picker = event.target as HTMLInputElement;
    const file = picker.files?.[0];
    picker.value = '';
    if (!file || this.disabled()) return;
    const problem = fileProblem(file);
    const to = this.to();
    if (problem) {
      this.problem.set(problem);
    } else if (to && !this.people().some((p) => p.identity === to.identity)) {
      this.to.set(null);
      this.problem.set(`${to.displayName} has left the meeting. Choose who to send to.`);
    } else {
      this.problem.set(null);
      void this.chat.shareFile(file, to);
      this.sent.emit();
    }
  }

  protected send(event?: Event): void {
    event?.preventDefault();
    const body = this.draft().trim();
    if (this.disabled() || body === '') return;
    if ([...body].length > CHAT_LIMITS.messageMaxLength) {
      this.problem.set(`A message has at most ${CHAT_LIMITS.messageMaxLength.toLocaleString('en')} characters.`);
      return;
    }
    const to = this.to();
    // Never turn a private message into one for everyone because its recipient has just left.
    if (to && !this.people().some((p) => p.identity === to.identity)) {
      this.to.set(null);
      this.problem.set(`${to.displayName} has left the meeting. Choose who to send to.`);
      return;
    }
    this.chat.send(body, to);
    this.draft.set('');
    this.textarea().nativeElement.value = '';
    this.sent.emit();
  }
}
