import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { UserContact } from '@confer/identity/contracts';
import { quotedSchema } from '@confer/shared/server/database';

/** Addresses and names of accounts, for other services over the bus (never over HTTP). */
@Injectable()
export class UserContactsRepository {
  private readonly s: string;

  constructor(private readonly dataSource: DataSource) {
    this.s = quotedSchema(dataSource);
  }

  /** Existing accounts among `ids` (deleted ones have no row). Disabled accounts are included: they still exist. */
  async byIds(ids: readonly string[]): Promise<UserContact[]> {
    if (ids.length === 0) return [];
    return this.dataSource.query(
      `SELECT id, display_name AS "displayName", email, time_zone AS "timeZone" FROM ${this.s}.users WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }
}
