import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap, provideRouter, Router } from '@angular/router';
import { DEFAULT_USER_PREFERENCES } from '@confer/identity/contracts';
import { DEFAULT_MEETING_SETTINGS, type ScheduledMeetingView } from '@confer/meetings/contracts';
import { byButton, byLabel, choose, description, selectByLabel, text, type } from '@confer/web/core/testing';
import { SchedulePage } from './schedule-page';

const MEETINGS = '/api/meetings/meetings';
const PROFILE = '/api/identity/profile';

const standUp: ScheduledMeetingView = {
  id: '5d1c0000-0000-4000-8000-000000000001',
  code: 'abc-defg-hij',
  hostId: 'u1',
  title: 'Stand-up',
  description: 'What we did, what we will do.',
  kind: 'scheduled',
  // 09:00 in Paris (summer time, UTC+2).
  startsAt: '2026-05-04T07:00:00.000Z',
  durationMinutes: 15,
  timeZone: 'Europe/Paris',
  status: 'scheduled',
  createdAt: '2026-04-01T10:00:00.000Z',
  settings: { ...DEFAULT_MEETING_SETTINGS, waitingRoom: true },
  hasPasscode: true,
  locked: false,
  role: 'host',
  recurrence: { frequency: 'weekly', interval: 1, weekdays: ['MO', 'TU', 'WE', 'TH', 'FR'] },
  sequence: 0,
  invitees: [{ userId: 'u2', email: 'grace@example.test', displayName: 'Grace Hopper' }],
  overrides: [],
};

/** A textarea by its label (the core dom-queries find inputs and selects). */
function textareaByLabel(container: HTMLElement, name: string): HTMLTextAreaElement {
  const label = Array.from(container.querySelectorAll('label')).find((candidate) => text(candidate) === name);
  const control = label ? container.ownerDocument.getElementById(label.htmlFor) : null;
  if (!(control instanceof HTMLTextAreaElement)) throw new Error(`No textarea labelled ${name}`);
  return control;
}

