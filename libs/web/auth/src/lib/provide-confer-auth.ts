import { inject, makeEnvironmentProviders, provideAppInitializer, type EnvironmentProviders } from '@angular/core';
import { provideFeatureInterceptor } from '@confer/web/core';
import { authInterceptor } from './session/auth.interceptor';
import { AuthSession } from './session/auth-session';

/**
 * How long the app start waits for the session to be restored. The restore goes on afterwards (it is
 * never aborted: an abandoned refresh could lose the rotated cookie), and guards wait for it.
 */
const RESTORE_WAIT_MS = 4_000;

/** The bearer/refresh interceptor, and a restore of the session (from the refresh cookie) at start. Needs provideConferCore. */
export function provideConferAuth(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideFeatureInterceptor(authInterceptor),
    provideAppInitializer(() => restoreOrWait(inject(AuthSession), RESTORE_WAIT_MS)),
  ]);
}

function restoreOrWait(session: AuthSession, maxWaitMs: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, maxWaitMs)));
  return Promise.race([session.restore(), waited]).finally(() => clearTimeout(timer));
}
