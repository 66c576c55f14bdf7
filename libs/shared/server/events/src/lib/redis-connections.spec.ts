import { redisOptionsFromUrl, rpcTransportOptions } from './redis-connections';

describe('redisOptionsFromUrl', () => {
  it('reads host, port, credentials, database and TLS from a URL', () => {
    expect(redisOptionsFromUrl('rediss://user:p%40ss@cache.internal:6380/2')).toEqual({
      host: 'cache.internal',
      port: 6380,
      username: 'user',
      password: 'p@ss',
      db: 2,
      tls: {},
    });
  });

  it('defaults to port 6379, database 0 and no TLS', () => {
    expect(redisOptionsFromUrl('redis://127.0.0.1')).toMatchObject({ host: '127.0.0.1', port: 6379, db: 0, tls: undefined });
  });

  it('makes the RPC transport reconnect forever', () => {
    expect(rpcTransportOptions('redis://127.0.0.1:6379')).toMatchObject({ retryAttempts: Number.MAX_SAFE_INTEGER, retryDelay: 1000 });
  });
});
