import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { quotedSchema } from '@confer/shared/server/database';

export interface Member {
  meetingId: string;
  identity: string;
  userId: string | null;
  displayName: string;
}

/**
 * chat.members: the meetings each person took part in, as meetings told chat (its answers when they
 * connected or read a history, and its participant.joined / participant.removed events). Search looks
 * only in these meetings.
 */
@Injectable()
export class MemberRepository {
  private readonly s: string;

  constructor(private readonly dataSource: DataSource) {
    this.s = quotedSchema(dataSource);
  }

  async record(member: Member, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      `INSERT INTO ${this.s}.members (meeting_id, identity, user_id, display_name) VALUES ($1, $2, $3, $4)
       ON CONFLICT (meeting_id, identity) DO UPDATE SET display_name = EXCLUDED.display_name, user_id = COALESCE(members.user_id, EXCLUDED.user_id)
       WHERE members.display_name IS DISTINCT FROM EXCLUDED.display_name OR members.user_id IS NULL AND EXCLUDED.user_id IS NOT NULL`,
      [member.meetingId, member.identity, member.userId, member.displayName],
    );
  }

  /** Removed for good: the meeting drops out of their search. */
  async markRemoved(meetingId: string, identity: string, userId: string | null, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.s}.members (meeting_id, identity, user_id, display_name, removed_at) VALUES ($1, $2, $3, '', now())
       ON CONFLICT (meeting_id, identity) DO UPDATE SET removed_at = COALESCE(members.removed_at, now())`,
      [meetingId, identity, userId],
    );
  }
}
