import type { ChatAck } from '@confer/chat/contracts';
import type { ChatSocket } from './chat-socket';

/** How long an event may wait for its ack before it counts as unanswered. */
export const ACK_TIMEOUT_MS = 10_000;

/** An ack, or `error: null`: no connection, the connection dropped, or no answer in time. */
export type Answer<T extends object> = ChatAck<T> | { ok: false; error: null };

/**
 * Events emitted with an ack and not answered yet. A dropped connection settles them all as
 * unanswered at once, so that nothing waits for an answer that can no longer come.
 */
export class PendingAcks {
  private readonly waiting = new Set<() => void>();

  emit<T extends object>(socket: ChatSocket | undefined, event: string, payload: object): Promise<Answer<T>> {
    if (!socket?.connected) return Promise.resolve({ ok: false, error: null });
    return new Promise((resolve) => {
      const settle = (answer: Answer<T>) => {
        clearTimeout(timer);
        this.waiting.delete(unanswered);
        resolve(answer);
      };
      const unanswered = () => settle({ ok: false, error: null });
      const timer = setTimeout(unanswered, ACK_TIMEOUT_MS);
      this.waiting.add(unanswered);
      socket.emit(event, payload, (answer: unknown) => settle(answer as ChatAck<T>));
    });
  }

  /** Every event still waiting gets "unanswered" now. */
  settleAll(): void {
    for (const unanswered of [...this.waiting]) unanswered();
  }
}
