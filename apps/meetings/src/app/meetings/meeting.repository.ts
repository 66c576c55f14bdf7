import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_MEETING_SETTINGS, type MeetingListRole, type MeetingSettings, type MeetingView } from '@confer/meetings/contracts';
import { quotedSchema } from '@confer/shared/server/database';

interface MeetingRow {
  id: string;
  code: string;
  host_id: string;
  title: string;
  description: string;
  kind: MeetingView['kind'];
  starts_at: Date;
  duration_minutes: number;
  time_zone: string;
  status: MeetingView['status'];
  created_at: Date;
  settings: Partial<MeetingSettings>;
  passcode_hash: string | null;
  locked: boolean;
  rrule: string | null;
  sequence: number;
}

/** A meeting as stored: its view plus the series rule and the iCalendar SEQUENCE. */
export interface MeetingRecord extends MeetingView {
  rrule: string | null;
  sequence: number;
}

export type NewMeeting = Omit<MeetingView, 'status' | 'createdAt' | 'hasPasscode' | 'locked'> & {
  passcodeHash?: string | null;
  rrule?: string | null;
};

/** What an edit of the whole series may change; `sequence` is always raised by one. */
export interface MeetingChanges {
  title?: string;
  description?: string;
  startsAt?: string;
  durationMinutes?: number;
  timeZone?: string;
  rrule?: string | null;
  settings?: MeetingSettings;
  passcodeHash?: string | null;
}

const COLUMNS =
  'id, code, host_id, title, description, kind, starts_at, duration_minutes, time_zone, status, created_at, settings, passcode_hash, locked, rrule, sequence';
const COLUMN_OF: Record<keyof MeetingChanges, string> = {
  title: 'title',
  description: 'description',
  startsAt: 'starts_at',
  durationMinutes: 'duration_minutes',
  timeZone: 'time_zone',
  rrule: 'rrule',
  settings: 'settings',
  passcodeHash: 'passcode_hash',
};
/** Meetings the user hosts or is invited to (by user id). */
const VISIBLE_TO = (s: string) => `(m.host_id = $1 OR m.id IN (SELECT meeting_id FROM ${s}.meeting_invitees WHERE user_id = $1))`;

@Injectable()
export class MeetingRepository {
  private readonly s: string;

  constructor(private readonly dataSource: DataSource) {
    this.s = quotedSchema(dataSource);
  }

