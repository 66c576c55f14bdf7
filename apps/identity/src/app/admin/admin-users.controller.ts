import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { AdminUserView, Page } from '@confer/identity/contracts';
import type { AuthUser } from '@confer/shared/contracts';
import { CurrentUser, Roles } from '@confer/shared/server/auth';
import { PageQuery } from '../security-log/security-log.controller';
import type { ClientInfo } from '../sessions/client-info';
import { Client } from '../sessions/client.decorator';
import { AdminUsersService } from './admin-users.service';

export class AdminUsersQuery extends PageQuery {
  @IsOptional() @IsString() @MaxLength(100) q?: string;
}

export class UserIdParams {
  @IsUUID() id!: string;
}

@ApiTags('admin')
@Roles('admin')
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly admin: AdminUsersService) {}

  @Get()
  list(@Query() query: AdminUsersQuery): Promise<Page<AdminUserView>> {
    return this.admin.list({ cursor: query.cursor, limit: query.limit ?? 50, query: query.q });
  }

  @Post(':id/disable')
  @HttpCode(204)
  disable(@CurrentUser() admin: AuthUser, @Param() params: UserIdParams, @Client() client: ClientInfo): Promise<void> {
    return this.admin.setDisabled(admin.id, params.id, true, client.ip);
  }

  @Post(':id/enable')
  @HttpCode(204)
  enable(@CurrentUser() admin: AuthUser, @Param() params: UserIdParams, @Client() client: ClientInfo): Promise<void> {
    return this.admin.setDisabled(admin.id, params.id, false, client.ip);
  }
}
