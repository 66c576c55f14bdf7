import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import type { S3Settings } from './s3-env';

export interface StoredObject {
  body: Readable;
  length?: number;
  etag?: string;
}

export interface PutOptions {
  contentType: string;
  cacheControl: string;
  /** Required for a stream: S3 takes no body of unknown length. */
  length?: number;
  /** Abandons the upload; S3 keeps nothing of it. */
  signal?: AbortSignal;
}

/**
 * The S3 client's settings; throws at start when only half of a key pair is given. `requestTimeoutMs`
 * bounds a request without a byte moving: a streamed upload goes at its sender's pace, so a service
 * that streams uploads gives it room.
 */
export function s3ClientConfig(settings: S3Settings, requestTimeoutMs = 15_000): S3ClientConfig {
  const { S3_ACCESS_KEY_ID: id, S3_SECRET_ACCESS_KEY: secret } = settings;
  if ((id === undefined) !== (secret === undefined)) {
    throw new Error('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both or neither');
  }
  return {
    region: settings.S3_REGION,
    endpoint: settings.S3_ENDPOINT,
    forcePathStyle: settings.S3_FORCE_PATH_STYLE,
    // Absent: the SDK's default chain (environment, ECS task role, instance profile...).
    credentials: id !== undefined && secret !== undefined ? { accessKeyId: id, secretAccessKey: secret } : undefined,
    // Checksums only where S3 requires them: S3-compatible servers differ in what else they accept.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // A streamed upload cannot be retried (its bytes are gone); everything else can.
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 3000, requestTimeout: requestTimeoutMs },
  };
}

/**
 * One private bucket, through its own client: put, open and delete by key. The services keep their key
 * schemes and what they mean; nothing here hands out a public or presigned URL.
 */
export class ObjectBucket {
  private readonly client: S3Client;

  constructor(
    settings: S3Settings,
    readonly name: string,
    options: { requestTimeoutMs?: number } = {},
  ) {
    this.client = new S3Client(s3ClientConfig(settings, options.requestTimeoutMs));
  }

  async put(key: string, body: Buffer | Readable, options: PutOptions): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.name,
        Key: key,
        Body: body,
        ContentLength: options.length,
        ContentType: options.contentType,
        CacheControl: options.cacheControl,
      }),
      { abortSignal: options.signal },
    );
  }

  /** The object as a stream, or undefined when there is none. */
  async open(key: string): Promise<StoredObject | undefined> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.name, Key: key }));
      return object.Body ? { body: object.Body as Readable, length: object.ContentLength, etag: object.ETag } : undefined;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  /** Deleting a missing object is not an error in S3. */
  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.name, Key: key }));
  }

  destroy(): void {
    this.client.destroy();
  }
}

function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } } | null;
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}
