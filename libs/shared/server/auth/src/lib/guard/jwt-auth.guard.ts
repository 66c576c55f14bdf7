import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { AuthUser, PlatformRole } from '@confer/shared/contracts';
import { forbidden, missingToken } from '../auth.errors';
import { toTokenError } from '../tokens/access-token-verifier';
import { IS_PUBLIC_KEY } from './public.decorator';
import { ROLES_KEY } from './roles.decorator';

/**
 * Secure by default: every HTTP route needs a valid access token unless marked @Public(); @Roles()
 * adds a role check. RPC handlers (and any other non-HTTP context) are not guarded here: services
 * reach each other only over the private Redis, and gateways authenticate their own handshakes.
 * Failures are DomainErrors (401 unauthenticated, 403 forbidden) for the platform's ErrorFilter.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets)) return true;
    await super.canActivate(context);
    const roles = this.reflector.getAllAndOverride<PlatformRole[] | undefined>(ROLES_KEY, targets);
    if (roles && roles.length > 0) {
      const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
      if (!user || !roles.includes(user.role)) throw forbidden();
    }
    return true;
  }

  /** err: what validate() threw; info: why passport-jwt failed (no token, jsonwebtoken error, key lookup). */
  override handleRequest<TUser = AuthUser>(err: unknown, user: unknown, info: unknown): TUser {
    if (err) throw err;
    if (user) return user as TUser;
    if (info === undefined || (info instanceof Error && info.message === 'No auth token')) throw missingToken();
    throw toTokenError(info);
  }
}
