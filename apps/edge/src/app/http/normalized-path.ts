/**
 * The path a lenient upstream router would see for a raw request URL: query dropped, percent-escapes
 * decoded, backslashes and repeated slashes folded, dot segments resolved, lower-cased, no trailing
 * slash. Used only to decide what to refuse, never to rewrite what is forwarded. Returns null when the
 * path cannot be decoded.
 */
export function normalizedPath(rawUrl: string): string | null {
  const path = rawUrl.split('?', 1)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  const folded = decoded.replace(/\\/g, '/').replace(/\/{2,}/g, '/');
  const resolved = new URL(folded.startsWith('/') ? folded : `/${folded}`, 'http://edge.invalid').pathname;
  const lower = resolved.toLowerCase();
  return lower.length > 1 && lower.endsWith('/') ? lower.slice(0, -1) : lower;
}
