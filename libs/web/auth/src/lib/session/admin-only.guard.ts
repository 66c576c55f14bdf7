import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { AuthSession } from './auth-session';

/**
 * Lets platform admins through; others go to sign in (if signed out) or home. The server checks the
 * role on every admin call anyway: this only spares people a page that would fail.
 */
export const adminOnly: CanActivateFn = async (_route, state) => {
  const session = inject(AuthSession);
  const router = inject(Router);
  await session.whenRestored();
  if (!session.isSignedIn()) return router.createUrlTree(['/sign-in'], { queryParams: { next: state.url } });
  return session.isAdmin() || router.createUrlTree(['/']);
};
