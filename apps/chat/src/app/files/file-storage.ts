import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import type { ChatConfig } from '../chat.env';
import { CHAT_CONFIG } from '../chat.tokens';

/** The S3 client's settings (as identity's); throws at start when only half of a key pair is given. */
export function s3ClientConfig(config: ChatConfig): S3ClientConfig {
  const { S3_ACCESS_KEY_ID: id, S3_SECRET_ACCESS_KEY: secret } = config;
  if ((id === undefined) !== (secret === undefined)) {
    throw new Error('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both or neither');
  }
  return {
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    credentials: id !== undefined && secret !== undefined ? { accessKeyId: id, secretAccessKey: secret } : undefined,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // A streamed upload cannot be retried (its bytes are gone); everything else can.
    maxAttempts: 3,
    // Uploads go at the sender's pace: a slow sender must not be cut off while S3 waits for bytes.
    requestHandler: { connectionTimeout: 3000, requestTimeout: 60_000 },
  };
}

/**
 * Shared files in the (private) uploads bucket under chat/<meetingId>/<fileId>. Only chat reads and
 * writes them, and serves them itself: there is no public or presigned S3 URL.
 */
@Injectable()
export class FileStorage implements OnModuleDestroy {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(@Inject(CHAT_CONFIG) config: ChatConfig) {
    this.client = new S3Client(s3ClientConfig(config));
    this.bucket = config.S3_BUCKET_UPLOADS;
  }

  static key(meetingId: string, fileId: string): string {
    return `chat/${meetingId}/${fileId}`;
  }

  /** Streams `length` bytes into the object; `signal` abandons the upload (S3 keeps nothing of it). */
  async put(key: string, body: Readable, length: number, contentType: string, signal: AbortSignal): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentLength: length, ContentType: contentType, CacheControl: 'private, no-store' }),
      { abortSignal: signal },
    );
  }

  async open(key: string): Promise<{ body: Readable; length?: number } | undefined> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return object.Body ? { body: object.Body as Readable, length: object.ContentLength } : undefined;
    } catch (error) {
      const e = error as { name?: string; $metadata?: { httpStatusCode?: number } } | null;
      if (e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404) return undefined;
      throw error;
    }
  }

  /** Deleting a missing object is not an error in S3. */
  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  onModuleDestroy(): void {
    this.client.destroy();
  }
}
