import { Readable } from 'node:stream';
import type { DomainError } from '@confer/shared/util';
import { fileSizeMismatch, fileTypeNotAllowed } from './file.errors';
import { contentCheck, SNIFF_BYTES, type ContentCheck } from './file-types';

/**
 * One upload body of exactly `size` bytes, checked as it passes: its first bytes are read and judged
 * before anything is sent to S3, and the rest is judged on its way there (text must stay UTF-8 without
 * NUL to the last byte). A refusal aborts `signal`, so S3 keeps nothing, and says why in `refusal`.
 */
export class CheckedUpload {
  readonly controller = new AbortController();
  refusal?: DomainError;
  private readonly reader: AsyncIterator<Buffer>;
  private readonly check: ContentCheck;
  private first: Buffer = Buffer.alloc(0);
  private received = 0;

  constructor(
    source: AsyncIterable<Buffer>,
    private readonly size: number,
    contentType: string,
  ) {
    this.reader = source[Symbol.asyncIterator]();
    this.check = contentCheck(contentType);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Reads the first SNIFF_BYTES (or the whole file, if smaller); false when they already refuse it. */
  async head(): Promise<boolean> {
    const chunks: Buffer[] = [];
    while (this.received < Math.min(this.size, SNIFF_BYTES)) {
      const chunk = await this.next();
      if (!chunk) return false;
      chunks.push(chunk);
    }
    this.first = Buffer.concat(chunks);
    return this.judge(this.first);
  }

  /** The whole body for S3: the head, then the rest as it arrives. */
  body(): Readable {
    return Readable.from(this.rest(), { objectMode: false });
  }

  /** Reads and drops whatever the sender still sends, so that the answer reaches it (through proxies too). */
  async drain(): Promise<void> {
    try {
      while ((await this.reader.next()).done !== true);
    } catch {
      // The sender went away: nothing left to drain.
    }
  }

  private async *rest(): AsyncGenerator<Buffer> {
    try {
      yield this.first;
      while (this.received < this.size) {
        const chunk = await this.next();
        if (!chunk || !this.judge(chunk)) return;
        yield chunk;
      }
    } catch (error) {
      this.controller.abort();
      throw error;
    }
  }

  /** The next chunk, or undefined (refused as a size mismatch) when the body ends early. */
  private async next(): Promise<Buffer | undefined> {
    const { value, done } = await this.reader.next();
    if (done) return this.refuse(fileSizeMismatch());
    this.received += value.length;
    return value;
  }

  private judge(chunk: Buffer): boolean {
    if (this.received > this.size) return this.refuse(fileSizeMismatch()) ?? false;
    const ok = this.check.push(chunk) && (this.received < this.size || this.check.end());
    return ok || (this.refuse(fileTypeNotAllowed()) ?? false);
  }

  private refuse(error: DomainError): undefined {
    this.refusal ??= error;
    this.controller.abort();
    return undefined;
  }
}
