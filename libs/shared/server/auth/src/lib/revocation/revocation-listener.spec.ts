import { EventEmitter } from 'node:events';
import type { Revocation, RevocationSnapshot } from '@confer/shared/contracts';
import { RevocationListener, type PubSubConnection } from './revocation-listener';
import { RevocationRegistry } from './revocation-registry';

const CHANNEL = 'confer:auth:revocations';

/** Stands in for an ioredis subscriber: records subscriptions, emits what a server would. */
class FakeConnection extends EventEmitter implements PubSubConnection {
  status = 'connecting';
  subscriptions: string[] = [];
  failSubscribe = false;
  quit = jest.fn(async () => 'OK');
  disconnect = jest.fn();

  async subscribe(channel: string): Promise<number> {
    if (this.failSubscribe) throw new Error('connection lost');
    this.subscriptions.push(channel);
    return 1;
  }

  connect(): void {
    this.status = 'ready';
    this.emit('ready');
  }
}

const missed: Revocation = { kind: 'sessions', userId: 'u1', sessionIds: ['s-missed'], reason: 'sign_out', at: 1 };
const live: Revocation = { kind: 'user', userId: 'u2', notBefore: 100, reason: 'password_changed', at: 100 };
const flush = () => new Promise((resolve) => setImmediate(resolve));

function setup(snapshot: () => Promise<RevocationSnapshot> = async () => ({ revocations: [missed] })) {
  const connection = new FakeConnection();
  const registry = new RevocationRegistry();
  const logger = { info: jest.fn(), warn: jest.fn() };
  const loadSnapshot = jest.fn(snapshot);
  const listener = new RevocationListener(connection, CHANNEL, registry, loadSnapshot, logger, 10);
  return { connection, registry, logger, loadSnapshot, listener };
}

describe('RevocationListener', () => {
  afterEach(() => jest.useRealTimers());

  it('subscribes, then applies the snapshot, on every (re)connect', async () => {
    const { connection, registry, loadSnapshot, listener } = setup();
    listener.start();
    connection.connect();
    await flush();
    expect(connection.subscriptions).toEqual([CHANNEL]);
    expect(registry.isRevoked({ sub: 'u1', sid: 's-missed', iat: 0 })).toBe(true);
    connection.connect();
    await flush();
    expect(connection.subscriptions).toEqual([CHANNEL, CHANNEL]);
    expect(loadSnapshot).toHaveBeenCalledTimes(2);
  });

  it('applies broadcasts of its channel and ignores malformed ones with a warning', async () => {
    const { connection, registry, logger, listener } = setup();
    listener.start();
    connection.connect();
    await flush();
    connection.emit('message', CHANNEL, JSON.stringify(live));
    connection.emit('message', 'other:channel', JSON.stringify({ ...live, userId: 'u3' }));
    connection.emit('message', CHANNEL, '{"kind":"user"');
    expect(registry.isRevoked({ sub: 'u2', sid: 'x', iat: 100 })).toBe(true);
    expect(registry.isRevoked({ sub: 'u3', sid: 'x', iat: 100 })).toBe(false);
    expect(logger.warn).toHaveBeenCalledWith(expect.objectContaining({ channel: CHANNEL }), 'ignoring a malformed revocation message');
  });

  it('retries the snapshot until identity answers', async () => {
    let calls = 0;
    const { connection, registry, logger, listener } = setup(async () => {
      calls += 1;
      if (calls < 3) throw new Error('no answer');
      return { revocations: [missed, { kind: 'bogus' } as never] };
    });
    listener.start();
    connection.connect();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toBe(3);
    expect(logger.warn).toHaveBeenCalledTimes(2);
    expect(registry.isRevoked({ sub: 'u1', sid: 's-missed', iat: 0 })).toBe(true);
    await listener.close();
  });

  it('subscribes at once when the connection is already ready', async () => {
    const { connection, listener } = setup();
    connection.status = 'ready';
    listener.start();
    await flush();
    expect(connection.subscriptions).toEqual([CHANNEL]);
  });

  it('waits for the next ready when subscribing fails, without loading a snapshot', async () => {
    const { connection, loadSnapshot, listener } = setup();
    connection.failSubscribe = true;
    listener.start();
    connection.connect();
    await flush();
    expect(loadSnapshot).not.toHaveBeenCalled();
  });

  it('closes its connection and stops retrying', async () => {
    const { connection, loadSnapshot, listener } = setup(async () => {
      throw new Error('no answer');
    });
    listener.start();
    connection.connect();
    await flush();
    await listener.close();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(connection.quit).toHaveBeenCalled();
    expect(loadSnapshot).toHaveBeenCalledTimes(1);
  });
});
