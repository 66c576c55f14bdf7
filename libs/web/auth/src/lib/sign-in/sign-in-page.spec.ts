import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { MfaChallenge, SessionGrant } from '@confer/identity/contracts';
import { description, getByLabel, getByRole, queryByRole, type } from '../../testing/dom-queries';
import { AuthSession } from '../session/auth-session';
import { SignInPage } from './sign-in-page';

@Component({ template: '<h1>Security settings</h1>' })
class SecurityStub {}

const SIGN_IN = '/api/identity/auth/sign-in';
const SIGN_IN_MFA = '/api/identity/auth/sign-in/mfa';

const challenge: MfaChallenge = { mfaRequired: true, challenge: 'challenge-1', expiresAt: '2030-01-01T00:05:00.000Z' };
const grant: SessionGrant = {
  accessToken: 'access-1',
  expiresAt: '2030-01-01T00:15:00.000Z',
  user: { id: 'u1', email: 'grace@example.test', displayName: 'Grace Hopper', role: 'user', emailVerified: true, mfaEnabled: true, createdAt: '2025-01-01T00:00:00.000Z' },
};

describe('SignInPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;
  let page: HTMLElement;

  async function open(url: string): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'sign-in', component: SignInPage },
          { path: 'settings/security', component: SecurityStub },
        ]),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create(url);
    page = harness.routeNativeElement as HTMLElement;
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
  }

  afterEach(() => backend.verify());

  it('asks for a second factor when the account has one, then goes where the person was heading', async () => {
    await open('/sign-in?next=%2Fsettings%2Fsecurity');
    type(getByLabel(page, 'Email address'), 'grace@example.test');
    type(getByLabel(page, 'Password'), 'correct horse battery staple');
    getByRole(page, 'button', 'Sign in').click();

    const signIn = backend.expectOne(SIGN_IN);
    expect(signIn.request.body).toEqual({ email: 'grace@example.test', password: 'correct horse battery staple' });
    signIn.flush(challenge);
    await settle();

    expect(getByRole(page, 'heading', 'Two-step sign-in')).toBeTruthy();
    expect(queryByRole(page, 'button', 'Sign in')).toBeNull();
    const code = getByLabel(page, 'Code');
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(TestBed.inject(AuthSession).isSignedIn()).toBe(false);

    type(code, '123456');
    getByRole(page, 'button', 'Verify').click();
    const mfa = backend.expectOne(SIGN_IN_MFA);
    expect(mfa.request.body).toEqual({ challenge: 'challenge-1', code: '123456' });
    mfa.flush(grant);
    await settle();

    expect(TestBed.inject(AuthSession).user()?.displayName).toBe('Grace Hopper');
    expect(TestBed.inject(Router).url).toBe('/settings/security');
  });

  it("shows the server's problem with a field beside that field", async () => {
    await open('/sign-in');
    const email = getByLabel(page, 'Email address');
    type(email, 'grace@localhost');
    type(getByLabel(page, 'Password'), 'whatever');
    getByRole(page, 'button', 'Sign in').click();

    backend.expectOne(SIGN_IN).flush(
      { code: 'VALIDATION_FAILED', message: 'The request is not valid.', details: { fields: [{ field: 'email', problems: ['Enter a valid email address.'] }] } },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();

    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(description(email)).toBe('Enter a valid email address.');
    expect(queryByRole(page, 'alert')).toBeNull();
    expect(getByRole(page, 'button', 'Sign in').hasAttribute('disabled')).toBe(false);
  });

  it('says why sign-in failed when it is not about one field, and checks the fields before sending', async () => {
    await open('/sign-in?reason=session-ended');
    expect(getByRole(page, 'status').textContent).toContain('Your session has ended. Sign in again.');

    getByRole(page, 'button', 'Sign in').click();
    await settle();
    backend.expectNone(SIGN_IN);
    expect(description(getByLabel(page, 'Email address'))).toBe('Enter your email address.');

    type(getByLabel(page, 'Email address'), 'grace@example.test');
    type(getByLabel(page, 'Password'), 'wrong');
    getByRole(page, 'button', 'Sign in').click();
    backend.expectOne(SIGN_IN).flush({ code: 'INVALID_CREDENTIALS', message: 'The email address or password is not right.' }, { status: 401, statusText: 'Unauthorized' });
    await settle();

    expect(getByRole(page, 'alert').textContent).toContain('The email address or password is not right.');
  });
});
