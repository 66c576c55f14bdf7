import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import type { SessionGrant } from '@confer/identity/contracts';
import { AuthSession } from './auth-session';
import { authInterceptor } from './auth.interceptor';

@Component({ template: '' })
class Blank {}

const REFRESH = '/api/identity/auth/refresh';
const SESSIONS = '/api/identity/auth/sessions';
const unauthorized = { status: 401, statusText: 'Unauthorized' };
const expired = { code: 'UNAUTHENTICATED', message: 'Sign in again.' };
/** Lets the refresh's promise chain run before the retry is looked for. */
const settle = () => new Promise((resolve) => setTimeout(resolve));

function grant(accessToken: string): SessionGrant {
  return {
    accessToken,
    expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    user: { id: 'u1', email: 'ada@example.test', displayName: 'Ada', role: 'user', emailVerified: true, mfaEnabled: false, createdAt: '2025-01-01T00:00:00.000Z' },
  };
}

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let session: AuthSession;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([{ path: '**', component: Blank }]),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    session = TestBed.inject(AuthSession);
    const restored = session.restore();
    const refresh = backend.expectOne(REFRESH);
    expect(refresh.request.headers.has('Authorization')).toBe(false);
    refresh.flush(grant('access-1'));
    await restored;
  });

  afterEach(() => backend.verify());

  it('adds the bearer token to Confer API calls only', async () => {
    const api = firstValueFrom(http.get(SESSIONS));
    const elsewhere = firstValueFrom(http.get('https://maps.example.test/tiles'));

    const apiCall = backend.expectOne(SESSIONS);
    expect(apiCall.request.headers.get('Authorization')).toBe('Bearer access-1');
    const otherCall = backend.expectOne('https://maps.example.test/tiles');
    expect(otherCall.request.headers.has('Authorization')).toBe(false);
    apiCall.flush([]);
    otherCall.flush({});
    await Promise.all([api, elsewhere]);
  });

  it('sends no token to the public deletion-link calls, and leaves their 401s alone', async () => {
    const status = firstValueFrom(http.post('/api/identity/privacy/deletion/status', { token: 'mailed' }));
    const call = backend.expectOne('/api/identity/privacy/deletion/status');
    expect(call.request.headers.has('Authorization')).toBe(false);
    call.flush(expired, unauthorized);

    await expect(status).rejects.toMatchObject({ status: 401 });
    backend.expectNone(REFRESH);
    expect(session.isSignedIn()).toBe(true);
  });

  it('answers a 401 with one refresh and one retry under the new token', async () => {
    const call = firstValueFrom(http.get(SESSIONS));
    backend.expectOne(SESSIONS).flush(expired, unauthorized);
    backend.expectOne(REFRESH).flush(grant('access-2'));
    await settle();

    const retry = backend.expectOne(SESSIONS);
    expect(retry.request.headers.get('Authorization')).toBe('Bearer access-2');
    retry.flush([{ id: 's1' }]);
    await expect(call).resolves.toEqual([{ id: 's1' }]);
    expect(session.isSignedIn()).toBe(true);
  });

  it('ends the session when the retry is refused too, without refreshing again', async () => {
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/settings/security');
    const call = firstValueFrom(http.get(SESSIONS));
    backend.expectOne(SESSIONS).flush(expired, unauthorized);
    backend.expectOne(REFRESH).flush(grant('access-2'));
    await settle();
    backend.expectOne(SESSIONS).flush(expired, unauthorized);

    await expect(call).rejects.toBeInstanceOf(HttpErrorResponse);
    backend.expectNone(REFRESH);
    await TestBed.inject(ApplicationRef).whenStable();
    expect(session.isSignedIn()).toBe(false);
    expect(router.url).toBe('/sign-in?reason=session-ended&next=%2Fsettings%2Fsecurity');
  });

  it('ends the session when the refresh is refused', async () => {
    const call = firstValueFrom(http.get(SESSIONS));
    backend.expectOne(SESSIONS).flush(expired, unauthorized);
    backend.expectOne(REFRESH).flush({ code: 'REFRESH_REUSED', message: 'This sign-in was used twice.' }, unauthorized);

    await expect(call).rejects.toMatchObject({ status: 401 });
    await TestBed.inject(ApplicationRef).whenStable();
    expect(session.isSignedIn()).toBe(false);
    expect(TestBed.inject(Router).url).toMatch(/^\/sign-in\?reason=session-ended/);
  });
});
