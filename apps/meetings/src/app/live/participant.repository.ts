import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { BLOCKABLE_TRACKS, type BlockableTrack, type MeetingRole, type ParticipantStatus } from '@confer/meetings/contracts';
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
  /** What they may not turn on until a host allows it (participants only; docs/decisions.md, "Participants may unmute"). */
  blockedTracks: BlockableTrack[];
  /** A short label of the browser and system they last joined or renewed from (attendance/device-label.ts); null before it was recorded. */
  device: string | null;
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
  blocked_sources: string[];
  device: string | null;
  created_at: Date;
}

const COLUMNS = 'id, meeting_id, identity, user_id, display_name, role, status, hand_raised, blocked_sources, device, created_at';

/** A participant's blocks after a change: who, with which role, now blocked from what. */
export interface Blocks {
  identity: string;
  role: MeetingRole;
  blockedTracks: BlockableTrack[];
}

export interface UpsertParticipant {
  meetingId: string;
  identity: string;
  userId: string | null;
  displayName: string;
  role: MeetingRole;
  status: 'waiting' | 'admitted';
  ticketHash: string;
  /** Blocked on entering (muteOnEntry/cameraOffOnEntry without participantsMayUnmute); added to any they had. */
  entryBlocks: readonly BlockableTrack[];
  /** The label of the browser joining (attendance/device-label.ts). */
  device: string;
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
   * (a reconnect); a removed person is never let back (undefined). A participant keeps the blocks they
   * had in this session (joining again does not lift a host's mute) plus those of entering; hosts and
   * co-hosts have none.
   */
  async upsert(p: UpsertParticipant): Promise<Participant | undefined> {
    const [row]: Row[] = await this.dataSource.query(
      `INSERT INTO ${this.s}.meeting_participants (id, meeting_id, identity, user_id, display_name, role, status, ticket_hash, blocked_sources, device, admitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text[], $10, CASE WHEN $7 = 'admitted' THEN now() END)
       ON CONFLICT (meeting_id, identity) DO UPDATE SET
         display_name = EXCLUDED.display_name, role = EXCLUDED.role, ticket_hash = EXCLUDED.ticket_hash, device = EXCLUDED.device,
         status = CASE WHEN meeting_participants.status = 'admitted' THEN 'admitted' ELSE EXCLUDED.status END,
         admitted_at = CASE WHEN EXCLUDED.status = 'admitted' THEN now() ELSE meeting_participants.admitted_at END,
         blocked_sources = CASE WHEN EXCLUDED.role = 'participant'
           THEN ARRAY(SELECT DISTINCT unnest(meeting_participants.blocked_sources || EXCLUDED.blocked_sources)) ELSE '{}' END,
         left_at = NULL, updated_at = now()
       WHERE meeting_participants.status <> 'removed'
       RETURNING ${COLUMNS}`,
      [randomUUID(), p.meetingId, p.identity, p.userId, p.displayName, p.role, p.status, p.ticketHash, p.role === 'participant' ? p.entryBlocks : [], p.device],
    );
    return row ? toParticipant(row) : undefined;
  }

  /**
   * The device their next connection will come from: the one that last asked for a token (join, lobby
   * poll or renewal). LiveKit lets one connection per identity in, so the latest asker is the one connecting.
   */
  async recordDevice(id: string, device: string): Promise<void> {
    await this.dataSource.query(`UPDATE ${this.s}.meeting_participants SET device = $2 WHERE id = $1 AND device IS DISTINCT FROM $2`, [id, device]);
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

  /** A new role; a host or co-host has no blocks (and keeps none when made a participant again). Returns the blocks left. */
  async setRole(meetingId: string, identity: string, role: MeetingRole, manager?: EntityManager): Promise<BlockableTrack[]> {
    const [rows]: [Array<Pick<Row, 'blocked_sources'>>, number] = await this.q(manager).query(
      `UPDATE ${this.s}.meeting_participants SET role = $3, updated_at = now(),
         blocked_sources = CASE WHEN $3 = 'participant' THEN blocked_sources ELSE '{}' END
       WHERE meeting_id = $1 AND identity = $2 RETURNING blocked_sources`,
      [meetingId, identity, role],
    );
    return tracksOf(rows[0]?.blocked_sources ?? []);
  }

  /** Blocks `track` for a participant (never a host or co-host); undefined when there is no such participant. */
  async block(meetingId: string, identity: string, track: BlockableTrack): Promise<Blocks | undefined> {
    const [rows]: [BlocksRow[], number] = await this.dataSource.query(
      `UPDATE ${this.s}.meeting_participants
         SET blocked_sources = CASE WHEN $3 = ANY(blocked_sources) THEN blocked_sources ELSE array_append(blocked_sources, $3) END, updated_at = now()
       WHERE meeting_id = $1 AND identity = $2 AND role = 'participant' RETURNING identity, role, blocked_sources`,
      [meetingId, identity, track],
    );
    return rows.map(toBlocks)[0];
  }

  /** Blocks `track` for every participant in the room (admitted, or briefly gone and able to reconnect). */
  async blockAll(meetingId: string, track: BlockableTrack): Promise<Blocks[]> {
    const [rows]: [BlocksRow[], number] = await this.dataSource.query(
      `UPDATE ${this.s}.meeting_participants SET blocked_sources = array_append(blocked_sources, $2), updated_at = now()
       WHERE meeting_id = $1 AND role = 'participant' AND status IN ('admitted', 'left') AND NOT ($2 = ANY(blocked_sources))
       RETURNING identity, role, blocked_sources`,
      [meetingId, track],
    );
    return rows.map(toBlocks);
  }

  /** Lifts the block of `track`; undefined when it was not blocked. */
  async unblock(meetingId: string, identity: string, track: BlockableTrack): Promise<Blocks | undefined> {
    const [rows]: [BlocksRow[], number] = await this.dataSource.query(
      `UPDATE ${this.s}.meeting_participants SET blocked_sources = array_remove(blocked_sources, $3), updated_at = now()
       WHERE meeting_id = $1 AND identity = $2 AND $3 = ANY(blocked_sources) RETURNING identity, role, blocked_sources`,
      [meetingId, identity, track],
    );
    return rows.map(toBlocks)[0];
  }

  async setHand(meetingId: string, identity: string, raised: boolean, manager: EntityManager): Promise<boolean> {
    const [rows]: [unknown[], number] = await manager.query(
      `UPDATE ${this.s}.meeting_participants SET hand_raised = $3, updated_at = now()
       WHERE meeting_id = $1 AND identity = $2 AND hand_raised <> $3 RETURNING id`,
      [meetingId, identity, raised],
    );
    return rows.length > 0;
  }

  /** Everyone still admitted has left (the meeting ended); blocks end with the session. */
  async allLeft(meetingId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE ${this.s}.meeting_participants SET status = 'left', left_at = now(), hand_raised = false, updated_at = now()
       WHERE meeting_id = $1 AND status IN ('admitted', 'waiting')`,
      [meetingId],
    );
    await manager.query(
      `UPDATE ${this.s}.meeting_participants SET blocked_sources = '{}', updated_at = now() WHERE meeting_id = $1 AND blocked_sources <> '{}'`,
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
    blockedTracks: tracksOf(row.blocked_sources),
    device: row.device,
    createdAt: row.created_at,
  };
}

type BlocksRow = Pick<Row, 'identity' | 'role' | 'blocked_sources'>;

function toBlocks(row: BlocksRow): Blocks {
  return { identity: row.identity, role: row.role, blockedTracks: tracksOf(row.blocked_sources) };
}

/** In BLOCKABLE_TRACKS order, whatever order the array has in the row. */
function tracksOf(sources: readonly string[]): BlockableTrack[] {
  return BLOCKABLE_TRACKS.filter((t) => sources.includes(t));
}
