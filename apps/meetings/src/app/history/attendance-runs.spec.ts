import { attendanceRuns } from './attendance-runs';
import type { RunConnection } from './history.repository';

const at = (hhmmss: string) => new Date(`2030-05-06T${hhmmss}.000Z`);

function connection(run: number, who: string, joined: string, left: string | null, extra: Partial<RunConnection> = {}): RunConnection {
  const guest = who.startsWith('guest');
  return {
    run,
    identity: guest ? `guest-${who}` : who,
    userId: guest ? null : who,
    displayName: who[0].toUpperCase() + who.slice(1),
    role: who === 'hazel' ? 'host' : 'participant',
    device: null,
    joinedAt: at(joined),
    leftAt: left ? at(left) : null,
    ...extra,
  };
}

// Two runs of a weekly meeting: Ann came to the first only, twice, once from two devices at once.
const connections: RunConnection[] = [
  connection(1, 'hazel', '09:00:00', '09:30:00'),
  connection(1, 'ann', '09:01:00', '09:10:00', { device: 'Firefox 133 on Linux' }),
  connection(1, 'guest1', '09:02:00', '09:05:30'),
  connection(1, 'ann', '09:08:00', '09:20:00', { displayName: 'Ann B.', device: 'Safari 18 on iPhone' }),
  connection(2, 'hazel', '10:00:00', null),
  connection(2, 'bob', '10:01:00', '10:02:00'),
];
const now = at('10:05:00');

describe('attendanceRuns', () => {
  it('gives the host every run, most recent first, with everyone grouped per person', () => {
    const [second, first] = attendanceRuns(connections, { kind: 'host' }, now);
    expect(second).toMatchObject({ startedAt: '2030-05-06T10:00:00.000Z', endedAt: null, durationSeconds: 300, attendeeCount: 2, attendees: ['Hazel', 'Bob'] });
    expect(first).toMatchObject({ endedAt: '2030-05-06T09:30:00.000Z', durationSeconds: 1800, attendeeCount: 3, attendees: ['Hazel', 'Ann B.', 'Guest1'] });
    expect(first.people).toEqual([
      expect.objectContaining({ displayName: 'Hazel', kind: 'account', role: 'host', totalSeconds: 1800 }),
      {
        displayName: 'Ann B.',
        kind: 'account',
        role: 'participant',
        // 09:01–09:20 once: the overlapping two minutes are not counted twice.
        totalSeconds: 1140,
        sessions: [
          { joinedAt: '2030-05-06T09:01:00.000Z', leftAt: '2030-05-06T09:10:00.000Z', durationSeconds: 540, device: 'Firefox 133 on Linux' },
          { joinedAt: '2030-05-06T09:08:00.000Z', leftAt: '2030-05-06T09:20:00.000Z', durationSeconds: 720, device: 'Safari 18 on iPhone' },
        ],
      },
      expect.objectContaining({ displayName: 'Guest1', kind: 'guest', totalSeconds: 210 }),
    ]);
    expect(second.people[0]).toMatchObject({ totalSeconds: 300, sessions: [{ leftAt: null, durationSeconds: 300 }] });
  });

  it('gives an attendee only the runs they were in, their own times and the names of the others', () => {
    const runs = attendanceRuns(connections, { kind: 'attendee', userId: 'ann' }, now);
    expect(runs).toHaveLength(1);
    expect(runs[0].attendees).toEqual(['Hazel', 'Ann B.', 'Guest1']);
    expect(runs[0].people.map((p) => p.displayName)).toEqual(['Ann B.']);
  });

  it('reads a person whose participant row was erased as a participant', () => {
    const [run] = attendanceRuns([connection(1, 'deleted-1', '09:00:00', '09:01:00', { role: null, userId: null })], { kind: 'host' }, now);
    expect(run.people[0]).toMatchObject({ role: 'participant', kind: 'account', totalSeconds: 60 });
  });
});
