import { DOCUMENT, Location } from '@angular/common';
import { inject } from '@angular/core';

/**
 * The token of a mailed link (`/verify-email#token=...`). It travels in the fragment so it never reaches
 * a server log or a Referer header; once read, it is taken out of the address bar and history too.
 * Call in an injection context (a component's constructor or field initializer).
 */
export function takeFragmentToken(): string | null {
  const hash = inject(DOCUMENT).location.hash;
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  if (hash) {
    const location = inject(Location);
    location.replaceState(location.path(false));
  }
  return token && token.trim() !== '' ? token.trim() : null;
}
