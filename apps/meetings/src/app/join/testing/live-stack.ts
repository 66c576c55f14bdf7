import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccessToken } from 'livekit-server-sdk';
import { forwardIntoNamespace, forwardOutOfNamespace } from './netns-bridge';
import {
  createTestDatabase,
  freeTcpPort,
  mailTo,
  startLiveKit,
  startMailpit,
  startRedisServer,
  startService,
  waitUntil,
  type LiveKitHandle,
  type MailpitHandle,
  type NetworkNamespace,
  type RedisServerHandle,
  type ServiceHandle,
  type TestDatabase,
} from '@confer/shared/server/devstack';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** The client's address as the edge would forward it; spreads tests over rate-limit buckets. */
  ip?: string;
  headers?: Record<string, string>;
  rawBody?: string;
}

export interface Account {
  id: string;
  email: string;
  name: string;
  token: string;
}

/** identity and meetings as built, a real LiveKit posting its webhooks to meetings, Mailpit, Postgres and Redis. */
export interface LiveStack {
  identity: ServiceHandle;
  meetings: ServiceHandle;
  livekit: LiveKitHandle;
  /** Where this process (and meetings) reach LiveKit's API: its own URL, or a bridge into the namespace. */
  livekitApiUrl: string;
  mailpit: MailpitHandle;
  redis: RedisServerHandle;
  db: TestDatabase;
  call<T = unknown>(service: ServiceHandle, method: string, path: string, options?: CallOptions): Promise<ApiResponse<T>>;
  /** A verified, signed-in account. */
  account(email: string, name: string): Promise<Account>;
  /** A webhook body signed the way LiveKit signs it (a JWT carrying the body's SHA-256), with the given secret. */
  signWebhook(body: string, secret?: string): Promise<string>;
  stop(): Promise<void>;
}

const PASSWORD = 'meet me in the lobby, please';

/**
 * With `netns`, LiveKit runs inside the namespace (so @livekit/rtc-node participants there can reach
 * it) and two unix-socket bridges connect it with the services on the host: meetings → LiveKit's API,
 * LiveKit's webhooks → meetings. Participants are given LiveKit's namespace address.
 */
export async function startLiveStack(meetingsEnv: Record<string, string> = {}, options: { netns?: NetworkNamespace } = {}): Promise<LiveStack> {
  const dir = mkdtempSync(join(tmpdir(), 'confer-live-'));
  const apiKey = `live-${randomBytes(4).toString('hex')}`;
  const apiSecret = randomBytes(32).toString('hex');
  const meetingsPort = await freeTcpPort();
  const stoppers: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const s of stoppers.reverse()) await s().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const db = await createTestDatabase('confer_live');
    stoppers.push(() => db.drop());
    const redis = await startRedisServer(join(dir, 'redis'));
    stoppers.push(() => redis.stop());
    const mailpit = await startMailpit({ dir: join(dir, 'mailpit') });
    stoppers.push(() => mailpit.stop());
    const netns = options.netns;
    const webhookPort = netns ? await freeTcpPort() : meetingsPort;
    const livekit = await startLiveKit({
      dir: join(dir, 'livekit'),
      apiKey,
      apiSecret,
      netns,
      webhookUrl: `http://127.0.0.1:${webhookPort}/api/meetings/livekit/webhook`,
    });
    stoppers.push(() => livekit.stop());
    let livekitApiUrl = livekit.httpUrl;
    if (netns) {
      const apiPort = await freeTcpPort();
      const api = await forwardIntoNamespace(netns, apiPort, netns.address, livekit.port, join(dir, 'livekit-api.sock'));
      stoppers.push(() => api.close());
      const hooks = await forwardOutOfNamespace(netns, webhookPort, meetingsPort, join(dir, 'webhooks.sock'));
      stoppers.push(() => hooks.close());
      livekitApiUrl = `http://127.0.0.1:${apiPort}`;
    }
    const common = { PATH: process.env['PATH'], DATABASE_URL: db.url, REDIS_URL: redis.url, EVENTS_RELAY_INTERVAL_MS: '50', LOG_LEVEL: 'warn' };
    const identity = await startService(
      'identity',
      await freeTcpPort(),
      {
        ...common,
        SMTP_URL: mailpit.smtpUrl,
        IDENTITY_SECRET_KEY: randomBytes(32).toString('base64'),
        MAIL_POLL_INTERVAL_MS: '100',
        ARGON2_MEMORY_KIB: '8192',
        ARGON2_PASSES: '1',
      },
      dir,
    );
    stoppers.push(() => identity.stop());
    const meetings = await startService(
      'meetings',
      meetingsPort,
      {
        ...common,
        SMTP_URL: mailpit.smtpUrl,
        LIVEKIT_URL: livekitApiUrl.replace(/^http/, 'ws'),
        LIVEKIT_PUBLIC_URL: livekit.url,
        LIVEKIT_API_KEY: apiKey,
        LIVEKIT_API_SECRET: apiSecret,
        ...meetingsEnv,
      },
      dir,
    );
    stoppers.push(() => meetings.stop());

    const call = async <T>(service: ServiceHandle, method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> => {
      const headers: Record<string, string> = { 'x-forwarded-for': options.ip ?? '203.0.113.1', ...options.headers };
      if (options.token) headers['authorization'] = `Bearer ${options.token}`;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${service.baseUrl}${path}`, {
        method,
        headers,
        body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
    };

    let ipCounter = 10;
    const account = async (email: string, name: string): Promise<Account> => {
      const ip = `198.18.7.${ipCounter++}`;
      const registered = await call(identity, 'POST', '/auth/register', { body: { email, password: PASSWORD, displayName: name }, ip });
      if (registered.status !== 202) throw new Error(`register ${email}: ${registered.status}`);
      let token: string | undefined;
      await waitUntil(`a verification mail to ${email}`, async () => {
        const mails = await mailTo(mailpit.httpUrl, email, { timeoutMs: 0 });
        token = mails.map((m) => /\/verify-email#token=([A-Za-z0-9_-]+)/.exec(m.text)?.[1]).find(Boolean);
        return token !== undefined;
      }, { timeoutMs: 15000 });
      const verified = await call(identity, 'POST', '/auth/verify-email', { body: { token }, ip });
      if (verified.status !== 200) throw new Error(`verify ${email}: ${verified.status}`);
      const signedIn = await call<{ user: { id: string }; accessToken: string }>(identity, 'POST', '/auth/sign-in', { body: { email, password: PASSWORD }, ip });
      if (signedIn.status !== 200) throw new Error(`sign in ${email}: ${signedIn.status}`);
      return { id: signedIn.body.user.id, email, name, token: signedIn.body.accessToken };
    };

    const signWebhook = async (body: string, secret = apiSecret) => {
      const at = new AccessToken(apiKey, secret);
      at.sha256 = createHash('sha256').update(body).digest('base64');
      return at.toJwt();
    };

    return { identity, meetings, livekit, livekitApiUrl, mailpit, redis, db, call, account, signWebhook, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
