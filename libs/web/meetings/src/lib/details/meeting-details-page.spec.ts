import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { ActivatedRoute, convertToParamMap, provideRouter } from '@angular/router';
import { DEFAULT_MEETING_SETTINGS, type MeetingAttendanceView, type MeetingListEntry, type ScheduledMeetingView } from '@confer/meetings/contracts';
import { byButton, readBlob, text } from '@confer/web/core/testing';
import { MeetingDetailsPage } from './meeting-details-page';

const MEETINGS = '/api/meetings/meetings';
const MEETING = `${MEETINGS}/abc-defg-hij`;
const NOT_FOUND = { status: 404, statusText: 'Not Found' };
const CHAT = '/api/chat/meetings/abc-defg-hij/messages';
const noSuchMeeting = { code: 'MEETING_NOT_FOUND', message: 'There is no such meeting.' };

const series: ScheduledMeetingView = {
  id: '5d1c0000-0000-4000-8000-000000000001',
  code: 'abc-defg-hij',
  hostId: 'u1',
  title: 'Stand-up',
  description: 'What we did, what we will do.',
  kind: 'scheduled',
  startsAt: '2030-05-06T07:00:00.000Z', // Monday 09:00 in Paris
  durationMinutes: 15,
  timeZone: 'Europe/Paris',
  status: 'scheduled',
  createdAt: '2030-04-01T10:00:00.000Z',
  settings: { ...DEFAULT_MEETING_SETTINGS, waitingRoom: true, allowGuests: false, maxParticipants: 12 },
  hasPasscode: true,
  locked: false,
  role: 'host',
  recurrence: { frequency: 'weekly', interval: 1, weekdays: ['MO', 'WE'] },
  sequence: 0,
  invitees: [
    { userId: 'u2', email: 'grace@example.test', displayName: 'Grace Hopper' },
    { userId: null, email: 'alan@example.test', displayName: '' },
  ],
  overrides: [],
};

function occurrence(startsAt: string): MeetingListEntry {
  return { ...series, startsAt, role: 'host', occurrenceId: startsAt };
}
const upcoming = [
  occurrence('2030-05-06T07:00:00.000Z'),
  { ...occurrence('2030-05-06T12:00:00.000Z'), id: 'another', code: 'xyz-wxyz-abc', title: 'Lunch' },
  occurrence('2030-05-08T07:00:00.000Z'),
];

const at = (time: string) => `2030-05-06T${time}:00.000Z`;
const hostHistory: MeetingAttendanceView = {
  code: 'abc-defg-hij',
  title: 'Stand-up',
  view: 'host',
  runs: [
    {
      startedAt: at('07:00'),
      endedAt: at('07:32'),
      durationSeconds: 1920,
      attendeeCount: 2,
      attendees: ['Hazel Host', 'Gus'],
      people: [
        { displayName: 'Hazel Host', kind: 'account', role: 'host', totalSeconds: 1920, sessions: [{ joinedAt: at('07:00'), leftAt: at('07:32'), durationSeconds: 1920, device: 'Chrome 131 on Linux' }] },
        {
          displayName: 'Gus',
          kind: 'guest',
          role: 'participant',
          totalSeconds: 600,
          sessions: [
            { joinedAt: at('07:02'), leftAt: at('07:07'), durationSeconds: 300, device: 'Safari 18 on iPhone' },
            { joinedAt: at('07:10'), leftAt: at('07:15'), durationSeconds: 300, device: null },
          ],
        },
      ],
    },
  ],
};

