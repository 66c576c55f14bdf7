import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { quotedSchema } from '@confer/shared/server/database';

/** Personal calendar feeds: one per user, found by the SHA-256 of its secret token. */
@Injectable()
export class CalendarFeedRepository {
  private readonly s: string;

  constructor(private readonly dataSource: DataSource) {
    this.s = quotedSchema(dataSource);
  }

  /** Creates the user's feed or replaces its token (the old URL stops working at once). */
  async put(userId: string, tokenHash: Buffer): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${this.s}.calendar_feeds (user_id, token_hash) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = $2, created_at = now()`,
      [userId, tokenHash],
    );
  }

  async userOf(tokenHash: Buffer): Promise<string | undefined> {
    const [row]: { user_id: string }[] = await this.dataSource.query(`SELECT user_id FROM ${this.s}.calendar_feeds WHERE token_hash = $1`, [tokenHash]);
    return row?.user_id;
  }

  async createdAt(userId: string): Promise<string | undefined> {
    const [row]: { created_at: Date }[] = await this.dataSource.query(`SELECT created_at FROM ${this.s}.calendar_feeds WHERE user_id = $1`, [userId]);
    return row?.created_at.toISOString();
  }

  async delete(userId: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [, count]: [unknown[], number] = await manager.query(`DELETE FROM ${this.s}.calendar_feeds WHERE user_id = $1`, [userId]);
    return count;
  }
}
