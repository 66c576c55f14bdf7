import { ChangeDetectionStrategy, Component, type ElementRef, inject, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter, skip } from 'rxjs';
import { AuthSession } from '@confer/web/auth';
import { ToastHost } from '@confer/web/core';

/** The shell: header with navigation and the account links, the routed page in <main>, the toasts, a footer. */
@Component({
  selector: 'cf-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, ToastHost],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.html',
  styleUrl: './app.css',
})
export class App {
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');
  protected readonly year = new Date().getFullYear();
  protected readonly session = inject(AuthSession);

  constructor() {
    // After each in-app navigation, move focus to the new page so screen readers start there.
    inject(Router)
      .events.pipe(
        filter((event) => event instanceof NavigationEnd),
        skip(1),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.main().nativeElement.focus());
  }

  protected signOut(): void {
    void this.session.signOut();
  }

  /** The skip link focuses <main> itself: a plain #main href would resolve against <base href="/">. */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }
}
