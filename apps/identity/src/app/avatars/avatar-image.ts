import sharp from 'sharp';
import { AVATAR_MAX_BYTES, AVATAR_MAX_DIMENSION, AVATAR_SIZES, IdentityErrorCode, type AvatarSize } from '@confer/identity/contracts';
import { DomainError } from '@confer/shared/util';

const ACCEPTED_FORMATS: readonly string[] = ['png', 'jpeg', 'webp', 'gif'];
/** Decoding refuses anything larger, so a small file cannot expand into a huge bitmap. */
const LIMIT_INPUT_PIXELS = AVATAR_MAX_DIMENSION * AVATAR_MAX_DIMENSION;

export type AvatarRenditions = ReadonlyMap<AvatarSize, Buffer>;

/**
 * Checks the upload by its content (never by its content type) and renders every size as a square
 * WebP (cropped to cover), upright, without metadata (no EXIF, no location). Animated images keep
 * their first frame.
 */
export async function renderAvatar(input: unknown): Promise<AvatarRenditions> {
  if (!Buffer.isBuffer(input) || input.length === 0) throw notAnImage();
  if (input.length > AVATAR_MAX_BYTES) {
    throw new DomainError(IdentityErrorCode.AvatarTooLarge, 'too_large', `The image must be at most ${AVATAR_MAX_BYTES / 1024 / 1024} MB.`, {
      maxBytes: AVATAR_MAX_BYTES,
    });
  }
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw notAnImage();
  }
  if (!metadata.format || !ACCEPTED_FORMATS.includes(metadata.format) || !metadata.width || !metadata.height) throw notAnImage();
  if (metadata.width > AVATAR_MAX_DIMENSION || metadata.height > AVATAR_MAX_DIMENSION) {
    throw new DomainError(
      IdentityErrorCode.AvatarTooLarge,
      'too_large',
      `The image must be at most ${AVATAR_MAX_DIMENSION} × ${AVATAR_MAX_DIMENSION} pixels.`,
      { maxWidth: AVATAR_MAX_DIMENSION, maxHeight: AVATAR_MAX_DIMENSION },
    );
  }
  const renditions = new Map<AvatarSize, Buffer>();
  try {
    for (const size of AVATAR_SIZES) {
      const output = await sharp(input, { limitInputPixels: LIMIT_INPUT_PIXELS })
        .rotate()
        .resize(size, size, { fit: 'cover' })
        .webp({ quality: 82 })
        .toBuffer();
      renditions.set(size, output);
    }
  } catch {
    // A header that parses over a body that does not decode.
    throw notAnImage();
  }
  return renditions;
}

function notAnImage(): DomainError {
  return new DomainError(IdentityErrorCode.AvatarNotAnImage, 'unsupported', 'Upload a PNG, JPEG, WebP or GIF image.');
}
