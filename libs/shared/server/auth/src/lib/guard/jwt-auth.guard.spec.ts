import 'reflect-metadata';
import { Catch, Controller, Get, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '@confer/shared/contracts';
import { DomainError } from '@confer/shared/util';
import { AuthModule } from '../auth.module';
import { RevocationRegistry } from '../revocation/revocation-registry';
import { createTestSigner, nowSeconds, unsignedToken, testClaims } from '../testing/test-tokens';
import { CurrentUser } from './current-user.decorator';
import { JwtAuthGuard } from './jwt-auth.guard';
import { Public } from './public.decorator';
import { Roles } from './roles.decorator';

@Controller()
class TestController {
  @Get('me')
  me(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }

  @Public()
  @Get('open')
  open(): { open: true } {
    return { open: true };
  }

  @Roles('admin')
  @Get('admin')
  admin(): { admin: true } {
    return { admin: true };
  }
}

/** The platform's ErrorFilter in miniature: DomainError kind -> status, body { code, message }. */
@Catch(DomainError)
class TestErrorFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): void {
    const status = error.kind === 'forbidden' ? 403 : error.kind === 'unauthenticated' ? 401 : 500;
    void host.switchToHttp().getResponse<FastifyReply>().status(status).send({ code: error.code, message: error.message });
  }
}

const signer = createTestSigner('guard-key');
const context = { service: 'meetings', config: { REDIS_URL: 'redis://127.0.0.1:1', EVENTS_PREFIX: 'test' }, logger: { info: jest.fn(), warn: jest.fn() } };

describe('JwtAuthGuard', () => {
  let app: NestFastifyApplication;
  const keysLoader = jest.fn(async () => signer.jwks);

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forService(context, { keysLoader, listenForRevocations: false })],
      controllers: [TestController],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    app.useGlobalFilters(new TestErrorFilter());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app.close();
  });

  const get = (url: string, token?: string) =>
    app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('lets a valid token through and hands the handler its user', async () => {
    const response = await get('/me', signer.sign({ sub: 'user-9', name: 'Lin' }));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: 'user-9', sessionId: 'session-1', role: 'user', name: 'Lin', emailVerified: true });
  });

  it('answers 401 UNAUTHENTICATED without a token, on every route not marked @Public()', async () => {
    const response = await get('/me');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ code: 'UNAUTHENTICATED', message: expect.any(String) });
    expect((await get('/admin')).statusCode).toBe(401);
  });

  it('lets anyone through @Public() routes', async () => {
    const response = await get('/open');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ open: true });
  });

  it.each([
    ['an expired token', () => signer.sign({ iat: nowSeconds() - 2000, exp: nowSeconds() - 1100 }), 'TOKEN_EXPIRED'],
    ['a token from another issuer', () => signer.sign({ iss: 'evil' }), 'TOKEN_INVALID'],
    ['a token for another audience', () => signer.sign({ aud: 'other' }), 'TOKEN_INVALID'],
    ['a token signed by an unknown kid', () => signer.sign({}, { kid: 'nope' }), 'TOKEN_INVALID'],
    ['an alg:none token', () => unsignedToken(signer.kid, testClaims()), 'TOKEN_INVALID'],
    ['a token with a forged signature', () => createTestSigner('guard-key').sign(), 'TOKEN_INVALID'],
    ['a token that lives too long', () => signer.sign({ exp: nowSeconds() + 3600 }), 'TOKEN_INVALID'],
  ])('answers 401 for %s', async (_name, token, code) => {
    const response = await get('/me', token());
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ code, message: expect.any(String) });
  });

  it('answers 401 TOKEN_REVOKED once the session is revoked', async () => {
    app.get(RevocationRegistry).apply({ kind: 'sessions', userId: 'user-1', sessionIds: ['revoked-session'], reason: 'sign_out', at: 0 });
    const response = await get('/me', signer.sign({ sid: 'revoked-session' }));
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'TOKEN_REVOKED' });
  });

  it('lets a token it verified before through again, and refuses it at once when its session is revoked', async () => {
    const token = signer.sign({ sid: 'reused-session' });
    expect((await get('/me', token)).statusCode).toBe(200);
    expect((await get('/me', token)).statusCode).toBe(200);
    app.get(RevocationRegistry).apply({ kind: 'sessions', userId: 'user-1', sessionIds: ['reused-session'], reason: 'sign_out', at: 0 });
    const response = await get('/me', token);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'TOKEN_REVOKED' });
  });

  it('answers 403 FORBIDDEN on @Roles("admin") without the role, 200 with it', async () => {
    const denied = await get('/admin', signer.sign({ role: 'user' }));
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toEqual({ code: 'FORBIDDEN', message: expect.any(String) });
    expect((await get('/admin', signer.sign({ role: 'admin' }))).statusCode).toBe(200);
  });

  it('loaded the keys once', () => {
    expect(keysLoader).toHaveBeenCalledTimes(1);
  });

  it('does not guard RPC handlers', async () => {
    const guard = new JwtAuthGuard(new Reflector());
    const rpc = new ExecutionContextHost([{ pattern: 'meetings.info' }, {}], TestController, TestController.prototype.me);
    rpc.setType('rpc');
    await expect(guard.canActivate(rpc)).resolves.toBe(true);
  });
});
