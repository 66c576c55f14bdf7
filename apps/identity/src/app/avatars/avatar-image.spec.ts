import sharp from 'sharp';
import { AVATAR_MAX_BYTES } from '@confer/identity/contracts';
import { DomainError } from '@confer/shared/util';
import { renderAvatar } from './avatar-image';

const image = (width: number, height: number, format: 'png' | 'jpeg' | 'gif' | 'webp' | 'tiff' = 'png') =>
  sharp({ create: { width, height, channels: 3, background: '#0a0' } }).toFormat(format).toBuffer();

async function failure(input: unknown): Promise<DomainError> {
  const error = await renderAvatar(input).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('renderAvatar', () => {
  it('renders square WebP renditions at 48, 128 and 512 px from any accepted format', async () => {
    for (const format of ['png', 'jpeg', 'gif', 'webp'] as const) {
      const renditions = await renderAvatar(await image(300, 200, format));
      expect([...renditions.keys()]).toEqual([48, 128, 512]);
      for (const [size, output] of renditions) {
        const meta = await sharp(output).metadata();
        expect(meta).toMatchObject({ format: 'webp', width: size, height: size });
        expect(meta.exif).toBeUndefined();
      }
    }
  });

  it('drops metadata such as EXIF', async () => {
    const withExif = await sharp(await image(64, 64, 'jpeg')).withExif({ IFD0: { Copyright: 'secret place' } }).jpeg().toBuffer();
    expect((await sharp(withExif).metadata()).exif).toBeDefined();
    const renditions = await renderAvatar(withExif);
    expect((await sharp(renditions.get(128) as Buffer).metadata()).exif).toBeUndefined();
  });

  it('refuses what is not a PNG, JPEG, WebP or GIF by its content', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>');
    for (const input of [Buffer.from('hello, not an image'), Buffer.alloc(0), svg, await image(20, 20, 'tiff'), 'a string', { a: 1 }]) {
      expect(await failure(input)).toMatchObject({ code: 'AVATAR_NOT_AN_IMAGE', kind: 'unsupported' });
    }
    const png = await image(300, 300);
    expect(await failure(png.subarray(0, 60))).toMatchObject({ code: 'AVATAR_NOT_AN_IMAGE' });
  });

  it('refuses uploads over the byte limit and images over 8000 px a side', async () => {
    expect(await failure(Buffer.alloc(AVATAR_MAX_BYTES + 1))).toMatchObject({ code: 'AVATAR_TOO_LARGE', kind: 'too_large' });
    expect(await failure(await image(8001, 8))).toMatchObject({ code: 'AVATAR_TOO_LARGE', kind: 'too_large' });
  });
});
