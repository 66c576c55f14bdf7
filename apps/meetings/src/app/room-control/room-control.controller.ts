import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ParticipantView } from '@confer/meetings/contracts';
import type { AuthUser } from '@confer/shared/contracts';
import { CurrentUser } from '@confer/shared/server/auth';
import { CodeParams } from '../join/join.dto';
import { AllowTrackDto, CodeIdentityParams, LockDto, MuteDto, RoleDto, TransferHostDto } from './room-control.dto';
import { RoomControlService } from './room-control.service';

/** Host and co-host controls of one meeting; every route checks the caller's role in it. */
@ApiTags('room control')
@ApiBearerAuth()
@Controller('meetings/:code')
export class RoomControlController {
  constructor(private readonly control: RoomControlService) {}

  @Get('participants')
  participants(@CurrentUser() user: AuthUser, @Param() params: CodeParams): Promise<ParticipantView[]> {
    return this.control.participantsOf(params.code, user);
  }

  @Post('participants/:identity/mute')
  @HttpCode(204)
  mute(@CurrentUser() user: AuthUser, @Param() params: CodeIdentityParams, @Body() body: MuteDto): Promise<void> {
    return this.control.mute(params.code, user, params.identity, body.track);
  }

  /** Lets a participant a host muted (or who entered muted) turn that track on again; see docs/decisions.md. */
  @Post('participants/:identity/allow')
  @HttpCode(204)
  allow(@CurrentUser() user: AuthUser, @Param() params: CodeIdentityParams, @Body() body: AllowTrackDto): Promise<void> {
    return this.control.allow(params.code, user, params.identity, body.track);
  }

  @Post('mute-all')
  @HttpCode(204)
  muteAll(@CurrentUser() user: AuthUser, @Param() params: CodeParams): Promise<void> {
    return this.control.muteAll(params.code, user);
  }

  @Delete('participants/:identity')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @Param() params: CodeIdentityParams): Promise<void> {
    return this.control.remove(params.code, user, params.identity);
  }

  @Put('participants/:identity/role')
  @HttpCode(204)
  role(@CurrentUser() user: AuthUser, @Param() params: CodeIdentityParams, @Body() body: RoleDto): Promise<void> {
    return this.control.setRole(params.code, user, params.identity, body.role);
  }

  @Post('host')
  @HttpCode(204)
  transfer(@CurrentUser() user: AuthUser, @Param() params: CodeParams, @Body() body: TransferHostDto): Promise<void> {
    return this.control.transferHost(params.code, user, body.identity);
  }

  @Put('lock')
  @HttpCode(204)
  lock(@CurrentUser() user: AuthUser, @Param() params: CodeParams, @Body() body: LockDto): Promise<void> {
    return this.control.lock(params.code, user, body.locked);
  }

  @Post('end')
  @HttpCode(204)
  end(@CurrentUser() user: AuthUser, @Param() params: CodeParams): Promise<void> {
    return this.control.end(params.code, user);
  }
}
