import { CHAT_FILES } from '@confer/chat/contracts';

/**
 * What a shared file may be (docs/decisions.md, Chat files and export): its name's extension claims a
 * type on the allow-list (CHAT_FILES.types), and its content must be that type. Binary types are
 * judged by their first bytes (magic numbers); text must be UTF-8 without NUL from end to end. Nothing
 * else is trusted: not the browser's Content-Type, not the name alone.
 */

/** Bytes read before deciding a binary type (and before anything reaches S3). */
export const SNIFF_BYTES = 4096;

const TYPE_OF_EXTENSION = new Map(Object.entries(CHAT_FILES.types).flatMap(([type, extensions]) => extensions.map((ext) => [ext, type] as const)));
const TEXT_TYPES = new Set(['text/plain', 'text/csv']);

/** The allowed content type a file name claims by its extension, or undefined. */
export function claimedType(name: string): string | undefined {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : TYPE_OF_EXTENSION.get(name.slice(dot + 1).toLowerCase());
}

export function isText(contentType: string): boolean {
  return TEXT_TYPES.has(contentType);
}

/** A file's content, chunk by chunk, checked against the type it claims. */
export interface ContentCheck {
  /** Each chunk in order; false as soon as the content cannot be of the type. */
  push(chunk: Uint8Array): boolean;
  /** After the last chunk: false when the whole content is not of the type. */
  end(): boolean;
}

export function contentCheck(contentType: string): ContentCheck {
  return isText(contentType) ? new TextCheck() : new MagicCheck(contentType);
}

/** UTF-8 (a sequence may span chunks) with no NUL anywhere. */
class TextCheck implements ContentCheck {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private ok = true;

  push(chunk: Uint8Array): boolean {
    if (!this.ok) return false;
    if (chunk.includes(0)) return (this.ok = false);
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      this.ok = false;
    }
    return this.ok;
  }

  end(): boolean {
    if (!this.ok) return false;
    try {
      this.decoder.decode();
    } catch {
      this.ok = false;
    }
    return this.ok;
  }
}

/** Decides on the first SNIFF_BYTES (or the whole file, if shorter); what follows is not looked at. */
class MagicCheck implements ContentCheck {
  private head = Buffer.alloc(0);
  private verdict: boolean | undefined;

  constructor(private readonly contentType: string) {}

  push(chunk: Uint8Array): boolean {
    if (this.verdict === undefined) {
      this.head = Buffer.concat([this.head, chunk]).subarray(0, SNIFF_BYTES);
      if (this.head.length >= SNIFF_BYTES) this.verdict = hasMagic(this.contentType, this.head);
    }
    return this.verdict ?? true;
  }

  end(): boolean {
    this.verdict ??= hasMagic(this.contentType, this.head);
    return this.verdict;
  }
}

const startsWith = (head: Buffer, bytes: string | number[], at = 0): boolean => {
  const expected = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
  return head.length >= at + expected.length && head.subarray(at, at + expected.length).equals(expected);
};

const OOXML_PARTS: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'word/',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xl/',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'ppt/',
};

/** Whether the first bytes of a file are those of `contentType`. */
export function hasMagic(contentType: string, head: Buffer): boolean {
  switch (contentType) {
    case 'image/png':
      return startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'image/jpeg':
      return startsWith(head, [0xff, 0xd8, 0xff]);
    case 'image/gif':
      return startsWith(head, 'GIF87a') || startsWith(head, 'GIF89a');
    case 'image/webp':
      return startsWith(head, 'RIFF') && startsWith(head, 'WEBP', 8);
    case 'application/pdf':
      return startsWith(head, '%PDF-');
    default:
      return zipped(contentType, head);
  }
}

/**
 * Office documents are ZIP packages; the first entry tells which. OOXML (what Office and LibreOffice
 * write): `[Content_Types].xml`, `_rels/`, `docProps/` or the document's own part folder first. ODF:
 * an uncompressed `mimetype` entry first, holding the exact type. A plain ZIP is not allowed.
 */
function zipped(contentType: string, head: Buffer): boolean {
  if (!startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || head.length < 30) return false;
  const nameLength = head.readUInt16LE(26);
  const name = head.subarray(30, 30 + nameLength).toString('latin1');
  const part = OOXML_PARTS[contentType];
  if (part) return name === '[Content_Types].xml' || name.startsWith('_rels/') || name.startsWith('docProps/') || name.startsWith(part);
  if (!contentType.startsWith('application/vnd.oasis.opendocument.') || name !== 'mimetype' || head.readUInt16LE(8) !== 0) return false;
  const start = 30 + nameLength + head.readUInt16LE(28);
  return head.subarray(start, start + head.readUInt32LE(18)).toString('latin1') === contentType;
}
