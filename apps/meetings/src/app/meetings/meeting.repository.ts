import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_MEETING_SETTINGS, type MeetingListScope, type MeetingSettings, type MeetingView } from '@confer/meetings/contracts';
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
}

const COLUMNS =
  'id, code, host_id, title, description, kind, starts_at, duration_minutes, time_zone, status, created_at, settings, passcode_hash, locked';

@Injectable()
export class MeetingRepository {
  private readonly s: string;

  constructor(private readonly dataSource: DataSource) {
    this.s = quotedSchema(dataSource);
  }

  /** Inserts unless the code is taken (then returns false and the caller draws another). */
  async insert(meeting: Omit<MeetingView, 'status' | 'createdAt' | 'hasPasscode' | 'locked'> & { passcodeHash?: string | null }): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO ${this.s}.meetings (id, code, host_id, title, description, kind, starts_at, duration_minutes, time_zone, settings, passcode_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (code) DO NOTHING RETURNING id`,
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
      ],
    );
    return rows.length === 1;
  }

  async findByCode(code: string): Promise<MeetingView | undefined> {
    const [row] = await this.dataSource.query(`SELECT ${COLUMNS} FROM ${this.s}.meetings WHERE code = $1`, [code]);
    return row ? toView(row) : undefined;
  }

  /** A host's meetings: upcoming (not over yet, soonest first) or past (most recent first). Uses (host_id, starts_at). */
  async listForHost(hostId: string, scope: MeetingListScope, limit: number): Promise<MeetingView[]> {
    const rows: MeetingRow[] =
      scope === 'upcoming'
        ? await this.dataSource.query(
            `SELECT ${COLUMNS} FROM ${this.s}.meetings WHERE host_id = $1 AND status IN ('scheduled', 'live')
             AND starts_at + make_interval(mins => duration_minutes) > now() ORDER BY starts_at LIMIT $2`,
            [hostId, limit],
          )
        : await this.dataSource.query(
            `SELECT ${COLUMNS} FROM ${this.s}.meetings WHERE host_id = $1
             AND (status IN ('ended', 'cancelled') OR starts_at + make_interval(mins => duration_minutes) <= now())
             ORDER BY starts_at DESC LIMIT $2`,
            [hostId, limit],
          );
    return rows.map(toView);
  }
}

function toView(row: MeetingRow): MeetingView {
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
  };
}
