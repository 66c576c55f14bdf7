import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { quotedSchema } from '@confer/shared/server/database';
import type { StoredPreferences } from './preferences';

/** A user's profile columns, as stored (preferences hold only the user's own choices). */
export interface ProfileRecord {
  id: string;
  email: string;
  displayName: string;
  timeZone: string;
  locale: string;
  preferences: unknown;
  discoverable: boolean;
  avatarVersion: number | null;
  disabled: boolean;
}

export interface ProfileChanges {
  displayName?: string;
  timeZone?: string;
  locale?: string;
  discoverable?: boolean;
  preferences?: StoredPreferences;
}

interface Row {
  id: string;
  email: string;
  display_name: string;
  time_zone: string;
  locale: string;
  preferences: unknown;
  discoverable: boolean;
  avatar_version: number | null;
  disabled_at: Date | null;
}

const COLUMNS = 'id, email, display_name, time_zone, locale, preferences, discoverable, avatar_version, disabled_at';
const COLUMN_OF: Record<keyof ProfileChanges, string> = {
  displayName: 'display_name',
  timeZone: 'time_zone',
  locale: 'locale',
  discoverable: 'discoverable',
  preferences: 'preferences',
};

/** The profile part of identity's users table. */
@Injectable()
export class ProfileRepository {
  private readonly s: string;

  constructor(private readonly dataSource: DataSource) {
    this.s = quotedSchema(dataSource);
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<ProfileRecord | undefined> {
    const [row]: Row[] = await manager.query(`SELECT ${COLUMNS} FROM ${this.s}.users WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return row ? toRecord(row) : undefined;
  }

  async update(id: string, changes: ProfileChanges, manager: EntityManager): Promise<void> {
    const entries = Object.entries(changes).filter(([, v]) => v !== undefined) as [keyof ProfileChanges, unknown][];
    if (entries.length === 0) return;
    const sets = entries.map(([key], i) => `${COLUMN_OF[key]} = $${i + 2}`);
    const values = entries.map(([key, v]) => (key === 'preferences' ? JSON.stringify(v) : v));
    await manager.query(`UPDATE ${this.s}.users SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, [id, ...values]);
  }
}

function toRecord(row: Row): ProfileRecord {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    timeZone: row.time_zone,
    locale: row.locale,
    preferences: row.preferences,
    discoverable: row.discoverable,
    avatarVersion: row.avatar_version,
    disabled: row.disabled_at !== null,
  };
}
