/** True for calls to Confer's own API: `/api/...` relative, or absolute on the page's origin. */
export function isApiRequest(url: string, pageOrigin: string): boolean {
  if (url.startsWith('/api/')) return true;
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    const parsed = new URL(url);
    return parsed.origin === pageOrigin && parsed.pathname.startsWith('/api/');
  } catch {
    return false;
  }
}
