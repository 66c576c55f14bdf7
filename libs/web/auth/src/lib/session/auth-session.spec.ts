import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { Me, SessionGrant } from '@confer/identity/contracts';
import { AuthSession } from './auth-session';
import { REFRESH_LOCK } from './refresh-lock';

@Component({ template: '' })
class Blank {}

const REFRESH = '/api/identity/auth/refresh';
const grace: Me = {
  id: 'u1',
  email: 'grace@example.test',
  displayName: 'Grace Hopper',
  role: 'user',
  emailVerified: true,
  mfaEnabled: false,
  createdAt: '2025-01-01T00:00:00.000Z',
};

function grant(accessToken: string, lifetimeMs = 15 * 60_000): SessionGrant {
  return { accessToken, expiresAt: new Date(Date.now() + lifetimeMs).toISOString(), user: grace };
}

const unauthorized = { status: 401, statusText: 'Unauthorized' };
const ended = { code: 'REFRESH_INVALID', message: 'Your session has ended. Sign in again.' };

describe('AuthSession', () => {
  let session: AuthSession;
  let backend: HttpTestingController;
  let router: Router;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'sign-in', component: Blank },
          { path: '**', component: Blank },
        ]),
      ],
    });
    session = TestBed.inject(AuthSession);
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
  });

  async function signIn(token = 'access-1'): Promise<void> {
    const restored = session.restore();
    backend.expectOne(REFRESH).flush(grant(token));
    await restored;
  }

  it('restores the session from the refresh cookie and keeps the token in memory only', async () => {
    localStorage.clear();
    sessionStorage.clear();
    await signIn('secret-access-token');

    expect(session.isSignedIn()).toBe(true);
    expect(session.user()?.displayName).toBe('Grace Hopper');
    expect(session.accessToken()).toBe('secret-access-token');
    const stored = [
      ...Object.keys(localStorage).map((key) => localStorage.getItem(key)),
      ...Object.keys(sessionStorage).map((key) => sessionStorage.getItem(key)),
      document.cookie,
    ].join(' ');
    expect(stored).not.toContain('secret-access-token');
  });

  it('stays signed out, without going anywhere, when there is no session to restore', async () => {
    await router.navigateByUrl('/status');
    const restored = session.restore();
    backend.expectOne(REFRESH).flush(ended, unauthorized);
    await restored;
    await TestBed.inject(ApplicationRef).whenStable();

    expect(session.isSignedIn()).toBe(false);
    expect(router.url).toBe('/status');
  });

  it('refreshes silently a minute before the access token expires', async () => {
    jest.useFakeTimers();
    await signIn('access-1');

    jest.advanceTimersByTime(14 * 60_000 - 1_000);
    backend.expectNone(REFRESH);
    jest.advanceTimersByTime(1_000);
    const refresh = backend.expectOne(REFRESH);
    expect(refresh.request.body).toBeNull();
    const running = session.refresh(); // joins the scheduled one
    refresh.flush(grant('access-2'));

    await expect(running).resolves.toBe('refreshed');
    expect(session.accessToken()).toBe('access-2');
  });

  it('sends one refresh, whoever asks for it while it runs', async () => {
    await signIn('access-1');
    const first = session.refresh();
    const second = session.refresh();
    backend.expectOne(REFRESH).flush(grant('access-2'));

    await expect(Promise.all([first, second])).resolves.toEqual(['refreshed', 'refreshed']);
    expect(session.accessToken()).toBe('access-2');
  });

  it('refreshes while holding the cross-tab lock when Web Locks are available', async () => {
    const request = jest.fn((_name: string, task: () => Promise<unknown>) => task());
    Object.defineProperty(navigator, 'locks', { value: { request }, configurable: true });
    try {
      const restored = session.restore();
      expect(request).toHaveBeenCalledWith(REFRESH_LOCK, expect.any(Function));
      backend.expectOne(REFRESH).flush(grant('access-1'));
      await restored;
      expect(session.isSignedIn()).toBe(true);
    } finally {
      delete (navigator as { locks?: unknown }).locks;
    }
  });

  it('forgets the session and asks to sign in again, coming back afterwards, when the session has ended', async () => {
    await signIn('access-1');
    await router.navigateByUrl('/settings/security');

    const outcome = session.refresh();
    backend.expectOne(REFRESH).flush(ended, unauthorized);
    await expect(outcome).resolves.toBe('ended');
    await TestBed.inject(ApplicationRef).whenStable();

    expect(session.isSignedIn()).toBe(false);
    expect(session.accessToken()).toBeNull();
    expect(router.url).toBe('/sign-in?reason=session-ended&next=%2Fsettings%2Fsecurity');
  });

  it('keeps the session when the server cannot be reached, and tries again later', async () => {
    jest.useFakeTimers();
    await signIn('access-1');

    const outcome = session.refresh();
    backend.expectOne(REFRESH).error(new ProgressEvent('error'));
    await expect(outcome).resolves.toBe('unavailable');
    expect(session.accessToken()).toBe('access-1');

    jest.advanceTimersByTime(30_000);
    backend.expectOne(REFRESH).flush(grant('access-2'));
  });

  it('forgets the session without calling the server or going anywhere, and stops refreshing', async () => {
    jest.useFakeTimers();
    await signIn('access-1');
    await router.navigateByUrl('/status');

    session.forget();

    expect(session.isSignedIn()).toBe(false);
    expect(session.accessToken()).toBeNull();
    expect(router.url).toBe('/status');
    jest.advanceTimersByTime(60 * 60_000);
    backend.expectNone(REFRESH);
  });
});