describe('MeetingDetailsPage', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<MeetingDetailsPage>;
  let page: HTMLElement;

  /** Opens the page and answers the meeting and, with a 404 unless given, its attendance. */
  async function open(meeting: ScheduledMeetingView | null, code = 'abc-defg-hij', attendance: MeetingAttendanceView | null = null): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: ActivatedRoute, useValue: { snapshot: { paramMap: convertToParamMap({ code }) } } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MeetingDetailsPage);
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    if (meeting) {
      const history = backend.expectOne(`${MEETING}/attendance`);
      if (attendance) history.flush(attendance);
      else history.flush(noSuchMeeting, NOT_FOUND);
      backend.expectOne(MEETING).flush(meeting);
      await fixture.whenStable();
      if (meeting.recurrence && meeting.status === 'scheduled') {
        backend.expectOne((request) => request.url === MEETINGS && request.params.get('scope') === 'upcoming').flush(upcoming);
        await fixture.whenStable();
      }
    }
  }

  function link(name: string): HTMLAnchorElement | undefined {
    return Array.from(page.querySelectorAll('a')).find((anchor) => text(anchor) === name);
  }

  function section(heading: string): HTMLElement {
    const title = Array.from(page.querySelectorAll('h2')).find((candidate) => text(candidate) === heading);
    const found = title?.closest('section');
    if (!found) throw new Error(`No section headed ${heading}`);
    return found;
  }

  /** The value beside a term of a description list. */
  function fact(container: HTMLElement, term: string): string {
    const dt = Array.from(container.querySelectorAll('dt')).find((candidate) => text(candidate) === term);
    return dt?.nextElementSibling ? text(dt.nextElementSibling) : '';
  }

  /** A table by the start of its caption (the rest names the run for screen readers). */
  function table(container: HTMLElement, caption: string): HTMLTableElement {
    const found = Array.from(container.querySelectorAll('table')).find((candidate) => candidate.caption && text(candidate.caption).startsWith(caption));
    if (!found) throw new Error(`No table captioned ${caption}`);
    return found;
  }

  afterEach(() => backend.verify());

  it('shows the meeting: when, how it repeats, its settings and, to the host, its invitees', async () => {
    await open(series);

    expect(text(page.querySelector('h1') as Element)).toBe('Stand-up');
    expect(text(page)).toContain('Scheduled');
    const when = text(section('When'));
    expect(when).toContain('Every week on Monday and Wednesday');
    expect(when).toContain('Europe/Paris');
    expect(when).toContain('2030');
    const settings = section('Settings');
    expect(fact(settings, 'Waiting room')).toBe('On: a host lets people in');
    expect(fact(settings, 'Guests without an account')).toBe('Not allowed');
    expect(fact(settings, 'Maximum participants')).toBe('12');
    expect(fact(settings, 'Passcode')).toBe('Needed to join');
    expect(text(section('Invitees'))).toContain('Grace Hopper (grace@example.test)');
    expect(text(section('Invitees'))).toContain('alan@example.test');

    expect(link('Join')?.getAttribute('href')).toBe('/m/abc-defg-hij');
    expect(link('Edit')?.getAttribute('href')).toBe('/meetings/abc-defg-hij/edit');
    const joinLink = `${location.origin}/m/abc-defg-hij`;
    expect(link(joinLink)?.getAttribute('href')).toBe(joinLink);
  });

  it('copies an invitation with the link and time, saying a passcode is needed without giving one', async () => {
    await open(series);
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });

    byButton(page, 'Copy invite')?.click();
    await fixture.whenStable();

    const invitation = writeText.mock.calls[0]?.[0] as string;
    expect(invitation).toContain('Stand-up');
    expect(invitation).toContain(`Join: ${location.origin}/m/abc-defg-hij`);
    expect(invitation).toContain('(Europe/Paris)');
    expect(invitation).toContain('Repeats: Every week on Monday and Wednesday');
    expect(invitation).toContain('A passcode is needed to join');
    expect(Array.from(page.querySelectorAll('[aria-live]')).some((region) => text(region) === 'Invitation copied')).toBe(true);
  });

  it('downloads the calendar file with the session, through an object URL', async () => {
    await open(series);
    const createObjectURL = jest.fn<string, [Blob]>(() => 'blob:confer/ics');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: HTMLAnchorElement[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });

    byButton(page, 'Add to calendar')?.click();
    backend.expectOne(`${MEETING}/calendar.ics`).flush('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    await new Promise((resolve) => setTimeout(resolve));

    const saved = createObjectURL.mock.calls[0]?.[0] as Blob;
    expect(saved.type).toBe('text/calendar');
    expect(await readBlob(saved)).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    expect(clicked[0]?.download).toBe('abc-defg-hij.ics');
    expect(clicked[0]?.getAttribute('href')).toBe('blob:confer/ics');
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:confer/ics');
    click.mockRestore();
  });

  it('cancels the meeting only after a confirmation', async () => {
    await open({ ...series, recurrence: null });

    byButton(page, 'Cancel meeting')?.click();
    await fixture.whenStable();
    backend.expectNone(MEETING);
    expect(text(page)).toContain('Cancel this meeting for everyone?');
    expect(page.ownerDocument.activeElement).toBe(byButton(page, 'Keep the meeting'));

    byButton(page, 'Yes, cancel the meeting')?.click();
    const cancel = backend.expectOne(MEETING);
    expect(cancel.request.method).toBe('DELETE');
    cancel.flush({ ...series, recurrence: null, status: 'cancelled' });
    await fixture.whenStable();

    expect(text(page.querySelector('.badge') as Element)).toBe('Cancelled');
    expect(byButton(page, 'Cancel meeting')).toBeNull();
    expect(link('Join')).toBeUndefined();
    expect(link('Edit')).toBeUndefined();
  });

  it('lists the upcoming occurrences of a series and cancels one of them', async () => {
    await open(series);

    const list = section('Upcoming occurrences');
    expect(list.querySelectorAll('li')).toHaveLength(2); // the other meeting's entry is not one of them
    expect(text(list)).not.toContain('Lunch');

    byButton(page, /^Cancel this occurrence: Wed/)?.click(); // 8 May 2030, the second of the two
    await fixture.whenStable();
    backend.expectNone((request) => request.method === 'DELETE');
    byButton(page, 'Yes, cancel it')?.click();

    const cancel = backend.expectOne(`${MEETING}/occurrences/${encodeURIComponent('2030-05-08T07:00:00.000Z')}`);
    expect(cancel.request.method).toBe('DELETE');
    cancel.flush(series);
    await fixture.whenStable();

    const left = Array.from(section('Upcoming occurrences').querySelectorAll('time')).map((time) => time.getAttribute('datetime'));
    expect(left).toEqual(['2030-05-06T07:00:00.000Z']);
  });

  it('shows an invitee the meeting without the host controls or the addresses', async () => {
    await open({ ...series, role: 'invitee', invitees: series.invitees.map((invitee) => ({ ...invitee, email: null })) });

    expect(link('Join')).toBeDefined();
    expect(byButton(page, 'Copy invite')).not.toBeNull();
    expect(link('Edit')).toBeUndefined();
    expect(byButton(page, 'Cancel meeting')).toBeNull();
    expect(byButton(page, /^Cancel this occurrence/)).toBeNull();
    expect(text(page)).not.toContain('grace@example.test');
    expect(Array.from(page.querySelectorAll('h2')).map(text)).not.toContain('History');
  });

  it('shows the host when the meeting ran, who came, and everyone’s join and leave times and devices', async () => {
    await open({ ...series, recurrence: null, status: 'ended' }, 'abc-defg-hij', hostHistory);
    backend.expectOne((request) => request.url === CHAT).flush({ messages: [], nextCursor: null });
    await fixture.whenStable();

    expect(text(section('Chat'))).toContain('No messages');
    const history = section('History');
    expect(fact(history, 'Duration')).toBe('32 min');
    expect(fact(history, 'Attendees')).toBe('2 attendees: Hazel Host and Gus');
    const times = table(history, 'Join and leave times');
    expect(Array.from(times.querySelectorAll('thead th[scope="col"]')).map(text)).toEqual(['Participant', 'Role', 'Joined', 'Left', 'Connected', 'Device', 'Total']);
    const gus = Array.from(times.querySelectorAll('th[scope="rowgroup"]')).find((header) => text(header) === 'Gus (guest)');
    const group = gus?.closest('tbody') as HTMLElement;
    expect(gus?.getAttribute('rowspan')).toBe('2');
    expect(Array.from(group.querySelectorAll('time')).map((time) => time.getAttribute('datetime'))).toEqual([at('07:02'), at('07:07'), at('07:10'), at('07:15')]);
    expect(text(group)).toContain('Participant');
    expect(text(group)).toContain('10 min');
    expect(Array.from(group.querySelectorAll('td')).map(text)).toEqual(expect.arrayContaining(['Safari 18 on iPhone', 'Not recorded']));
  });

  it('shows someone who took part without an invitation only the history, with their own times', async () => {
    const mine: MeetingAttendanceView = {
      ...hostHistory,
      view: 'attendee',
      runs: hostHistory.runs.map((run) => ({ ...run, people: run.people.filter((person) => person.displayName === 'Gus') })),
    };
    await open(null);
    backend.expectOne(MEETING).flush(noSuchMeeting, NOT_FOUND);
    backend.expectOne(`${MEETING}/attendance`).flush(mine);
    await fixture.whenStable();
    // Not in the chat's participants (say, they never connected to it): no Chat section.
    backend.expectOne((request) => request.url === CHAT).flush({ code: 'CHAT_NOT_FOUND', message: 'No such chat.' }, NOT_FOUND);
    await fixture.whenStable();

    expect(text(page.querySelector('h1') as Element)).toBe('Stand-up');
    expect(TestBed.inject(Title).getTitle()).toBe('Stand-up · Confer');
    expect(page.querySelector('[role="alert"]')).toBeNull();
    const own = table(section('History'), 'Your join and leave times');
    expect(Array.from(own.querySelectorAll('th[scope="rowgroup"]')).map(text)).toEqual(['Gus (guest)']);
    expect(Array.from(own.querySelectorAll('thead th[scope="col"]')).map(text)).not.toContain('Device');
    expect(link('Join')).toBeUndefined();
    expect(Array.from(page.querySelectorAll('h2')).map(text)).not.toContain('Chat');
  });

  it("says the meeting doesn't exist when the server does not show it", async () => {
    await open(null);
    backend.expectOne(MEETING).flush(noSuchMeeting, NOT_FOUND);
    backend.expectOne(`${MEETING}/attendance`).flush(noSuchMeeting, NOT_FOUND);
    await fixture.whenStable();

    expect(text(page.querySelector('[role="alert"]') as Element)).toBe("This meeting doesn't exist or you aren't invited.");
  });

  it('does not ask the server about something that is not a meeting code', async () => {
    await open(null, 'not-a-code');
    expect(text(page.querySelector('[role="alert"]') as Element)).toBe("This meeting doesn't exist or you aren't invited.");
  });
});
