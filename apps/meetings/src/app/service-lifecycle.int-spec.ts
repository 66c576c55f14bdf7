import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccessToken } from 'livekit-server-sdk';
import { rpcPattern, type ServiceInfo } from '@confer/shared/contracts';
import {
  createTestDatabase,
  freeTcpPort,
  startRedisServer,
  startService,
  waitUntil,
  workspaceRoot,
  type RedisServerHandle,
  type ServiceHandle,
  type TestDatabase,
} from '@confer/shared/server/devstack';
import { RpcClient } from '@confer/shared/server/events';
import { DomainError } from '@confer/shared/util';

const LIVEKIT_API_KEY = 'lifecycle-key';
const LIVEKIT_API_SECRET = 'lifecycle-secret-0123456789abcdef0123456789';

/** The meetings service as an operator runs it: its built main.js, real Postgres and Redis. */
describe('meetings service process', () => {
  let dir: string;
  let db: TestDatabase;
  let redis: RedisServerHandle;
  let meetings: ServiceHandle;

  const env = () => ({
    PATH: process.env['PATH'],
    DATABASE_URL: db.url,
    REDIS_URL: redis.url,
    LIVEKIT_API_KEY,
    LIVEKIT_API_SECRET,
    EVENTS_RELAY_INTERVAL_MS: '50',
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'confer-lifecycle-'));
    [db, redis] = await Promise.all([createTestDatabase(), startRedisServer(join(dir, 'redis'))]);
    meetings = await startService('meetings', await freeTcpPort(), env(), dir);
  });

  afterAll(async () => {
    await meetings?.stop();
    await redis?.stop();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  function runToExit(overrides: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [join(workspaceRoot(), 'dist/apps/meetings/main.js')], {
        env: { ...env(), PORT: '0', ...overrides },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      const timer = setTimeout(() => child.kill('SIGKILL'), 30000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, stderr });
      });
    });
  }

  it('exits non-zero with a one-line reason when the database URL is malformed', async () => {
    const { code, stderr } = await runToExit({ DATABASE_URL: 'mysql://root:hunter2@db/confer' });
    expect(code).not.toBe(0);
    expect(stderr.trim().split('\n')).toEqual([
      'meetings: invalid configuration: DATABASE_URL must be a URL with protocol postgres: or postgresql:',
    ]);
  });

  it('exits non-zero with a one-line reason, and no password, when the database cannot be reached', async () => {
    const { code, stderr } = await runToExit({ DATABASE_URL: 'postgres://confer:s3cret@127.0.0.1:1/confer' });
    expect(code).not.toBe(0);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^meetings: cannot connect to the database at postgres:\/\/\*\*\*@127\.0\.0\.1:1\/confer: /);
    expect(stderr).not.toContain('s3cret');
  });

  it('reports ready, then not ready while Redis is away, and recovers by itself', async () => {
    const health = async () => {
      const response = await fetch(`${meetings.baseUrl}/health`);
      return { status: response.status, body: (await response.json()) as { ready: boolean; checks: { redis: { status: string } } } };
    };
    expect(await health()).toMatchObject({ status: 200, body: { ready: true, checks: { redis: { status: 'up' } } } });

    await redis.stop();
    await waitUntil('meetings reports not ready', async () => (await health()).status === 503, { timeoutMs: 10000 });
    const down = await health();
    expect(down).toMatchObject({ status: 503, body: { ready: false, checks: { redis: { status: 'down' } } } });
    // The public report says what is down, not why: reasons can name internal hosts.
    expect(JSON.stringify(down.body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|error/);
    await waitUntil('the reason is logged', async () => readFileSync(meetings.process.logFile, 'utf8').includes('"msg":"redis is down"'));
    // Liveness stays green: an orchestrator must not restart a service for its dependency's outage.
    expect((await fetch(`${meetings.baseUrl}/health/live`)).status).toBe(200);

    await redis.start();
    await waitUntil('meetings reports ready again', async () => (await health()).status === 200, { timeoutMs: 20000 });

    // The RPC transport reconnected too.
    const rpc = new RpcClient(redis.url, 3000);
    try {
      await waitUntil('meetings answers RPC again', async () => {
        try {
          return (await rpc.call<ServiceInfo>(rpcPattern('meetings', 'info'), {}, 1000)).service === 'meetings';
        } catch {
          return false;
        }
      }, { timeoutMs: 20000 });
    } finally {
      await rpc.close();
    }
  });

  it('answers RPC over Redis, and a call nobody answers fails fast instead of hanging', async () => {
    const rpc = new RpcClient(redis.url, 3000);
    try {
      const info = await rpc.call<ServiceInfo>(rpcPattern('meetings', 'info'), {});
      expect(info).toMatchObject({ service: 'meetings', version: expect.any(String), instanceId: expect.stringContaining('meetings-') });
      await expect(rpc.call(rpcPattern('meetings', 'no-such-operation'), {})).rejects.toBeInstanceOf(DomainError);
      const started = Date.now();
      await expect(rpc.call(rpcPattern('analytics', 'info'), {}, 500)).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await rpc.close();
    }
  });

  it('carries the caller request id into its response and logs, and answers unknown routes with JSON', async () => {
    const response = await fetch(`${meetings.baseUrl}/no-such-route`, { headers: { 'x-request-id': 'trace-lifecycle-42' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-request-id')).toBe('trace-lifecycle-42');
    expect(await response.json()).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
    await waitUntil('request logged', async () => readFileSync(meetings.process.logFile, 'utf8').includes('"requestId":"trace-lifecycle-42"'));
    const badId = await fetch(`${meetings.baseUrl}/health/live`, { headers: { 'x-request-id': 'evil\tline' } });
    expect(badId.headers.get('x-request-id')).not.toContain('evil');
  });

  it('serves Prometheus metrics and the OpenAPI document', async () => {
    const metrics = await (await fetch(`${meetings.baseUrl}/metrics`)).text();
    expect(metrics).toContain('confer_http_request_duration_seconds_bucket');
    expect(metrics).toContain('service="meetings"');
    const doc = (await (await fetch(`${meetings.baseUrl}/docs-json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/meetings/health', '/api/meetings/health/live']));
    expect((await fetch(`${meetings.baseUrl}/docs`)).status).toBe(200);
  });

  it('accepts LiveKit webhooks signed with its key and rejects forged ones', async () => {
    // Fresh: deliveries older than 5 minutes are refused as stale (docs/decisions.md, joining and live state).
    const body = JSON.stringify({ event: 'room_started', room: { name: 'lifecycle-room' }, id: 'EV_1', createdAt: String(Math.floor(Date.now() / 1000)) });
    const sign = async (secret: string) => {
      const at = new AccessToken(LIVEKIT_API_KEY, secret);
      at.sha256 = createHash('sha256').update(body).digest('base64');
      return at.toJwt();
    };
    const post = async (authorization?: string) =>
      fetch(`${meetings.baseUrl}/livekit/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/webhook+json', ...(authorization ? { authorization } : {}) },
        body,
      });
    const ok = await post(await sign(LIVEKIT_API_SECRET));
    expect(ok.status).toBe(200);
    const forged = await post(await sign('another-secret-0123456789abcdef0123456789'));
    expect(forged.status).toBe(401);
    expect(await forged.json()).toEqual({ code: 'WEBHOOK_SIGNATURE_INVALID', message: expect.any(String) });
    expect((await post()).status).toBe(401);
  });

  it('drains and exits cleanly on SIGTERM', async () => {
    meetings.process.child.kill('SIGTERM');
    const code = await meetings.process.exited;
    expect(code).toBe(0);
    expect(readFileSync(meetings.process.logFile, 'utf8')).toContain('shutting down');
  });
});
