import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { PoolClient, QueryResultRow } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import type { ChatMessage } from '@confer/chat/contracts';
import { quotedSchema } from '@confer/shared/server/database';
import type { OutboxInsert } from '@confer/shared/server/events';
import { toChatFile } from '../files/file.repository';
import { groupReactions, toChatMessage, type MessageRow, type ReactionRow } from './message-view';

const COLUMNS = `id, pos, meeting_id, meeting_code, seq, version, client_id, sender_identity, sender_user_id, sender_name,
  recipient_identity, recipient_name, body, created_at, edited_at, deleted_at, file_id`;

/** Someone in a meeting's chat, as the repository needs them. */
export interface Author {
  meetingId: string;
  code: string;
  identity: string;
  userId: string | null;
  displayName: string;
}

export interface NewMessage {
  clientId: string;
  body: string;
  to: { identity: string; displayName: string } | null;
  /** A stored file of the author's that no message shares yet. */
  fileId: string | null;
}

/** An outbox row written with a new message; the statement sets its payload's `timeField` to the message's creation time. */
export interface StampedEvent {
  row: OutboxInsert;
  timeField: string;
}

/** The message's created_at as JavaScript's toISOString writes the Date pg reads (milliseconds, truncated). */
const ISO_CREATED_AT = `to_char(message.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** What `identity` may see of a meeting: messages to everyone, and private ones they sent or received. */
const VISIBLE = `(recipient_identity IS NULL OR sender_identity = $2 OR recipient_identity = $2)`;

/** chat.messages and chat.reactions, with the per-meeting counter that numbers every change. */
@Injectable()
export class MessageRepository {
  private readonly s: string;
  private readonly insertStatements = new Map<string, { name: string; text: string }>();

  constructor(private readonly dataSource: DataSource) {
    this.s = quotedSchema(dataSource);
  }

  private q(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  /**
   * Runs a named statement, which Postgres parses and plans once per connection instead of on every
   * call (TypeORM's query() cannot name one), in the caller's transaction or on a pooled connection.
   * It relies on the service's own connections to Postgres: a transaction-pooling proxy in between
   * (PgBouncer's transaction mode, RDS Proxy) would lose or pin them.
   */
  private async prepared<T>(statement: { name: string; text: string }, values: unknown[], manager?: EntityManager): Promise<T[]> {
    const runner = manager?.queryRunner ?? this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      return (await client.query<T & QueryResultRow>({ ...statement, values })).rows;
    } finally {
      if (runner !== manager?.queryRunner) await runner.release();
    }
  }

  /** The next value of the meeting's change counter; holds its row lock until the transaction ends. */
  async nextVersion(meetingId: string, manager: EntityManager): Promise<number> {
    const [row]: Array<{ last_version: string }> = await manager.query(
      `INSERT INTO ${this.s}.meeting_counters (meeting_id, last_version) VALUES ($1, 1)
       ON CONFLICT (meeting_id) DO UPDATE SET last_version = meeting_counters.last_version + 1 RETURNING last_version`,
      [meetingId],
    );
    return Number(row.last_version);
  }

  async latestVersion(meetingId: string): Promise<number> {
    const [row]: Array<{ last_version: string }> = await this.dataSource.query(
      `SELECT last_version FROM ${this.s}.meeting_counters WHERE meeting_id = $1`,
      [meetingId],
    );
    return row ? Number(row.last_version) : 0;
  }

  async findByClientId(author: Author, clientId: string, manager?: EntityManager): Promise<MessageRow | undefined> {
    const [row]: MessageRow[] = await this.q(manager).query(
      `SELECT ${COLUMNS} FROM ${this.s}.messages WHERE meeting_id = $1 AND sender_identity = $2 AND client_id = $3`,
      [author.meetingId, author.identity, clientId],
    );
    return row;
  }

  /**
   * Stores a new message in one statement, so that the meeting's counter row stays locked only while
   * Postgres runs it (and, in a caller's transaction, until its commit): takes the counter's next value
   * as the message's position and version, inserts the message, and writes its outbox events (of one
   * publisher), each payload's `timeField` set to the message's creation time. Undefined when
   * this client id was stored meanwhile: then no message or event is written (the counter has moved
   * on; a gap is harmless, edits leave gaps in positions too).
   */
  async insertNew(
    author: Author,
    message: NewMessage & { id: string },
    events: readonly [StampedEvent, ...StampedEvent[]],
    manager?: EntityManager,
  ): Promise<MessageRow | undefined> {
    const params: unknown[] = [
      message.id,
      author.meetingId,
      author.code,
      message.clientId,
      author.identity,
      author.userId,
      author.displayName,
      message.to?.identity ?? null,
      message.to?.displayName ?? null,
      message.body,
      message.fileId,
    ];
    for (const { row, timeField } of events) params.push(...row.values, timeField);
    const [row] = await this.prepared<MessageRow>(this.insertStatement(events), params, manager);
    return row;
  }

  /** insertNew's statement for this many events (of one publisher: the outbox table is the first's), named after its text. */
  private insertStatement(events: readonly [StampedEvent, ...StampedEvent[]]): { name: string; text: string } {
    const key = `${events[0].row.target}\n${events.length}`;
    const known = this.insertStatements.get(key);
    if (known) return known;
    // The events' parameters follow the message's 11, six each: id, type, version, payload, metadata, time field.
    const rows = events.map((_, n) => {
      const [id, type, version, payload, metadata, stamp] = Array.from({ length: 6 }, (_, i) => `$${12 + n * 6 + i}`);
      return `(${n}, ${id}::uuid, ${type}, ${version}::int, ${payload}::jsonb, ${metadata}::jsonb, ${stamp}::text)`;
    });
    // One INSERT for the events, rows in the given order: the sub-statements of a WITH run in no set
    // order, and the relay publishes by the outbox's seq.
    const text = `WITH counter AS (
          INSERT INTO ${this.s}.meeting_counters (meeting_id, last_version) VALUES ($2, 1)
          ON CONFLICT (meeting_id) DO UPDATE SET last_version = meeting_counters.last_version + 1 RETURNING last_version
        ), message AS (
          INSERT INTO ${this.s}.messages (id, meeting_id, meeting_code, seq, version, client_id, sender_identity, sender_user_id, sender_name,
            recipient_identity, recipient_name, body, file_id)
          SELECT $1::uuid, $2::uuid, $3, last_version, last_version, $4::uuid, $5, $6::uuid, $7, $8, $9, $10, $11::uuid FROM counter
          ON CONFLICT (meeting_id, sender_identity, client_id) DO NOTHING RETURNING ${COLUMNS}
        ), events AS (
          INSERT INTO ${events[0].row.target}
          SELECT e.id, e.type, e.version, e.payload || jsonb_build_object(e.stamp, ${ISO_CREATED_AT}), e.metadata
          FROM message, (VALUES ${rows.join(', ')}) AS e (n, id, type, version, payload, metadata, stamp)
          ORDER BY e.n
        )
        SELECT ${COLUMNS} FROM message`;
    const statement = { name: `chat-insert-message-${createHash('sha1').update(text).digest('hex').slice(0, 16)}`, text };
    this.insertStatements.set(key, statement);
    return statement;
  }

  /** A message `identity` may see, locked for a change. */
  async findVisibleForUpdate(meetingId: string, identity: string, id: string, manager: EntityManager): Promise<MessageRow | undefined> {
    const [row]: MessageRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM ${this.s}.messages WHERE meeting_id = $1 AND id = $3 AND ${VISIBLE} FOR UPDATE`,
      [meetingId, identity, id],
    );
    return row;
  }

  async edit(id: string, body: string, version: number, manager: EntityManager): Promise<MessageRow> {
    const [[row]]: [MessageRow[], number] = await manager.query(
      `UPDATE ${this.s}.messages SET body = $2, version = $3, edited_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, body, version],
    );
    return row;
  }

  /** Deletion keeps a tombstone (its position and version), without the text or reactions. */
  async delete(id: string, by: string, version: number, manager: EntityManager): Promise<MessageRow> {
    await manager.query(`DELETE FROM ${this.s}.reactions WHERE message_id = $1`, [id]);
    const [[row]]: [MessageRow[], number] = await manager.query(
      `UPDATE ${this.s}.messages SET body = '', version = $3, deleted_at = now(), deleted_by = $2 WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, by, version],
    );
    return row;
  }

  async touch(id: string, version: number, manager: EntityManager): Promise<MessageRow> {
    const [[row]]: [MessageRow[], number] = await manager.query(
      `UPDATE ${this.s}.messages SET version = $2 WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, version],
    );
    return row;
  }

  /** Removes the reaction if it was there (false), else adds it (true); undefined when the message has too many emojis. */
  async toggleReaction(messageId: string, emoji: string, author: Author, maxEmojis: number, manager: EntityManager): Promise<boolean | undefined> {
    const [removed]: [unknown[], number] = await manager.query(
      `DELETE FROM ${this.s}.reactions WHERE message_id = $1 AND emoji = $2 AND identity = $3 RETURNING emoji`,
      [messageId, emoji, author.identity],
    );
    if (removed.length > 0) return false;
    const [{ n }]: Array<{ n: string }> = await manager.query(
      `SELECT COUNT(DISTINCT emoji) FILTER (WHERE emoji <> $2) AS n FROM ${this.s}.reactions WHERE message_id = $1`,
      [messageId, emoji],
    );
    const known: unknown[] = await manager.query(`SELECT 1 FROM ${this.s}.reactions WHERE message_id = $1 AND emoji = $2 LIMIT 1`, [messageId, emoji]);
    if (known.length === 0 && Number(n) >= maxEmojis) return undefined;
    await manager.query(
      `INSERT INTO ${this.s}.reactions (message_id, emoji, identity, user_id, display_name) VALUES ($1, $2, $3, $4, $5)`,
      [messageId, emoji, author.identity, author.userId, author.displayName],
    );
    return true;
  }

  /** Everything `identity` may see that changed after `after`, oldest change first; one more than `limit` tells there is more. */
  async changedSince(meetingId: string, identity: string, after: number, limit: number): Promise<MessageRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${this.s}.messages WHERE meeting_id = $1 AND version > $3 AND ${VISIBLE} ORDER BY version LIMIT $4`,
      [meetingId, identity, after, limit],
    );
  }

  /** Messages `identity` may see before position `before` (or the latest), newest first. */
  async before(meetingId: string, identity: string, before: number | null, limit: number): Promise<MessageRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${this.s}.messages WHERE meeting_id = $1 AND ($3::bigint IS NULL OR seq < $3) AND ${VISIBLE}
       ORDER BY seq DESC LIMIT $4`,
      [meetingId, identity, before, limit],
    );
  }

  /** Messages `identity` may see after position `after`, oldest first, deleted ones left out (exports). */
  async visibleAfter(meetingId: string, identity: string, after: number, limit: number): Promise<MessageRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${this.s}.messages WHERE meeting_id = $1 AND seq > $3 AND deleted_at IS NULL AND ${VISIBLE} ORDER BY seq LIMIT $4`,
      [meetingId, identity, after, limit],
    );
  }

  /**
   * Full-text search over the meetings `userId` took part in (members), newest first by `pos`:
   * websearch_to_tsquery with the 'simple' configuration (docs/decisions.md, Chat).
   */
  async search(userId: string, query: string, beforePos: number | null, limit: number): Promise<MessageRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS.split(',').map((c) => `m.${c.trim()}`).join(', ')}
       FROM ${this.s}.messages m JOIN ${this.s}.members p ON p.meeting_id = m.meeting_id AND p.user_id = $1 AND p.removed_at IS NULL
       WHERE m.body_tsv @@ websearch_to_tsquery('simple', $2) AND m.deleted_at IS NULL
         AND (m.recipient_identity IS NULL OR m.sender_identity = p.identity OR m.recipient_identity = p.identity)
         AND ($3::bigint IS NULL OR m.pos < $3)
       ORDER BY m.pos DESC LIMIT $4`,
      [userId, query, beforePos, limit],
    );
  }

  /** Rows as messages, with their reactions and files. */
  async views(rows: readonly MessageRow[], manager?: EntityManager): Promise<ChatMessage[]> {
    if (rows.length === 0) return [];
    const reactions: ReactionRow[] = await this.q(manager).query(
      `SELECT message_id, emoji, identity, display_name FROM ${this.s}.reactions WHERE message_id = ANY($1::uuid[]) ORDER BY created_at, emoji`,
      [rows.map((r) => r.id)],
    );
    const fileIds = rows.flatMap((r) => (r.file_id ? [r.file_id] : []));
    const files: Array<{ id: string; name: string; size: string; content_type: string }> =
      fileIds.length === 0
        ? []
        : await this.q(manager).query(`SELECT id, name, size, content_type FROM ${this.s}.files WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL`, [fileIds]);
    const fileOf = new Map(files.map((f) => [f.id, toChatFile(f)]));
    const grouped = groupReactions(reactions);
    return rows.map((row) => toChatMessage(row, grouped.get(row.id), row.file_id ? fileOf.get(row.file_id) : undefined));
  }
}
