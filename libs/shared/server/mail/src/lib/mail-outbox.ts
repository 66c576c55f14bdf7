import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { quotedSchema } from '@confer/shared/server/database';
import type { Mail, MailAttachment, QueuedMail } from './mail';

interface Row {
  id: string;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string;
  attachments: MailAttachment[] | null;
  attempts: number;
}

/**
 * Mail is written to the service's `outgoing_mail` table (in the DataSource's schema) in the same
 * transaction as the change it reports, and sent by MailSender afterwards: a request never waits for
 * SMTP (so its timing says nothing), and a mail is never lost to a crash between commit and send.
 */
@Injectable()
export class MailOutbox {
  private readonly s: string;

  constructor(private readonly dataSource: DataSource) {
    this.s = quotedSchema(dataSource);
  }

  async enqueue(mail: Mail, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.s}.outgoing_mail (id, recipient, subject, text_body, html_body, attachments) VALUES ($1, $2, $3, $4, $5, $6)`,
      [randomUUID(), mail.to, mail.subject, mail.text, mail.html, JSON.stringify(mail.attachments ?? [])],
    );
  }

  /** Claims due mail for `leaseMs` so that two instances never send the same message twice. */
  async claimDue(limit: number, leaseMs: number): Promise<QueuedMail[]> {
    const [rows]: [Row[], number] = await this.dataSource.query(
      `UPDATE ${this.s}.outgoing_mail SET next_attempt_at = now() + ($2 || ' milliseconds')::interval
       WHERE id IN (
         SELECT id FROM ${this.s}.outgoing_mail WHERE sent_at IS NULL AND next_attempt_at <= now()
         ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING id, recipient, subject, text_body, html_body, attachments, attempts`,
      [limit, String(leaseMs)],
    );
    return rows.map((r) => ({
      id: r.id,
      to: r.recipient,
      subject: r.subject,
      text: r.text_body,
      html: r.html_body,
      attachments: r.attachments ?? [],
      attempts: r.attempts,
    }));
  }

  async markSent(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE ${this.s}.outgoing_mail SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1`, [id]);
  }

  async markFailed(id: string, error: string, retryInMs: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${this.s}.outgoing_mail SET attempts = attempts + 1, last_error = $2,
         next_attempt_at = now() + ($3 || ' milliseconds')::interval WHERE id = $1`,
      [id, error.slice(0, 500), String(retryInMs)],
    );
  }
}
