import 'reflect-metadata';
import Fastify from 'fastify';
import { createLogger, currentRequestId, ServiceMetrics } from '@confer/shared/server/observability';
import { installFastifyHooks } from './fastify-hooks';
import { RequestContextServerRedis } from './request-context-server';

const later = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('request context without interceptors', () => {
  it('runs an HTTP handler, across awaits, inside its request id', async () => {
    const app = Fastify({ genReqId: (req) => String(req.headers['x-request-id'] ?? 'generated') });
    installFastifyHooks(app, createLogger('meetings', 'silent'), new ServiceMetrics('meetings'));
    app.get('/who', async () => {
      await later();
      return { requestId: currentRequestId() };
    });
    const answers = await Promise.all(
      ['req-a', 'req-b'].map((id) => app.inject({ method: 'GET', url: '/who', headers: { 'x-request-id': id } })),
    );
    expect(answers.map((a) => a.json())).toEqual([{ requestId: 'req-a' }, { requestId: 'req-b' }]);
    await app.close();
  });

  it('runs an RPC handler inside the request id from the request’s meta', async () => {
    const server = new RequestContextServerRedis({ host: '127.0.0.1', port: 1 });
    server.addHandler('meetings.who', async () => {
      await later();
      return { requestId: currentRequestId() };
    });
    const published: string[] = [];
    const pub = { publish: (_channel: string, message: string) => published.push(message) };
    const packet = (id: string, requestId?: string) =>
      JSON.stringify({ id, pattern: 'meetings.who', data: { meta: requestId ? { requestId } : {}, data: {} } });
    await server.handleMessage('meetings.who', packet('1', 'rpc-trace-7'), pub as never, 'meetings.who');
    await server.handleMessage('meetings.who', packet('2'), pub as never, 'meetings.who');
    await later();
    const responses = published.map((m) => JSON.parse(m) as { id: string; response?: { requestId?: string } }).filter((m) => m.response);
    expect(responses.find((r) => r.id === '1')?.response?.requestId).toBe('rpc-trace-7');
    // No id in the meta: a fresh one, never another request's.
    expect(responses.find((r) => r.id === '2')?.response?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
