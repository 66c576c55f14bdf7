import { basename } from 'node:path';

/** Angular's esbuild builder names emitted files `<name>-<HASH>.<ext>`, the hash being 8 base32 characters. */
const HASHED_FILE = /-[A-Z0-9]{8}\.[a-z0-9]+$/;

/** index.html is revalidated on every load; hashed assets never change, so they are cached for a year. */
export function cacheControlFor(filePath: string): string {
  const name = basename(filePath);
  if (name === 'index.html') return 'no-cache';
  if (HASHED_FILE.test(name)) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}
