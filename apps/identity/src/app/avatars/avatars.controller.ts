import { Body, Controller, Delete, Get, HttpCode, Param, Put, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AVATAR_CONTENT_TYPES, type Profile } from '@confer/identity/contracts';
import type { AuthUser } from '@confer/shared/contracts';
import { CurrentUser, Public } from '@confer/shared/server/auth';
import { AvatarService } from './avatar.service';

@ApiTags('avatars')
@Controller()
export class AvatarsController {
  constructor(private readonly avatars: AvatarService) {}

  /** The raw image is the body (PNG, JPEG, WebP or GIF, judged by content); answers the updated profile. */
  @Put('profile/avatar')
  @ApiConsumes(...AVATAR_CONTENT_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  upload(@CurrentUser() user: AuthUser, @Body() body: unknown): Promise<Profile> {
    return this.avatars.upload(user.id, body);
  }

  @Delete('profile/avatar')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthUser): Promise<void> {
    await this.avatars.remove(user.id);
  }

  /**
   * Public, like the picture on a badge: meeting participants (guests included) see it, and the URL
   * holds nothing secret but the user id and version (see docs/decisions.md, Identity). Versioned, so
   * cached for a year as immutable.
   */
  @Public()
  @Get('avatars/:userId/:version/:file')
  @ApiProduces('image/webp')
  async serve(
    @Param('userId') userId: string,
    @Param('version') version: string,
    @Param('file') file: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const avatar = await this.avatars.open(userId, version, file);
    void reply.header('cache-control', 'public, max-age=31536000, immutable').header('x-content-type-options', 'nosniff');
    if (avatar.etag) void reply.header('etag', avatar.etag);
    return new StreamableFile(avatar.body, { type: 'image/webp', length: avatar.length });
  }
}
