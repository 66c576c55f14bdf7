import { DEFAULT_SERVICE_PORTS } from '@confer/shared/contracts';
import { env, serviceEnv, type ConfigOf, type EnvVar } from '@confer/shared/server/config';
import { s3Env } from '@confer/shared/server/storage';

/** A comma-separated list of http(s) origins (scheme, host and port, no path), as browsers send them. */
function origins(): EnvVar<string[]> {
  return {
    secret: false,
    read(raw) {
      const list = (raw ?? '').split(',').map((o) => o.trim()).filter(Boolean);
      for (const origin of list) {
        let parsed: URL | undefined;
        try {
          parsed = new URL(origin);
        } catch {
          parsed = undefined;
        }
        if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin.replace(/\/$/, '')) {
          return { ok: false, problem: 'must be a comma-separated list of origins such as https://confer.example.org' };
        }
      }
      return { ok: true, value: list.map((o) => new URL(o).origin) };
    },
  };
}

export const chatEnv = {
  ...serviceEnv('chat', DEFAULT_SERVICE_PORTS.chat),
  /** The origin people open in the browser; the chat socket accepts only connections from it. */
  PUBLIC_ORIGIN: env.url({ protocols: ['http:', 'https:'], default: 'http://127.0.0.1:8080' }),
  /** More origins the socket accepts (e.g. a development server), comma-separated; none by default. */
  CHAT_EXTRA_ORIGINS: origins(),
  /** How long an answer of meetings about someone's access is reused (0: ask every time). */
  CHAT_ACCESS_CACHE_MS: env.int({ default: 5000, min: 0, max: 60000 }),
  /**
   * Socket handshakes per client address per window, before any token is checked. An office behind
   * one address joining a large meeting at once needs room; a reconnect storm backs off by itself.
   */
  CHAT_HANDSHAKE_RATE_LIMIT: env.int({ default: 120, min: 1, max: 1000000 }),
  CHAT_HANDSHAKE_RATE_WINDOW_SECONDS: env.int({ default: 60, min: 1, max: 3600 }),
  /** Messages (sends, edits, deletions) per person per window. */
  CHAT_MESSAGE_RATE_LIMIT: env.int({ default: 20, min: 1, max: 100000 }),
  CHAT_MESSAGE_RATE_WINDOW_SECONDS: env.int({ default: 10, min: 1, max: 3600 }),
  /**
   * Pages of catch-up and history (socket or HTTP) per person per window: a reconnecting client pages
   * through up to 200 changes a time, so the default lets it catch up on 24,000 in one window.
   */
  CHAT_READ_RATE_LIMIT: env.int({ default: 120, min: 1, max: 100000 }),
  CHAT_READ_RATE_WINDOW_SECONDS: env.int({ default: 10, min: 1, max: 3600 }),
  /** Reactions (on messages and floating) per person per window. */
  CHAT_REACTION_RATE_LIMIT: env.int({ default: 30, min: 1, max: 100000 }),
  CHAT_REACTION_RATE_WINDOW_SECONDS: env.int({ default: 10, min: 1, max: 3600 }),
  /** Upload URLs asked for (files to share) per person per window. */
  CHAT_FILE_RATE_LIMIT: env.int({ default: 20, min: 1, max: 100000 }),
  CHAT_FILE_RATE_WINDOW_SECONDS: env.int({ default: 600, min: 1, max: 86400 }),
  /** S3: shared files in identity's uploads bucket, under chat/. */
  ...s3Env,
};

export type ChatConfig = ConfigOf<typeof chatEnv>;
