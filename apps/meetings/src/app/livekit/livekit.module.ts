import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { AttendancePersonalData } from '../attendance/attendance-personal-data';
import { AttendanceRepository } from '../attendance/attendance.repository';
import { RoomEventsHandler } from '../attendance/room-events.handler';
import { JoinController } from '../join/join.controller';
import { JoinService } from '../join/join.service';
import { LiveMeetingRepository } from '../live/live-meeting.repository';
import { LiveRoomService } from '../live/live-room.service';
import { LiveStateService } from '../live/live-state.service';
import { ParticipantRepository } from '../live/participant.repository';
import { Reconciler } from '../live/reconciler';
import { LobbyController } from '../lobby/lobby.controller';
import { LobbyService } from '../lobby/lobby.service';
import { MeetingRoles } from '../room-control/meeting-roles';
import { RoomControlController } from '../room-control/room-control.controller';
import { RoomControlService } from '../room-control/room-control.service';
import { LiveKitWebhookController } from './livekit-webhook.controller';
import { LiveKitWebhookService } from './livekit-webhook.service';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';

/**
 * Everything that touches LiveKit: joining and the lobby, host controls, webhooks and the reconciler
 * (docs/decisions.md, "Meetings: joining and live state"). Global: the privacy holder (in
 * PlatformModule) uses AttendancePersonalData.
 */
@Global()
@Module({
  controllers: [JoinController, LobbyController, RoomControlController, LiveKitWebhookController],
  providers: [
    LiveMeetingRepository,
    ParticipantRepository,
    AttendanceRepository,
    WebhookDeliveryRepository,
    LiveRoomService,
    LiveStateService,
    JoinService,
    LobbyService,
    MeetingRoles,
    RoomControlService,
    RoomEventsHandler,
    LiveKitWebhookService,
    Reconciler,
    AttendancePersonalData,
  ],
  exports: [AttendancePersonalData],
})
export class LiveKitModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** LiveKit signs the exact bytes it sends, so its webhook body is kept as a string. */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    if (!fastify.hasContentTypeParser('application/webhook+json')) {
      fastify.addContentTypeParser('application/webhook+json', { parseAs: 'string', bodyLimit: 256 * 1024 }, (_req, body, done) =>
        done(null, body),
      );
    }
  }
}
