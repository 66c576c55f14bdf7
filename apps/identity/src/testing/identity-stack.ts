import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTestDatabase,
  freeTcpPort,
  mailTo,
  startMailpit,
  startRedisServer,
  startS3,
  startService,
  type MailpitHandle,
  type RedisServerHandle,
  type S3Handle,
  type ServiceHandle,
  type TestDatabase,
  waitUntil,
} from '@confer/shared/server/devstack';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  cookie?: string;
  /** The client's address as the edge would forward it; spreads tests over rate-limit buckets. */
  ip?: string;
  headers?: Record<string, string>;
}

/** Services that only take part in exports and deletions; started when a suite asks for them. */
export type ParticipantName = 'chat' | 'recording' | 'analytics';

/** identity and meetings, as built, on a fresh database, a private Redis, Mailpit and versitygw (S3). */
export interface IdentityStack {
  identity: ServiceHandle;
  meetings: ServiceHandle;
  /** chat, recording and analytics, when started with `participants: true`. */
  participants: Partial<Record<ParticipantName, ServiceHandle>>;
  /** Starts (again) one of the participants, on a new port. */
  startParticipant(name: ParticipantName): Promise<ServiceHandle>;
  mailpit: MailpitHandle;
  /** Its buckets include `confer-uploads`, identity's S3_BUCKET_UPLOADS. */
  s3: S3Handle;
  redis: RedisServerHandle;
  db: TestDatabase;
  call<T = unknown>(service: ServiceHandle, method: string, path: string, options?: CallOptions): Promise<ApiResponse<T>>;
  /** The newest mail to an address whose text contains a link with a token, and that token. */
  tokenFromMail(address: string, path: string): Promise<string>;
  stop(): Promise<void>;
}

export interface IdentityStackOptions {
  /** Also run chat, recording and analytics (every privacy participant). */
  participants?: boolean;
}

export async function startIdentityStack(
  extraIdentityEnv: Record<string, string> = {},
  options: IdentityStackOptions = {},
): Promise<IdentityStack> {
  const dir = mkdtempSync(join(tmpdir(), 'confer-identity-'));
  const started = await Promise.allSettled([
    createTestDatabase(),
    startRedisServer(join(dir, 'redis')),
    startMailpit({ dir: join(dir, 'mailpit') }),
    startS3({ dir: join(dir, 's3') }),
  ] as const);
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    // Stop whatever did start, so a missing companion fails the suite instead of leaving processes behind.
    await Promise.all(started.map((s) => (s.status === 'fulfilled' ? ('drop' in s.value ? s.value.drop() : s.value.stop()) : undefined)));
    throw (failed as PromiseRejectedResult).reason;
  }
  const [db, redis, mailpit, s3] = started.map((s) => (s as PromiseFulfilledResult<unknown>).value) as [
    TestDatabase,
    RedisServerHandle,
    MailpitHandle,
    S3Handle,
  ];
  const common = {
    PATH: process.env['PATH'],
    DATABASE_URL: db.url,
    REDIS_URL: redis.url,
    EVENTS_RELAY_INTERVAL_MS: '50',
    LOG_LEVEL: 'warn',
  };
  let identity: ServiceHandle | undefined;
  let meetings: ServiceHandle | undefined;
  const participants: Partial<Record<ParticipantName, ServiceHandle>> = {};
  const startParticipant = async (name: ParticipantName) => {
    participants[name] = await startService(name, await freeTcpPort(), common, dir);
    return participants[name];
  };
  const stopAll = async () => {
    await Promise.all(Object.values(participants).map((p) => p.stop()));
    await meetings?.stop();
    await identity?.stop();
    await mailpit.stop();
    await s3.stop();
    await redis.stop();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    identity = await startService(
      'identity',
      await freeTcpPort(),
      {
        ...common,
        SMTP_URL: mailpit.smtpUrl,
        IDENTITY_SECRET_KEY: randomBytes(32).toString('base64'),
        PUBLIC_ORIGIN: 'http://127.0.0.1:8080',
        MAIL_POLL_INTERVAL_MS: '100',
        ADMIN_EMAILS: 'admin@example.test',
        // The cheapest Argon2id the service accepts keeps the suite fast; production uses the defaults.
        ARGON2_MEMORY_KIB: '8192',
        ARGON2_PASSES: '1',
        S3_ENDPOINT: s3.endpoint,
        S3_REGION: s3.region,
        S3_ACCESS_KEY_ID: s3.accessKeyId,
        S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
        S3_BUCKET_UPLOADS: 'confer-uploads',
        S3_FORCE_PATH_STYLE: 'true',
        ...extraIdentityEnv,
      },
      dir,
    );
    meetings = await startService(
      'meetings',
      await freeTcpPort(),
      { ...common, LIVEKIT_API_KEY: 'identity-test', LIVEKIT_API_SECRET: 'identity-test-secret-0123456789abcdef0123' },
      dir,
    );
    if (options.participants) await Promise.all((['chat', 'recording', 'analytics'] as const).map(startParticipant));
  } catch (error) {
    await stopAll();
    throw error;
  }
  const services = { identity: identity as ServiceHandle, meetings: meetings as ServiceHandle };

  const call = async <T>(service: ServiceHandle, method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> => {
    const headers: Record<string, string> = { 'x-forwarded-for': options.ip ?? '203.0.113.1', ...options.headers };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    if (options.cookie) headers['cookie'] = options.cookie;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${service.baseUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
  };

  const tokenFromMail = async (address: string, path: string) => {
    const pattern = new RegExp(`${path}#token=([A-Za-z0-9_-]+)`);
    let token: string | undefined;
    await waitUntil(`a mail to ${address} with a ${path} link`, async () => {
      const mails = await mailTo(mailpit.httpUrl, address, { timeoutMs: 0 });
      token = mails.map((m) => pattern.exec(m.text)?.[1]).find(Boolean);
      return token !== undefined;
    }, { timeoutMs: 15000 });
    return token as string;
  };

  return {
    ...services,
    participants,
    startParticipant,
    mailpit,
    s3,
    redis,
    db,
    call,
    tokenFromMail,
    stop: stopAll,
  };
}

/** The refresh cookie's name=value from a response, for the next call. */
export function refreshCookieOf(response: ApiResponse): string | undefined {
  const header = response.headers.get('set-cookie');
  const match = header ? /(confer_refresh=[^;]*)/.exec(header) : null;
  return match ? match[1] : undefined;
}
