/**
 * One timer per connection of a signed-in person: when their access token expires (plus the clock
 * tolerance the verifier allows) without a fresh one sent over `chat:token`, the connection closes.
 */
export class TokenExpiry {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly toleranceSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** (Re)arms the timer of a connection for a token expiring at `exp` (epoch seconds). */
  schedule(connectionId: string, exp: number, onExpired: () => void): void {
    this.clear(connectionId);
    const delay = Math.max(0, (exp + this.toleranceSeconds) * 1000 - this.now());
    const timer = setTimeout(() => {
      this.timers.delete(connectionId);
      onExpired();
    }, delay);
    timer.unref?.();
    this.timers.set(connectionId, timer);
  }

  clear(connectionId: string): void {
    const timer = this.timers.get(connectionId);
    if (timer) clearTimeout(timer);
    this.timers.delete(connectionId);
  }

  clearAll(): void {
    for (const id of [...this.timers.keys()]) this.clear(id);
  }

  get size(): number {
    return this.timers.size;
  }
}
