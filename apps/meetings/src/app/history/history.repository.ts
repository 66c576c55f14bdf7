import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { MeetingRole, MeetingRunSummary } from '@confer/meetings/contracts';
import { quotedSchema } from '@confer/shared/server/database';
import type { MeetingsConfig } from '../meetings.env';
import { MEETINGS_CONFIG } from '../meetings.tokens';

/** One connection (a meeting_attendance row), numbered with the run of its meeting it belongs to. */
export interface RunConnection {
  run: number;
  identity: string;
  userId: string | null;
  displayName: string;
  /** The participant's role as it is now; null when their participant row is gone (erased). */
  role: MeetingRole | null;
  /** The device label of the connection; null when it was not recorded (before it was, or erased). */
  device: string | null;
  joinedAt: Date;
  leftAt: Date | null;
}

interface ConnectionRow {
  run: string;
  identity: string;
  user_id: string | null;
  display_name: string;
  role: MeetingRole | null;
  device: string | null;
  joined_at: Date;
  left_at: Date | null;
}

interface LastRunRow {
  meeting_id: string;
  started_at: Date;
  ended_at: Date | null;
  duration_seconds: string;
  attendee_count: string;
}

/**
 * The connections of the meetings in $1, each numbered with its run (gaps and islands): a connection
 * that starts at least $2 minutes after every earlier one of its meeting had ended starts a new run.
 * $2 is the time an empty room is kept, so a longer gap means the room closed and the meeting ended.
 */
const NUMBERED = (s: string) => `
  WITH reach AS (
    SELECT a.*, MAX(COALESCE(a.left_at, now())) OVER (
      PARTITION BY a.meeting_id ORDER BY a.joined_at, a.id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reached
    FROM ${s}.meeting_attendance a WHERE a.meeting_id = ANY($1::uuid[])
  ), numbered AS (
    SELECT reach.*, COUNT(*) FILTER (WHERE reached IS NULL OR joined_at >= reached + make_interval(mins => $2)) OVER (
      PARTITION BY meeting_id ORDER BY joined_at, id) AS run
    FROM reach
  )`;

/** Reads meeting_attendance as runs of meetings (docs/decisions.md, "Meeting history"). */
@Injectable()
export class HistoryRepository {
  private readonly s: string;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MEETINGS_CONFIG) private readonly config: MeetingsConfig,
  ) {
    this.s = quotedSchema(dataSource);
  }

  async attended(meetingId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM ${this.s}.meeting_attendance WHERE meeting_id = $1 AND user_id = $2 LIMIT 1`, [
      meetingId,
      userId,
    ]);
    return rows.length > 0;
  }

  /** Every connection to the meeting with its run and the person's role, in the order they joined. */
  async connections(meetingId: string): Promise<RunConnection[]> {
    const rows: ConnectionRow[] = await this.dataSource.query(
      `${NUMBERED(this.s)}
       SELECT n.run, n.identity, n.user_id, n.display_name, p.role, n.device, n.joined_at, n.left_at
       FROM numbered n LEFT JOIN ${this.s}.meeting_participants p ON p.meeting_id = n.meeting_id AND p.identity = n.identity
       ORDER BY n.joined_at, n.id`,
      [[meetingId], this.gapMinutes],
    );
    return rows.map((r) => ({
      run: Number(r.run),
      identity: r.identity,
      userId: r.user_id,
      displayName: r.display_name,
      role: r.role,
      device: r.device,
      joinedAt: r.joined_at,
      leftAt: r.left_at,
    }));
  }

  /** The latest run of each of these meetings that ever ran. */
  async lastRuns(meetingIds: string[]): Promise<Map<string, MeetingRunSummary>> {
    if (meetingIds.length === 0) return new Map();
    const rows: LastRunRow[] = await this.dataSource.query(
      `${NUMBERED(this.s)}, last AS (
         SELECT meeting_id, MAX(run) AS run FROM numbered GROUP BY meeting_id
       ), runs AS (
         SELECT n.meeting_id, MIN(n.joined_at) AS started_at,
           CASE WHEN bool_or(n.left_at IS NULL) THEN NULL ELSE MAX(n.left_at) END AS ended_at,
           COUNT(DISTINCT n.identity) AS attendee_count
         FROM numbered n JOIN last l ON l.meeting_id = n.meeting_id AND l.run = n.run GROUP BY n.meeting_id
       )
       SELECT meeting_id, started_at, ended_at, attendee_count,
         ROUND(EXTRACT(EPOCH FROM COALESCE(ended_at, now()) - started_at)) AS duration_seconds
       FROM runs`,
      [meetingIds, this.gapMinutes],
    );
    return new Map(
      rows.map((r) => [
        r.meeting_id,
        {
          startedAt: r.started_at.toISOString(),
          endedAt: r.ended_at?.toISOString() ?? null,
          durationSeconds: Number(r.duration_seconds),
          attendeeCount: Number(r.attendee_count),
        },
      ]),
    );
  }

  private get gapMinutes(): number {
    return this.config.EMPTY_ROOM_TIMEOUT_MINUTES;
  }
}
