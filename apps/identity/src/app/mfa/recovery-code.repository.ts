import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { quotedSchema } from '@confer/shared/server/database';

/** Hashes of a user's one-time MFA recovery codes. */
@Injectable()
export class RecoveryCodeRepository {
  private readonly s: string;

  constructor(dataSource: DataSource) {
    this.s = quotedSchema(dataSource);
  }

  async replace(userId: string, hashes: string[], manager: EntityManager): Promise<void> {
    await this.clear(userId, manager);
    for (const hash of hashes) {
      await manager.query(`INSERT INTO ${this.s}.recovery_codes (user_id, code_hash) VALUES ($1, $2)`, [userId, hash]);
    }
  }

  async clear(userId: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM ${this.s}.recovery_codes WHERE user_id = $1`, [userId]);
  }

  /** Marks a code used; true only the first time a valid code is presented. */
  async use(userId: string, hash: string, manager: EntityManager): Promise<boolean> {
    const result: [unknown[], number] = await manager.query(
      `UPDATE ${this.s}.recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING 1`,
      [userId, hash],
    );
    return result[0].length === 1;
  }

  async remaining(userId: string, manager: EntityManager): Promise<number> {
    const [row] = await manager.query(`SELECT count(*)::int AS n FROM ${this.s}.recovery_codes WHERE user_id = $1 AND used_at IS NULL`, [userId]);
    return row.n;
  }
}
