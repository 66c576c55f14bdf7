import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { AuthSession } from './auth-session';

/** Lets signed-in people through; sends anyone else to `/sign-in?next=<where they were going>`. */
export const signedIn: CanActivateFn = async (_route, state) => {
  const session = inject(AuthSession);
  const router = inject(Router);
  await session.whenRestored();
  return session.isSignedIn() || router.createUrlTree(['/sign-in'], { queryParams: { next: state.url } });
};
