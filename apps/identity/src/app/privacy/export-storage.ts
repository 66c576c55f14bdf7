import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { s3ClientConfig } from '../avatars/avatar-storage';
import type { IdentityConfig } from '../identity.env';
import { IDENTITY_CONFIG } from '../identity.tokens';

/**
 * Export archives in the uploads bucket under exports/<userId>/<requestId>.json. They are private:
 * served only through identity to their owner, never through a public or pre-signed URL.
 */
@Injectable()
export class ExportStorage implements OnModuleDestroy {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(@Inject(IDENTITY_CONFIG) config: IdentityConfig) {
    this.client = new S3Client(s3ClientConfig(config));
    this.bucket = config.S3_BUCKET_UPLOADS;
  }

  static key(userId: string, requestId: string): string {
    return `exports/${userId}/${requestId}.json`;
  }

  async put(key: string, body: Buffer): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: 'application/json', CacheControl: 'private, no-store' }),
    );
  }

  async get(key: string): Promise<{ body: Readable; length?: number } | undefined> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return object.Body ? { body: object.Body as Readable, length: object.ContentLength } : undefined;
    } catch (error) {
      const e = error as { name?: string; $metadata?: { httpStatusCode?: number } } | null;
      if (e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404) return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  onModuleDestroy(): void {
    this.client.destroy();
  }
}
