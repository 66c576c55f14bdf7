import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { AVATAR_SIZES, type AvatarSize } from '@confer/identity/contracts';
import { ObjectBucket, type StoredObject } from '@confer/shared/server/storage';
import type { IdentityConfig } from '../identity.env';
import { IDENTITY_CONFIG } from '../identity.tokens';

export type StoredAvatar = StoredObject;

/** Avatar renditions in the uploads bucket, under avatars/<userId>/<version>/<size>.webp. */
@Injectable()
export class AvatarStorage implements OnModuleDestroy {
  private readonly bucket: ObjectBucket;

  constructor(@Inject(IDENTITY_CONFIG) config: IdentityConfig) {
    this.bucket = new ObjectBucket(config, config.S3_BUCKET_UPLOADS);
  }

  static key(userId: string, version: number, size: AvatarSize): string {
    return `avatars/${userId}/${version}/${size}.webp`;
  }

  async put(userId: string, version: number, renditions: ReadonlyMap<AvatarSize, Buffer>): Promise<void> {
    await Promise.all(
      [...renditions].map(([size, body]) =>
        this.bucket.put(AvatarStorage.key(userId, version, size), body, { contentType: 'image/webp', cacheControl: 'public, max-age=31536000, immutable' }),
      ),
    );
  }

  /** The rendition, or undefined when there is no such object. */
  get(userId: string, version: number, size: AvatarSize): Promise<StoredAvatar | undefined> {
    return this.bucket.open(AvatarStorage.key(userId, version, size));
  }

  /** Removes every rendition of a version (deleting a missing object is not an error in S3). */
  async deleteVersion(userId: string, version: number): Promise<void> {
    await Promise.all(AVATAR_SIZES.map((size) => this.bucket.delete(AvatarStorage.key(userId, version, size))));
  }

  onModuleDestroy(): void {
    this.bucket.destroy();
  }
}
