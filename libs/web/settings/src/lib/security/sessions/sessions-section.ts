import { DatePipe, DOCUMENT } from '@angular/common';
import { afterNextRender, ChangeDetectionStrategy, Component, inject, Injector, type OnInit, signal } from '@angular/core';
import type { SessionInfo } from '@confer/identity/contracts';
import { AuthSession } from '@confer/web/auth';
import { ToastService } from '@confer/web/core';
import { utcTime } from '../../security-log/utc-time';
import { SecurityApi } from '../security-api';

/** Where the account is signed in: revoke any other session, or sign out everywhere. */
@Component({
  selector: 'cf-sessions-section',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sessions-section.html',
})
export class SessionsSection implements OnInit {
  private readonly api = inject(SecurityApi);
  private readonly session = inject(AuthSession);
  private readonly toasts = inject(ToastService);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);

  protected readonly sessions = signal<readonly SessionInfo[] | null>(null);
  protected readonly revoking = signal<string | null>(null);
  protected readonly confirmingEverywhere = signal(false);
  protected readonly signingOut = signal(false);
  protected readonly utc = utcTime;

  ngOnInit(): void {
    this.reload();
  }

  reload(): void {
    this.api.sessions().subscribe({ next: (sessions) => this.sessions.set(sessions) });
  }

  protected describe(session: SessionInfo): string {
    return `${session.device}, ${session.ip}`;
  }

  protected revoke(target: SessionInfo): void {
    if (this.revoking()) return;
    this.revoking.set(target.id);
    this.api.revokeSession(target.id).subscribe({
      next: () => {
        this.revoking.set(null);
        this.sessions.update((sessions) => sessions?.filter((session) => session.id !== target.id) ?? null);
        this.toasts.show(`Signed out ${this.describe(target)}.`, 'success');
      },
      error: () => this.revoking.set(null),
    });
  }

  /** Shows or hides the confirmation, moving focus to what replaced the button pressed. */
  protected confirmEverywhere(show: boolean): void {
    this.confirmingEverywhere.set(show);
    const id = show ? 'everywhere-cancel' : 'everywhere-start';
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
  }

  protected async signOutEverywhere(): Promise<void> {
    this.signingOut.set(true);
    try {
      await this.session.signOutEverywhere();
    } catch {
      // The error toast says what went wrong; this tab stays signed in.
      this.signingOut.set(false);
    }
  }
}
