import type { RevocationSnapshot } from '@confer/shared/contracts';
import type { AuthLogger } from '../auth-settings';
import { parseRevocationMessage, toRevocation } from './parse-revocation';
import type { RevocationRegistry } from './revocation-registry';

/** The part of an ioredis client in subscriber mode the listener uses. */
export interface PubSubConnection {
  readonly status: string;
  on(event: 'ready', listener: () => void): unknown;
  on(event: 'message', listener: (channel: string, message: string) => void): unknown;
  subscribe(channel: string): Promise<unknown>;
  quit(): Promise<unknown>;
  disconnect(): void;
}

/** Fetches the revocations of the last token lifetime (in a service: `rpc.call(AuthRpc.revocations, {})`). */
export type SnapshotLoader = () => Promise<RevocationSnapshot>;

/**
 * Applies identity's revocation broadcasts to the registry. Broadcasts are fire-and-forget, so each
 * time the connection is (re)established it subscribes first and then applies identity's snapshot:
 * whatever was missed while away is caught up, and nothing falls between the two.
 */
export class RevocationListener {
  private closed = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly connection: PubSubConnection,
    private readonly channel: string,
    private readonly registry: RevocationRegistry,
    private readonly loadSnapshot: SnapshotLoader,
    private readonly logger: AuthLogger,
    private readonly retryMs = 5_000,
  ) {}

  start(): void {
    this.connection.on('message', (channel, message) => {
      if (channel === this.channel) this.onMessage(message);
    });
    this.connection.on('ready', () => void this.subscribe());
    if (this.connection.status === 'ready') void this.subscribe();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    try {
      await this.connection.quit();
    } catch {
      this.connection.disconnect();
    }
  }

  /** Resolves once subscribed and caught up (or after logging why not). For the module and tests. */
  async subscribe(): Promise<void> {
    if (this.closed) return;
    try {
      await this.connection.subscribe(this.channel);
    } catch (error) {
      // The next 'ready' (after the reconnect ioredis keeps trying) subscribes again.
      this.logger.warn({ err: error, channel: this.channel }, 'cannot subscribe to revocations');
      return;
    }
    await this.catchUp();
  }

  private async catchUp(): Promise<void> {
    if (this.closed) return;
    if (this.retry) clearTimeout(this.retry);
    this.retry = undefined;
    try {
      const snapshot = await this.loadSnapshot();
      const revocations = Array.isArray(snapshot?.revocations) ? snapshot.revocations : [];
      let applied = 0;
      for (const value of revocations) {
        const revocation = toRevocation(value);
        if (revocation && this.registry.apply(revocation)) applied += 1;
      }
      this.logger.info({ channel: this.channel, received: revocations.length, applied }, 'subscribed to revocations; snapshot applied');
    } catch (error) {
      if (this.closed) return;
      this.logger.warn({ err: error, retryInMs: this.retryMs }, 'cannot load the revocation snapshot; will retry');
      this.retry = setTimeout(() => void this.catchUp(), this.retryMs);
      this.retry.unref();
    }
  }

  private onMessage(message: string): void {
    const revocation = parseRevocationMessage(message);
    if (!revocation) {
      this.logger.warn({ channel: this.channel, length: message.length }, 'ignoring a malformed revocation message');
      return;
    }
    this.registry.apply(revocation);
  }
}
