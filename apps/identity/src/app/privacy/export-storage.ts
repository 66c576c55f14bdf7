import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { ObjectBucket, type StoredObject } from '@confer/shared/server/storage';
import type { IdentityConfig } from '../identity.env';
import { IDENTITY_CONFIG } from '../identity.tokens';

/**
 * Export archives in the uploads bucket under exports/<userId>/<requestId>.json. They are private:
 * served only through identity to their owner, never through a public or pre-signed URL.
 */
@Injectable()
export class ExportStorage implements OnModuleDestroy {
  private readonly bucket: ObjectBucket;

  constructor(@Inject(IDENTITY_CONFIG) config: IdentityConfig) {
    this.bucket = new ObjectBucket(config, config.S3_BUCKET_UPLOADS);
  }

  static key(userId: string, requestId: string): string {
    return `exports/${userId}/${requestId}.json`;
  }

  put(key: string, body: Buffer): Promise<void> {
    return this.bucket.put(key, body, { contentType: 'application/json', cacheControl: 'private, no-store' });
  }

  get(key: string): Promise<StoredObject | undefined> {
    return this.bucket.open(key);
  }

  delete(key: string): Promise<void> {
    return this.bucket.delete(key);
  }

  onModuleDestroy(): void {
    this.bucket.destroy();
  }
}
