import type { ChatReaction } from '@confer/chat/contracts';

/** Names shown in full before "and N others". */
const NAMED_MAX = 3;

/**
 * A reaction's accessible name: the emoji, the count and who reacted, with me as "you" and last,
 * e.g. "👍 2, reacted by Ada and you"; past three people, "👍 7, reacted by Ada, Bo, you and 4 others".
 */
export function reactionLabel(reaction: ChatReaction, myIdentity: string | undefined): string {
  const mine = reactedByMe(reaction, myIdentity);
  const others = reaction.by.filter((person) => person.identity !== myIdentity).map((person) => person.displayName);
  const names = mine ? [...others, 'you'] : others;
  if (names.length === 0) return `${reaction.emoji} ${reaction.count}`;
  if (names.length <= NAMED_MAX && names.length === reaction.count) return `${reaction.emoji} ${reaction.count}, reacted by ${joinWithAnd(names)}`;
  const shown = mine ? [...others.slice(0, NAMED_MAX - 1), 'you'] : others.slice(0, NAMED_MAX);
  const rest = reaction.count - shown.length;
  return `${reaction.emoji} ${reaction.count}, reacted by ${shown.join(', ')} and ${rest} ${rest === 1 ? 'other' : 'others'}`;
}

export function reactedByMe(reaction: ChatReaction, myIdentity: string | undefined): boolean {
  return myIdentity !== undefined && reaction.by.some((person) => person.identity === myIdentity);
}

function joinWithAnd(names: readonly string[]): string {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
