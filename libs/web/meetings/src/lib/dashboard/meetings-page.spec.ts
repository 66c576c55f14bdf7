import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { DEFAULT_MEETING_SETTINGS, type MeetingListEntry, type MeetingView } from '@confer/meetings/contracts';
import { AuthSession } from '@confer/web/auth';
import { byButton, byLabel, description, text, type } from '@confer/web/core/testing';
import { MeetingsPage } from './meetings-page';

const MEETINGS = '/api/meetings/meetings';

const started: MeetingView = {
  id: '5d1c0000-0000-4000-8000-000000000001',
  code: 'abc-defg-hij',
  hostId: 'u1',
  title: "Ada Lovelace's meeting",
  description: '',
  kind: 'instant',
  startsAt: '2026-03-12T09:00:00.000Z',
  durationMinutes: 60,
  timeZone: 'Europe/London',
  status: 'live',
  createdAt: '2026-03-12T09:00:00.000Z',
  settings: { ...DEFAULT_MEETING_SETTINGS },
  hasPasscode: false,
  locked: false,
};
const standUp: MeetingListEntry = {
  ...started,
  id: '5d1c0000-0000-4000-8000-000000000002',
  code: 'xyz-wxyz-abc',
  title: 'Stand-up',
  kind: 'scheduled',
  status: 'scheduled',
  startsAt: '2030-05-06T08:00:00.000Z',
  durationMinutes: 15,
  role: 'invitee',
  occurrenceId: '2030-05-06T08:00:00.000Z',
};

