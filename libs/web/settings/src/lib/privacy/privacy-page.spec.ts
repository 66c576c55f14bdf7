import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Me, PrivacyRequestView } from '@confer/identity/contracts';
import { AuthSession } from '@confer/web/auth';
import { byButton, byLabel, description, text, type } from '@confer/web/core/testing';
import { PrivacyPage } from './privacy-page';
import { PRIVACY_POLL_MS } from './privacy-requests';

const REQUESTS = '/api/identity/privacy/requests';
const EXPORTS = '/api/identity/privacy/exports';
const DELETION = '/api/identity/privacy/deletion';

const grace: Me = {
  id: 'u1',
  email: 'grace@example.test',
  displayName: 'Grace Hopper',
  role: 'user',
  emailVerified: true,
  mfaEnabled: false,
  createdAt: '2025-01-01T00:00:00.000Z',
};

function request(overrides: Partial<PrivacyRequestView>): PrivacyRequestView {
  return {
    id: 'e1',
    kind: 'export',
    status: 'queued',
    parts: { identity: 'pending', meetings: 'pending', chat: 'pending', recording: 'pending', analytics: 'pending' },
    createdAt: '2030-03-01T09:00:00.000Z',
    updatedAt: '2030-03-01T09:00:00.000Z',
    completedAt: null,
    expiresAt: null,
    sizeBytes: null,
    error: null,
    ...overrides,
  };
}

const ALL_DONE = { identity: 'done', meetings: 'done', chat: 'done', recording: 'done', analytics: 'done' } as const;
const completedExport = request({
  status: 'completed',
  parts: ALL_DONE,
  completedAt: '2030-03-01T09:03:00.000Z',
  expiresAt: '2030-03-08T09:03:00.000Z',
  sizeBytes: 48_200,
});