function write(textarea: HTMLTextAreaElement, value: string): void {
  textarea.value = value;
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('SchedulePage', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<SchedulePage>;
  let page: HTMLElement;
  let navigate: jest.SpyInstance;

  async function open(code: string | null): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: ActivatedRoute, useValue: { snapshot: { paramMap: convertToParamMap(code ? { code } : {}) } } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(SchedulePage);
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  async function openNew(): Promise<void> {
    await open(null);
    const meetingDefaults = { ...DEFAULT_USER_PREFERENCES.meetingDefaults, muteOnEntry: true, allowRecording: false };
    backend.expectOne(PROFILE).flush({ preferences: { ...DEFAULT_USER_PREFERENCES, meetingDefaults } });
    await fixture.whenStable();
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  describe('a new meeting', () => {
    it("starts in the browser's time zone, with the host's meeting defaults", async () => {
      await openNew();

      expect(selectByLabel(page, 'Time zone').value).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
      expect(byLabel(page, 'Starts at').value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:00$/);
      expect(byLabel(page, 'Mute microphones on entry').checked).toBe(true);
      expect(byLabel(page, 'Allow recording').checked).toBe(false);
      expect(byLabel(page, 'Allow guests').checked).toBe(true);
      expect(byLabel(page, 'Waiting room').checked).toBe(false);
      expect(byButton(page, 'Schedule meeting')).not.toBeNull();
    });

    it('sends the wall clock of the chosen zone as an instant, with the rule, settings, passcode and invitees', async () => {
      await openNew();

      type(byLabel(page, 'Title'), '  Design review ');
      type(byLabel(page, 'Starts at'), '2026-05-04T09:30'); // a Monday
      type(byLabel(page, 'Duration (minutes)'), '45');
      choose(selectByLabel(page, 'Time zone'), 'America/New_York');
      choose(selectByLabel(page, 'Repeats'), 'weekly');
      await settle();

      expect(byLabel(page, 'Monday').checked).toBe(true); // the start's weekday, which the series must include
      byLabel(page, 'Wednesday').click();
      type(byLabel(page, 'Repeat every'), '2');
      byLabel(page, 'After a number of meetings').click();
      await settle();
      type(byLabel(page, 'Number of meetings'), '6');

      byLabel(page, 'Waiting room').click();
      byLabel(page, 'Allow guests').click();
      byLabel(page, 'Hosts and co-hosts').click();
      type(byLabel(page, 'Maximum participants'), '25');
      byLabel(page, 'Require a passcode').click();
      await settle();
      type(byLabel(page, 'Passcode'), 'Secret42');
      write(textareaByLabel(page, 'Invitees'), 'grace@example.test, alan@example.test\nGRACE@example.test');

      byButton(page, 'Schedule meeting')?.click();
      const post = backend.expectOne(MEETINGS);
      expect(post.request.method).toBe('POST');
      expect(post.request.body).toEqual({
        title: 'Design review',
        description: '',
        startsAt: '2026-05-04T13:30:00.000Z', // 09:30 in New York, summer time (UTC-4)
        durationMinutes: 45,
        timeZone: 'America/New_York',
        recurrence: { frequency: 'weekly', interval: 2, weekdays: ['MO', 'WE'], count: 6 },
        settings: {
          ...DEFAULT_MEETING_SETTINGS,
          waitingRoom: true,
          allowGuests: false,
          screenShare: 'host',
          muteOnEntry: true,
          allowRecording: false,
          maxParticipants: 25,
        },
        passcode: 'Secret42',
        invitees: [{ email: 'grace@example.test' }, { email: 'alan@example.test' }],
      });
      post.flush({ ...standUp, code: 'xyz-wxyz-abc' });
      await settle();

      expect(navigate).toHaveBeenCalledWith(['/meetings', 'xyz-wxyz-abc']);
    });

    it('maps a monthly series that ends on a date, in a zone east of UTC', async () => {
      await openNew();

      type(byLabel(page, 'Title'), 'Board meeting');
      type(byLabel(page, 'Starts at'), '2026-01-15T08:00');
      choose(selectByLabel(page, 'Time zone'), 'Asia/Tokyo');
      choose(selectByLabel(page, 'Repeats'), 'monthly');
      await settle();
      byLabel(page, 'On a date').click();
      await settle();
      type(byLabel(page, 'Date of the last meeting'), '2026-12-31');
      byButton(page, 'Schedule meeting')?.click();

      const post = backend.expectOne(MEETINGS);
      expect(post.request.body).toMatchObject({
        startsAt: '2026-01-14T23:00:00.000Z', // 08:00 in Tokyo (UTC+9) is the evening before in UTC
        timeZone: 'Asia/Tokyo',
        recurrence: { frequency: 'monthly', interval: 1, until: '2026-12-31' },
      });
      expect(post.request.body.passcode).toBeUndefined();
      expect(post.request.body.invitees).toBeUndefined();
      post.flush(standUp);
      await settle();
    });

    it('checks the title and the days of a weekly meeting before sending anything', async () => {
      await openNew();

      choose(selectByLabel(page, 'Repeats'), 'weekly');
      await settle();
      for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']) {
        if (byLabel(page, day).checked) byLabel(page, day).click();
      }
      byButton(page, 'Schedule meeting')?.click();
      await settle();

      backend.expectNone(MEETINGS);
      const title = byLabel(page, 'Title');
      expect(title.getAttribute('aria-invalid')).toBe('true');
      expect(description(title)).toBe('Enter a title.');
      const days = byLabel(page, 'Monday').closest('fieldset') as HTMLFieldSetElement;
      expect(description(days)).toBe('Choose at least one day of the week.');
      expect(page.ownerDocument.activeElement).toBe(title);
    });

    it("shows the server's problems beside their fields", async () => {
      await openNew();

      type(byLabel(page, 'Title'), 'Retro');
      write(textareaByLabel(page, 'Invitees'), 'grace@example.test\nalan@example.test');
      byButton(page, 'Schedule meeting')?.click();
      backend.expectOne(MEETINGS).flush(
        {
          code: 'VALIDATION_FAILED',
          message: 'The request is not valid.',
          details: {
            fields: [
              { field: 'settings.maxParticipants', problems: ['maxParticipants must not be greater than 100'] },
              { field: 'invitees.1.email', problems: ['email must be an email'] },
            ],
          },
        },
        { status: 400, statusText: 'Bad Request' },
      );
      await settle();

      const limit = byLabel(page, 'Maximum participants');
      expect(limit.getAttribute('aria-invalid')).toBe('true');
      expect(description(limit)).toContain('maxParticipants must not be greater than 100');
      const invitees = textareaByLabel(page, 'Invitees');
      expect(invitees.getAttribute('aria-invalid')).toBe('true');
      expect(description(invitees)).toContain('alan@example.test: email must be an email');
      expect(page.querySelector('[role="alert"]')).toBeNull();
      expect(navigate).not.toHaveBeenCalled();
    });

    it("puts a recurrence problem beside the rule's field", async () => {
      await openNew();

      type(byLabel(page, 'Title'), 'Retro');
      choose(selectByLabel(page, 'Repeats'), 'daily');
      await settle();
      type(byLabel(page, 'Repeat every'), '50');
      byButton(page, 'Schedule meeting')?.click();
      backend.expectOne(MEETINGS).flush(
        {
          code: 'RECURRENCE_INVALID',
          message: 'The interval must be a whole number from 1 to 99.',
          details: [{ field: 'interval', code: 'out_of_range', message: 'The interval must be a whole number from 1 to 99.' }],
        },
        { status: 400, statusText: 'Bad Request' },
      );
      await settle();

      const interval = byLabel(page, 'Repeat every');
      expect(interval.getAttribute('aria-invalid')).toBe('true');
      expect(description(interval)).toContain('The interval must be a whole number from 1 to 99.');
    });

    it('says to confirm the email address when the account may not host', async () => {
      await openNew();

      type(byLabel(page, 'Title'), 'Retro');
      byButton(page, 'Schedule meeting')?.click();
      backend.expectOne(MEETINGS).flush({ code: 'EMAIL_NOT_VERIFIED', message: 'Confirm your email address to host meetings.' }, { status: 403, statusText: 'Forbidden' });
      await settle();

      const alerts = Array.from(page.querySelectorAll('[role="alert"]'));
      expect(alerts).toHaveLength(1);
      expect(text(alerts[0])).toContain('Confirm your email address to host meetings');
      expect(alerts[0].querySelector('a')?.getAttribute('href')).toBe('/settings/security');
    });
  });

  describe('editing', () => {
    async function openEdit(meeting: ScheduledMeetingView = standUp): Promise<void> {
      await open(meeting.code);
      backend.expectOne(`${MEETINGS}/${meeting.code}`).flush(meeting);
      await settle();
    }

    it('shows the meeting in its own zone and sends only what changed', async () => {
      await openEdit();

      expect(byLabel(page, 'Title').value).toBe('Stand-up');
      expect(byLabel(page, 'Starts at').value).toBe('2026-05-04T09:00');
      expect(selectByLabel(page, 'Time zone').value).toBe('Europe/Paris');
      expect(selectByLabel(page, 'Repeats').value).toBe('weekly');
      expect(byLabel(page, 'Friday').checked).toBe(true);
      expect(byLabel(page, 'Saturday').checked).toBe(false);
      expect(byLabel(page, 'Waiting room').checked).toBe(true);
      expect(byLabel(page, 'Keep the current passcode').checked).toBe(true);
      expect(textareaByLabel(page, 'Invitees').value).toBe('grace@example.test');

      type(byLabel(page, 'Title'), 'Daily stand-up');
      byLabel(page, 'Remove the passcode').click();
      write(textareaByLabel(page, 'Invitees'), 'grace@example.test\nalan@example.test');
      byButton(page, 'Save changes')?.click();

      const patch = backend.expectOne(`${MEETINGS}/abc-defg-hij`);
      expect(patch.request.method).toBe('PATCH');
      // Grace stays linked to her account; the start and rule are untouched, so occurrence changes survive.
      expect(patch.request.body).toEqual({ title: 'Daily stand-up', passcode: null, invitees: [{ userId: 'u2' }, { email: 'alan@example.test' }] });
      patch.flush({ ...standUp, title: 'Daily stand-up' });
      await settle();
      expect(navigate).toHaveBeenCalledWith(['/meetings', 'abc-defg-hij']);
    });

    it('stops a series repeating and turns the waiting room off', async () => {
      await openEdit();

      choose(selectByLabel(page, 'Repeats'), 'none');
      byLabel(page, 'Waiting room').click();
      byButton(page, 'Save changes')?.click();

      const patch = backend.expectOne(`${MEETINGS}/abc-defg-hij`);
      expect(patch.request.body).toEqual({ recurrence: null, settings: { waitingRoom: false } });
      patch.flush(standUp);
      await settle();
    });

    it("says so when nothing changed, and doesn't send anything", async () => {
      await openEdit();
      byButton(page, 'Save changes')?.click();
      await settle();

      backend.expectNone(`${MEETINGS}/abc-defg-hij`);
      expect(text(page.querySelector('form [role="status"]') as Element)).toBe('Nothing has changed.');
    });

    it("says the meeting doesn't exist when the server does not show it", async () => {
      await open('abc-defg-hij');
      backend.expectOne(`${MEETINGS}/abc-defg-hij`).flush({ code: 'MEETING_NOT_FOUND', message: 'There is no such meeting.' }, { status: 404, statusText: 'Not Found' });
      await settle();

      expect(text(page.querySelector('[role="alert"]') as Element)).toBe("This meeting doesn't exist or you aren't invited.");
      expect(page.querySelector('form')).toBeNull();
    });

    it('lets only the host edit', async () => {
      await openEdit({ ...standUp, role: 'invitee' });

      expect(text(page.querySelector('[role="alert"]') as Element)).toBe('Only the host can change this meeting.');
      expect(page.querySelector('form')).toBeNull();
    });
  });
});
