import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { quotedSchema } from '@confer/shared/server/database';

export type ReplaceOutcome = { applied: true; previous: number | null } | { applied: false };

/** The avatar columns of users: avatar_version (current, null = none) and avatar_last_version (last handed out). */
@Injectable()
export class AvatarRepository {
  private readonly s: string;

  constructor(private readonly dataSource: DataSource) {
    this.s = quotedSchema(dataSource);
  }

  /** A version number never used before for this user; undefined when there is no active account. */
  async reserveVersion(userId: string): Promise<number | undefined> {
    // An UPDATE answers [rows, count] through TypeORM.
    const result: [{ version: number }[], number] = await this.dataSource.query(
      `UPDATE ${this.s}.users SET avatar_last_version = avatar_last_version + 1
       WHERE id = $1 AND disabled_at IS NULL RETURNING avatar_last_version AS version`,
      [userId],
    );
    return result[0][0]?.version;
  }

  /**
   * Makes `version` the current avatar unless a newer upload already is (the newest upload wins,
   * whatever order they finish in). Returns the version it replaced.
   */
  async replace(userId: string, version: number): Promise<ReplaceOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const [row]: { avatar_version: number | null }[] = await manager.query(
        `SELECT avatar_version FROM ${this.s}.users WHERE id = $1 FOR UPDATE`,
        [userId],
      );
      if (!row || (row.avatar_version !== null && row.avatar_version > version)) return { applied: false };
      await manager.query(`UPDATE ${this.s}.users SET avatar_version = $2, updated_at = now() WHERE id = $1`, [userId, version]);
      return { applied: true, previous: row.avatar_version };
    });
  }

  /** Removes the avatar; returns the version that was current. */
  async clear(userId: string): Promise<number | null> {
    return this.dataSource.transaction(async (manager) => {
      const [row]: { avatar_version: number | null }[] = await manager.query(
        `SELECT avatar_version FROM ${this.s}.users WHERE id = $1 FOR UPDATE`,
        [userId],
      );
      if (!row || row.avatar_version === null) return null;
      await manager.query(`UPDATE ${this.s}.users SET avatar_version = NULL, updated_at = now() WHERE id = $1`, [userId]);
      return row.avatar_version;
    });
  }

  async currentVersion(userId: string): Promise<number | null> {
    const [row]: { avatar_version: number | null }[] = await this.dataSource.query(
      `SELECT avatar_version FROM ${this.s}.users WHERE id = $1`,
      [userId],
    );
    return row?.avatar_version ?? null;
  }
}
