import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { OccurrenceOverride } from '@confer/meetings/domain';
import { quotedSchema } from '@confer/shared/server/database';

interface Row {
  meeting_id: string;
  occurrence_id: Date;
  starts_at: Date;
  duration_minutes: number;
  title: string | null;
  cancelled: boolean;
  sequence: number;
}

/** A moved, renamed or cancelled occurrence of a series, with the meeting it belongs to. */
export interface StoredOverride extends OccurrenceOverride {
  meetingId: string;
  startsAt: string;
  title?: string;
}

/** Per-occurrence changes of recurring meetings (meeting_occurrence_overrides). */
@Injectable()
export class OccurrenceOverrideRepository {
  private readonly s: string;

  constructor(private readonly dataSource: DataSource) {
    this.s = quotedSchema(dataSource);
  }

  async forMeetings(meetingIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<StoredOverride[]> {
    if (meetingIds.length === 0) return [];
    const rows: Row[] = await manager.query(
      `SELECT meeting_id, occurrence_id, starts_at, duration_minutes, title, cancelled, sequence
       FROM ${this.s}.meeting_occurrence_overrides WHERE meeting_id = ANY($1::uuid[]) ORDER BY occurrence_id`,
      [meetingIds],
    );
    return rows.map(toOverride);
  }

  async upsert(override: StoredOverride, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.s}.meeting_occurrence_overrides (meeting_id, occurrence_id, starts_at, duration_minutes, title, cancelled, sequence)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (meeting_id, occurrence_id) DO UPDATE SET starts_at = $3, duration_minutes = $4, title = $5,
         cancelled = $6, sequence = $7, updated_at = now()`,
      [
        override.meetingId,
        override.occurrenceId,
        override.startsAt,
        override.durationMinutes,
        override.title ?? null,
        override.cancelled ?? false,
        override.sequence,
      ],
    );
  }

  /** Drops every per-occurrence change: the series' start or rule changed, so the ids no longer match. */
  async deleteForMeeting(meetingId: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM ${this.s}.meeting_occurrence_overrides WHERE meeting_id = $1`, [meetingId]);
  }
}

function toOverride(row: Row): StoredOverride {
  return {
    meetingId: row.meeting_id,
    occurrenceId: row.occurrence_id.toISOString(),
    startsAt: row.starts_at.toISOString(),
    durationMinutes: row.duration_minutes,
    ...(row.title === null ? {} : { title: row.title }),
    cancelled: row.cancelled,
    sequence: row.sequence,
  };
}
