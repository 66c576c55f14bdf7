import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ToastService } from './toast.service';

type Hold = 'pointer' | 'focus';

/**
 * Renders the toasts in one polite live region (errors as role="alert", others as role="status").
 * A toast waits while the pointer or keyboard focus is on it; its button (click, Enter, Space or
 * Escape) dismisses it.
 */
@Component({
  selector: 'cf-toast-host',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './toast-host.html',
  styleUrl: './toast-host.css',
})
export class ToastHost {
  protected readonly toasts = inject(ToastService);
  private readonly holds = new Map<number, Set<Hold>>();

  protected hold(id: number, reason: Hold): void {
    const reasons = this.holds.get(id) ?? new Set<Hold>();
    reasons.add(reason);
    this.holds.set(id, reasons);
    this.toasts.pause(id);
  }

  protected release(id: number, reason: Hold): void {
    const reasons = this.holds.get(id);
    reasons?.delete(reason);
    if (!reasons || reasons.size === 0) {
      this.holds.delete(id);
      this.toasts.resume(id);
    }
  }

  protected dismiss(id: number): void {
    this.holds.delete(id);
    this.toasts.dismiss(id);
  }
}
