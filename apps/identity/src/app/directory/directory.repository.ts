import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { quotedSchema } from '@confer/shared/server/database';
import { PUBLIC_USER_COLUMNS, type PublicUserRow } from '../profile/public-user';

export interface DirectoryRow extends PublicUserRow {
  /** lower(display_name) as Postgres computes it: the sort key, so cursors match the order exactly. */
  sort_name: string;
}

/**
 * The searchable accounts: discoverable, not disabled, never the searcher. Name search is a
 * case-insensitive prefix of the whole display name, answered by the users_name_prefix index.
 */
@Injectable()
export class DirectoryRepository {
  private readonly s: string;

  constructor(private readonly dataSource: DataSource) {
    this.s = quotedSchema(dataSource);
  }

  /** The one account with this (normalised) address, if it is findable and its address is verified. */
  async byEmail(email: string, searcherId: string): Promise<(PublicUserRow & { email: string }) | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT ${PUBLIC_USER_COLUMNS}, u.email FROM ${this.s}.users u
       WHERE u.email = $1 AND u.id <> $2 AND u.discoverable AND u.disabled_at IS NULL AND u.email_verified_at IS NOT NULL`,
      [email, searcherId],
    );
    return row;
  }

  /** Names starting with `prefix` (any case), by name then id, after the `after` key. */
  async byNamePrefix(prefix: string, searcherId: string, limit: number, after?: [string, string]): Promise<DirectoryRow[]> {
    const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const params: unknown[] = [pattern, searcherId, limit];
    let seek = '';
    if (after) {
      params.push(after[0], after[1]);
      seek = 'AND (lower(u.display_name), u.id) > ($4, $5::uuid)';
    }
    return this.dataSource.query(
      `SELECT ${PUBLIC_USER_COLUMNS}, lower(u.display_name) AS sort_name FROM ${this.s}.users u
       WHERE lower(u.display_name) LIKE lower($1) AND u.id <> $2 AND u.discoverable AND u.disabled_at IS NULL ${seek}
       ORDER BY lower(u.display_name), u.id LIMIT $3`,
      params,
    );
  }
}
