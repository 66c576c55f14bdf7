import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  HandLowered,
  HandRaised,
  LIVE_ATTRIBUTES,
  MeetingsErrorCode,
  type JoinResult,
  type LiveKitGrant,
  type LobbyPollResult,
  type MeetingPreview,
  type MeetingRole,
} from '@confer/meetings/contracts';
import { IdentityRpc, type UserContact } from '@confer/identity/contracts';
import { verifyPasscode } from '@confer/meetings/domain';
import type { AuthUser } from '@confer/shared/contracts';
import { EventPublisher, RpcClient } from '@confer/shared/server/events';
import { RateLimiter } from '@confer/shared/server/platform';
import { DomainError } from '@confer/shared/util';
import { LiveMeetingRepository, type LiveMeeting } from '../live/live-meeting.repository';
import { LiveRoomService } from '../live/live-room.service';
import { LiveStateService } from '../live/live-state.service';
import { ParticipantRepository, type Participant } from '../live/participant.repository';
import { mintParticipantToken } from '../live/participant-token';
import { entryBlocks } from '../live/unmute-policy';
import { MEETINGS_CONFIG } from '../meetings.tokens';
import type { MeetingsConfig } from '../meetings.env';
import { JoinLimits } from './join.limits';
import { hashTicket, newTicket } from './ticket';

/** Who asks to join: a signed-in person, or a guest with the name they typed. */
export type Joiner = { kind: 'user'; user: AuthUser } | { kind: 'guest'; displayName: string };

export function meetingNotFound(): DomainError {
  return new DomainError(MeetingsErrorCode.MeetingNotFound, 'not_found', 'There is no such meeting.');
}

@Injectable()
export class JoinService {
  constructor(
    @Inject(MEETINGS_CONFIG) private readonly config: MeetingsConfig,
    private readonly dataSource: DataSource,
    private readonly meetings: LiveMeetingRepository,
    private readonly participants: ParticipantRepository,
    private readonly room: LiveRoomService,
    private readonly live: LiveStateService,
    private readonly limiter: RateLimiter,
    private readonly events: EventPublisher,
    private readonly rpc: RpcClient,
  ) {}

  async preview(code: string, ip: string): Promise<MeetingPreview> {
    await this.limiter.enforce(JoinLimits.previewPerIp, ip);
    const meeting = await this.meetings.findByCode(code);
    if (!meeting) throw meetingNotFound();
    return {
      code: meeting.code,
      title: meeting.title,
      hostName: await this.hostNameOf(meeting),
      status: meeting.status,
      passcodeRequired: meeting.passcodeHash !== null,
      waitingRoom: meeting.settings.waitingRoom,
      guestsAllowed: meeting.settings.allowGuests,
      locked: meeting.locked,
    };
  }

  /**
   * The host's display name: remembered when the host joins, or asked of identity once and kept.
   * A preview still answers (without the name) when identity does not.
   */
  private async hostNameOf(meeting: LiveMeeting): Promise<string | null> {
    if (meeting.hostName) return meeting.hostName;
    try {
      const [user] = await this.rpc.call<UserContact[]>(IdentityRpc.usersByIds, { ids: [meeting.hostId] }, 2000);
      if (!user) return null;
      await this.meetings.rememberHostName(meeting.id, user.displayName);
      return user.displayName;
    } catch {
      return null;
    }
  }

  /** `device` is the label of the joining browser (attendance/device-label.ts), kept for their attendance. */
  async join(code: string, joiner: Joiner, passcode: string | undefined, ip: string, device: string): Promise<JoinResult> {
    await this.limiter.enforce([
      { rule: JoinLimits.joinPerIp, subject: ip },
      { rule: JoinLimits.joinPerMeeting, subject: code },
    ]);
    const meeting = await this.meetings.findByCode(code);
    if (!meeting) throw meetingNotFound();
    if (meeting.status === 'ended' || meeting.status === 'cancelled') {
      throw new DomainError(MeetingsErrorCode.MeetingNotJoinable, 'conflict', 'This meeting is over.');
    }
    if (joiner.kind === 'guest' && !meeting.settings.allowGuests) {
      throw new DomainError(MeetingsErrorCode.GuestsNotAllowed, 'forbidden', 'Sign in to join this meeting.');
    }
    const identity = joiner.kind === 'user' ? joiner.user.id : `guest-${randomUUID()}`;
    const displayName = joiner.kind === 'user' ? joiner.user.name : joiner.displayName.trim();
    if (!displayName) throw new DomainError('VALIDATION_FAILED', 'invalid', 'Type the name others will see.');
    const existing = joiner.kind === 'user' ? await this.participants.find(meeting.id, identity) : undefined;
    if (existing?.status === 'removed') throw removed();
    const role: MeetingRole = identity === meeting.hostId ? 'host' : existing?.role === 'co-host' ? 'co-host' : 'participant';
    const hostly = role !== 'participant';

    if (meeting.locked && !hostly) throw new DomainError(MeetingsErrorCode.MeetingLocked, 'forbidden', 'The meeting is locked.');
    if (meeting.passcodeHash && role !== 'host' && !(passcode && (await verifyPasscode(passcode, meeting.passcodeHash)))) {
      throw new DomainError(MeetingsErrorCode.PasscodeInvalid, 'forbidden', 'The passcode is not right.');
    }
    if (role !== 'host' && (await this.participants.countAdmitted(meeting.id, identity)) >= meeting.settings.maxParticipants) {
      throw new DomainError(MeetingsErrorCode.MeetingFull, 'conflict', 'The meeting is full.');
    }
    if (role === 'host' && meeting.hostName !== displayName) await this.meetings.rememberHostName(meeting.id, displayName);

    const waits = meeting.settings.waitingRoom && !hostly;
    const { ticket, hash } = newTicket();
    const participant = await this.participants.upsert({
      meetingId: meeting.id,
      identity,
      userId: joiner.kind === 'user' ? joiner.user.id : null,
      displayName,
      role,
      status: waits ? 'waiting' : 'admitted',
      ticketHash: hash,
      entryBlocks: entryBlocks(role, meeting.settings),
      device,
    });
    if (!participant) throw removed();
    if (participant.status === 'waiting') {
      await this.live.refresh(meeting.id, true);
      return { status: 'waiting', ticket, identity };
    }
    return { status: 'admitted', ticket, ...(await this.grant(meeting, participant)) };
  }

