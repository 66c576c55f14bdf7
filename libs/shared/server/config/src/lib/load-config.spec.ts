import { ConfigError } from './config-error';
import { env } from './env';
import { loadConfig, redactUrl } from './load-config';
import { serviceEnv } from './service-env';

describe('loadConfig', () => {
  const schema = serviceEnv('meetings', 3102);

  it('applies defaults and parses typed values', () => {
    const config = loadConfig(schema, { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db', PORT: '4000' });
    expect(config.PORT).toBe(4000);
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.DATABASE_SCHEMA).toBe('meetings');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
  });

  it('names every bad variable in one line, without secret values', () => {
    let error: unknown;
    try {
      loadConfig(schema, { DATABASE_URL: 'mysql://root:hunter2@db/x', PORT: 'eighty', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).not.toContain('\n');
    expect(message).toContain('DATABASE_URL must be a URL with protocol postgres: or postgresql:');
    expect(message).toContain('PORT must be a whole number from 0 to 65535');
    expect(message).toContain('LOG_LEVEL must be one of');
    expect(message).not.toContain('hunter2');
  });

  it('requires variables without a default', () => {
    expect(() => loadConfig(schema, {})).toThrow('DATABASE_URL is required');
  });

  it('reads booleans and bounded integers', () => {
    const s = { A: env.bool(false), B: env.int({ min: 1, max: 3 }) };
    expect(loadConfig(s, { A: 'yes', B: '2' })).toEqual({ A: true, B: 2 });
    expect(() => loadConfig(s, { A: 'maybe', B: '9' })).toThrow(/A must be true or false; B must be a whole number from 1 to 3/);
  });

  it('reads 32-byte keys as base64 or hex, and never echoes a bad one', () => {
    const s = { KEY: env.key(32) };
    const raw = Buffer.alloc(32, 9);
    expect(loadConfig(s, { KEY: raw.toString('base64') }).KEY.equals(raw)).toBe(true);
    expect(loadConfig(s, { KEY: raw.toString('hex') }).KEY.equals(raw)).toBe(true);
    expect(() => loadConfig(s, { KEY: 'too-short-secret' })).toThrow(/KEY must be 32 random bytes as base64 or hex/);
    expect(() => loadConfig(s, { KEY: 'too-short-secret' })).not.toThrow(/too-short-secret/);
  });

  it('reads lists of email addresses, lower-cased', () => {
    const s = { ADMINS: env.emails() };
    expect(loadConfig(s, {}).ADMINS).toEqual([]);
    expect(loadConfig(s, { ADMINS: ' Ada@Example.test, bob@example.test ' }).ADMINS).toEqual(['ada@example.test', 'bob@example.test']);
    expect(() => loadConfig(s, { ADMINS: 'not-an-address' })).toThrow(/ADMINS must be a comma-separated list/);
  });

  it('reads optional variables as undefined when unset, and still validates them when set', () => {
    const s = { ENDPOINT: env.optional(env.url({ protocols: ['http:', 'https:'] })), KEY: env.optional(env.string({ secret: true })) };
    expect(loadConfig(s, {})).toEqual({ ENDPOINT: undefined, KEY: undefined });
    expect(loadConfig(s, { ENDPOINT: '  ', KEY: '' })).toEqual({ ENDPOINT: undefined, KEY: undefined });
    expect(loadConfig(s, { ENDPOINT: 'http://127.0.0.1:7070', KEY: 'k' })).toEqual({ ENDPOINT: 'http://127.0.0.1:7070', KEY: 'k' });
    expect(() => loadConfig(s, { ENDPOINT: 'ftp://files' })).toThrow(/ENDPOINT must be a URL with protocol http: or https:/);
    expect(s.KEY.secret).toBe(true);
  });

  it('redacts credentials from URLs', () => {
    expect(redactUrl('postgres://user:secret@host:5432/db')).toBe('postgres://***@host:5432/db');
  });
});
