import { Injectable } from '@nestjs/common';
import { isEmail } from 'class-validator';
import type { DirectoryEntry, Page } from '@confer/identity/contracts';
import { RateLimiter } from '@confer/shared/server/platform';
import { normalizeEmail } from '../accounts/user.repository';
import { decodeCursor, encodeCursor, isNameKey } from '../page-cursor';
import { toPublicUser } from '../profile/public-user';
import { DirectoryLimits } from './directory.limits';
import { DirectoryRepository } from './directory.repository';

/**
 * People search. Two modes, neither of which ever shows an account that opted out of discovery, a
 * disabled one, or the searcher:
 * - an exact, well-formed address finds that account (if its address is verified), with the address;
 * - anything else is the start of a display name (case-insensitive), without addresses, paginated.
 */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly directory: DirectoryRepository,
    private readonly limiter: RateLimiter,
  ) {}

  async search(searcherId: string, options: { q: string; limit: number; cursor?: string }): Promise<Page<DirectoryEntry>> {
    await this.limiter.enforce([{ rule: DirectoryLimits.searchPerUser, subject: searcherId }]);
    if (isEmail(options.q)) {
      // One result at most, so there is never a next page.
      if (options.cursor !== undefined) return { items: [] };
      const row = await this.directory.byEmail(normalizeEmail(options.q), searcherId);
      return { items: row ? [{ ...toPublicUser(row), email: row.email }] : [] };
    }
    const after = options.cursor === undefined ? undefined : decodeCursor(options.cursor, isNameKey);
    const rows = await this.directory.byNamePrefix(options.q, searcherId, options.limit + 1, after);
    const items = rows.slice(0, options.limit).map(toPublicUser);
    const last = rows[options.limit - 1];
    return rows.length > options.limit ? { items, next: encodeCursor([last.sort_name, last.id]) } : { items };
  }
}
