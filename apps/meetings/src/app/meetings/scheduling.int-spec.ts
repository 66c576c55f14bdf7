import { randomUUID } from 'node:crypto';
import ICAL from 'ical.js';
import type { SessionGrant } from '@confer/identity/contracts';
import type { CalendarFeedView, MeetingListEntry, ScheduledMeetingView } from '@confer/meetings/contracts';
import { PrivacyRpc, type PrivacyErasureReport, type PrivacyExportPart } from '@confer/shared/contracts';
import { mailAttachments, mailTo, startTestPlatform, waitUntil, type ServiceHandle, type TestPlatform } from '@confer/shared/server/devstack';
import { RpcClient } from '@confer/shared/server/events';

const PASSWORD = 'calendars all the way down';

interface Account {
  id: string;
  email: string;
  token: string;
}

interface Answer<T> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

interface Invitation {
  subject: string;
  method: string | null;
  events: ICAL.Component[];
  contentType: string;
}

/**
 * Scheduling against the real identity and meetings services, Postgres, Redis and Mailpit: invitations
 * with .ics attachments read back by ical.js, edits, occurrence and series cancellation, the personal
 * feed, and who may see or change a meeting.
 */
describe('meetings: scheduling, invitations and calendars', () => {
  let stack: TestPlatform;
  let identity: ServiceHandle;
  let meetings: ServiceHandle;
  let mailUrl: string;
  let ip = 10;
  let ada: Account;
  let bob: Account;
  let eve: Account;
  const outsider = 'carol.outside@example.test';

  async function call<T = unknown>(service: ServiceHandle, method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { 'x-forwarded-for': `198.18.0.${ip}` };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${service.baseUrl}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : undefined;
    return { status: response.status, body: json as T, headers: response.headers, text };
  }
  const api = <T = unknown>(method: string, path: string, options: { token?: string; body?: unknown } = {}) => call<T>(meetings, method, path, options);

  async function account(email: string, displayName: string): Promise<Account> {
    ip++;
    expect((await call(identity, 'POST', '/auth/register', { body: { email, password: PASSWORD, displayName } })).status).toBe(202);
    const [mail] = await mailTo(mailUrl, email);
    const token = /verify-email#token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    expect((await call(identity, 'POST', '/auth/verify-email', { body: { token } })).status).toBe(200);
    const signedIn = await call<SessionGrant>(identity, 'POST', '/auth/sign-in', { body: { email, password: PASSWORD } });
    expect(signedIn.status).toBe(200);
    return { id: signedIn.body.user.id, email, token: signedIn.body.accessToken };
  }

  /** The invitation mails to an address whose subject matches, oldest first, with their .ics parsed by ical.js. */
  async function invitations(address: string, count: number): Promise<Invitation[]> {
    let found: Invitation[] = [];
    await waitUntil(`${count} invitation mails to ${address}`, async () => {
      const mails = (await mailTo(mailUrl, address, { timeoutMs: 0 })).filter((m) => !/confirm your email/i.test(m.subject));
      if (mails.length < count) return false;
      found = [];
      for (const mail of mails.reverse()) {
        const [ics] = (await mailAttachments(mailUrl, mail.id)).filter((a) => a.contentType.startsWith('text/calendar'));
        // Mailpit's part list drops MIME parameters; the raw message keeps the attachment's full Content-Type.
        const raw = await (await fetch(`${mailUrl}/api/v1/message/${mail.id}/raw`)).text();
        const contentType = /^Content-Type: (text\/calendar[^\r\n]*)/im.exec(raw)?.[1] ?? ics.contentType;
        const calendar = new ICAL.Component(ICAL.parse(ics.text));
        found.push({
          subject: mail.subject,
          method: calendar.getFirstPropertyValue('method') as string | null,
          events: calendar.getAllSubcomponents('vevent'),
          contentType,
        });
      }
      return true;
    }, { timeoutMs: 20_000 });
    return found;
  }

  beforeAll(async () => {
    stack = await startTestPlatform({
      name: 'meetings-scheduling',
      services: ['identity', 'meetings'],
      companions: { livekit: false, s3: false, mail: true },
      logLevel: 'warn',
    });
    const byName = (name: string) => stack.platform.services.find((s) => s.name === name) as ServiceHandle;
    identity = byName('identity');
    meetings = byName('meetings');
    mailUrl = stack.platform.mail?.httpUrl as string;
    ada = await account('ada.host@example.test', 'Ada Host');
    bob = await account('bob.invitee@example.test', 'Bob Invitee');
    eve = await account('eve.stranger@example.test', 'Eve Stranger');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  // Next Monday (UTC) at 09:00 Europe/Paris, far enough ahead that every occurrence is upcoming.
  const firstMonday = (() => {
    const day = new Date();
    day.setUTCDate(day.getUTCDate() + 7 + ((8 - day.getUTCDay()) % 7));
    return day.toISOString().slice(0, 10);
  })();
  let code: string;
  let meeting: ScheduledMeetingView;

  it('refuses unknown fields and bad recurrences', async () => {
    const base = { title: 'Weekly sync', startsAt: `${firstMonday}T08:00:00.000Z`, durationMinutes: 30, timeZone: 'Europe/Paris' };
    const unknown = await api<{ code: string }>('POST', '/meetings', { token: ada.token, body: { ...base, color: 'red' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('VALIDATION_FAILED');
    const nested = await api<{ code: string }>('POST', '/meetings', { token: ada.token, body: { ...base, recurrence: { frequency: 'weekly', byHour: 9 } } });
    expect(nested.status).toBe(400);
    const badRule = await api<{ code: string; details: { field: string; code: string }[] }>('POST', '/meetings', {
      token: ada.token,
      body: { ...base, recurrence: { frequency: 'weekly', weekdays: ['TU'], interval: 0 } },
    });
    expect(badRule.status).toBe(400);
    expect(badRule.body.code).toBe('RECURRENCE_INVALID');
    expect(badRule.body.details.map((d) => d.field).sort()).toEqual(['interval', 'weekdays']);
    const badRrule = await api<{ code: string }>('POST', '/meetings', { token: ada.token, body: { ...base, rrule: 'FREQ=YEARLY;BYSETPOS=1' } });
    expect(badRrule.status).toBe(400);
    expect(badRrule.body.code).toBe('RECURRENCE_INVALID');
  });

  it('schedules a weekly meeting and mails each invitee a REQUEST with SEQUENCE 0 and the RRULE', async () => {
    const created = await api<ScheduledMeetingView>('POST', '/meetings', {
      token: ada.token,
      body: {
        title: 'Weekly sync',
        description: 'Plans for the week',
        startsAt: `${firstMonday}T08:00:00.000Z`,
        durationMinutes: 30,
        timeZone: 'Europe/Paris',
        recurrence: { frequency: 'weekly', weekdays: ['MO'], count: 10 },
        settings: { waitingRoom: true },
        passcode: 'sync2026',
        invitees: [{ userId: bob.id }, { email: outsider }],
      },
    });
    expect(created.status).toBe(201);
    meeting = created.body;
    code = meeting.code;
    expect(meeting).toMatchObject({ role: 'host', sequence: 0, hasPasscode: true, recurrence: { frequency: 'weekly', weekdays: ['MO'], count: 10 } });
    expect(meeting.settings.waitingRoom).toBe(true);
    expect(meeting.invitees.map((i) => i.email).sort()).toEqual([bob.email, outsider]);

    for (const address of [bob.email, outsider]) {
      const [mail] = await invitations(address, 1);
      expect(mail.subject).toBe('Invitation: Weekly sync');
      expect(mail.contentType).toMatch(/^text\/calendar; method=REQUEST; charset=UTF-8/i);
      expect(mail.method).toBe('REQUEST');
      const [event] = mail.events;
      expect(event.getFirstPropertyValue('uid')).toBe(`${meeting.id}@confer`);
      expect(event.getFirstPropertyValue('sequence')).toBe(0);
      expect(String(event.getFirstPropertyValue('rrule'))).toContain('FREQ=WEEKLY');
      expect(String(event.getFirstPropertyValue('organizer')).toLowerCase()).toBe(`mailto:${ada.email}`);
      // Each invitee sees only themself as an attendee.
      expect(event.getAllProperties('attendee').map((a) => String(a.getFirstValue()).toLowerCase())).toEqual([`mailto:${address}`]);
    }
  });

  it('shows the meeting to the host and the invitees, with the series expanded', async () => {
    const seen = await api<ScheduledMeetingView>('GET', `/meetings/${code}`, { token: bob.token });
    expect(seen.status).toBe(200);
    expect(seen.body.role).toBe('invitee');
    expect(seen.body.invitees.every((i) => i.email === null)).toBe(true);
    const upcoming = await api<MeetingListEntry[]>('GET', '/meetings?scope=upcoming&days=60', { token: bob.token });
    expect(upcoming.status).toBe(200);
    const mine = upcoming.body.filter((e) => e.code === code);
    expect(mine.length).toBeGreaterThanOrEqual(7);
    expect(mine[0]).toMatchObject({ role: 'invitee', occurrenceId: `${firstMonday}T08:00:00.000Z` });
    expect((await api<MeetingListEntry[]>('GET', '/meetings', { token: eve.token })).body.some((e) => e.code === code)).toBe(false);
  });

  it('keeps a meeting hidden from everyone else and unchangeable by its invitees', async () => {
    const occurrence = `/meetings/${code}/occurrences/${firstMonday}T08:00:00.000Z`;
    const routes: [string, string, unknown?][] = [
      ['GET', `/meetings/${code}`],
      ['PATCH', `/meetings/${code}`, { title: 'Mine now' }],
      ['DELETE', `/meetings/${code}`],
      ['PATCH', occurrence, { title: 'Mine now' }],
      ['DELETE', occurrence],
      ['GET', `/meetings/${code}/calendar.ics`],
    ];
    for (const [method, path, body] of routes) {
      const stranger = await api<{ code: string }>(method, path, { token: eve.token, body });
      expect([method, path, stranger.status, stranger.body?.code]).toEqual([method, path, 404, 'MEETING_NOT_FOUND']);
      expect([method, path, (await api(method, path, { body })).status]).toEqual([method, path, 401]);
    }
    for (const [method, path, body] of routes.filter(([method]) => method !== 'GET')) {
      expect([method, path, (await api(method, path, { token: bob.token, body })).status]).toEqual([method, path, 403]);
    }
    const ics = await api('GET', `/meetings/${code}/calendar.ics`, { token: bob.token });
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(ics.text).toContain(`UID:${meeting.id}@confer`);
  });

  it('raises SEQUENCE on an edit and mails the update', async () => {
    const edited = await api<ScheduledMeetingView>('PATCH', `/meetings/${code}`, { token: ada.token, body: { title: 'Weekly planning', durationMinutes: 45 } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Weekly planning', sequence: 1, durationMinutes: 45 });
    const [, update] = await invitations(bob.email, 2);
    expect(update.subject).toBe('Updated invitation: Weekly planning');
    expect(update.method).toBe('REQUEST');
    expect(update.events[0].getFirstPropertyValue('sequence')).toBe(1);
    expect(update.events[0].getFirstPropertyValue('summary')).toBe('Weekly planning');
    expect((await api('PATCH', `/meetings/${code}`, { token: ada.token, body: { sequence: 7 } })).status).toBe(400);
  });

  it('cancels one occurrence with a CANCEL that carries its RECURRENCE-ID', async () => {
    const second = new Date(Date.parse(`${firstMonday}T08:00:00.000Z`) + 7 * 86_400_000).toISOString();
    const notAnOccurrence = await api<{ code: string }>('DELETE', `/meetings/${code}/occurrences/${firstMonday}T09:00:00.000Z`, { token: ada.token });
    expect(notAnOccurrence.status).toBe(404);
    expect(notAnOccurrence.body.code).toBe('OCCURRENCE_NOT_FOUND');
    const cancelled = await api<ScheduledMeetingView>('DELETE', `/meetings/${code}/occurrences/${second}`, { token: ada.token });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.overrides).toEqual([expect.objectContaining({ occurrenceId: second, cancelled: true })]);
    const [, , cancel] = await invitations(outsider, 3);
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.contentType).toMatch(/method=CANCEL/i);
    expect(cancel.events).toHaveLength(1);
    const recurrenceId = (cancel.events[0].getFirstPropertyValue('recurrence-id') as ICAL.Time).toJSDate().toISOString();
    expect(recurrenceId).toBe(second);
    expect(cancel.events[0].getFirstPropertyValue('status')).toBe('CANCELLED');
    const upcoming = await api<MeetingListEntry[]>('GET', '/meetings?days=60', { token: ada.token });
    expect(upcoming.body.some((e) => e.code === code && e.occurrenceId === second)).toBe(false);
  });

  it('moves one occurrence: the REQUEST carries it as its own VEVENT with RECURRENCE-ID', async () => {
    const third = new Date(Date.parse(`${firstMonday}T08:00:00.000Z`) + 14 * 86_400_000).toISOString();
    const movedTo = new Date(Date.parse(third) + 86_400_000 + 3_600_000).toISOString();
    const moved = await api<ScheduledMeetingView>('PATCH', `/meetings/${code}/occurrences/${third}`, {
      token: ada.token,
      body: { startsAt: movedTo, title: 'Planning (Tuesday)' },
    });
    expect(moved.status).toBe(200);
    const [, , , request] = await invitations(bob.email, 4);
    expect(request.method).toBe('REQUEST');
    const movedEvent = request.events.find((e) => e.getFirstPropertyValue('recurrence-id') !== null) as ICAL.Component;
    expect((movedEvent.getFirstPropertyValue('recurrence-id') as ICAL.Time).toJSDate().toISOString()).toBe(third);
    expect((movedEvent.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString()).toBe(movedTo);
    expect(movedEvent.getFirstPropertyValue('summary')).toBe('Planning (Tuesday)');
    const upcoming = await api<MeetingListEntry[]>('GET', '/meetings?days=60', { token: bob.token });
    expect(upcoming.body.find((e) => e.occurrenceId === third)).toMatchObject({ startsAt: movedTo, title: 'Planning (Tuesday)' });
  });

  it('serves a personal feed without a bearer token until it is revoked', async () => {
    const feed = await api<CalendarFeedView>('POST', '/calendar/feed', { token: bob.token });
    expect(feed.status).toBe(201);
    const path = new URL(feed.body.url).pathname.replace(/^\/api\/meetings/, '');
    const served = await api(path.startsWith('/') ? 'GET' : 'GET', path);
    expect(served.status).toBe(200);
    expect(served.headers.get('cache-control')).toBe('private, max-age=300');
    expect(served.text).toContain(`UID:${meeting.id}@confer`);
    expect(served.text).not.toContain(ada.email);
    expect((await api('GET', path.replace(/[A-Za-z0-9_-]{43}\.ics$/, `${'x'.repeat(43)}.ics`))).status).toBe(404);
    const rotated = await api<CalendarFeedView>('POST', '/calendar/feed', { token: bob.token });
    expect((await api('GET', path)).status).toBe(404);
    const newPath = new URL(rotated.body.url).pathname.replace(/^\/api\/meetings/, '');
    expect((await api('GET', newPath)).status).toBe(200);
    expect((await api('DELETE', '/calendar/feed', { token: bob.token })).status).toBe(204);
    expect((await api('GET', newPath)).status).toBe(404);
  });

  it('cancels the series with a CANCEL to every invitee', async () => {
    const cancelled = await api<ScheduledMeetingView>('DELETE', `/meetings/${code}`, { token: ada.token });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', sequence: 2 });
    for (const address of [bob.email, outsider]) {
      const all = await invitations(address, 5);
      const last = all[all.length - 1];
      expect(last.subject).toBe('Cancelled: Weekly planning');
      expect(last.method).toBe('CANCEL');
      expect(last.events[0].getFirstPropertyValue('status')).toBe('CANCELLED');
      expect(last.events[0].getFirstPropertyValue('sequence')).toBe(2);
      expect(last.events[0].getFirstPropertyValue('recurrence-id')).toBeNull();
    }
    expect((await api<{ code: string }>('PATCH', `/meetings/${code}`, { token: ada.token, body: { title: 'Again' } })).status).toBe(409);
  });

  it('exports invitations and, on erasure, removes them and tells the invitees of cancelled meetings', async () => {
    const created = await api<ScheduledMeetingView>('POST', '/meetings', {
      token: ada.token,
      body: { title: 'Retro', startsAt: `${firstMonday}T14:00:00.000Z`, durationMinutes: 60, timeZone: 'UTC', invitees: [{ userId: bob.id }] },
    });
    expect(created.status).toBe(201);
    await invitations(bob.email, 6);
    expect((await api('POST', '/calendar/feed', { token: bob.token })).status).toBe(201);
    const rpc = new RpcClient(stack.redis.url, 5000);
    try {
      const subject = (userId: string) => ({ userId, requestId: randomUUID() });
      const exported = await rpc.call<PrivacyExportPart>(PrivacyRpc.export('meetings'), subject(bob.id));
      const data = exported.data as { invitations: { code: string }[]; calendarFeed: { createdAt: string } | null };
      expect(data.invitations.map((i) => i.code).sort()).toEqual([code, created.body.code].sort());
      expect(data.calendarFeed).not.toBeNull();

      const erased = await rpc.call<PrivacyErasureReport>(PrivacyRpc.erase('meetings'), subject(ada.id));
      expect(erased.counts).toMatchObject({ cancelledOrEndedMeetings: 1, cancellationMails: 1 });
      const all = await invitations(bob.email, 7);
      expect(all[all.length - 1]).toMatchObject({ subject: 'Cancelled: Retro', method: 'CANCEL' });
      // Idempotent: nothing is cancelled or mailed twice.
      expect((await rpc.call<PrivacyErasureReport>(PrivacyRpc.erase('meetings'), subject(ada.id))).counts).toMatchObject({ cancellationMails: 0 });

      expect((await rpc.call<PrivacyErasureReport>(PrivacyRpc.erase('meetings'), subject(bob.id))).counts).toMatchObject({ invitations: 2, calendarFeeds: 1 });
      const after = (await rpc.call<PrivacyExportPart>(PrivacyRpc.export('meetings'), subject(bob.id))).data;
      expect(after).toMatchObject({ invitations: [], calendarFeed: null });
    } finally {
      await rpc.close();
    }
  });
});
