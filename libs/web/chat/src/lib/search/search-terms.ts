/**
 * The words and phrases of a web-search query (`budget "next week" -draft or plan`) that a matching
 * message should contain: excluded terms and `or` dropped, lower case. Used only to mark matches;
 * the service's search stems words, so a match on "meetings" for "meeting" is marked but one on
 * "ran" for "running" is not.
 */
export function searchTerms(query: string): string[] {
  const terms: string[] = [];
  for (const [, phrase, word] of query.matchAll(/(-?"[^"]*"?)|(\S+)/g)) {
    const term = phrase ?? word ?? '';
    if (term.startsWith('-') || term.toLowerCase() === 'or') continue;
    const cleaned = term.replace(/"/g, '').trim().toLowerCase();
    if (cleaned) terms.push(cleaned);
  }
  return terms;
}

export interface MarkedPart {
  readonly text: string;
  readonly marked: boolean;
}

/** Splits text into parts, marking every case-insensitive occurrence of any of the terms. */
export function markTerms(text: string, terms: readonly string[]): MarkedPart[] {
  const wanted = terms.filter((term) => term.length > 0).sort((a, b) => b.length - a.length);
  if (wanted.length === 0 || text === '') return text ? [{ text, marked: false }] : [];
  const pattern = new RegExp(wanted.map(escape).join('|'), 'giu');
  const parts: MarkedPart[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0;
    if (start > last) parts.push({ text: text.slice(last, start), marked: false });
    parts.push({ text: match[0], marked: true });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), marked: false });
  return parts;
}

function escape(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
