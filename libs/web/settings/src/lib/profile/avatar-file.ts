import { AVATAR_MAX_BYTES } from '@confer/identity/contracts';
import type { ApiError } from '@confer/web/auth';

/** The types the file input offers; the server judges the content itself. */
export const AVATAR_FILE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;

const MB = 1024 * 1024;
const KINDS = 'Choose a PNG, JPEG, WebP or GIF picture.';

/** Why a chosen file is not worth sending, or null when it may go. */
export function avatarFileProblem(file: File): string | null {
  if (!(AVATAR_FILE_TYPES as readonly string[]).includes(file.type)) return `That file is not a picture. ${KINDS}`;
  if (file.size > AVATAR_MAX_BYTES) return `That picture is ${megabytes(file.size)} MB. Choose one of at most ${megabytes(AVATAR_MAX_BYTES)} MB.`;
  return null;
}

/** The sentence for a refused upload (413 and 415 come with codes of their own). */
export function avatarUploadError(error: ApiError): string {
  if (error.code === 'AVATAR_NOT_AN_IMAGE' || error.status === 415) return `That file is not a picture we can read. ${KINDS}`;
  if (error.code === 'PAYLOAD_TOO_LARGE') return `That picture is too large. Choose one of at most ${megabytes(AVATAR_MAX_BYTES)} MB.`;
  return error.message; // AVATAR_TOO_LARGE says which limit; anything else says what went wrong.
}

function megabytes(bytes: number): string {
  return (bytes / MB).toFixed(bytes % MB === 0 ? 0 : 1);
}
