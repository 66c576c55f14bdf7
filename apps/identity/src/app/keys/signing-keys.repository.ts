import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PublicJwk } from '@confer/shared/contracts';
import { quotedSchema } from '@confer/shared/server/database';

export interface SigningKeyRow {
  kid: string;
  privateKeySealed: string;
  publicJwk: PublicJwk;
  createdAt: Date;
}

@Injectable()
export class SigningKeysRepository {
  private readonly s: string;

  constructor(private readonly dataSource: DataSource) {
    this.s = quotedSchema(dataSource);
  }

  /** Keys created after `since`, newest first. */
  async createdSince(since: Date): Promise<SigningKeyRow[]> {
    const rows: { kid: string; private_key_sealed: string; public_jwk: PublicJwk; created_at: Date }[] =
      await this.dataSource.query(
        `SELECT kid, private_key_sealed, public_jwk, created_at FROM ${this.s}.signing_keys
         WHERE created_at > $1 ORDER BY created_at DESC`,
        [since],
      );
    return rows.map((r) => ({ kid: r.kid, privateKeySealed: r.private_key_sealed, publicJwk: r.public_jwk, createdAt: r.created_at }));
  }

  /**
   * Inserts a key unless another instance made a fresh one meanwhile (checked under an advisory
   * lock, so two instances starting together end up with one key).
   */
  async insertUnlessFresh(row: Omit<SigningKeyRow, 'createdAt'>, freshSince: Date): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('confer.identity.signing_keys'))`);
      const [fresh] = await manager.query(`SELECT 1 FROM ${this.s}.signing_keys WHERE created_at > $1 LIMIT 1`, [freshSince]);
      if (fresh) return;
      await manager.query(`INSERT INTO ${this.s}.signing_keys (kid, private_key_sealed, public_jwk) VALUES ($1, $2, $3)`, [
        row.kid,
        row.privateKeySealed,
        JSON.stringify(row.publicJwk),
      ]);
    });
  }
}
