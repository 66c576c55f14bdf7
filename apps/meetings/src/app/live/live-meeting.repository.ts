import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_MEETING_SETTINGS, type MeetingSettings, type MeetingStatus } from '@confer/meetings/contracts';
import { quotedSchema } from '@confer/shared/server/database';

/** What joining and the live controls need of a meeting (meetings.meetings, read and written here on its own). */
export interface LiveMeeting {
  id: string;
  code: string;
  hostId: string;
  hostName: string | null;
  title: string;
  status: MeetingStatus;
  settings: MeetingSettings;
  passcodeHash: string | null;
  locked: boolean;
}

interface Row {
  id: string;
  code: string;
  host_id: string;
  host_name: string | null;
  title: string;
  status: MeetingStatus;
  settings: Partial<MeetingSettings>;
  passcode_hash: string | null;
  locked: boolean;
}

const COLUMNS = 'id, code, host_id, host_name, title, status, settings, passcode_hash, locked';

@Injectable()
export class LiveMeetingRepository {
  private readonly s: string;

  constructor(private readonly dataSource: DataSource) {
    this.s = quotedSchema(dataSource);
  }

  async findByCode(code: string): Promise<LiveMeeting | undefined> {
    const [row]: Row[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM ${this.s}.meetings WHERE code = $1`, [code]);
    return row ? toLive(row) : undefined;
  }

  async findById(id: string, manager?: EntityManager): Promise<LiveMeeting | undefined> {
    const [row]: Row[] = await (manager ?? this.dataSource.manager).query(`SELECT ${COLUMNS} FROM ${this.s}.meetings WHERE id = $1`, [id]);
    return row ? toLive(row) : undefined;
  }

  async rememberHostName(id: string, name: string): Promise<void> {
    await this.dataSource.query(`UPDATE ${this.s}.meetings SET host_name = $2 WHERE id = $1 AND host_name IS DISTINCT FROM $2`, [id, name]);
  }

  async setLocked(id: string, locked: boolean): Promise<void> {
    await this.dataSource.query(`UPDATE ${this.s}.meetings SET locked = $2, updated_at = now() WHERE id = $1`, [id, locked]);
  }

  async transferHost(id: string, newHostId: string, newHostName: string, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE ${this.s}.meetings SET host_id = $2, host_name = $3, updated_at = now() WHERE id = $1`, [id, newHostId, newHostName]);
  }

  /** scheduled → live; the meeting when this call made it live (the first room_started of a session). */
  async markLive(id: string, at: Date, manager: EntityManager): Promise<LiveMeeting | undefined> {
    const [rows]: [Row[], number] = await manager.query(
      `UPDATE ${this.s}.meetings SET status = 'live', started_at = $2, ended_at = NULL, updated_at = now()
       WHERE id = $1 AND status = 'scheduled' RETURNING ${COLUMNS}`,
      [id, at],
    );
    return rows[0] ? toLive(rows[0]) : undefined;
  }

  /**
   * Ends the session: a one-off meeting becomes ended; a recurring one goes back to scheduled, so its
   * next occurrence can start. The meeting when this call ended it, undefined when it already was.
   */
  async markEnded(id: string, at: Date, manager: EntityManager): Promise<LiveMeeting | undefined> {
    const [rows]: [Row[], number] = await manager.query(
      `UPDATE ${this.s}.meetings SET status = CASE WHEN rrule IS NULL THEN 'ended' ELSE 'scheduled' END, ended_at = $2, updated_at = now()
       WHERE id = $1 AND (status = 'live' OR (status = 'scheduled' AND rrule IS NULL)) RETURNING ${COLUMNS}`,
      [id, at],
    );
    return rows[0] ? toLive(rows[0]) : undefined;
  }

  /** Live meetings with when their room was last seen occupied (the last leave, or the start). */
  async liveWithLastPresence(): Promise<Array<{ id: string; lastPresence: Date | null }>> {
    const rows: Array<{ id: string; last_presence: Date | null }> = await this.dataSource.query(
      `SELECT m.id, GREATEST(m.started_at, MAX(a.left_at)) AS last_presence
       FROM ${this.s}.meetings m LEFT JOIN ${this.s}.meeting_attendance a ON a.meeting_id = m.id
       WHERE m.status = 'live' GROUP BY m.id`,
    );
    return rows.map((r) => ({ id: r.id, lastPresence: r.last_presence }));
  }

  async statusesOf(ids: string[]): Promise<Map<string, MeetingStatus>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; status: MeetingStatus }> = await this.dataSource.query(
      `SELECT id, status FROM ${this.s}.meetings WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.status]));
  }
}

function toLive(row: Row): LiveMeeting {
  return {
    id: row.id,
    code: row.code,
    hostId: row.host_id,
    hostName: row.host_name,
    title: row.title,
    status: row.status,
    settings: { ...DEFAULT_MEETING_SETTINGS, ...row.settings },
    passcodeHash: row.passcode_hash,
    locked: row.locked,
  };
}
