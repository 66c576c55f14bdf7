import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { LOGGER, type Logger } from '@confer/shared/server/observability';
import { LiveKitWebhookService } from '../livekit/livekit-webhook.service';
import { MEETINGS_CONFIG } from '../meetings.tokens';
import type { MeetingsConfig } from '../meetings.env';
import { LiveMeetingRepository } from './live-meeting.repository';
import { LiveRoomService } from './live-room.service';
import { LiveStateService } from './live-state.service';

export interface ReconcileReport {
  endedWithoutRoom: number;
  endedEmpty: number;
  deletedStrayRooms: number;
}

/**
 * Webhooks can be lost; LiveKit is the truth about rooms. Every MEETINGS_RECONCILE_INTERVAL_MS this
 * compares live meetings with LiveKit's rooms: a live meeting without a room is ended, a room empty
 * for EMPTY_ROOM_TIMEOUT_MINUTES (since the last leave, or the start) is deleted and its meeting
 * ended, and a room of a meeting that is over is deleted. Every step is idempotent, so several
 * instances may run it at once.
 */
@Injectable()
export class Reconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @Inject(MEETINGS_CONFIG) private readonly config: MeetingsConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly meetings: LiveMeetingRepository,
    private readonly room: LiveRoomService,
    private readonly live: LiveStateService,
    private readonly webhooks: LiveKitWebhookService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.reconcile()
        .then(() => this.webhooks.forgetOldDeliveries())
        .catch((error: unknown) =>
          this.logger.warn({ component: 'reconciler', err: error instanceof Error ? error.message : String(error) }, 'reconcile failed'),
        )
        .finally(() => (this.running = undefined));
    }, this.config.MEETINGS_RECONCILE_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async reconcile(now = Date.now()): Promise<ReconcileReport> {
    const report: ReconcileReport = { endedWithoutRoom: 0, endedEmpty: 0, deletedStrayRooms: 0 };
    // Live meetings first: a meeting live by then had its room created before, so the list below has it.
    const live = await this.meetings.liveWithLastPresence();
    const rooms = new Map((await this.room.listRooms()).map((r) => [r.name, r]));
    const emptyLimit = this.config.EMPTY_ROOM_TIMEOUT_MINUTES * 60_000;
    for (const meeting of live) {
      const room = rooms.get(meeting.id);
      rooms.delete(meeting.id);
      if (!room) {
        if (await this.live.end(meeting.id, 'reconciled')) report.endedWithoutRoom++;
        continue;
      }
      const emptySince = meeting.lastPresence?.getTime() ?? Number(room.creationTime) * 1000;
      if (room.numParticipants === 0 && now - emptySince >= emptyLimit) {
        if (await this.live.end(meeting.id, 'reconciled')) report.endedEmpty++;
      }
    }
    // Rooms left over: those of meetings that are over (ended elsewhere, cancelled, erased) go.
    const statuses = await this.meetings.statusesOf([...rooms.keys()].filter((name) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(name)));
    for (const [id, status] of statuses) {
      if (status === 'ended' || status === 'cancelled') {
        await this.room.deleteRoom(id);
        report.deletedStrayRooms++;
      }
    }
    if (report.endedWithoutRoom + report.endedEmpty + report.deletedStrayRooms > 0) {
      this.logger.info({ component: 'reconciler', ...report }, 'reconciled live meetings with livekit');
    }
    return report;
  }
}
