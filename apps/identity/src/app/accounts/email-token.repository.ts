import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { hashOpaqueToken, newOpaqueToken } from '@confer/identity/domain';
import { quotedSchema } from '@confer/shared/server/database';

export type EmailTokenPurpose = 'verify_email' | 'reset_password';

/** Single-use tokens sent by mail; only their SHA-256 is stored. */
@Injectable()
export class EmailTokenRepository {
  private readonly s: string;

  constructor(private readonly dataSource: DataSource) {
    this.s = quotedSchema(dataSource);
  }

  /** Issues a token, voiding earlier unused ones of the same purpose. Returns the token itself. */
  async issue(userId: string, purpose: EmailTokenPurpose, ttlMs: number, manager: EntityManager): Promise<string> {
    const token = newOpaqueToken();
    await manager.query(
      `UPDATE ${this.s}.email_tokens SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`,
      [userId, purpose],
    );
    await manager.query(
      `INSERT INTO ${this.s}.email_tokens (token_hash, user_id, purpose, expires_at)
       VALUES ($1, $2, $3, now() + ($4 || ' milliseconds')::interval)`,
      [hashOpaqueToken(token), userId, purpose, String(ttlMs)],
    );
    return token;
  }

  /** Uses a token once: returns its user when it was valid, unused and unexpired. */
  async consume(token: string, purpose: EmailTokenPurpose, manager: EntityManager): Promise<string | undefined> {
    const result: [{ user_id: string }[], number] = await manager.query(
      `UPDATE ${this.s}.email_tokens SET used_at = now()
       WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now() RETURNING user_id`,
      [hashOpaqueToken(token), purpose],
    );
    return result[0][0]?.user_id;
  }

  /** Looks a token up without using it (to ask for the second factor before a reset). */
  async peek(token: string, purpose: EmailTokenPurpose): Promise<string | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT user_id FROM ${this.s}.email_tokens WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()`,
      [hashOpaqueToken(token), purpose],
    );
    return row?.user_id;
  }
}
