import { Inject, Injectable } from '@nestjs/common';
import { AVATAR_SIZES, IdentityErrorCode, type AvatarSize, type Profile } from '@confer/identity/contracts';
import { LOGGER, type Logger } from '@confer/shared/server/observability';
import { DomainError } from '@confer/shared/util';
import { ProfileService } from '../profile/profile.service';
import { renderAvatar } from './avatar-image';
import { AvatarRepository } from './avatar.repository';
import { AvatarStorage, type StoredAvatar } from './avatar-storage';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Avatars: checked and rendered here, kept in S3 under a version that is never reused, so their URLs
 * can be cached for good. Replacing or removing an avatar deletes the old version's objects.
 */
@Injectable()
export class AvatarService {
  constructor(
    private readonly avatars: AvatarRepository,
    private readonly storage: AvatarStorage,
    private readonly profiles: ProfileService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async upload(userId: string, body: unknown): Promise<Profile> {
    const renditions = await renderAvatar(body);
    const version = await this.avatars.reserveVersion(userId);
    if (version === undefined) throw new DomainError('UNAUTHENTICATED', 'unauthenticated', 'Sign in again.');
    try {
      await this.storage.put(userId, version, renditions);
    } catch (error) {
      this.logger.error({ err: error, userId, version }, 'avatar upload to S3 failed');
      await this.removeObjects(userId, version);
      throw new DomainError('AVATAR_STORAGE_UNAVAILABLE', 'unavailable', 'Your picture could not be saved. Try again in a moment.');
    }
    const outcome = await this.avatars.replace(userId, version);
    // Whichever lost, the newer upload or the old picture, leaves no objects behind.
    const stale = outcome.applied ? outcome.previous : version;
    if (stale !== null) await this.removeObjects(userId, stale);
    return this.profiles.get(userId);
  }

  async remove(userId: string): Promise<void> {
    const previous = await this.avatars.clear(userId);
    if (previous !== null) await this.removeObjects(userId, previous);
  }

  /** The current avatar's rendition named by a URL's parts; 404 for anything else, old versions included. */
  async open(userId: string, version: string, file: string): Promise<StoredAvatar> {
    const size = Number(/^(\d{2,3})\.webp$/.exec(file)?.[1]);
    const number = /^[1-9]\d{0,8}$/.test(version) ? Number(version) : undefined;
    if (!UUID.test(userId) || number === undefined || !(AVATAR_SIZES as readonly number[]).includes(size)) throw notFound();
    if ((await this.avatars.currentVersion(userId)) !== number) throw notFound();
    const stored = await this.storage.get(userId, number, size as AvatarSize);
    if (!stored) throw notFound();
    return stored;
  }

  /** Best effort: a leftover object is unreachable (only the current version is served) and only costs storage. */
  private async removeObjects(userId: string, version: number): Promise<void> {
    await this.storage.deleteVersion(userId, version).catch((error: unknown) => {
      this.logger.warn({ err: error, userId, version }, 'could not delete old avatar objects');
    });
  }
}

function notFound(): DomainError {
  return new DomainError(IdentityErrorCode.AvatarNotFound, 'not_found', 'There is no such picture.');
}
