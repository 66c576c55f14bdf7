import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DirectoryEntry, Page } from '@confer/identity/contracts';
import type { AuthUser } from '@confer/shared/contracts';
import { CurrentUser } from '@confer/shared/server/auth';
import { DirectorySearchQuery } from './directory.dto';
import { DirectoryService } from './directory.service';

@ApiTags('directory')
@Controller('directory')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  /** `q`: the start of a name, or an exact email address (then the match carries its address). */
  @Get('search')
  search(@CurrentUser() user: AuthUser, @Query() query: DirectorySearchQuery): Promise<Page<DirectoryEntry>> {
    return this.directory.search(user.id, { q: query.q, limit: query.limit ?? 20, cursor: query.cursor });
  }
}
