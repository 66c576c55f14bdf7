import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { PrivacyRequestView, SessionGrant } from '@confer/identity/contracts';
import { getByRole, queryByRole } from '../../testing/dom-queries';
import { AuthSession } from '../session/auth-session';
import { DELETION_POLL_MS, DeleteAccountPage } from './delete-account-page';

const CONFIRM = '/api/identity/privacy/deletion/confirm';
const STATUS = '/api/identity/privacy/deletion/status';

function deletion(status: PrivacyRequestView['status'], parts: PrivacyRequestView['parts']): PrivacyRequestView {
  return {
    id: 'r1',
    kind: 'deletion',
    status,
    parts,
    createdAt: '2030-01-01T10:00:00.000Z',
    updatedAt: '2030-01-01T10:05:00.000Z',
    completedAt: status === 'completed' ? '2030-01-01T10:06:00.000Z' : null,
    expiresAt: null,
    sizeBytes: null,
    error: null,
  };
}

const ALL_PENDING = { identity: 'pending', meetings: 'pending', chat: 'pending', recording: 'pending', analytics: 'pending' } as const;
const grant: SessionGrant = {
  accessToken: 'access-1',
  expiresAt: '2030-01-01T00:15:00.000Z',
  user: { id: 'u1', email: 'grace@example.test', displayName: 'Grace Hopper', role: 'user', emailVerified: true, mfaEnabled: false, createdAt: '2025-01-01T00:00:00.000Z' },
};

describe('DeleteAccountPage', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<DeleteAccountPage>;
  let page: HTMLElement;

  async function open(hash: string): Promise<void> {
    window.location.hash = hash;
    fixture = TestBed.createComponent(DeleteAccountPage);
    page = fixture.nativeElement as HTMLElement;
    await settle();
  }

  async function settle(): Promise<void> {
    await jest.advanceTimersByTimeAsync(0);
    await fixture.whenStable();
  }

  beforeEach(() => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
    window.location.hash = '';
  });

  it('deletes nothing on load; on the button it confirms, follows the progress and says when it is done', async () => {
    const session = TestBed.inject(AuthSession);
    const restored = session.restore();
    backend.expectOne('/api/identity/auth/refresh').flush(grant);
    await restored;
    await open('#token=mailed-token');

    // A mail scanner opening the link changes nothing.
    backend.expectNone(CONFIRM);
    expect(page.textContent).toContain('This cannot be undone.');

    getByRole(page, 'button', 'Permanently delete my account').click();
    const confirm = backend.expectOne(CONFIRM);
    expect(confirm.request.method).toBe('POST');
    expect(confirm.request.body).toEqual({ token: 'mailed-token' });
    confirm.flush(deletion('queued', ALL_PENDING));
    await settle();

    expect(session.isSignedIn()).toBe(false); // every session of the account has ended
    expect(queryByRole(page, 'button', 'Permanently delete my account')).toBeNull();
    expect(page.textContent).toContain('Status: Waiting to start.');
    backend.expectNone(STATUS);

    await jest.advanceTimersByTimeAsync(DELETION_POLL_MS);
    const status = backend.expectOne(STATUS);
    expect(status.request.body).toEqual({ token: 'mailed-token' });
    status.flush(deletion('running', { ...ALL_PENDING, meetings: 'done', chat: 'done' }));
    await settle();

    const live = page.querySelector('[aria-live="polite"]') as HTMLElement;
    const progress = live.querySelector('ul[aria-label="Progress of the deletion"]') as HTMLElement;
    expect(Array.from(progress.querySelectorAll('li')).map((item) => item.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Account and profile: in progress',
      'Meetings: done',
      'Chat messages: done',
      'Recordings: in progress',
      'Usage records: in progress',
    ]);
    expect(live.textContent).toContain('Status: In progress.');

    await jest.advanceTimersByTimeAsync(DELETION_POLL_MS);
    backend.expectOne(STATUS).flush(deletion('completed', { identity: 'done', meetings: 'done', chat: 'done', recording: 'done', analytics: 'done' }));
    await settle();

    expect(getByRole(live, 'heading', 'Your account has been deleted.')).toBeTruthy();
    expect(getByRole(page, 'link', 'Go to the home page').getAttribute('href')).toBe('/');
    await jest.advanceTimersByTimeAsync(DELETION_POLL_MS * 3);
    backend.expectNone(STATUS); // done: no more polling
  });

  it('says when the link is invalid or has expired', async () => {
    await open('#token=used-token');
    getByRole(page, 'button', 'Permanently delete my account').click();
    backend.expectOne(CONFIRM).flush({ code: 'TOKEN_INVALID', message: 'This link is not valid any more.' }, { status: 400, statusText: 'Bad Request' });
    await settle();

    expect(getByRole(page, 'alert').textContent).toContain('This link is invalid or has expired');
    expect(queryByRole(page, 'button', 'Permanently delete my account')).toBeNull();
    expect(getByRole(page, 'link', 'Privacy settings').getAttribute('href')).toBe('/settings/privacy');
  });

  it('explains a link without its token, and sends nothing', async () => {
    await open('');
    expect(getByRole(page, 'alert').textContent).toContain('This link is incomplete');
    expect(queryByRole(page, 'button', 'Permanently delete my account')).toBeNull();
    expect(getByRole(page, 'link', 'Privacy settings').getAttribute('href')).toBe('/settings/privacy');
  });

  it('stops following the deletion when the page is left', async () => {
    await open('#token=mailed-token');
    getByRole(page, 'button', 'Permanently delete my account').click();
    backend.expectOne(CONFIRM).flush(deletion('running', ALL_PENDING));
    await settle();

    fixture.destroy();
    await jest.advanceTimersByTimeAsync(DELETION_POLL_MS * 3);
    backend.expectNone(STATUS);
  });
});
