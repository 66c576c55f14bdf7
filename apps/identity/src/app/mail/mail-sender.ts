import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { LOGGER, type Logger } from '@confer/shared/server/observability';
import { IDENTITY_CONFIG } from '../identity.tokens';
import type { IdentityConfig } from '../identity.env';
import { MailOutbox, type QueuedMail } from './mail-outbox';

const BATCH = 20;
const LEASE_MS = 60_000;
const MAX_BACKOFF_MS = 15 * 60_000;

/** Sends queued mail over SMTP, retrying with back-off; a message that keeps failing stays queued. */
@Injectable()
export class MailSender implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly transport: Transporter;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly outbox: MailOutbox,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.transport = createTransport(config.SMTP_URL, { from: config.MAIL_FROM });
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
    }, this.config.MAIL_POLL_INTERVAL_MS);
  }

  private async sendDue(): Promise<void> {
    const due = await this.outbox.claimDue(BATCH, LEASE_MS);
    for (const mail of due) await this.send(mail);
  }

  private async send(mail: QueuedMail): Promise<void> {
    try {
      await this.transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      await this.outbox.markSent(mail.id);
    } catch (error) {
      const retryIn = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(mail.attempts, 10));
      // The recipient is personal data and is not logged; the id finds the row.
      this.logger.warn({ mailId: mail.id, attempts: mail.attempts + 1, error: String((error as Error).message) }, 'mail not sent; will retry');
      await this.outbox.markFailed(mail.id, String((error as Error).message), retryIn);
    }
  }
}
