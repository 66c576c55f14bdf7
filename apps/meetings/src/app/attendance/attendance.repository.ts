import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { quotedSchema } from '@confer/shared/server/database';

export interface AttendanceEntry {
  meetingId: string;
  identity: string;
  userId: string | null;
  displayName: string;
  /** LiveKit's participant sid: one per connection, so a redelivered join is recorded once. */
  sid: string;
  /** The participant's device label when LiveKit reported the connection (docs/decisions.md, "Attendance device"). */
  device: string | null;
  joinedAt: Date;
}

/** meeting_attendance: one row per connection to a meeting's room, from LiveKit's webhooks. */
@Injectable()
export class AttendanceRepository {
  private readonly s: string;

  constructor(dataSource: DataSource) {
    this.s = quotedSchema(dataSource);
  }

  /** True when this connection was not recorded yet. */
  async recordJoin(entry: AttendanceEntry, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO ${this.s}.meeting_attendance (id, meeting_id, identity, user_id, display_name, livekit_sid, device, joined_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (meeting_id, livekit_sid) DO NOTHING RETURNING id`,
      [randomUUID(), entry.meetingId, entry.identity, entry.userId, entry.displayName, entry.sid, entry.device, entry.joinedAt],
    );
    return rows.length === 1;
  }

  /** True when this connection was open and is now closed. */
  async recordLeave(meetingId: string, sid: string, at: Date, manager: EntityManager): Promise<boolean> {
    const [rows]: [unknown[], number] = await manager.query(
      `UPDATE ${this.s}.meeting_attendance SET left_at = $3 WHERE meeting_id = $1 AND livekit_sid = $2 AND left_at IS NULL RETURNING id`,
      [meetingId, sid, at],
    );
    return rows.length === 1;
  }

  async openConnections(meetingId: string, identity: string, manager: EntityManager): Promise<number> {
    const [{ n }]: Array<{ n: string }> = await manager.query(
      `SELECT COUNT(*) AS n FROM ${this.s}.meeting_attendance WHERE meeting_id = $1 AND identity = $2 AND left_at IS NULL`,
      [meetingId, identity],
    );
    return Number(n);
  }

  async closeAll(meetingId: string, at: Date, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE ${this.s}.meeting_attendance SET left_at = $2 WHERE meeting_id = $1 AND left_at IS NULL`, [meetingId, at]);
  }
}
