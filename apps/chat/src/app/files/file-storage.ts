import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { ObjectBucket, type StoredObject } from '@confer/shared/server/storage';
import type { ChatConfig } from '../chat.env';
import { CHAT_CONFIG } from '../chat.tokens';

/**
 * Shared files in the (private) uploads bucket under chat/<meetingId>/<fileId>. Only chat reads and
 * writes them, and serves them itself: there is no public or presigned S3 URL.
 */
@Injectable()
export class FileStorage implements OnModuleDestroy {
  private readonly bucket: ObjectBucket;

  constructor(@Inject(CHAT_CONFIG) config: ChatConfig) {
    // Uploads go at the sender's pace: a slow sender must not be cut off while S3 waits for bytes.
    this.bucket = new ObjectBucket(config, config.S3_BUCKET_UPLOADS, { requestTimeoutMs: 60_000 });
  }

  static key(meetingId: string, fileId: string): string {
    return `chat/${meetingId}/${fileId}`;
  }

  /** Streams `length` bytes into the object; `signal` abandons the upload (S3 keeps nothing of it). */
  put(key: string, body: Readable, length: number, contentType: string, signal: AbortSignal): Promise<void> {
    return this.bucket.put(key, body, { length, contentType, cacheControl: 'private, no-store', signal });
  }

  open(key: string): Promise<StoredObject | undefined> {
    return this.bucket.open(key);
  }

  delete(key: string): Promise<void> {
    return this.bucket.delete(key);
  }

  onModuleDestroy(): void {
    this.bucket.destroy();
  }
}
