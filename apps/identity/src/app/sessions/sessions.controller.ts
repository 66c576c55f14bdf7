import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IdentityErrorCode, type SessionGrant, type SessionInfo, type SignInResponse } from '@confer/identity/contracts';
import type { AuthUser } from '@confer/shared/contracts';
import { CurrentUser, Public } from '@confer/shared/server/auth';
import { DomainError } from '@confer/shared/util';
import { IDENTITY_CONFIG } from '../identity.tokens';
import type { IdentityConfig } from '../identity.env';
import type { ClientInfo } from './client-info';
import { Client } from './client.decorator';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie';
import { SessionService, type OpenedSession } from './session.service';
import { MfaSignInDto, SessionIdParams, SignInDto } from './sessions.dto';
import { SignInService } from './sign-in.service';

@ApiTags('sessions')
@Controller('auth')
export class SessionsController {
  constructor(
    private readonly signIns: SignInService,
    private readonly sessions: SessionService,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  @Public()
  @Post('sign-in')
  @HttpCode(200)
  async signIn(@Body() body: SignInDto, @Client() client: ClientInfo, @Res({ passthrough: true }) reply: FastifyReply): Promise<SignInResponse> {
    const outcome = await this.signIns.signIn(body.email, body.password, client);
    return outcome.kind === 'mfa' ? outcome.response : this.deliver(outcome.session, reply);
  }

  @Public()
  @Post('sign-in/mfa')
  @HttpCode(200)
  async signInMfa(@Body() body: MfaSignInDto, @Client() client: ClientInfo, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionGrant> {
    return this.deliver(await this.signIns.completeMfa(body.challenge, body.code, client), reply);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  async refresh(@Req() request: FastifyRequest, @Client() client: ClientInfo, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionGrant> {
    const token = readRefreshCookie(request);
    if (!token) throw new DomainError(IdentityErrorCode.RefreshInvalid, 'unauthenticated', 'You are not signed in.');
    try {
      return this.deliver(await this.sessions.refresh(token, client), reply);
    } catch (error) {
      clearRefreshCookie(reply, this.config.COOKIE_SECURE);
      throw error;
    }
  }

  /** Ends this browser's session (by its cookie); always clears the cookie. */
  @Public()
  @Post('sign-out')
  @HttpCode(204)
  async signOut(@Req() request: FastifyRequest, @Client() client: ClientInfo, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    clearRefreshCookie(reply, this.config.COOKIE_SECURE);
    const token = readRefreshCookie(request);
    const session = token ? await this.sessions.sessionOf(token) : undefined;
    if (session) await this.sessions.revoke(session.userId, [session.sessionId], { reason: 'sign_out', log: 'sign_out', ip: client.ip });
  }

  @Post('sign-out-everywhere')
  @HttpCode(204)
  async signOutEverywhere(@CurrentUser() user: AuthUser, @Client() client: ClientInfo, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    clearRefreshCookie(reply, this.config.COOKIE_SECURE);
    await this.sessions.revoke(user.id, undefined, { reason: 'sign_out_everywhere', log: 'sign_out.everywhere', ip: client.ip });
  }

  @Get('sessions')
  list(@CurrentUser() user: AuthUser): Promise<SessionInfo[]> {
    return this.sessions.list(user.id, user.sessionId);
  }

  /** Revokes one of the caller's own sessions; anyone else's is "not found". */
  @Delete('sessions/:id')
  @HttpCode(204)
  async revoke(@CurrentUser() user: AuthUser, @Param() params: SessionIdParams, @Client() client: ClientInfo): Promise<void> {
    const revoked = await this.sessions.revoke(user.id, [params.id], { reason: 'session_revoked', log: 'session.revoked', ip: client.ip });
    if (revoked.length === 0) throw new DomainError(IdentityErrorCode.SessionNotFound, 'not_found', 'There is no such session.');
  }

  private deliver(opened: OpenedSession, reply: FastifyReply): SessionGrant {
    setRefreshCookie(reply, opened.refreshToken, this.config.REFRESH_TOKEN_TTL_DAYS * 86_400, this.config.COOKIE_SECURE);
    return opened.grant;
  }
}
