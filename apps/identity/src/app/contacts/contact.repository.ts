import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { quotedSchema } from '@confer/shared/server/database';
import { PUBLIC_USER_COLUMNS, type PublicUserRow } from '../profile/public-user';

export interface ContactRow extends PublicUserRow {
  favourite: boolean;
  created_at: Date;
  /** lower(display_name) as Postgres computes it: the sort key, so cursors match the order exactly. */
  sort_name: string;
}

const CONTACT_COLUMNS = `${PUBLIC_USER_COLUMNS}, c.favourite, c.created_at, lower(u.display_name) AS sort_name`;

/** [0 for favourites, 1 for the rest; lower-cased name; contact id]: the order of the list. */
export type ContactKey = [number, string, string];

/** A user's contacts (a private address book: the contact is not told). Disabled accounts are left out. */
@Injectable()
export class ContactRepository {
  private readonly s: string;

  constructor(private readonly dataSource: DataSource) {
    this.s = quotedSchema(dataSource);
  }

  /** Adds the contact if it is not there yet (adding twice keeps the first, favourite and all). */
  async add(ownerId: string, contactId: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${this.s}.contacts (owner_id, contact_id) VALUES ($1, $2) ON CONFLICT (owner_id, contact_id) DO NOTHING`,
      [ownerId, contactId],
    );
  }

  async count(ownerId: string): Promise<number> {
    const [row]: { count: string }[] = await this.dataSource.query(`SELECT count(*) FROM ${this.s}.contacts WHERE owner_id = $1`, [ownerId]);
    return Number(row.count);
  }

  async find(ownerId: string, contactId: string): Promise<ContactRow | undefined> {
    const [row]: ContactRow[] = await this.dataSource.query(
      `SELECT ${CONTACT_COLUMNS} FROM ${this.s}.contacts c JOIN ${this.s}.users u ON u.id = c.contact_id
       WHERE c.owner_id = $1 AND c.contact_id = $2 AND u.disabled_at IS NULL`,
      [ownerId, contactId],
    );
    return row;
  }

  /** Returns whether there was such a contact. */
  async setFavourite(ownerId: string, contactId: string, favourite: boolean): Promise<boolean> {
    // An UPDATE answers [rows, count] through TypeORM.
    const result: [unknown[], number] = await this.dataSource.query(
      `UPDATE ${this.s}.contacts SET favourite = $3 WHERE owner_id = $1 AND contact_id = $2 RETURNING contact_id`,
      [ownerId, contactId, favourite],
    );
    return result[0].length === 1;
  }

  async remove(ownerId: string, contactId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM ${this.s}.contacts WHERE owner_id = $1 AND contact_id = $2`, [ownerId, contactId]);
  }

  /** Favourites first, then by name (case-insensitive), then id; rows after `after` in that order. */
  async page(ownerId: string, limit: number, after?: ContactKey): Promise<ContactRow[]> {
    const params: unknown[] = [ownerId, limit];
    let seek = '';
    if (after) {
      params.push(after[0] === 0, after[1], after[2]);
      // (NOT favourite) sorts favourites (false) first.
      seek = `AND (NOT c.favourite, lower(u.display_name), u.id) > (NOT $3::boolean, $4, $5::uuid)`;
    }
    return this.dataSource.query(
      `SELECT ${CONTACT_COLUMNS} FROM ${this.s}.contacts c JOIN ${this.s}.users u ON u.id = c.contact_id
       WHERE c.owner_id = $1 AND u.disabled_at IS NULL ${seek}
       ORDER BY NOT c.favourite, lower(u.display_name), u.id LIMIT $2`,
      params,
    );
  }
}

export function contactKey(row: ContactRow): ContactKey {
  return [row.favourite ? 0 : 1, row.sort_name, row.id];
}