describe('PrivacyPage', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<PrivacyPage>;
  let page: HTMLElement;

  beforeEach(() => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
  });

  async function signInAs(user: Me): Promise<void> {
    const restored = TestBed.inject(AuthSession).restore();
    backend.expectOne('/api/identity/auth/refresh').flush({ accessToken: 'access-1', expiresAt: '2030-01-01T00:15:00.000Z', user });
    await restored;
  }

  async function open(requests: PrivacyRequestView[] = []): Promise<void> {
    fixture = TestBed.createComponent(PrivacyPage);
    page = fixture.nativeElement as HTMLElement;
    await settle();
    backend.expectOne(REQUESTS).flush(requests);
    await settle();
  }

  async function settle(): Promise<void> {
    await jest.advanceTimersByTimeAsync(0);
    await fixture.whenStable();
  }

  function exportsList(): HTMLElement {
    return page.querySelector('ul[aria-labelledby="exports-title"]') as HTMLElement;
  }

  describe('download my data', () => {
    it('starts an export, shows it queued, and follows it every 2 s until it is ready', async () => {
      await open();
      expect(text(page)).toContain('You have not asked for a copy yet.');

      byButton(page, 'Prepare my data')?.click();
      const start = backend.expectOne(EXPORTS);
      expect(start.request.method).toBe('POST');
      expect(start.request.body).toBeNull();
      start.flush(request({}), { status: 202, statusText: 'Accepted' });
      await settle();

      expect(text(exportsList())).toContain('Status: Waiting to start');
      expect(text(page.querySelector('.privacy-notice[role="status"]') as Element)).toContain('We are preparing your data.');
      backend.expectNone(REQUESTS);

      await jest.advanceTimersByTimeAsync(PRIVACY_POLL_MS);
      backend.expectOne(REQUESTS).flush([request({ status: 'running', parts: { ...ALL_DONE, recording: 'pending', identity: 'pending' } })]);
      await settle();
      const progress = exportsList().querySelector('[aria-live="polite"]') as HTMLElement;
      expect(text(progress)).toContain('Status: In progress');
      expect(Array.from(progress.querySelectorAll('li')).map(text)).toEqual([
        'Account and profile: in progress',
        'Meetings: done',
        'Chat messages: done',
        'Recordings: in progress',
        'Usage records: done',
      ]);

      await jest.advanceTimersByTimeAsync(PRIVACY_POLL_MS);
      backend.expectOne(REQUESTS).flush([completedExport]);
      await settle();
      expect(text(progress)).toContain('Status: Ready to download');
      expect(progress.querySelector('li')).toBeNull();

      // Nothing is under way any more: no more polling.
      await jest.advanceTimersByTimeAsync(PRIVACY_POLL_MS * 5);
      backend.expectNone(REQUESTS);
    });

    it('says beside the button why an export cannot start', async () => {
      await open();
      byButton(page, 'Prepare my data')?.click();
      backend
        .expectOne(EXPORTS)
        .flush({ code: 'PRIVACY_REQUEST_ACTIVE', message: 'A request is already under way.' }, { status: 409, statusText: 'Conflict' });
      backend.expectOne(REQUESTS).flush([request({ status: 'running' })]);
      await settle();

      expect(text(page.querySelector('.privacy-notice[role="status"]') as Element)).toBe(
        'A copy of your data is already being prepared. Wait for it to finish, then download it below.',
      );
      expect(text(exportsList())).toContain('Status: In progress');

      byButton(page, 'Prepare my data')?.click();
      backend.expectOne(EXPORTS).flush({ code: 'RATE_LIMITED', message: 'Too many requests.' }, { status: 429, statusText: 'Too Many Requests' });
      await settle();
      expect(text(page.querySelector('.privacy-notice[role="status"]') as Element)).toContain('You can ask for 5 copies a day.');

      fixture.destroy(); // leaving the page stops the polling
      await jest.advanceTimersByTimeAsync(PRIVACY_POLL_MS * 3);
      backend.expectNone(REQUESTS);
    });

    it('downloads a ready export with the bearer-carrying client and saves it as a dated JSON file', async () => {
      await open([completedExport]);
      expect(text(exportsList())).toContain('48 KB');
      expect(text(exportsList())).toContain('Available until');

      const download = byButton(page, /^Download the copy requested .*2030/);
      expect(download).not.toBeNull();
      expect(text(download as Element)).toBe('Download');

      const createObjectURL = jest.fn(() => 'blob:confer/archive');
      const revokeObjectURL = jest.fn();
      Object.assign(URL, { createObjectURL, revokeObjectURL });
      const clicked: HTMLAnchorElement[] = [];
      const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push(this);
      });

      download?.click();
      const archive = backend.expectOne('/api/identity/privacy/exports/e1/archive');
      expect(archive.request.method).toBe('GET');
      expect(archive.request.responseType).toBe('blob');
      const body = new Blob(['{"format":"confer-data-export"}'], { type: 'application/json' });
      archive.flush(body);
      await settle();

      expect(createObjectURL).toHaveBeenCalledWith(body);
      expect(clicked).toHaveLength(1);
      expect(clicked[0]?.download).toBe('confer-data-2030-03-01.json');
      expect(clicked[0]?.getAttribute('href')).toBe('blob:confer/archive');
      expect(clicked[0]?.isConnected).toBe(false); // the temporary link is gone again
      expect(revokeObjectURL).toHaveBeenCalledWith('blob:confer/archive');
      click.mockRestore();
    });
  });

  describe('delete my account', () => {
    it('shows a wrong password beside the password field', async () => {
      await signInAs(grace);
      await open();

      const password = byLabel(page, 'Password');
      type(password, 'not my password');
      byButton(page, 'Delete my account…')?.click();
      const ask = backend.expectOne(DELETION);
      expect(ask.request.method).toBe('POST');
      expect(ask.request.body).toEqual({ password: 'not my password' });
      ask.flush({ code: 'INVALID_CREDENTIALS', message: 'The email address or password is not right.' }, { status: 401, statusText: 'Unauthorized' });
      await settle();

      expect(password.getAttribute('aria-invalid')).toBe('true');
      expect(description(password)).toBe('That password is not right.');
      expect(page.querySelector('[role="alert"]')).toBeNull();
      expect(byButton(page, 'Delete my account…')?.disabled).toBe(false);
    });

    it('asks for no authentication code when two-step sign-in is off', async () => {
      await signInAs(grace);
      await open();
      expect(() => byLabel(page, 'Authentication code')).toThrow();
    });

    it('asks for an authentication code with two-step sign-in, then offers to cancel until the link is used', async () => {
      await signInAs({ ...grace, mfaEnabled: true });
      await open();

      type(byLabel(page, 'Password'), 'correct horse battery staple');
      byButton(page, 'Delete my account…')?.click();
      await settle();
      backend.expectNone(DELETION);
      const code = byLabel(page, 'Authentication code');
      expect(code.getAttribute('aria-invalid')).toBe('true');
      expect(description(code)).toContain('Enter the code from your authenticator app, or a recovery code.');

      type(code, '123456');
      byButton(page, 'Delete my account…')?.click();
      const ask = backend.expectOne(DELETION);
      expect(ask.request.body).toEqual({ password: 'correct horse battery staple', code: '123456' });
      ask.flush(request({ id: 'd1', kind: 'deletion', status: 'awaiting_confirmation', expiresAt: '2030-03-01T10:00:00.000Z' }), {
        status: 202,
        statusText: 'Accepted',
      });
      await settle();

      const status = page.querySelector('section[aria-labelledby="delete-account-title"] [role="status"]') as HTMLElement;
      expect(text(status)).toContain('Check your email: we sent a link to confirm. It works for 60 minutes.');
      expect(page.querySelector('form')).toBeNull();

      byButton(page, 'Cancel the deletion')?.click();
      const cancel = backend.expectOne(DELETION);
      expect(cancel.request.method).toBe('DELETE');
      cancel.flush(null, { status: 204, statusText: 'No Content' });
      await settle();

      expect(text(status)).toContain('The deletion is cancelled.');
      expect(byButton(page, 'Cancel the deletion')).toBeNull();
      expect(byLabel(page, 'Password').value).toBe('');
    });
  });
});
