import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { quotedSchema } from '@confer/shared/server/database';

export interface Invitee {
  userId: string | null;
  /** Lower case. */
  email: string;
  displayName: string;
}

export interface StoredInvitee extends Invitee {
  meetingId: string;
  createdAt: string;
}

interface Row {
  meeting_id: string;
  user_id: string | null;
  email: string;
  display_name: string;
  created_at: Date;
}

/** Who is invited to which meeting (meeting_invitees): one row per meeting and address. */
@Injectable()
export class InviteeRepository {
  private readonly s: string;

  constructor(private readonly dataSource: DataSource) {
    this.s = quotedSchema(dataSource);
  }

  async forMeeting(meetingId: string, manager: EntityManager = this.dataSource.manager): Promise<StoredInvitee[]> {
    const rows: Row[] = await manager.query(
      `SELECT meeting_id, user_id, email, display_name, created_at FROM ${this.s}.meeting_invitees WHERE meeting_id = $1 ORDER BY created_at, email`,
      [meetingId],
    );
    return rows.map(toInvitee);
  }

  async isInvited(meetingId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM ${this.s}.meeting_invitees WHERE meeting_id = $1 AND user_id = $2 LIMIT 1`,
      [meetingId, userId],
    );
    return rows.length > 0;
  }

  /** Makes the list exactly `invitees` (by address), keeping the creation time of those who stay. */
  async replace(meetingId: string, invitees: readonly Invitee[], manager: EntityManager): Promise<void> {
    const emails = invitees.map((i) => i.email);
    await manager.query(`DELETE FROM ${this.s}.meeting_invitees WHERE meeting_id = $1 AND NOT (email = ANY($2::text[]))`, [meetingId, emails]);
    for (const invitee of invitees) {
      await manager.query(
        `INSERT INTO ${this.s}.meeting_invitees (meeting_id, user_id, email, display_name) VALUES ($1, $2, $3, $4)
         ON CONFLICT (meeting_id, email) DO UPDATE SET user_id = $2, display_name = $4`,
        [meetingId, invitee.userId, invitee.email, invitee.displayName],
      );
    }
  }

  /** The invitations of one user (by account), for "download my data". */
  async forUser(userId: string): Promise<StoredInvitee[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT meeting_id, user_id, email, display_name, created_at FROM ${this.s}.meeting_invitees WHERE user_id = $1 ORDER BY created_at`,
      [userId],
    );
    return rows.map(toInvitee);
  }

  async deleteForUser(userId: string, manager: EntityManager): Promise<number> {
    const [, count]: [unknown[], number] = await manager.query(`DELETE FROM ${this.s}.meeting_invitees WHERE user_id = $1`, [userId]);
    return count;
  }
}

function toInvitee(row: Row): StoredInvitee {
  return {
    meetingId: row.meeting_id,
    userId: row.user_id,
    email: row.email,
    displayName: row.display_name,
    createdAt: row.created_at.toISOString(),
  };
}
