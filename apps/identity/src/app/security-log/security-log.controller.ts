import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { Page, SecurityLogEntry } from '@confer/identity/contracts';
import type { AuthUser } from '@confer/shared/contracts';
import { CurrentUser, Roles } from '@confer/shared/server/auth';
import { SecurityLogService } from './security-log.service';

export class PageQuery {
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}

@ApiTags('security-log')
@Controller()
export class SecurityLogController {
  constructor(private readonly log: SecurityLogService) {}

  /** The caller's own entries, newest first. */
  @Get('me/security-log')
  mine(@CurrentUser() user: AuthUser, @Query() query: PageQuery): Promise<Page<SecurityLogEntry>> {
    return this.log.list({ userId: user.id, cursor: query.cursor, limit: query.limit ?? 50 });
  }

  /** Everyone's entries, for platform admins. */
  @Roles('admin')
  @Get('admin/security-log')
  all(@Query() query: PageQuery): Promise<Page<SecurityLogEntry>> {
    return this.log.list({ cursor: query.cursor, limit: query.limit ?? 50 });
  }
}