  /** Inserts unless the code is taken (then returns false and the caller draws another). */
  async insert(meeting: NewMeeting, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO ${this.s}.meetings (id, code, host_id, title, description, kind, starts_at, duration_minutes, time_zone, settings, passcode_hash, rrule)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (code) DO NOTHING RETURNING id`,
      [
        meeting.id,
        meeting.code,
        meeting.hostId,
        meeting.title,
        meeting.description,
        meeting.kind,
        meeting.startsAt,
        meeting.durationMinutes,
        meeting.timeZone,
        JSON.stringify(meeting.settings),
        meeting.passcodeHash ?? null,
        meeting.rrule ?? null,
      ],
    );
    return rows.length === 1;
  }

  async findByCode(code: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<MeetingRecord | undefined> {
    const [row] = await manager.query(`SELECT ${COLUMNS} FROM ${this.s}.meetings WHERE code = $1${lock ? ' FOR UPDATE' : ''}`, [code]);
    return row ? toRecord(row) : undefined;
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<MeetingRecord | undefined> {
    const [row] = await manager.query(`SELECT ${COLUMNS} FROM ${this.s}.meetings WHERE id = $1`, [id]);
    return row ? toRecord(row) : undefined;
  }

  /** Applies the changes and raises SEQUENCE; returns the meeting as it is now. */
  async update(id: string, changes: MeetingChanges, manager: EntityManager): Promise<MeetingRecord> {
    const entries = Object.entries(changes).filter(([, v]) => v !== undefined) as [keyof MeetingChanges, unknown][];
    const sets = entries.map(([key], i) => `${COLUMN_OF[key]} = $${i + 2}`);
    const values = entries.map(([key, v]) => (key === 'settings' ? JSON.stringify(v) : v));
    const [[row]]: [MeetingRow[], number] = await manager.query(
      `UPDATE ${this.s}.meetings SET ${[...sets, 'sequence = sequence + 1', 'updated_at = now()'].join(', ')} WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, ...values],
    );
    return toRecord(row);
  }

  /** Cancels a scheduled meeting (a live one is ended by its hosts) and raises SEQUENCE. */
  async cancel(id: string, manager: EntityManager): Promise<MeetingRecord | undefined> {
    const [[row]]: [MeetingRow[], number] = await manager.query(
      `UPDATE ${this.s}.meetings SET status = 'cancelled', sequence = sequence + 1, updated_at = now()
       WHERE id = $1 AND status = 'scheduled' RETURNING ${COLUMNS}`,
      [id],
    );
    return row ? toRecord(row) : undefined;
  }

  /**
   * Meetings a user hosts or is invited to that are not over: scheduled or live, and either
   * repeating (expanded by the caller) or ending after `after`. Soonest first.
   */
  async listUpcoming(userId: string, after: Date, limit: number): Promise<MeetingRecord[]> {
    const rows: MeetingRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${this.s}.meetings m WHERE ${VISIBLE_TO(this.s)} AND status IN ('scheduled', 'live')
       AND (rrule IS NOT NULL OR starts_at + make_interval(mins => duration_minutes) > $2) ORDER BY starts_at LIMIT $3`,
      [userId, after, limit],
    );
    return rows.map(toRecord);
  }

  /**
   * Meetings that are over (ended, cancelled, or a one-off whose time has passed) and series that have
   * been held, which the user hosts, is invited to or attended. Most recently held (else scheduled) first.
   */
  async listPast(userId: string, limit: number): Promise<Array<{ record: MeetingRecord; role: MeetingListRole }>> {
    const attended = `SELECT meeting_id FROM ${this.s}.meeting_attendance WHERE user_id = $1`;
    const rows: Array<MeetingRow & { list_role: MeetingListRole }> = await this.dataSource.query(
      `SELECT ${COLUMNS}, CASE WHEN m.host_id = $1 THEN 'host' WHEN m.id IN (SELECT meeting_id FROM ${this.s}.meeting_invitees WHERE user_id = $1)
         THEN 'invitee' ELSE 'attendee' END AS list_role
       FROM ${this.s}.meetings m WHERE (${VISIBLE_TO(this.s)} OR m.id IN (${attended}))
       AND (status IN ('ended', 'cancelled') OR (rrule IS NULL AND starts_at + make_interval(mins => duration_minutes) <= now())
         OR (rrule IS NOT NULL AND EXISTS (SELECT 1 FROM ${this.s}.meeting_attendance a WHERE a.meeting_id = m.id)))
       ORDER BY COALESCE((SELECT MAX(a.joined_at) FROM ${this.s}.meeting_attendance a WHERE a.meeting_id = m.id), starts_at) DESC LIMIT $2`,
      [userId, limit],
    );
    return rows.map((row) => ({ record: toRecord(row), role: row.list_role }));
  }

  /** Everything a personal feed shows: hosted and invited meetings, series included, touching [from, ∞). */
  async listForFeed(userId: string, from: Date, limit: number): Promise<MeetingRecord[]> {
    const rows: MeetingRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${this.s}.meetings m WHERE ${VISIBLE_TO(this.s)}
       AND (rrule IS NOT NULL OR starts_at + make_interval(mins => duration_minutes) > $2) ORDER BY starts_at LIMIT $3`,
      [userId, from, limit],
    );
    return rows.map(toRecord);
  }
}

function toRecord(row: MeetingRow): MeetingRecord {
  return {
    id: row.id,
    code: row.code,
    hostId: row.host_id,
    title: row.title,
    description: row.description,
    kind: row.kind,
    startsAt: row.starts_at.toISOString(),
    durationMinutes: row.duration_minutes,
    timeZone: row.time_zone,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    settings: { ...DEFAULT_MEETING_SETTINGS, ...row.settings },
    hasPasscode: row.passcode_hash !== null,
    locked: row.locked,
    rrule: row.rrule,
    sequence: row.sequence,
  };
}

/** The public view of a record (no rule or sequence). */
export function toView(record: MeetingRecord): MeetingView {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { rrule, sequence, ...view } = record;
  return view;
}
