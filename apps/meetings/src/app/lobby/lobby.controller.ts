import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { LobbyEntryView, LobbyPollResult } from '@confer/meetings/contracts';
import type { AuthUser } from '@confer/shared/contracts';
import { CurrentUser, Public } from '@confer/shared/server/auth';
import { deviceLabel } from '../attendance/device-label';
import { CodeParams, CodeTicketParams } from '../join/join.dto';
import { JoinService } from '../join/join.service';
import { CodeIdentityParams } from '../room-control/room-control.dto';
import { LobbyService } from './lobby.service';

/** The waiting room: hosts list and decide; the waiting person polls with their ticket. */
@ApiTags('lobby')
@ApiBearerAuth()
@Controller('meetings/:code/lobby')
export class LobbyController {
  constructor(
    private readonly lobby: LobbyService,
    private readonly joining: JoinService,
  ) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Param() params: CodeParams): Promise<LobbyEntryView[]> {
    return this.lobby.list(params.code, user);
  }

  @Post(':identity/admit')
  @HttpCode(204)
  admit(@CurrentUser() user: AuthUser, @Param() params: CodeIdentityParams): Promise<void> {
    return this.lobby.decide(params.code, user, params.identity, true);
  }

  @Post(':identity/deny')
  @HttpCode(204)
  deny(@CurrentUser() user: AuthUser, @Param() params: CodeIdentityParams): Promise<void> {
    return this.lobby.decide(params.code, user, params.identity, false);
  }

  /** Public: the ticket is the proof. Waiting, admitted (with a token), denied or removed. */
  @Public()
  @Get(':ticket')
  poll(@Param() params: CodeTicketParams, @Req() request: FastifyRequest): Promise<LobbyPollResult> {
    return this.joining.poll(params.code, params.ticket, request.ip, deviceLabel(request.headers['user-agent']));
  }
}
