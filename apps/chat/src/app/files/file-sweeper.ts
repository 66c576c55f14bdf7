import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LOGGER, type Logger } from '@confer/shared/server/observability';
import { FileRepository } from './file.repository';
import { FileService } from './file.service';

const EVERY_MS = 10 * 60 * 1000;
const BATCH = 100;

/**
 * Every ten minutes, on every instance (rows are shared out with SKIP LOCKED): removes the files of
 * deleted messages that were not removed at once, and uploads never shared within an hour.
 */
@Injectable()
export class FileSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly files: FileRepository,
    private readonly service: FileService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep().catch((error: unknown) => this.logger.warn({ err: error }, 'chat: file sweep failed')), EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<void> {
    await this.dataSource.transaction(async (manager) => this.service.discard(await this.files.sweepable(BATCH, manager), manager));
  }
}
