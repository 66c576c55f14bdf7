import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, type OnInit, output, signal } from '@angular/core';
import type { LobbyPollResult } from '@confer/meetings/contracts';
import { JoinApi } from '../join/join-api';

/** How often the waiting person asks whether a host let them in. */
export const LOBBY_POLL_MS = 2000;

/**
 * "Waiting for the host to let you in": asks every two seconds with the ticket until the answer is
 * admitted, denied or removed. A failed poll (network) just tries again.
 */
@Component({
  selector: 'cf-lobby-wait',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="lobby" aria-labelledby="lobby-title">
      <h1 id="lobby-title">{{ title() }}</h1>
      <p role="status">Waiting for the host to let you in…</p>
      <p class="quiet">Keep this page open. You'll join as soon as a host admits you.</p>
      <button class="button button--secondary" type="button" (click)="leaveClicked.emit()">Leave the waiting room</button>
    </section>
  `,
  styles: `.lobby { max-width: 36rem; margin: 3rem auto; text-align: center; } .quiet { color: #57606a; }`,
})
export class LobbyWait implements OnInit {
  private readonly joinApi = inject(JoinApi);
  private readonly destroyRef = inject(DestroyRef);

  readonly code = input.required<string>();
  readonly ticket = input.required<string>();
  readonly title = input('');
  readonly decided = output<Exclude<LobbyPollResult, { status: 'waiting' }>>();
  readonly leaveClicked = output<void>();

  private readonly active = signal(true);
  private timer?: ReturnType<typeof setTimeout>;

  ngOnInit(): void {
    this.destroyRef.onDestroy(() => {
      this.active.set(false);
      clearTimeout(this.timer);
    });
    this.schedule();
  }

  private schedule(): void {
    if (this.active()) this.timer = setTimeout(() => this.poll(), LOBBY_POLL_MS);
  }

  private poll(): void {
    this.joinApi.poll(this.code(), this.ticket()).subscribe({
      next: (result) => {
        if (result.status === 'waiting') this.schedule();
        else if (this.active()) this.decided.emit(result);
      },
      error: () => this.schedule(),
    });
  }
}
