import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthUser } from '@confer/shared/contracts';

/** The request's user, as the JwtAuthGuard set it. Undefined on @Public() routes. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser | undefined => context.switchToHttp().getRequest<{ user?: AuthUser }>().user,
);
