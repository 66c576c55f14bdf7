import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ChatConnection } from '../connection/chat-connection';

/**
 * Floating reactions over the stage: each rises and fades for a few seconds (it just shows, without
 * moving, for people who prefer reduced motion), and is announced politely in words. Place it inside
 * a positioned element; it takes no pointer events.
 */
@Component({
  selector: 'cf-floating-reactions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="floats" aria-hidden="true">
      @for (float of chat.floats(); track float.key) {
        <span class="float" [style.left.%]="float.left"><span class="emoji">{{ float.emoji }}</span><span class="who">{{ float.from }}</span></span>
      }
    </div>
    <p class="visually-hidden" role="status">{{ chat.floatAnnouncement() }}</p>
  `,
  styleUrl: './floating-reactions.css',
})
export class FloatingReactions {
  protected readonly chat = inject(ChatConnection);
}
