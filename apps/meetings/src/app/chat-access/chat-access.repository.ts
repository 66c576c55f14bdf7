import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { quotedSchema } from '@confer/shared/server/database';
import { hashTicket } from '../join/ticket';
import type { ChatAccessKey, ChatAccessRow } from './chat-access';

/** Reads a meeting and one of its participants, by user id, ticket (its hash) or identity. */
@Injectable()
export class ChatAccessRepository {
  private readonly s: string;

  constructor(private readonly dataSource: DataSource) {
    this.s = quotedSchema(dataSource);
  }

  async find(key: ChatAccessKey): Promise<ChatAccessRow | undefined> {
    const [column, value] =
      key.by === 'userId' ? ['p.user_id', key.value] : key.by === 'ticket' ? ['p.ticket_hash', hashTicket(key.value)] : ['p.identity', key.value];
    const [row]: ChatAccessRow[] = await this.dataSource.query(
      `SELECT m.id AS meeting_id, m.code, m.status, m.host_id, m.settings,
         p.identity, p.user_id, p.display_name, p.role, p.status AS participant_status, p.admitted_at IS NOT NULL AS ever_admitted
       FROM ${this.s}.meetings m JOIN ${this.s}.meeting_participants p ON p.meeting_id = m.id
       WHERE m.code = $1 AND ${column} = $2`,
      [key.code, value],
    );
    return row;
  }
}
