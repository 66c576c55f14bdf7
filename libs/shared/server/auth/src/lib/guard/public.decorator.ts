import { SetMetadata } from '@nestjs/common';

/** Metadata key of @Public(). */
export const IS_PUBLIC_KEY = 'confer:public';

/** Lets a route (or every route of a controller) through the JwtAuthGuard without a token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);
