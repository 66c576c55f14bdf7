import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { AVATAR_SIZES, type AvatarSize } from '@confer/identity/contracts';
import type { IdentityConfig } from '../identity.env';
import { IDENTITY_CONFIG } from '../identity.tokens';

export interface StoredAvatar {
  body: Readable;
  length?: number;
  etag?: string;
}

/** The S3 client's settings; throws at start when only half of a key pair is given. */
export function s3ClientConfig(config: IdentityConfig): S3ClientConfig {
  const { S3_ACCESS_KEY_ID: id, S3_SECRET_ACCESS_KEY: secret } = config;
  if ((id === undefined) !== (secret === undefined)) {
    throw new Error('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both or neither');
  }
  return {
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    // Absent: the SDK's default chain (environment, ECS task role, instance profile...).
    credentials: id !== undefined && secret !== undefined ? { accessKeyId: id, secretAccessKey: secret } : undefined,
    // Checksums only where S3 requires them: S3-compatible servers differ in what else they accept.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 3000, requestTimeout: 15000 },
  };
}

/** Avatar renditions in the uploads bucket, under avatars/<userId>/<version>/<size>.webp. */
@Injectable()
export class AvatarStorage implements OnModuleDestroy {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(@Inject(IDENTITY_CONFIG) config: IdentityConfig) {
    this.client = new S3Client(s3ClientConfig(config));
    this.bucket = config.S3_BUCKET_UPLOADS;
  }

  static key(userId: string, version: number, size: AvatarSize): string {
    return `avatars/${userId}/${version}/${size}.webp`;
  }

  async put(userId: string, version: number, renditions: ReadonlyMap<AvatarSize, Buffer>): Promise<void> {
    await Promise.all(
      [...renditions].map(([size, body]) =>
        this.client.send(
          new PutObjectCommand({
            Bucket: this.bucket,
            Key: AvatarStorage.key(userId, version, size),
            Body: body,
            ContentType: 'image/webp',
            CacheControl: 'public, max-age=31536000, immutable',
          }),
        ),
      ),
    );
  }

  /** The rendition, or undefined when there is no such object. */
  async get(userId: string, version: number, size: AvatarSize): Promise<StoredAvatar | undefined> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: AvatarStorage.key(userId, version, size) }));
      if (!object.Body) return undefined;
      return { body: object.Body as Readable, length: object.ContentLength, etag: object.ETag };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  /** Removes every rendition of a version (deleting a missing object is not an error in S3). */
  async deleteVersion(userId: string, version: number): Promise<void> {
    await Promise.all(
      AVATAR_SIZES.map((size) => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: AvatarStorage.key(userId, version, size) }))),
    );
  }

  onModuleDestroy(): void {
    this.client.destroy();
  }
}

function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } } | null;
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}
