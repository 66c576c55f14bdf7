import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { quotedSchema } from '@confer/shared/server/database';
import type { PersonalDataHolder } from '@confer/shared/server/platform';

/**
 * What meetings holds about a person: the meetings they host. On deletion, their upcoming and live
 * meetings are cancelled or ended (and their descriptions cleared); past meetings stay in the history of the
 * people who attended, with a host id that no longer names anyone (docs/decisions.md, Privacy).
 */
@Injectable()
export class MeetingsPersonalData implements PersonalDataHolder {
  private readonly s: string;

  constructor(private readonly dataSource: DataSource) {
    this.s = quotedSchema(dataSource);
  }

  async export(userId: string): Promise<Record<string, unknown>> {
    const hostedMeetings: unknown[] = await this.dataSource.query(
      `SELECT id, code, title, description, kind, starts_at AS "startsAt", duration_minutes AS "durationMinutes",
         time_zone AS "timeZone", status, created_at AS "createdAt", updated_at AS "updatedAt"
       FROM ${this.s}.meetings WHERE host_id = $1 ORDER BY created_at`,
      [userId],
    );
    return { hostedMeetings };
  }

  async erase(userId: string): Promise<Record<string, number>> {
    const [, cancelledMeetings]: [unknown[], number] = await this.dataSource.query(
      `UPDATE ${this.s}.meetings
       SET status = CASE status WHEN 'live' THEN 'ended' ELSE 'cancelled' END, description = '', updated_at = now()
       WHERE host_id = $1 AND status IN ('scheduled', 'live')`,
      [userId],
    );
    return { cancelledOrEndedMeetings: cancelledMeetings };
  }
}
