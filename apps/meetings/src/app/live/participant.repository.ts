import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { MeetingRole, ParticipantStatus } from '@confer/meetings/contracts';
import { quotedSchema } from '@confer/shared/server/database';

export interface Participant {
  id: string;
  meetingId: string;
  identity: string;
  userId: string | null;
  displayName: string;
  role: MeetingRole;
  status: ParticipantStatus;
  handRaised: boolean;
  createdAt: Date;
}

interface Row {
  id: string;
  meeting_id: string;
  identity: string;
  user_id: string | null;
  display_name: string;
  role: MeetingRole;
  status: ParticipantStatus;
  hand_raised: boolean;
  created_at: Date;
}

const COLUMNS = 'id, meeting_id, identity, user_id, display_name, role, status, hand_raised, created_at';

export interface UpsertParticipant {
  meetingId: string;
  identity: string;
  userId: string | null;
  displayName: string;
  role: MeetingRole;
  status: 'waiting' | 'admitted';
  ticketHash: string;
}

/** meeting_participants: one row per identity and meeting, whatever became of them. */
@Injectable()
export class ParticipantRepository {
  private readonly s: string;

  constructor(private readonly dataSource: DataSource) {
    this.s = quotedSchema(dataSource);
  }

  private q(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  async find(meetingId: string, identity: string, manager?: EntityManager): Promise<Participant | undefined> {
    const [row]: Row[] = await this.q(manager).query(
      `SELECT ${COLUMNS} FROM ${this.s}.meeting_participants WHERE meeting_id = $1 AND identity = $2`,
      [meetingId, identity],
    );
    return row ? toParticipant(row) : undefined;
  }

  async findByTicket(meetingId: string, ticketHash: string): Promise<Participant | undefined> {
    const [row]: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${this.s}.meeting_participants WHERE meeting_id = $1 AND ticket_hash = $2`,
      [meetingId, ticketHash],
    );
    return row ? toParticipant(row) : undefined;
  }

  /**
   * Joins (again): a new ticket, the current name and role. Someone already admitted stays admitted
   * (a reconnect); a removed person is never let back (undefined).
   */
  async upsert(p: UpsertParticipant): Promise<Participant | undefined> {
    const [row]: Row[] = await this.dataSource.query(
      `INSERT INTO ${this.s}.meeting_participants (id, meeting_id, identity, user_id, display_name, role, status, ticket_hash, admitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $7 = 'admitted' THEN now() END)
       ON CONFLICT (meeting_id, identity) DO UPDATE SET
         display_name = EXCLUDED.display_name, role = EXCLUDED.role, ticket_hash = EXCLUDED.ticket_hash,
         status = CASE WHEN meeting_participants.status = 'admitted' THEN 'admitted' ELSE EXCLUDED.status END,
         admitted_at = CASE WHEN EXCLUDED.status = 'admitted' THEN now() ELSE meeting_participants.admitted_at END,
         left_at = NULL, updated_at = now()
       WHERE meeting_participants.status <> 'removed'
       RETURNING ${COLUMNS}`,
      [randomUUID(), p.meetingId, p.identity, p.userId, p.displayName, p.role, p.status, p.ticketHash],
    );
    return row ? toParticipant(row) : undefined;
  }

  async countAdmitted(meetingId: string, exceptIdentity: string): Promise<number> {
    const [{ n }]: Array<{ n: string }> = await this.dataSource.query(
      `SELECT COUNT(*) AS n FROM ${this.s}.meeting_participants WHERE meeting_id = $1 AND status = 'admitted' AND identity <> $2`,
      [meetingId, exceptIdentity],
    );
    return Number(n);
  }

  async countWaiting(meetingId: string): Promise<number> {
    const [{ n }]: Array<{ n: string }> = await this.dataSource.query(
      `SELECT COUNT(*) AS n FROM ${this.s}.meeting_participants WHERE meeting_id = $1 AND status = 'waiting'`,
      [meetingId],
    );
    return Number(n);
  }

  async list(meetingId: string, statuses: readonly ParticipantStatus[]): Promise<Participant[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${this.s}.meeting_participants WHERE meeting_id = $1 AND status = ANY($2::text[]) ORDER BY created_at`,
      [meetingId, statuses],
    );
    return rows.map(toParticipant);
  }

  /** Moves a participant from one of `from` to `to`; false when it was in none of them. */
  async transition(meetingId: string, identity: string, from: readonly ParticipantStatus[], to: ParticipantStatus, manager?: EntityManager): Promise<boolean> {
    const [rows]: [unknown[], number] = await this.q(manager).query(
      `UPDATE ${this.s}.meeting_participants SET status = $4, updated_at = now(),
         admitted_at = CASE WHEN $4 = 'admitted' THEN COALESCE(admitted_at, now()) ELSE admitted_at END,
         removed_at = CASE WHEN $4 = 'removed' THEN now() ELSE removed_at END,
         left_at = CASE WHEN $4 = 'left' THEN now() ELSE left_at END,
         hand_raised = CASE WHEN $4 = 'admitted' THEN hand_raised ELSE false END
       WHERE meeting_id = $1 AND identity = $2 AND status = ANY($3::text[]) RETURNING id`,
      [meetingId, identity, from, to],
    );
    return rows.length > 0;
  }

  async setRole(meetingId: string, identity: string, role: MeetingRole, manager?: EntityManager): Promise<void> {
    await this.q(manager).query(
      `UPDATE ${this.s}.meeting_participants SET role = $3, updated_at = now() WHERE meeting_id = $1 AND identity = $2`,
      [meetingId, identity, role],
    );
  }

  async setHand(meetingId: string, identity: string, raised: boolean, manager: EntityManager): Promise<boolean> {
    const [rows]: [unknown[], number] = await manager.query(
      `UPDATE ${this.s}.meeting_participants SET hand_raised = $3, updated_at = now()
       WHERE meeting_id = $1 AND identity = $2 AND hand_raised <> $3 RETURNING id`,
      [meetingId, identity, raised],
    );
    return rows.length > 0;
  }

  /** Everyone still admitted has left (the meeting ended). */
  async allLeft(meetingId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE ${this.s}.meeting_participants SET status = 'left', left_at = now(), hand_raised = false, updated_at = now()
       WHERE meeting_id = $1 AND status IN ('admitted', 'waiting')`,
      [meetingId],
    );
  }
}

function toParticipant(row: Row): Participant {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    identity: row.identity,
    userId: row.user_id,
    displayName: row.display_name,
    role: row.role,
    status: row.status,
    handRaised: row.hand_raised,
    createdAt: row.created_at,
  };
}
