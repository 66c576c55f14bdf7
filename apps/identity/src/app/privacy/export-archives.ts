import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { IdentityErrorCode } from '@confer/identity/contracts';
import { DomainError } from '@confer/shared/util';
import { ExportStorage } from './export-storage';
import { PrivacyRequestRepository } from './privacy-request.repository';

export interface OpenedArchive {
  body: Readable;
  length?: number;
  fileName: string;
}

/** Hands a finished export to its owner only; someone else's request id is "not found". */
@Injectable()
export class ExportArchives {
  constructor(private readonly requests: PrivacyRequestRepository, private readonly storage: ExportStorage) {}

  async open(userId: string, requestId: string): Promise<OpenedArchive> {
    const request = await this.requests.findForUser(requestId, userId);
    if (!request || request.kind !== 'export') {
      throw new DomainError(IdentityErrorCode.PrivacyRequestNotFound, 'not_found', 'There is no such request.');
    }
    const stored = request.status === 'completed' && request.archiveKey ? await this.storage.get(request.archiveKey) : undefined;
    if (!stored) {
      throw new DomainError(
        IdentityErrorCode.ExportNotReady,
        'conflict',
        request.status === 'expired' ? 'This copy of your data was removed. Prepare a new one.' : 'Your data is still being prepared.',
      );
    }
    const date = (request.completedAt ?? request.createdAt).toISOString().slice(0, 10);
    return { body: stored.body, length: stored.length, fileName: `confer-data-${date}.json` };
  }
}