describe('MeetingsPage', () => {
  let backend: HttpTestingController;
  let page: HTMLElement;
  let fixture: ReturnType<typeof TestBed.createComponent<MeetingsPage>>;

  async function open(upcoming: MeetingListEntry[] = [], past: MeetingListEntry[] = []): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: AuthSession, useValue: { user: signal({ displayName: 'Ada Lovelace' }) } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MeetingsPage);
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    backend.expectOne((request) => request.url === MEETINGS && request.params.get('scope') === 'upcoming').flush(upcoming);
    backend.expectOne((request) => request.url === MEETINGS && request.params.get('scope') === 'past').flush(past);
    await fixture.whenStable();
  }

  function list(heading: string): HTMLElement {
    const title = Array.from(page.querySelectorAll('h2')).find((candidate) => text(candidate) === heading);
    const section = title?.closest('section');
    if (!section) throw new Error(`No section headed ${heading}`);
    return section;
  }

  afterEach(() => backend.verify());

  it('starts a meeting now and shows its code and link, which can be copied', async () => {
    await open();
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });

    byButton(page, 'Start a meeting now')?.click();
    const post = backend.expectOne(MEETINGS);
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ title: "Ada Lovelace's meeting" });
    post.flush(started);
    await fixture.whenStable();

    const link = `${location.origin}/m/abc-defg-hij`;
    expect(text(page)).toContain('abc-defg-hij');
    expect(Array.from(page.querySelectorAll('a')).some((anchor) => anchor.getAttribute('href') === link && text(anchor) === link)).toBe(true);

    byButton(page, 'Copy link')?.click();
    await fixture.whenStable();
    expect(writeText).toHaveBeenCalledWith(link);
    const live = Array.from(page.querySelectorAll('[aria-live]')).find((region) => text(region) === 'Copied');
    expect(live).toBeDefined();
  });

  it('asks to confirm the email address when the account may not host', async () => {
    await open();
    byButton(page, 'Start a meeting now')?.click();
    backend
      .expectOne(MEETINGS)
      .flush({ code: 'EMAIL_NOT_VERIFIED', message: 'Confirm your email address first.' }, { status: 403, statusText: 'Forbidden' });
    await fixture.whenStable();

    const alert = page.querySelector('[role="alert"]') as HTMLElement;
    expect(text(alert)).toContain('Confirm your email address to host meetings');
    expect(alert.querySelector('a')?.getAttribute('href')).toBe('/settings/security');
  });

  it('shows an invalid code beside the field and does not navigate', async () => {
    await open();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const field = byLabel(page, 'Meeting code or link');

    type(field, 'abc-defg');
    byButton(page, 'Join')?.click();
    await fixture.whenStable();

    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(description(field)).toContain('Enter a code like abc-defg-hij');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('joins by a link that ends in a code', async () => {
    await open();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);

    type(byLabel(page, 'Meeting code or link'), ' https://confer.example/m/abc-defg-hij ');
    byButton(page, 'Join')?.click();
    await fixture.whenStable();

    expect(navigate).toHaveBeenCalledWith('/m/abc-defg-hij');
  });

  it('lists upcoming and recent meetings with their time, role and code', async () => {
    await open([standUp], [{ ...started, role: 'host', occurrenceId: null, status: 'ended' }]);

    const upcoming = list('Upcoming');
    const [entry] = Array.from(upcoming.querySelectorAll('li'));
    expect(text(entry)).toContain('Stand-up');
    expect(text(entry)).toContain('Invited');
    expect(text(entry)).toContain('xyz-wxyz-abc');
    const time = entry.querySelector('time') as HTMLElement;
    expect(time.getAttribute('datetime')).toBe(standUp.startsAt);
    expect(text(time)).toContain('2030');

    const recent = list('Recent');
    expect(text(recent.querySelector('li') as HTMLElement)).toContain("Ada Lovelace's meeting");
    expect(text(recent)).toContain('Host');
    expect(text(recent)).toContain('abc-defg-hij');
  });

  it('shows when a recent meeting was actually held, how long and how many came', async () => {
    const lastRun = { startedAt: '2030-05-06T08:02:00.000Z', endedAt: '2030-05-06T08:34:00.000Z', durationSeconds: 1920, attendeeCount: 3 };
    await open([], [
      { ...standUp, role: 'attendee', occurrenceId: null, lastRun },
      { ...started, role: 'host', occurrenceId: null, status: 'cancelled', lastRun: null },
    ]);

    const [held, cancelled] = Array.from(list('Recent').querySelectorAll('li'));
    expect(text(held)).toContain('Lasted 32 min');
    expect(text(held)).toContain('3 attendees');
    expect(text(held)).toContain('Attended');
    expect(held.querySelector('time')?.getAttribute('datetime')).toBe(lastRun.startedAt);
    expect(text(cancelled)).toContain('Cancelled');
    expect(text(cancelled)).not.toContain('Lasted');
    expect(cancelled.querySelector('time')?.getAttribute('datetime')).toBe(started.startsAt);
  });

  it('links to scheduling a meeting and from each entry to its details', async () => {
    await open([standUp]);

    const schedule = Array.from(page.querySelectorAll('a')).find((anchor) => text(anchor) === 'Schedule a meeting');
    expect(schedule?.getAttribute('href')).toBe('/meetings/new');
    const entry = list('Upcoming').querySelector('li') as HTMLElement;
    const details = Array.from(entry.querySelectorAll('a')).find((anchor) => text(anchor) === 'Stand-up');
    expect(details?.getAttribute('href')).toBe('/meetings/xyz-wxyz-abc');
  });

  it('makes a secret calendar feed link that can be copied, replaced and turned off', async () => {
    await open();
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const feedUrl = 'https://confer.example/api/meetings/calendar/feed/secret-one.ics';

    byButton(page, 'Get a feed link')?.click();
    const create = backend.expectOne('/api/meetings/calendar/feed');
    expect(create.request.method).toBe('POST');
    create.flush({ url: feedUrl });
    await fixture.whenStable();

    expect(byLabel(page, 'Feed link').value).toBe(feedUrl);
    byButton(page, 'Copy feed link')?.click();
    await fixture.whenStable();
    expect(writeText).toHaveBeenCalledWith(feedUrl);

    byButton(page, 'Make a new feed link')?.click();
    backend.expectOne('/api/meetings/calendar/feed').flush({ url: feedUrl.replace('one', 'two') });
    await fixture.whenStable();
    expect(byLabel(page, 'Feed link').value).toContain('secret-two');
    expect(text(list('Calendar feed'))).toContain('The previous one no longer works.');

    byButton(page, 'Turn off the feed')?.click();
    const revoke = backend.expectOne('/api/meetings/calendar/feed');
    expect(revoke.request.method).toBe('DELETE');
    revoke.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(() => byLabel(page, 'Feed link')).toThrow();
    expect(text(list('Calendar feed'))).toContain('Its link no longer works.');
  });

  it('says when there are no meetings', async () => {
    await open();
    expect(text(list('Upcoming'))).toContain('No upcoming meetings');
    expect(text(list('Recent'))).toContain('No recent meetings');
  });
});
