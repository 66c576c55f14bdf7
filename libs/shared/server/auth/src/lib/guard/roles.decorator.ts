import { SetMetadata } from '@nestjs/common';
import type { PlatformRole } from '@confer/shared/contracts';

/** Metadata key of @Roles(). */
export const ROLES_KEY = 'confer:roles';

/** The caller must hold one of these platform roles, else 403 FORBIDDEN. A handler's list replaces its controller's. */
export const Roles = (...roles: PlatformRole[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);
