import { resolve } from 'node:path';
import { DEFAULT_SERVICE_PORTS, type ServiceName } from '@confer/shared/contracts';
import { env, loadConfig, LOG_LEVELS, type EnvVar, type LogLevel } from '@confer/shared/server/config';

/** Everything the edge needs, read and validated once at boot. Nothing reads process.env afterwards. */
export interface EdgeConfig {
  readonly host: string;
  readonly port: number;
  /** Absolute path of the built Angular app (the folder holding index.html). */
  readonly webRoot: string;
  /** Origin (scheme://host:port) of each service; the request path is forwarded unchanged. */
  readonly upstreams: Readonly<Record<ServiceName, string>>;
  /** Longest wait for an upstream to connect, answer with headers, or send the next body chunk. */
  readonly upstreamTimeoutMs: number;
  readonly logLevel: LogLevel;
}

function upstreamUrl(service: ServiceName): EnvVar<string> {
  return env.url({ protocols: ['http:', 'https:'], default: `http://127.0.0.1:${DEFAULT_SERVICE_PORTS[service]}` });
}

/** The variables the edge reads, with their defaults. WEB_ROOT defaults relative to the working directory. */
export function edgeEnvSchema(cwd: string) {
  return {
    EDGE_HOST: env.host('127.0.0.1'),
    EDGE_PORT: env.port(8080),
    WEB_ROOT: env.string({ default: resolve(cwd, 'dist/apps/web/browser') }),
    IDENTITY_URL: upstreamUrl('identity'),
    MEETINGS_URL: upstreamUrl('meetings'),
    CHAT_URL: upstreamUrl('chat'),
    RECORDING_URL: upstreamUrl('recording'),
    ANALYTICS_URL: upstreamUrl('analytics'),
    UPSTREAM_TIMEOUT_MS: env.int({ default: 30_000, min: 100, max: 600_000 }),
    LOG_LEVEL: env.oneOf(LOG_LEVELS, 'info'),
  };
}

/**
 * Reads the edge's configuration. Throws a ConfigError (one-line message naming each bad variable).
 * An upstream URL is reduced to its origin: services are mounted under /api/<service> on their own port.
 */
export function loadEdgeConfig(
  source: Readonly<Record<string, string | undefined>> = process.env,
  cwd: string = process.cwd(),
): EdgeConfig {
  const raw = loadConfig(edgeEnvSchema(cwd), source);
  const origin = (url: string): string => new URL(url).origin;
  return Object.freeze({
    host: raw.EDGE_HOST,
    port: raw.EDGE_PORT,
    webRoot: resolve(cwd, raw.WEB_ROOT),
    upstreams: Object.freeze({
      identity: origin(raw.IDENTITY_URL),
      meetings: origin(raw.MEETINGS_URL),
      chat: origin(raw.CHAT_URL),
      recording: origin(raw.RECORDING_URL),
      analytics: origin(raw.ANALYTICS_URL),
    }),
    upstreamTimeoutMs: raw.UPSTREAM_TIMEOUT_MS,
    logLevel: raw.LOG_LEVEL,
  });
}
