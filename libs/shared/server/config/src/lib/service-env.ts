import { env, LOG_LEVELS } from './env';

/** Variables every Confer service reads. A service spreads this into its own schema. */
export function serviceEnv(service: string, defaultPort: number) {
  return {
    NODE_ENV: env.oneOf(['development', 'production', 'test'], 'development'),
    HOST: env.host('127.0.0.1'),
    PORT: env.port(defaultPort),
    DATABASE_URL: env.url({ protocols: ['postgres:', 'postgresql:'], secret: true }),
    DATABASE_SCHEMA: env.identifier(service),
    DATABASE_POOL_MAX: env.int({ default: 10, min: 1, max: 200 }),
    DATABASE_CONNECT_TIMEOUT_MS: env.int({ default: 5000, min: 100, max: 120000 }),
    REDIS_URL: env.url({ protocols: ['redis:', 'rediss:'], default: 'redis://127.0.0.1:6379', secret: true }),
    EVENTS_PREFIX: env.identifier('confer'),
    EVENTS_RELAY_INTERVAL_MS: env.int({ default: 100, min: 10, max: 60000 }),
    EVENTS_RETRY_AFTER_MS: env.int({ default: 5000, min: 50, max: 3600000 }),
    EVENTS_MAX_DELIVERIES: env.int({ default: 10, min: 1, max: 1000 }),
    RPC_TIMEOUT_MS: env.int({ default: 5000, min: 50, max: 120000 }),
    /** `iss` of access tokens: identity signs with it, every service requires it. */
    AUTH_ISSUER: env.string({ default: 'confer-identity' }),
    LOG_LEVEL: env.oneOf(LOG_LEVELS, 'info'),
    /**
     * Whose X-Forwarded-For is believed when a client's address counts (rate limits, attendance):
     * 0, only a proxy on this machine (the local edge); N, the N hops nearest the service, whatever
     * their address (on AWS, the load balancer and CloudFront: 2).
     */
    TRUSTED_PROXY_HOPS: env.int({ default: 0, min: 0, max: 5 }),
    SHUTDOWN_TIMEOUT_MS: env.int({ default: 10000, min: 100, max: 120000 }),
  };
}

export type ServiceEnvSchema = ReturnType<typeof serviceEnv>;
