import { Body, Controller, Get, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { JoinResult, LiveKitGrant, MeetingPreview } from '@confer/meetings/contracts';
import { AccessTokenVerifier, Public, toTokenError, tokenInvalid } from '@confer/shared/server/auth';
import { DomainError } from '@confer/shared/util';
import { deviceLabel } from '../attendance/device-label';
import { CodeParams, HandDto, JoinMeetingDto, TicketDto } from './join.dto';
import { JoinService, type Joiner } from './join.service';

/**
 * Joining from outside the room. Public: a guest has no account, and the ticket a join hands out is
 * what proves a participant afterwards. A bearer token, when sent, is checked as strictly as the
 * guard would, and makes the caller join as themself.
 */
@ApiTags('joining')
@Public()
@Controller('meetings/:code')
export class JoinController {
  constructor(
    private readonly joining: JoinService,
    private readonly verifier: AccessTokenVerifier,
  ) {}

  @Get('preview')
  preview(@Param() params: CodeParams, @Req() request: FastifyRequest): Promise<MeetingPreview> {
    return this.joining.preview(params.code, request.ip);
  }

  /** 200 admitted (with a LiveKit token) or 202 waiting in the lobby. */
  @Post('join')
  async join(
    @Param() params: CodeParams,
    @Body() body: JoinMeetingDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('authorization') authorization?: string,
  ): Promise<JoinResult> {
    const joiner = await this.joinerOf(authorization, body.displayName);
    const result = await this.joining.join(params.code, joiner, body.passcode, request.ip, deviceLabel(request.headers['user-agent']));
    reply.status(result.status === 'waiting' ? 202 : 200);
    return result;
  }

  @Post('token')
  @HttpCode(200)
  renew(@Param() params: CodeParams, @Body() body: TicketDto, @Req() request: FastifyRequest): Promise<LiveKitGrant> {
    return this.joining.renew(params.code, body.ticket, request.ip, deviceLabel(request.headers['user-agent']));
  }

  @Post('hand')
  @HttpCode(204)
  async hand(@Param() params: CodeParams, @Body() body: HandDto, @Req() request: FastifyRequest): Promise<void> {
    await this.joining.hand(params.code, body.ticket, body.raised, request.ip);
  }

  private async joinerOf(authorization: string | undefined, displayName: string | undefined): Promise<Joiner> {
    if (authorization) {
      const [scheme, token] = authorization.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token) throw tokenInvalid();
      try {
        return { kind: 'user', user: await this.verifier.verify(token) };
      } catch (error) {
        throw toTokenError(error);
      }
    }
    if (!displayName?.trim()) {
      throw new DomainError('VALIDATION_FAILED', 'invalid', 'The request is not valid.', {
        fields: [{ field: 'displayName', problems: ['Type the name others will see, or sign in.'] }],
      });
    }
    return { kind: 'guest', displayName };
  }
}
