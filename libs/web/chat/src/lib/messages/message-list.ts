import type { ChatMessage } from '@confer/chat/contracts';

/**
 * Merges snapshots into a list ordered by `seq`: a message id appears once, as the snapshot with the
 * highest `version` (an edit, deletion or reaction sends the whole message again under the same id).
 * Returns the same array when nothing changed, so a signal holding it does not notify for nothing.
 */
export function mergeMessages(list: readonly ChatMessage[], incoming: readonly ChatMessage[]): readonly ChatMessage[] {
  if (incoming.length === 0) return list;
  const byId = new Map(list.map((message) => [message.id, message]));
  let changed = false;
  for (const message of incoming) {
    const known = byId.get(message.id);
    if (known && known.version >= message.version) continue;
    byId.set(message.id, message);
    changed = true;
  }
  return changed ? [...byId.values()].sort((a, b) => a.seq - b.seq) : list;
}

/** The highest change counter among these messages, or `floor` when none is higher. */
export function highestVersion(messages: readonly ChatMessage[], floor: number): number {
  return messages.reduce((highest, message) => Math.max(highest, message.version), floor);
}

/** Case- and accent-insensitive match of a search over a message's text and its author's name. */
export function matchesSearch(message: ChatMessage, query: string): boolean {
  const wanted = fold(query.trim());
  if (wanted === '') return true;
  if (message.deletedAt) return false;
  return fold(message.body).includes(wanted) || fold(message.from.displayName).includes(wanted);
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase();
}
