import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PRIVACY_LIMITS, type DataExportArchive } from '@confer/identity/contracts';
import {
  PRIVACY_PARTICIPANTS,
  PrivacyRpc,
  type PrivacyErasureReport,
  type PrivacyExportPart,
  type PrivacySubject,
} from '@confer/shared/contracts';
import { RpcClient } from '@confer/shared/server/events';
import { LOGGER, type Logger } from '@confer/shared/server/observability';
import { AvatarStorage } from '../avatars/avatar-storage';
import type { IdentityConfig } from '../identity.env';
import { IDENTITY_CONFIG } from '../identity.tokens';
import { MailOutbox } from '@confer/shared/server/mail';
import { MailTemplates } from '../mail/mail-templates';
import { SecurityLogService } from '../security-log/security-log.service';
import { ExportStorage } from './export-storage';
import { PersonalDataRepository } from './personal-data.repository';
import { PrivacyRequestRepository, type PrivacyRequest } from './privacy-request.repository';

const LEASE_MS = 5 * 60_000;
const MAX_BACKOFF_MS = 15 * 60_000;
/** An export that keeps failing is given up (the user may start another); a deletion never is. */
const EXPORT_MAX_ATTEMPTS = 6;
const HOUSEKEEPING_EVERY_MS = 60_000;

/**
 * Runs privacy requests in the background, one at a time per instance (several instances share the
 * queue through SKIP LOCKED and a lease). Each participating service is asked over the bus; an
 * answer that does not come is retried with back-off, and progress per service is kept on the row
 * so the person sees it.
 */
@Injectable()
export class PrivacyJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private lastHousekeeping = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly requests: PrivacyRequestRepository,
    private readonly personalData: PersonalDataRepository,
    private readonly exports: ExportStorage,
    private readonly avatars: AvatarStorage,
    private readonly mail: MailOutbox,
    private readonly securityLog: SecurityLogService,
    private readonly rpc: RpcClient,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(this.config.PRIVACY_POLL_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** A request was queued: look now rather than at the next poll. */
  wake(): void {
    if (this.stopped || this.running) return;
    clearTimeout(this.timer);
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runDue()
        .catch((err) => this.logger.warn({ err: String(err) }, 'privacy job poll failed'))
        .finally(() => {
          this.running = undefined;
          this.schedule(this.config.PRIVACY_POLL_INTERVAL_MS);
        });
    }, delayMs);
  }

  private async runDue(): Promise<void> {
    if (Date.now() - this.lastHousekeeping >= HOUSEKEEPING_EVERY_MS) await this.housekeeping();
    for (let job = await this.requests.claimDue(LEASE_MS); job && !this.stopped; job = await this.requests.claimDue(LEASE_MS)) {
      try {
        if (job.kind === 'export') await this.runExport(job);
        else await this.runDeletion(job);
      } catch (error) {
        const message = String((error as Error)?.message ?? error);
        const giveUp = job.kind === 'export' && job.attempts + 1 >= EXPORT_MAX_ATTEMPTS;
        this.logger.warn({ requestId: job.id, kind: job.kind, attempts: job.attempts + 1, giveUp, error: message }, 'privacy job failed');
        await this.requests.retryLater(job.id, message, Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(job.attempts, 10)), giveUp);
      }
    }
  }

  private async runExport(job: PrivacyRequest): Promise<void> {
    const subject: PrivacySubject = { userId: job.userId, requestId: job.id };
    const identity = await this.personalData.collect(job.userId);
    if (!identity) throw new Error('the account no longer exists');
    await this.requests.markPart(job.id, 'identity', 'done');
    const archive: DataExportArchive = {
      format: 'confer-data-export',
      version: 1,
      generatedAt: new Date().toISOString(),
      userId: job.userId,
      services: { identity },
    };
    for (const service of PRIVACY_PARTICIPANTS) {
      const part = await this.rpc.call<PrivacyExportPart, PrivacySubject>(PrivacyRpc.export(service), subject);
      archive.services[service] = part.data;
      await this.requests.markPart(job.id, service, 'done');
    }
    const body = Buffer.from(JSON.stringify(archive, null, 2), 'utf8');
    const key = ExportStorage.key(job.userId, job.id);
    await this.exports.put(key, body);
    const expiresAt = new Date(Date.now() + PRIVACY_LIMITS.exportTtlDays * 86_400_000);
    await this.dataSource.transaction(async (manager) => {
      await this.requests.complete(job.id, { archiveKey: key, sizeBytes: body.length, expiresAt }, manager);
      const account = identity['account'] as { email: string; displayName: string };
      const link = new URL('/settings/privacy', this.config.PUBLIC_ORIGIN).toString();
      await this.mail.enqueue(MailTemplates.exportReady(account.email, account.displayName, link, PRIVACY_LIMITS.exportTtlDays), manager);
    });
    this.logger.info({ requestId: job.id, bytes: body.length }, 'data export ready');
  }

  /** Participants first (they may still need nothing from identity, but identity goes last). */
  private async runDeletion(job: PrivacyRequest): Promise<void> {
    const subject: PrivacySubject = { userId: job.userId, requestId: job.id };
    const counts: Record<string, Record<string, number>> = {};
    for (const service of PRIVACY_PARTICIPANTS) {
      if (job.parts[service] === 'done') continue;
      const report = await this.rpc.call<PrivacyErasureReport, PrivacySubject>(PrivacyRpc.erase(service), subject);
      counts[service] = report.counts;
      await this.requests.markPart(job.id, service, 'done');
    }
    for (const archive of await this.requests.archivesOf(job.userId)) {
      await this.exports.delete(archive.archiveKey);
      await this.requests.markExpired(archive.id);
    }
    const targets = await this.dataSource.transaction((manager) => this.personalData.erasureTargets(job.userId, manager));
    for (let version = 1; version <= (targets?.avatarVersions ?? 0); version++) await this.avatars.deleteVersion(job.userId, version);
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.personalData.erasureTargets(job.userId, manager);
      if (locked) {
        counts['identity'] = await this.personalData.erase(job.userId, locked.email, manager);
        await this.mail.enqueue(MailTemplates.accountDeleted(locked.email, locked.displayName), manager);
      }
      await this.securityLog.record({ type: 'account.deleted', userId: job.userId }, manager);
      await this.requests.markPart(job.id, 'identity', 'done', manager);
      await this.requests.complete(job.id, {}, manager);
    });
    this.logger.info({ requestId: job.id, counts }, 'account deleted');
  }

  private async housekeeping(): Promise<void> {
    this.lastHousekeeping = Date.now();
    await this.requests.cancelStaleConfirmations();
    for (const expired of await this.requests.expiredExports(50)) {
      if (expired.archiveKey) await this.exports.delete(expired.archiveKey);
      await this.requests.markExpired(expired.id);
    }
  }
}
