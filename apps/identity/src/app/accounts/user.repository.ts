import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PlatformRole } from '@confer/shared/contracts';
import { quotedSchema } from '@confer/shared/server/database';

export interface User {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string;
  role: PlatformRole;
  emailVerifiedAt: Date | null;
  disabledAt: Date | null;
  mfaSecret: string | null;
  mfaPendingSecret: string | null;
  mfaEnabledAt: Date | null;
  mfaLastStep: number | null;
  createdAt: Date;
}

const COLUMNS = `id, email, display_name, password_hash, role, email_verified_at, disabled_at, mfa_secret,
  mfa_pending_secret, mfa_enabled_at, mfa_last_step, created_at`;

/** Addresses compare case-insensitively: they are stored trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

@Injectable()
export class UserRepository {
  private readonly s: string;

  constructor(private readonly dataSource: DataSource) {
    this.s = quotedSchema(dataSource);
  }

  async findByEmail(email: string, manager: EntityManager = this.dataSource.manager): Promise<User | undefined> {
    const [row] = await manager.query(`SELECT ${COLUMNS} FROM ${this.s}.users WHERE email = $1`, [normalizeEmail(email)]);
    return row ? toUser(row) : undefined;
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<User | undefined> {
    const [row] = await manager.query(`SELECT ${COLUMNS} FROM ${this.s}.users WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return row ? toUser(row) : undefined;
  }

  /** Accounts by sign-up time, newest first, after the (created_at, id) `after`; `query` matches name or address. */
  async page(options: { limit: number; query?: string; after?: { createdAt: string; id: string } }): Promise<User[]> {
    const params: unknown[] = [options.limit];
    const where: string[] = [];
    if (options.query) {
      params.push(`%${options.query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(lower(display_name) LIKE $${params.length} OR email LIKE $${params.length})`);
    }
    if (options.after) {
      params.push(options.after.createdAt, options.after.id);
      // Milliseconds, as a cursor carries them, so no row is skipped or repeated between pages.
      where.push(`(date_trunc('milliseconds', created_at), id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const rows: UserRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${this.s}.users ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY date_trunc('milliseconds', created_at) DESC, id DESC LIMIT $1`,
      params,
    );
    return rows.map(toUser);
  }

  /** Inserts the user unless the address is taken; returns whether it was inserted. */
  async insert(user: Pick<User, 'id' | 'email' | 'displayName' | 'passwordHash'>, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO ${this.s}.users (id, email, display_name, password_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [user.id, normalizeEmail(user.email), user.displayName, user.passwordHash],
    );
    return rows.length === 1;
  }

  async update(
    id: string,
    changes: Partial<Pick<User, 'passwordHash' | 'role' | 'emailVerifiedAt' | 'disabledAt' | 'mfaSecret' | 'mfaPendingSecret' | 'mfaEnabledAt' | 'mfaLastStep' | 'displayName'>>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const columns: Record<string, string> = {
      passwordHash: 'password_hash',
      role: 'role',
      emailVerifiedAt: 'email_verified_at',
      disabledAt: 'disabled_at',
      mfaSecret: 'mfa_secret',
      mfaPendingSecret: 'mfa_pending_secret',
      mfaEnabledAt: 'mfa_enabled_at',
      mfaLastStep: 'mfa_last_step',
      displayName: 'display_name',
    };
    const entries = Object.entries(changes).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return;
    const sets = entries.map(([key], i) => `${columns[key]} = $${i + 2}`);
    await manager.query(`UPDATE ${this.s}.users SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, [
      id,
      ...entries.map(([, v]) => v),
    ]);
  }
}

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  role: PlatformRole;
  email_verified_at: Date | null;
  disabled_at: Date | null;
  mfa_secret: string | null;
  mfa_pending_secret: string | null;
  mfa_enabled_at: Date | null;
  mfa_last_step: string | null;
  created_at: Date;
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    role: row.role,
    emailVerifiedAt: row.email_verified_at,
    disabledAt: row.disabled_at,
    mfaSecret: row.mfa_secret,
    mfaPendingSecret: row.mfa_pending_secret,
    mfaEnabledAt: row.mfa_enabled_at,
    mfaLastStep: row.mfa_last_step === null ? null : Number(row.mfa_last_step),
    createdAt: row.created_at,
  };
}
