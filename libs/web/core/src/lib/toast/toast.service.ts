import { Injectable, signal } from '@angular/core';
import type { Toast, ToastKind } from './toast';

/** How long a toast stays, unless the pointer or keyboard focus is on it. */
export const TOAST_DURATION_MS = 6_000;
const MAX_TOASTS = 4;

/** The toasts on screen. ToastHost renders them; anything may add one. */
@Injectable({ providedIn: 'root' })
export class ToastService {
  private readonly items = signal<readonly Toast[]>([]);
  private readonly timers = new Map<number, ReturnType<typeof setTimeout>>();
  private nextId = 1;

  readonly toasts = this.items.asReadonly();

  /** Shows a message; the same message already on screen is kept (and its timer restarted) rather than repeated. */
  show(message: string, kind: ToastKind = 'info'): number {
    const same = this.items().find((toast) => toast.message === message && toast.kind === kind);
    if (same) {
      this.resume(same.id);
      return same.id;
    }
    const toast: Toast = { id: this.nextId++, kind, message };
    const kept = this.items().slice(-(MAX_TOASTS - 1));
    for (const dropped of this.items().filter((item) => !kept.includes(item))) this.clearTimer(dropped.id);
    this.items.set([...kept, toast]);
    this.resume(toast.id);
    return toast.id;
  }

  error(message: string): number {
    return this.show(message, 'error');
  }

  dismiss(id: number): void {
    this.clearTimer(id);
    this.items.update((items) => items.filter((toast) => toast.id !== id));
  }

  /** Stops the countdown while a person is reading or about to act. */
  pause(id: number): void {
    this.clearTimer(id);
  }

  /** Starts the countdown again from the full duration. */
  resume(id: number): void {
    this.clearTimer(id);
    if (!this.items().some((toast) => toast.id === id)) return;
    this.timers.set(
      id,
      setTimeout(() => this.dismiss(id), TOAST_DURATION_MS),
    );
  }

  private clearTimer(id: number): void {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
  }
}
