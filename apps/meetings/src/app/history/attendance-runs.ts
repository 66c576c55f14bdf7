import type { AttendeeAttendance, MeetingRunAttendance } from '@confer/meetings/contracts';
import type { RunConnection } from './history.repository';

/** Whose times a view shows: everyone's (the host), or one account's (someone who attended). */
export type AttendanceViewer = { kind: 'host' } | { kind: 'attendee'; userId: string };

const seconds = (from: Date, to: Date): number => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

/**
 * Connections (numbered by run, in the order they joined) as runs, most recent first, each with the
 * names of everyone connected and the times of the people the viewer may see. An attendee gets only
 * the runs they were in. Open connections count up to `now`.
 */
export function attendanceRuns(connections: readonly RunConnection[], viewer: AttendanceViewer, now: Date): MeetingRunAttendance[] {
  const byRun = new Map<number, RunConnection[]>();
  for (const connection of connections) byRun.set(connection.run, [...(byRun.get(connection.run) ?? []), connection]);
  const runs: MeetingRunAttendance[] = [];
  for (const run of [...byRun.values()].reverse()) {
    const people = byPerson(run);
    if (viewer.kind === 'attendee' && !run.some((c) => c.userId === viewer.userId)) continue;
    const startedAt = run[0].joinedAt;
    const open = run.some((c) => c.leftAt === null);
    const endedAt = open ? null : new Date(Math.max(...run.map((c) => (c.leftAt as Date).getTime())));
    runs.push({
      startedAt: startedAt.toISOString(),
      endedAt: endedAt?.toISOString() ?? null,
      durationSeconds: seconds(startedAt, endedAt ?? now),
      attendeeCount: people.length,
      attendees: people.map((p) => p[p.length - 1].displayName),
      people: people.filter((p) => viewer.kind === 'host' || p[0].userId === viewer.userId).map((p) => attendee(p, now)),
    });
  }
  return runs;
}

/** The connections of one run per person (by identity), in the order people first joined. */
function byPerson(run: readonly RunConnection[]): RunConnection[][] {
  const people = new Map<string, RunConnection[]>();
  for (const connection of run) people.set(connection.identity, [...(people.get(connection.identity) ?? []), connection]);
  return [...people.values()];
}

function attendee(connections: readonly RunConnection[], now: Date): AttendeeAttendance {
  const last = connections[connections.length - 1];
  return {
    // The name they last used; a person renamed between connections appears once.
    displayName: last.displayName,
    kind: last.identity.startsWith('guest-') ? 'guest' : 'account',
    role: last.role ?? 'participant',
    totalSeconds: connectedSeconds(connections, now),
    sessions: connections.map((c) => ({
      joinedAt: c.joinedAt.toISOString(),
      leftAt: c.leftAt?.toISOString() ?? null,
      durationSeconds: seconds(c.joinedAt, c.leftAt ?? now),
      device: c.device,
    })),
  };
}

/** The length of the union of the connections (sorted by join): a second device does not count twice. */
function connectedSeconds(connections: readonly RunConnection[], now: Date): number {
  let total = 0;
  let reached = 0;
  for (const c of connections) {
    const from = Math.max(c.joinedAt.getTime(), reached);
    const to = (c.leftAt ?? now).getTime();
    if (to > from) total += to - from;
    reached = Math.max(reached, to);
  }
  return Math.round(total / 1000);
}
