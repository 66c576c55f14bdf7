/** A run of a message's text: plain text, or an http(s) link with the exact text it was written as. */
export type TextPart = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'link'; readonly text: string; readonly href: string };

/** Candidates: an explicit http:// or https:// up to the next space or character that cannot be in a link. */
const CANDIDATE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
/** Written after a link more often than in it: sentence punctuation, and closing brackets with no opening one inside. */
const TRAILING = /[.,;:!?*_~]+$/;

/**
 * Splits plain text into text and links, for templates that render each part as text or as an `<a>`:
 * nothing is ever parsed as HTML. Only absolute http(s) URLs that the URL parser accepts become links
 * (no `javascript:`, `data:` or bare `www.`), with the parser's normalised href.
 */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let from = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const written = trimTrailing(match[0]);
    const href = httpHref(written);
    if (!href) continue;
    const at = match.index;
    if (at > from) parts.push({ kind: 'text', text: text.slice(from, at) });
    parts.push({ kind: 'link', text: written, href });
    from = at + written.length;
  }
  if (from < text.length) parts.push({ kind: 'text', text: text.slice(from) });
  return parts;
}

function trimTrailing(candidate: string): string {
  let link = candidate.replace(TRAILING, '');
  for (const [open, close] of [
    ['(', ')'],
    ['[', ']'],
    ['{', '}'],
  ] as const) {
    while (link.endsWith(close) && count(link, close) > count(link, open)) link = link.slice(0, -1).replace(TRAILING, '');
  }
  return link;
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

function httpHref(written: string): string | null {
  try {
    const url = new URL(written);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? url.href : null;
  } catch {
    return null;
  }
}