  /** The lobby as the waiting person sees it: still waiting, admitted (with a token), denied or removed. */
  async poll(code: string, ticket: string, ip: string, device: string): Promise<LobbyPollResult> {
    const { meeting, participant } = await this.byTicket(code, ticket, ip);
    switch (participant.status) {
      case 'waiting':
        return { status: 'waiting', ticket, identity: participant.identity };
      case 'admitted':
      case 'left':
        await this.participants.recordDevice(participant.id, device);
        return { status: 'admitted', ticket, ...(await this.grant(meeting, participant)) };
      default:
        return { status: participant.status };
    }
  }

  /** A fresh LiveKit token for someone admitted (or briefly disconnected) who holds their ticket. */
  async renew(code: string, ticket: string, ip: string, device: string): Promise<LiveKitGrant> {
    const { meeting, participant } = await this.byTicket(code, ticket, ip);
    if (participant.status === 'removed') throw removed();
    if (participant.status !== 'admitted' && participant.status !== 'left') {
      throw new DomainError(MeetingsErrorCode.MeetingRoleRequired, 'forbidden', 'You have not been admitted to this meeting.');
    }
    await this.participants.recordDevice(participant.id, device);
    return this.grant(meeting, participant);
  }

  /** Raises or lowers the caller's own hand: their attribute in the room, and an event. */
  async hand(code: string, ticket: string, raised: boolean, ip: string): Promise<void> {
    const { meeting, participant } = await this.byTicket(code, ticket, ip);
    if (participant.status !== 'admitted') throw new DomainError(MeetingsErrorCode.ParticipantNotInRoom, 'conflict', 'You are not in this meeting.');
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.participants.setHand(meeting.id, participant.identity, raised, manager))) return;
      const payload = { meetingId: meeting.id, identity: participant.identity, at: new Date().toISOString() };
      await this.events.publish(raised ? new HandRaised(payload) : new HandLowered(payload), manager);
    });
    await this.room.setAttributes(meeting.id, participant.identity, { [LIVE_ATTRIBUTES.handRaised]: raised ? '1' : '' });
  }

  async grant(meeting: LiveMeeting, participant: Participant): Promise<LiveKitGrant> {
    await this.room.ensureRoom(meeting.id, meeting.settings, await this.live.metadataOf(meeting));
    const { token, expiresAt } = await mintParticipantToken({
      apiKey: this.config.LIVEKIT_API_KEY,
      apiSecret: this.config.LIVEKIT_API_SECRET,
      room: meeting.id,
      identity: participant.identity,
      name: participant.displayName,
      role: participant.role,
      settings: meeting.settings,
      handRaised: participant.handRaised,
      blocked: participant.blockedTracks,
      ttlSeconds: this.config.LIVEKIT_TOKEN_TTL_SECONDS,
    });
    const blocked = new Set(participant.blockedTracks);
    return {
      livekitUrl: this.config.LIVEKIT_PUBLIC_URL,
      token,
      identity: participant.identity,
      role: participant.role,
      expiresAt,
      entry: {
        microphoneOn: !meeting.settings.muteOnEntry && !blocked.has('microphone'),
        cameraOn: !meeting.settings.cameraOffOnEntry && !blocked.has('camera'),
      },
    };
  }

  private async byTicket(code: string, ticket: string, ip: string): Promise<{ meeting: LiveMeeting; participant: Participant }> {
    await this.limiter.enforce(JoinLimits.ticketPerIp, ip);
    const meeting = await this.meetings.findByCode(code);
    const participant = meeting ? await this.participants.findByTicket(meeting.id, hashTicket(ticket)) : undefined;
    if (!meeting || !participant) throw meetingNotFound();
    if (meeting.status === 'ended' || meeting.status === 'cancelled') {
      throw new DomainError(MeetingsErrorCode.MeetingNotJoinable, 'conflict', 'This meeting is over.');
    }
    return { meeting, participant };
  }
}

function removed(): DomainError {
  return new DomainError(MeetingsErrorCode.ParticipantRemoved, 'forbidden', 'A host removed you from this meeting.');
}
