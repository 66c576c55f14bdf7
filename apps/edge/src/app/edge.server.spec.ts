import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket, { WebSocketServer } from 'ws';
import { ConfigError } from '@confer/shared/server/config';
import { loadEdgeConfig } from './edge.config';
import { buildEdge, type Edge } from './edge.server';

interface Echo {
  upstream: string;
  method: string;
  url: string;
  requestId: string | undefined;
  body: string;
}

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** A fake service on 127.0.0.1:0 that answers with what it received, unless a handler says otherwise. */
async function fakeUpstream(name: string, handler?: Handler): Promise<{ server: Server; url: string; hits: Echo[] }> {
  const hits: Echo[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const echo: Echo = {
        upstream: name,
        method: req.method ?? '',
        url: req.url ?? '',
        requestId: req.headers['x-request-id'] as string | undefined,
        body,
      };
      hits.push(echo);
      if (handler) return handler(req, res, body);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(echo));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('edge', () => {
  let identity: Awaited<ReturnType<typeof fakeUpstream>>;
  let meetings: Awaited<ReturnType<typeof fakeUpstream>>;
  let analytics: Awaited<ReturnType<typeof fakeUpstream>>;
  let chat: { server: Server; wss: WebSocketServer; url: string };
  let webRoot: string;
  let edge: Edge;

  beforeAll(async () => {
    identity = await fakeUpstream('identity');
    meetings = await fakeUpstream('meetings', (req, res, body) => {
      if (req.url === '/api/meetings/health') {
        res.writeHead(503, { 'content-type': 'application/json' }).end('{"status":"unavailable","ready":false}');
      } else {
        res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ got: body }));
      }
    });
    analytics = await fakeUpstream('analytics', () => undefined); // never answers
    const chatServer = createServer();
    const wss = new WebSocketServer({ server: chatServer });
    wss.on('connection', (socket, req) =>
      socket.send(`hello ${req.url} ${req.headers['x-request-id'] ? 'with' : 'without'} id${req.headers.origin ? ` from ${req.headers.origin}` : ''}`),
    );
    await new Promise<void>((resolve) => chatServer.listen(0, '127.0.0.1', resolve));
    chat = { server: chatServer, wss, url: `http://127.0.0.1:${(chatServer.address() as AddressInfo).port}` };

    webRoot = mkdtempSync(join(tmpdir(), 'edge-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><html lang="en"><title>Confer</title></html>');
    writeFileSync(join(webRoot, 'main-ABCD2345.js'), 'console.log(1)');
    writeFileSync(join(webRoot, 'favicon.ico'), 'icon');

    edge = await buildEdge(
      loadEdgeConfig({
        EDGE_PORT: '0',
        WEB_ROOT: webRoot,
        IDENTITY_URL: identity.url,
        MEETINGS_URL: meetings.url,
        CHAT_URL: chat.url,
        RECORDING_URL: await closedPortUrl(),
        ANALYTICS_URL: analytics.url,
        UPSTREAM_TIMEOUT_MS: '300',
        LOG_LEVEL: 'silent',
      }),
    );
  });

  afterAll(async () => {
    await edge.close();
    chat.wss.close();
    await Promise.all([close(identity.server), close(meetings.server), close(analytics.server), close(chat.server)]);
    rmSync(webRoot, { recursive: true, force: true });
  });

  describe('config', () => {
    it('has defaults for every variable, WEB_ROOT resolved from the working directory', () => {
      const config = loadEdgeConfig({}, '/srv/confer');
      expect(config).toMatchObject({
        host: '127.0.0.1',
        port: 8080,
        webRoot: '/srv/confer/dist/apps/web/browser',
        logLevel: 'info',
        upstreams: { identity: 'http://127.0.0.1:3101', analytics: 'http://127.0.0.1:3105' },
      });
    });

    it('names the bad variable in a one-line error', () => {
      expect(() => loadEdgeConfig({ EDGE_PORT: 'eighty', CHAT_URL: 'ftp://chat' })).toThrow(ConfigError);
      expect(() => loadEdgeConfig({ EDGE_PORT: 'eighty' })).toThrow(/EDGE_PORT/);
      expect(() => loadEdgeConfig({ CHAT_URL: 'ftp://chat' })).toThrow(/CHAT_URL/);
    });
  });

  describe('API routing', () => {
    it('sends /api/<service>/* to that service with the path and query unchanged', async () => {
      const res = await edge.inject({ method: 'GET', url: '/api/identity/users/me?expand=roles' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ upstream: 'identity', url: '/api/identity/users/me?expand=roles' });
    });

    it('sends exactly /api/<service> to that service', async () => {
      const res = await edge.inject({ method: 'GET', url: '/api/identity' });
      expect(res.json()).toMatchObject({ upstream: 'identity', url: '/api/identity' });
    });

    it('forwards request bodies and upstream status codes', async () => {
      const res = await edge.inject({ method: 'POST', url: '/api/meetings/meetings', payload: { title: 'Standup' } });
      expect(res.statusCode).toBe(201);
      expect(JSON.parse(res.json<{ got: string }>().got)).toEqual({ title: 'Standup' });
    });

    it('passes a caller request id through, and generates one when missing', async () => {
      const given = await edge.inject({ method: 'GET', url: '/api/identity/x', headers: { 'x-request-id': 'abc-123' } });
      expect(given.json<Echo>().requestId).toBe('abc-123');
      expect(given.headers['x-request-id']).toBe('abc-123');

      const generated = await edge.inject({ method: 'GET', url: '/api/identity/x' });
      const id = generated.json<Echo>().requestId;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(generated.headers['x-request-id']).toBe(id);
    });

    it('passes a 503 health report through once, without retrying', async () => {
      const before = meetings.hits.length;
      const res = await edge.inject({ method: 'GET', url: '/api/meetings/health' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'unavailable', ready: false });
      expect(meetings.hits.length - before).toBe(1);
    });

    it.each([
      '/api/identity/metrics',
      '/api/identity/metrics/',
      '/api/identity//Metrics',
      '/api/identity/%6Detrics',
      '/api/identity/x/../metrics',
      '/api/chat/metrics?format=json',
    ])('does not expose %s', async (url) => {
      const before = identity.hits.length;
      const res = await edge.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
      expect(identity.hits.length).toBe(before);
    });

    it.each(['/api', '/api/', '/api/nope', '/api/nope/health', '/api/identityx/health'])(
      'answers unknown API %s with a JSON 404',
      async (url) => {
        const res = await edge.inject({ method: 'POST', url });
        expect(res.statusCode).toBe(404);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message: expect.any(String) });
      },
    );

    it('answers quickly with JSON 503 when a service is down', async () => {
      const started = Date.now();
      const res = await edge.inject({ method: 'GET', url: '/api/recording/health', headers: HTML });
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('recording') });
    });

    it('gives up on a service that does not answer, with JSON 504', async () => {
      const started = Date.now();
      const res = await edge.inject({ method: 'GET', url: '/api/analytics/health' });
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(res.statusCode).toBe(504);
      expect(res.json()).toMatchObject({ code: 'TIMEOUT' });
    });
  });

  describe('web app', () => {
    it('serves index.html with no-cache and security headers', async () => {
      const res = await edge.inject({ method: 'GET', url: '/', headers: HTML });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<title>Confer</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBeDefined();
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toMatch(/connect-src 'self' ws: wss:/);
      expect(csp).toContain("frame-ancestors 'none'");
    });

    it('falls back to index.html for deep links that accept HTML', async () => {
      const res = await edge.inject({ method: 'GET', url: '/status', headers: HTML });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('<title>Confer</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toBeDefined();
    });

    it('caches hashed assets for a long time', async () => {
      const res = await edge.inject({ method: 'GET', url: '/main-ABCD2345.js' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toBeUndefined();
    });

    it('answers a missing non-HTML file or a non-GET with a JSON 404', async () => {
      const missing = await edge.inject({ method: 'GET', url: '/chunk-ZZZZZZZZ.js', headers: { accept: '*/*' } });
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ code: 'NOT_FOUND' });
      const post = await edge.inject({ method: 'POST', url: '/status', headers: HTML });
      expect(post.statusCode).toBe(404);
    });

    it('reports its own health', async () => {
      const res = await edge.inject({ method: 'GET', url: '/healthz' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'ok' });
    });

    it('starts without a built web app and says so in JSON', async () => {
      const empty = mkdtempSync(join(tmpdir(), 'edge-empty-'));
      mkdirSync(join(empty, 'browser'));
      const bare = await buildEdge(
        loadEdgeConfig({ WEB_ROOT: join(empty, 'browser'), IDENTITY_URL: identity.url, LOG_LEVEL: 'silent' }),
      );
      try {
        const page = await bare.inject({ method: 'GET', url: '/status', headers: HTML });
        expect(page.statusCode).toBe(503);
        expect(page.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('not built') });
        const api = await bare.inject({ method: 'GET', url: '/api/identity/health' });
        expect(api.json()).toMatchObject({ upstream: 'identity' });
      } finally {
        await bare.close();
        rmSync(empty, { recursive: true, force: true });
      }
    });
  });

  describe('websockets', () => {
    let base: string;

    beforeAll(async () => {
      await edge.listen({ host: '127.0.0.1', port: 0 });
      base = `ws://127.0.0.1:${(edge.server.address() as AddressInfo).port}`;
    });

    it('proxies /api/chat/ websockets to the chat service with the path kept', async () => {
      const socket = new WebSocket(`${base}/api/chat/socket?room=r1`);
      const message = await new Promise<string>((resolve, reject) => {
        socket.once('message', (data: Buffer) => resolve(data.toString()));
        socket.once('error', reject);
      });
      socket.close();
      expect(message).toBe('hello /api/chat/socket?room=r1 with id');
    });

    it('passes the browser’s Origin on, for chat to check', async () => {
      const socket = new WebSocket(`${base}/api/chat/socket`, { origin: 'https://confer.example.org' });
      const message = await new Promise<string>((resolve, reject) => {
        socket.once('message', (data: Buffer) => resolve(data.toString()));
        socket.once('error', reject);
      });
      socket.close();
      expect(message).toBe('hello /api/chat/socket with id from https://confer.example.org');
    });

    it('refuses websockets elsewhere', async () => {
      const socket = new WebSocket(`${base}/api/identity/socket`);
      const status = await new Promise<number>((resolve, reject) => {
        socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        socket.once('open', () => reject(new Error('should not open')));
        socket.once('error', reject);
      });
      expect(status).toBe(404);
    });
  });
});
