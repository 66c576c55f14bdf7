/**
 * The `?next=` of the sign-in page, when it is a path inside this app; anything else (another origin,
 * `//host`, `javascript:`) gives null, so a crafted link cannot send someone off-site after sign-in.
 */
export function safeNextUrl(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}
