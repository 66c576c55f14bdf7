import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { IdentityErrorCode, type PrivacyRequestView } from '@confer/identity/contracts';
import type { AuthUser } from '@confer/shared/contracts';
import { CurrentUser, Public } from '@confer/shared/server/auth';
import { DomainError } from '@confer/shared/util';
import type { ClientInfo } from '../sessions/client-info';
import { Client } from '../sessions/client.decorator';
import { ExportArchives } from './export-archives';
import { DeletionTokenDto, RequestDeletionDto } from './privacy.dto';
import { PrivacyService } from './privacy.service';

const notFound = () => new DomainError(IdentityErrorCode.PrivacyRequestNotFound, 'not_found', 'There is no such request.');

/** "Download my data" and "delete my account" (paths: PRIVACY_PATHS in the identity contracts). */
@ApiTags('privacy')
@Controller('privacy')
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService, private readonly archives: ExportArchives) {}

  @Get('requests')
  list(@CurrentUser() user: AuthUser): Promise<PrivacyRequestView[]> {
    return this.privacy.list(user.id);
  }

  @Post('exports')
  @HttpCode(202)
  requestExport(@CurrentUser() user: AuthUser, @Client() client: ClientInfo): Promise<PrivacyRequestView> {
    return this.privacy.requestExport(user.id, client);
  }

  @Get('exports/:id/archive')
  @ApiProduces('application/json')
  async archive(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: notFound })) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const archive = await this.archives.open(user.id, id);
    void reply
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `attachment; filename="${archive.fileName}"`);
    return new StreamableFile(archive.body, { type: 'application/json', length: archive.length });
  }

  @Post('deletion')
  @HttpCode(202)
  requestDeletion(@CurrentUser() user: AuthUser, @Body() body: RequestDeletionDto, @Client() client: ClientInfo): Promise<PrivacyRequestView> {
    return this.privacy.requestDeletion(user.id, body.password, body.code, client);
  }

  @Delete('deletion')
  @HttpCode(204)
  cancelDeletion(@CurrentUser() user: AuthUser): Promise<void> {
    return this.privacy.cancelDeletion(user.id);
  }

  /** Public: the person may open the mail on a device where they are not signed in. The token is the proof. */
  @Public()
  @Post('deletion/confirm')
  @HttpCode(202)
  confirmDeletion(@Body() body: DeletionTokenDto, @Client() client: ClientInfo): Promise<PrivacyRequestView> {
    return this.privacy.confirmDeletion(body.token, client);
  }

  @Public()
  @Post('deletion/status')
  @HttpCode(200)
  deletionStatus(@Body() body: DeletionTokenDto, @Client() client: ClientInfo): Promise<PrivacyRequestView> {
    return this.privacy.deletionStatus(body.token, client);
  }
}
