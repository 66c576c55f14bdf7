import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { ChatConnection } from '../connection/chat-connection';
import { FLOAT_EMOJI, type EmojiChoice } from '../emoji/common-emoji';
import { EmojiMenu } from '../emoji/emoji-menu';

/** "Reactions" in the control bar: a few emoji that float over everyone's video (through the chat's connection). */
@Component({
  selector: 'cf-reactions-button',
  imports: [EmojiMenu],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <cf-emoji-menu class="bar" menuLabel="Send a reaction" [choices]="choices" [columns]="3" [disabled]="!connected()" (picked)="send($event)">
      <span aria-hidden="true">🎉</span> Reactions
    </cf-emoji-menu>
  `,
})
export class ReactionsButton {
  private readonly chat = inject(ChatConnection);
  protected readonly choices = FLOAT_EMOJI;
  protected readonly connected = computed(() => this.chat.state() === 'connected');

  protected send(choice: EmojiChoice): void {
    void this.chat.float(choice.emoji);
  }
}
