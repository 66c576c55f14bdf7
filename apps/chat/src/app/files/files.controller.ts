import { Body, Controller, Get, HttpCode, Param, Post, Put, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CHAT_FILES, type ChatDownload, type ChatFile, type ChatUpload } from '@confer/chat/contracts';
import type { AuthUser } from '@confer/shared/contracts';
import { CurrentUser, Public } from '@confer/shared/server/auth';
import { CodeParams } from '../history/history.dto';
import { contentDisposition } from './file-name';
import { isText } from './file-types';
import { FileService } from './file.service';
import { FileParams, TokenParams, UploadRequestDto } from './files.dto';

/**
 * Files shared in chat, under /api/chat (see ChatUpload and ChatDownload in the contracts). Asking
 * for an upload or download URL takes a signed-in participant (guests ask over the socket); the URLs
 * themselves are the permission, short-lived, and carry no Authorization.
 */
@ApiTags('chat files')
@Controller()
export class FilesController {
  constructor(private readonly files: FileService) {}

  @Post('meetings/:code/files')
  @ApiBearerAuth()
  reserve(@CurrentUser() user: AuthUser, @Param() params: CodeParams, @Body() body: UploadRequestDto): Promise<ChatUpload> {
    return this.files.reserveFor(user, params.code, body);
  }

  @Get('meetings/:code/files/:fileId')
  @ApiBearerAuth()
  download(@CurrentUser() user: AuthUser, @Param() params: FileParams): Promise<ChatDownload> {
    return this.files.downloadUrlFor(user, params.code, params.fileId);
  }

  /** The raw bytes, with Content-Length equal to the size announced. */
  @Public()
  @Put('uploads/:token')
  @HttpCode(200)
  @ApiConsumes('application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  upload(@Param() params: TokenParams, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<ChatFile> {
    const header = request.headers['content-length'];
    const length = header === undefined || !/^\d+$/.test(header) ? undefined : Number(header);
    // A body this service will not read to its end: close the connection after answering.
    if (length === undefined || length > CHAT_FILES.maxBytes) void reply.header('connection', 'close');
    return this.files.upload(params.token, request.raw, length);
  }

  /** The file itself, as an attachment of its checked type; never rendered by the browser. */
  @Public()
  @Get('downloads/:token')
  async serve(@Param() params: TokenParams, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const { file, body, length } = await this.files.open(params.token);
    void reply
      .header('content-disposition', contentDisposition(file.name))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cross-origin-resource-policy', 'same-origin')
      .header('cache-control', 'private, no-store');
    return new StreamableFile(body, { type: isText(file.contentType) ? `${file.contentType}; charset=utf-8` : file.contentType, length });
  }
}
