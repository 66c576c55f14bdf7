/** A file attached to a mail, e.g. an iCalendar invitation. */
export interface MailAttachment {
  filename: string;
  /** Full MIME type with parameters, e.g. `text/calendar; method=REQUEST; charset=UTF-8`. */
  contentType: string;
  /** The bytes, base64. */
  content: string;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
}

export interface QueuedMail extends Mail {
  id: string;
  attempts: number;
  attachments: MailAttachment[];
}

/** How a service sends mail; each service maps its own validated config onto this. */
export interface MailSettings {
  /** smtp:// or smtps://, credentials included. */
  smtpUrl: string;
  /** The From header, e.g. `Confer <no-reply@confer.local>`. */
  from: string;
  /** How often the outbox is polled for due mail. */
  pollIntervalMs: number;
}

/** Injection token of the MailSettings a service provides. */
export const MAIL_SETTINGS = 'MAIL_SETTINGS';

/** An attachment from text (UTF-8). */
export function textAttachment(filename: string, contentType: string, text: string): MailAttachment {
  return { filename, contentType, content: Buffer.from(text, 'utf8').toString('base64') };
}

/** Escapes a value for the HTML part of a mail. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
