/**
 * The people of bench:chat, made through the public API behind the edge, as the web app makes them:
 * a few hosts register, verify their address (Mailpit) and sign in; they create instant meetings
 * (no waiting room, guests allowed: the defaults); then every member joins as a guest, which admits
 * them and hands out the ticket their chat socket shows.
 *
 * Joins are rate-limited per IP (30 per 5 minutes) and per meeting (120 per 5 minutes). The services
 * trust X-Forwarded-For from loopback, as they do behind the edge and a load balancer, so each
 * member joins from an address of their own in 198.18.0.0/15 (RFC 2544, set aside for benchmarks),
 * as 2,000 people in their own homes and offices would: no limit is raised or bypassed.
 */
import { mailTo, type Platform } from '@confer/shared/server/devstack';

export interface SeededMember {
  ticket: string;
  identity: string;
  ip: string;
}

export interface SeededMeeting {
  code: string;
  members: SeededMember[];
}

const PASSWORD = 'bench passphrase that is long';

/** The n-th benchmark address: 198.18.0.1, 198.18.0.2, … (never a .0 or .255). */
export function benchAddress(n: number): string {
  const host = (n % 254) + 1;
  const net = Math.floor(n / 254);
  return `198.${18 + Math.floor(net / 256)}.${net % 256}.${host}`;
}

export async function seedMeetings(
  platform: Platform,
  options: { hosts: number; meetings: number; perMeeting: number; concurrency: number },
): Promise<SeededMeeting[]> {
  const post = async <T>(path: string, body: unknown, extra: { token?: string; ip: string }): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${platform.origin}/api${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': extra.ip,
        ...(extra.token ? { authorization: `Bearer ${extra.token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  };

  // Hosts use addresses after the members'.
  const hostIp = (h: number) => benchAddress(options.meetings * options.perMeeting + h);
  const tokens = await Promise.all(
    Array.from({ length: options.hosts }, async (_, h) => {
      const email = `bench-host-${h}@example.test`;
      const ip = hostIp(h);
      const registered = await post('/identity/auth/register', { email, password: PASSWORD, displayName: `Bench Host ${h}` }, { ip });
      if (registered.status !== 202) throw new Error(`registering ${email} answered ${registered.status}`);
      const [mail] = await mailTo(platform.mail?.httpUrl as string, email);
      const token = /verify-email#token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
      const verified = await post('/identity/auth/verify-email', { token }, { ip });
      if (verified.status !== 200) throw new Error(`verifying ${email} answered ${verified.status}`);
      const signedIn = await post<{ accessToken: string }>('/identity/auth/sign-in', { email, password: PASSWORD }, { ip });
      if (signedIn.status !== 200) throw new Error(`signing in ${email} answered ${signedIn.status}`);
      return signedIn.body.accessToken;
    }),
  );

  const meetings: SeededMeeting[] = [];
  for (let m = 0; m < options.meetings; m++) {
    const h = m % options.hosts;
    const created = await post<{ code: string }>('/meetings/meetings', { title: `Chat benchmark ${m + 1}` }, { token: tokens[h], ip: hostIp(h) });
    if (created.status !== 201) throw new Error(`creating meeting ${m + 1} answered ${created.status}`);
    meetings.push({ code: created.body.code, members: [] });
  }

  const joins = meetings.flatMap((meeting, m) => Array.from({ length: options.perMeeting }, (_, slot) => ({ meeting, n: m * options.perMeeting + slot })));
  let next = 0;
  const lane = async () => {
    while (next < joins.length) {
      const { meeting, n } = joins[next++];
      const ip = benchAddress(n);
      const joined = await post<{ status: string; ticket: string; identity: string }>(
        `/meetings/meetings/${meeting.code}/join`,
        { displayName: `Guest ${n + 1}` },
        { ip },
      );
      if (joined.status !== 200 || joined.body.status !== 'admitted') throw new Error(`join ${n + 1} answered ${joined.status} ${JSON.stringify(joined.body)}`);
      meeting.members.push({ ticket: joined.body.ticket, identity: joined.body.identity, ip });
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, lane));
  return meetings;
}
