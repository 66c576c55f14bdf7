import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { LOGGER, type Logger } from '@confer/shared/server/observability';
import { MAIL_SETTINGS, type MailSettings, type QueuedMail } from './mail';
import { MailOutbox } from './mail-outbox';

const BATCH = 20;
const LEASE_MS = 60_000;
const MAX_BACKOFF_MS = 15 * 60_000;

/** The wait before the next attempt after `attempts` failures: 1 s doubling, at most 15 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(attempts, 10));
}

/** Sends queued mail over SMTP, retrying with back-off; a message that keeps failing stays queued. */
@Injectable()
export class MailSender implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly transport: Transporter;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly outbox: MailOutbox,
    @Inject(MAIL_SETTINGS) private readonly settings: MailSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.transport = createTransport(settings.smtpUrl, { from: settings.from });
  }

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    this.transport.close();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sendDue()
        .catch((err) => this.logger.warn({ err: String(err) }, 'mail outbox poll failed'))
        .finally(() => this.schedule());
    }, this.settings.pollIntervalMs);
  }

  private async sendDue(): Promise<void> {
    const due = await this.outbox.claimDue(BATCH, LEASE_MS);
    for (const mail of due) await this.send(mail);
  }

  private async send(mail: QueuedMail): Promise<void> {
    try {
      await this.transport.sendMail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content, encoding: 'base64' })),
      });
      await this.outbox.markSent(mail.id);
    } catch (error) {
      // The recipient is personal data and is not logged; the id finds the row.
      this.logger.warn({ mailId: mail.id, attempts: mail.attempts + 1, error: String((error as Error).message) }, 'mail not sent; will retry');
      await this.outbox.markFailed(mail.id, String((error as Error).message), retryDelayMs(mail.attempts));
    }
  }
}
