import { MeetingsRpc, type ChatAccess, type ChatAccessRequest } from '@confer/meetings/contracts';
import type { RpcClient } from '@confer/shared/server/events';
import type { ChatConfig } from '../chat.env';

/** Whom chat asks meetings about: a verified user id, a guest's ticket, or a participant identity. */
export type AccessSubject = { userId: string } | { ticket: string } | { identity: string };

const MAX_ENTRIES = 10_000;

/**
 * Meetings' answers about who someone is in a meeting (MeetingsRpc.chatAccess), reused for
 * CHAT_ACCESS_CACHE_MS so that every message does not cost an RPC. Only positive answers are kept (a
 * person who has just joined is not refused for a while), a request in flight is shared, and
 * removals and endings drop the meeting's entries at once (`forget`).
 */
export class MeetingAccessClient {
  private readonly entries = new Map<string, { until: number; answer: Promise<ChatAccess | null> }>();

  constructor(
    private readonly rpc: RpcClient,
    private readonly config: Pick<ChatConfig, 'CHAT_ACCESS_CACHE_MS'>,
    private readonly now: () => number = Date.now,
  ) {}

  get(code: string, subject: AccessSubject): Promise<ChatAccess | null> {
    const key = `${code}\n${JSON.stringify(subject)}`;
    const now = this.now();
    const cached = this.entries.get(key);
    if (cached && cached.until > now) return cached.answer;
    const answer = this.rpc.call<ChatAccess | null, ChatAccessRequest>(MeetingsRpc.chatAccess, { code, ...subject });
    if (this.config.CHAT_ACCESS_CACHE_MS > 0) {
      this.entries.set(key, { until: now + this.config.CHAT_ACCESS_CACHE_MS, answer });
      if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
      answer.then(
        (value) => value === null && this.entries.delete(key),
        () => this.entries.delete(key),
      );
    }
    return answer;
  }

  /** Drops what is known about one meeting (someone was removed, or it ended). */
  forget(code: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(`${code}\n`)) this.entries.delete(key);
  }
}
