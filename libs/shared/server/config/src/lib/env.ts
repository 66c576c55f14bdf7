/**
 * A tiny typed reader of environment variables. Each variable is described once, read once at boot,
 * and reported by name when it is missing or malformed. Values of secret variables never appear in
 * messages.
 */
export interface EnvVar<T> {
  readonly secret: boolean;
  /** Returns the value, or a problem sentence that names nothing but the variable's expectations. */
  read(raw: string | undefined): { ok: true; value: T } | { ok: false; problem: string };
}

type Result<T> = { ok: true; value: T } | { ok: false; problem: string };
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T>(problem: string): Result<T> => ({ ok: false, problem });

function make<T>(secret: boolean, read: (raw: string | undefined) => Result<T>): EnvVar<T> {
  return { secret, read };
}

function withDefault<T>(
  raw: string | undefined,
  fallback: T | undefined,
  parse: (value: string) => Result<T>,
): Result<T> {
  if (raw === undefined || raw.trim() === '') {
    return fallback === undefined ? fail('is required') : ok(fallback);
  }
  return parse(raw.trim());
}

export const env = {
  string(opts: { default?: string; minLength?: number; secret?: boolean } = {}): EnvVar<string> {
    return make(opts.secret ?? false, (raw) =>
      withDefault(raw, opts.default, (v) =>
        opts.minLength !== undefined && v.length < opts.minLength
          ? fail(`must be at least ${opts.minLength} characters long`)
          : ok(v),
      ),
    );
  },

  int(opts: { default?: number; min?: number; max?: number } = {}): EnvVar<number> {
    const min = opts.min ?? Number.MIN_SAFE_INTEGER;
    const max = opts.max ?? Number.MAX_SAFE_INTEGER;
    return make(false, (raw) =>
      withDefault(raw, opts.default, (v) => {
        const n = Number(v);
        return /^-?\d+$/.test(v) && n >= min && n <= max
          ? ok(n)
          : fail(`must be a whole number from ${min} to ${max}`);
      }),
    );
  },

  port(fallback?: number): EnvVar<number> {
    return env.int({ default: fallback, min: 0, max: 65535 });
  },

  bool(fallback?: boolean): EnvVar<boolean> {
    return make(false, (raw) =>
      withDefault(raw, fallback, (v) => {
        if (['true', '1', 'yes'].includes(v.toLowerCase())) return ok(true);
        if (['false', '0', 'no'].includes(v.toLowerCase())) return ok(false);
        return fail('must be true or false');
      }),
    );
  },

  oneOf<const T extends string>(values: readonly T[], fallback?: T): EnvVar<T> {
    return make(false, (raw) =>
      withDefault<T>(raw, fallback, (v) =>
        (values as readonly string[]).includes(v) ? ok(v as T) : fail(`must be one of ${values.join(', ')}`),
      ),
    );
  },

  /** A Postgres schema name, Redis key prefix or similar: lower-case letters, digits and _ . : - */
  identifier(fallback?: string): EnvVar<string> {
    return make(false, (raw) =>
      withDefault(raw, fallback, (v) =>
        /^[a-z][a-z0-9_.:-]{0,62}$/.test(v) ? ok(v) : fail('must be a lower-case identifier'),
      ),
    );
  },

  /** A host name or IP address to bind to or reach. */
  host(fallback?: string): EnvVar<string> {
    return make(false, (raw) =>
      withDefault(raw, fallback, (v) =>
        /^[A-Za-z0-9.:[\]_-]{1,253}$/.test(v) ? ok(v) : fail('must be a host name or IP address'),
      ),
    );
  },

  /** A secret key of exactly `bytes` bytes, written as base64 (standard or URL-safe) or hex. */
  key(bytes: number): EnvVar<Buffer> {
    return make(true, (raw) =>
      withDefault<Buffer>(raw, undefined, (v) => {
        const decoded = /^[0-9a-fA-F]+$/.test(v) && v.length === bytes * 2 ? Buffer.from(v, 'hex') : Buffer.from(v, 'base64');
        return decoded.length === bytes ? ok(decoded) : fail(`must be ${bytes} random bytes as base64 or hex`);
      }),
    );
  },

  /** A comma-separated list of email addresses, lower-cased. */
  emails(fallback: string[] = []): EnvVar<string[]> {
    return make(false, (raw) =>
      withDefault(raw, fallback, (v) => {
        const list = v.split(',').map((e) => e.trim().toLowerCase()).filter(Boolean);
        const bad = list.find((e) => !/^[^\s@]+@[^\s@]+$/.test(e));
        return bad === undefined ? ok(list) : fail('must be a comma-separated list of email addresses');
      }),
    );
  },

  url(opts: { protocols: readonly string[]; default?: string; secret?: boolean }): EnvVar<string> {
    return make(opts.secret ?? false, (raw) =>
      withDefault(raw, opts.default, (v) => {
        let parsed: URL;
        try {
          parsed = new URL(v);
        } catch {
          return fail(`must be a URL (${opts.protocols.join(' or ')})`);
        }
        if (!opts.protocols.includes(parsed.protocol)) {
          return fail(`must be a URL with protocol ${opts.protocols.join(' or ')}`);
        }
        if (!parsed.hostname) return fail('must name a host');
        return ok(v);
      }),
    );
  },

  /**
   * Any reader made optional: unset (or blank) gives undefined instead of "is required"; a value that
   * is set must still be valid. Give the inner reader no default.
   */
  optional<T>(inner: EnvVar<T>): EnvVar<T | undefined> {
    return make<T | undefined>(inner.secret, (raw) => (raw === undefined || raw.trim() === '' ? ok(undefined) : inner.read(raw)));
  },
};

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type EnvSchema = Record<string, EnvVar<unknown>>;
export type ConfigOf<S extends EnvSchema> = { readonly [K in keyof S]: S[K] extends EnvVar<infer T> ? T : never };
