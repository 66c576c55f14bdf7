import { Client } from 'pg';
import type { JoinResult, LiveKitGrant, MeetingAttendanceView, MeetingListEntry } from '@confer/meetings/contracts';
import { PrivacyRpc, type PrivacyExportPart } from '@confer/shared/contracts';
import { RpcClient } from '@confer/shared/server/events';
import { startLiveStack, type Account, type ApiResponse, type CallOptions, type LiveStack } from '../join/testing/live-stack';

type Admitted = Extract<JoinResult, { status: 'admitted' }>;

/** The browsers people join from (real user agents), and the labels attendance shows for them. */
const CHROME_LINUX = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const EDGE_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.2849.80';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const ua = (userAgent: string) => ({ 'user-agent': userAgent });

/**
 * Meeting history against the real identity, meetings, Postgres and LiveKit: people join through the
 * API, and their connections are recorded from webhooks signed the way LiveKit signs them (with
 * chosen times, so durations are exact). Nobody connects media.
 */
describe('meetings: history and attendance', () => {
  let stack: LiveStack;
  let db: Client;
  let host: Account;
  let ann: Account;
  let eve: Account;
  let meeting: { id: string; code: string };
  let guest: Admitted;
  let annTicket: string;
  let ip = 1;
  const meetings = <T>(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> =>
    stack.call<T>(stack.meetings, method, path, { ip: `192.0.2.${ip++}`, ...options });
  const attendance = (token?: string) => meetings<MeetingAttendanceView>('GET', `/meetings/${meeting.code}/attendance`, { token });
  const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
  const HOURS_3 = 3 * 3600;

  /** A signed participant_joined or participant_left, at `at` (Unix seconds; LiveKit refuses nothing older than 5 minutes). */
  async function webhook(event: 'participant_joined' | 'participant_left', sid: string, identity: string, at: number): Promise<void> {
    const body = JSON.stringify({
      event,
      id: `EV_${event}_${sid}`,
      createdAt: String(at),
      room: { sid: 'RM_history', name: meeting.id },
      participant: { sid, identity, joinedAt: String(at), state: 'ACTIVE' },
    });
    const answer = await stack.call(stack.meetings, 'POST', '/livekit/webhook', {
      rawBody: body,
      headers: { 'content-type': 'application/webhook+json', authorization: await stack.signWebhook(body) },
    });
    expect(answer.status).toBe(200);
  }

  let base: number;
  let second: number;

  beforeAll(async () => {
    stack = await startLiveStack();
    db = new Client({ connectionString: stack.db.url });
    await db.connect();
    host = await stack.account('host.history@example.test', 'Hazel Host');
    ann = await stack.account('ann.history@example.test', 'Ann Attendee');
    eve = await stack.account('eve.history@example.test', 'Eve Outsider');
    const created = await meetings<{ id: string; code: string }>('POST', '/meetings', { token: host.token, body: { title: 'Weekly sync' } });
    meeting = created.body;
    // A weekly series that Ann joins by its code without being invited.
    await db.query(`UPDATE meetings.meetings SET rrule = 'FREQ=WEEKLY' WHERE id = $1`, [meeting.id]);
    const join = (who: Account, userAgent: string) => meetings<Admitted>('POST', `/meetings/${meeting.code}/join`, { token: who.token, body: {}, headers: ua(userAgent) });
    expect((await join(host, EDGE_MAC)).status).toBe(200);
    const annJoined = await join(ann, CHROME_LINUX);
    expect(annJoined.status).toBe(200);
    annTicket = annJoined.body.ticket;
    guest = (await meetings<Admitted>('POST', `/meetings/${meeting.code}/join`, { body: { displayName: 'Gus Guest' }, headers: ua(SAFARI_IPHONE) })).body;

    // First run: Hazel 0–200 s, Ann 30–90 s and 120–150 s, Gus 60–100 s; then moved three hours back.
    base = Math.floor(Date.now() / 1000) - 240;
    await webhook('participant_joined', 'PA_h1', host.id, base);
    await webhook('participant_joined', 'PA_a1', ann.id, base + 30);
    await webhook('participant_joined', 'PA_g1', guest.identity, base + 60);
    await webhook('participant_left', 'PA_a1', ann.id, base + 90);
    await webhook('participant_left', 'PA_g1', guest.identity, base + 100);
    // Ann comes back from another computer: its token renewal names the device of her next connection.
    const renewed = await meetings<LiveKitGrant>('POST', `/meetings/${meeting.code}/token`, { body: { ticket: annTicket }, headers: ua(FIREFOX_WINDOWS) });
    expect(renewed.status).toBe(200);
    await webhook('participant_joined', 'PA_a2', ann.id, base + 120);
    await webhook('participant_left', 'PA_a2', ann.id, base + 150);
    await webhook('participant_left', 'PA_h1', host.id, base + 200);
    await db.query(`UPDATE meetings.meeting_attendance SET joined_at = joined_at - interval '3 hours', left_at = left_at - interval '3 hours' WHERE meeting_id = $1`, [
      meeting.id,
    ]);
    // Second run, three hours later: Hazel alone for 20 s.
    second = base + 205;
    await webhook('participant_joined', 'PA_h2', host.id, second);
    await webhook('participant_left', 'PA_h2', host.id, second + 20);
  });
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  it('shows the host every run with everyone’s join and leave times, per person, with totals', async () => {
    const answer = await attendance(host.token);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ code: meeting.code, title: 'Weekly sync', view: 'host' });
    const [latest, first] = answer.body.runs;
    expect(answer.body.runs).toHaveLength(2);
    expect(latest).toMatchObject({ startedAt: iso(second), endedAt: iso(second + 20), durationSeconds: 20, attendeeCount: 1, attendees: ['Hazel Host'] });
    expect(latest.people[0].sessions).toEqual([expect.objectContaining({ device: 'Edge 130 on macOS' })]);
    const t = (offset: number) => iso(base - HOURS_3 + offset);
    expect(first).toEqual({
      startedAt: t(0),
      endedAt: t(200),
      durationSeconds: 200,
      attendeeCount: 3,
      attendees: ['Hazel Host', 'Ann Attendee', 'Gus Guest'],
      people: [
        {
          displayName: 'Hazel Host',
          kind: 'account',
          role: 'host',
          totalSeconds: 200,
          sessions: [{ joinedAt: t(0), leftAt: t(200), durationSeconds: 200, device: 'Edge 130 on macOS' }],
        },
        {
          displayName: 'Ann Attendee',
          kind: 'account',
          role: 'participant',
          totalSeconds: 90,
          sessions: [
            { joinedAt: t(30), leftAt: t(90), durationSeconds: 60, device: 'Chrome 131 on Linux' },
            { joinedAt: t(120), leftAt: t(150), durationSeconds: 30, device: 'Firefox 133 on Windows' },
          ],
        },
        {
          displayName: 'Gus Guest',
          kind: 'guest',
          role: 'participant',
          totalSeconds: 40,
          sessions: [{ joinedAt: t(60), leftAt: t(100), durationSeconds: 40, device: 'Safari 18 on iPhone' }],
        },
      ],
    });
  });

  it('shows someone who attended, though not invited, only the runs they were in, their own times and the names', async () => {
    const answer = await attendance(ann.token);
    expect(answer.status).toBe(200);
    expect(answer.body.view).toBe('attendee');
    expect(answer.body.runs).toHaveLength(1);
    const [run] = answer.body.runs;
    expect(run).toMatchObject({ durationSeconds: 200, attendeeCount: 3, attendees: ['Hazel Host', 'Ann Attendee', 'Gus Guest'] });
    expect(run.people).toEqual([expect.objectContaining({ displayName: 'Ann Attendee', totalSeconds: 90 })]);
    expect(JSON.stringify(answer.body)).not.toContain(iso(base - HOURS_3 + 60)); // Gus's join time
    expect(run.people[0].sessions.map((s) => s.device)).toEqual(['Chrome 131 on Linux', 'Firefox 133 on Windows']);
    expect(JSON.stringify(answer.body)).not.toMatch(/iPhone|macOS/); // the others' devices
  });

  it('keeps only the label, never the user agent, and gives a person their own devices in their data export', async () => {
    const devices = async (sql: string) => (await db.query<{ device: string }>(sql, [meeting.id])).rows.map((r) => r.device);
    expect(await devices(`SELECT device FROM meetings.meeting_attendance WHERE meeting_id = $1 ORDER BY joined_at`)).toEqual([
      'Edge 130 on macOS',
      'Chrome 131 on Linux',
      'Safari 18 on iPhone',
      'Firefox 133 on Windows',
      'Edge 130 on macOS',
    ]);
    // Each participant's latest: Ann's renewal replaced the device she joined from.
    expect(await devices(`SELECT device FROM meetings.meeting_participants WHERE meeting_id = $1 ORDER BY created_at`)).toEqual([
      'Edge 130 on macOS',
      'Firefox 133 on Windows',
      'Safari 18 on iPhone',
    ]);
    const rpc = new RpcClient(stack.redis.url, 10000);
    try {
      const part = await rpc.call<PrivacyExportPart>(PrivacyRpc.export('meetings'), { userId: ann.id, requestId: '00000000-0000-4000-8000-000000000001' });
      const data = part.data as { participations: { lastDevice: string }[]; attendance: { device: string }[] };
      expect(data.attendance.map((a) => a.device)).toEqual(['Chrome 131 on Linux', 'Firefox 133 on Windows']);
      expect(data.participations).toEqual([expect.objectContaining({ lastDevice: 'Firefox 133 on Windows' })]);
    } finally {
      await rpc.close();
    }
  });

  it('tells an outsider, and anyone asking about an unknown code, that there is no such meeting', async () => {
    for (const answer of [await attendance(eve.token), await meetings('GET', '/meetings/zzz-zzzz-zzz/attendance', { token: host.token })]) {
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ code: 'MEETING_NOT_FOUND' });
    }
  });

  it('gives a guest nothing: their ticket is not a sign-in', async () => {
    expect((await attendance(guest.ticket)).status).toBe(401);
    expect((await attendance()).status).toBe(401);
  });

  it('lists the series among the past meetings of those who attended, with its latest run', async () => {
    const past = async (who: Account) => (await meetings<MeetingListEntry[]>('GET', '/meetings?scope=past', { token: who.token })).body;
    const lastRun = { startedAt: iso(second), endedAt: iso(second + 20), durationSeconds: 20, attendeeCount: 1 };
    expect(await past(host)).toEqual([expect.objectContaining({ code: meeting.code, role: 'host', lastRun })]);
    expect(await past(ann)).toEqual([expect.objectContaining({ code: meeting.code, role: 'attendee', lastRun })]);
    expect(await past(eve)).toEqual([]);
  });
});
