import type { ChatFile, ChatMessage, ChatReaction } from '@confer/chat/contracts';

/** A messages row as the repository reads it (bigints come back from pg as strings). */
export interface MessageRow {
  id: string;
  pos: string;
  meeting_id: string;
  meeting_code: string;
  seq: string;
  version: string;
  client_id: string;
  sender_identity: string;
  sender_user_id: string | null;
  sender_name: string;
  recipient_identity: string | null;
  recipient_name: string | null;
  body: string;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
  /** The file it shares, if any. */
  file_id: string | null;
}

export interface ReactionRow {
  message_id: string;
  emoji: string;
  identity: string;
  display_name: string;
}

/** Reactions grouped by emoji, in the order each emoji was first used, with who reacted in order. */
export function groupReactions(rows: readonly ReactionRow[]): Map<string, ChatReaction[]> {
  const byMessage = new Map<string, Map<string, ChatReaction>>();
  for (const row of rows) {
    const emojis = byMessage.get(row.message_id) ?? new Map<string, ChatReaction>();
    byMessage.set(row.message_id, emojis);
    const reaction = emojis.get(row.emoji) ?? { emoji: row.emoji, count: 0, by: [] };
    emojis.set(row.emoji, reaction);
    reaction.count += 1;
    reaction.by.push({ identity: row.identity, displayName: row.display_name });
  }
  return new Map([...byMessage].map(([id, emojis]) => [id, [...emojis.values()]]));
}

/** A message as clients see it; a deleted one keeps neither its reactions nor its file. */
export function toChatMessage(row: MessageRow, reactions: readonly ChatReaction[] = [], file?: ChatFile): ChatMessage {
  const message: ChatMessage = {
    id: row.id,
    clientId: row.client_id,
    meetingId: row.meeting_id,
    seq: Number(row.seq),
    version: Number(row.version),
    from: { identity: row.sender_identity, displayName: row.sender_name, guest: row.sender_user_id === null && row.sender_identity.startsWith('guest-') },
    to: row.recipient_identity === null ? null : { identity: row.recipient_identity, displayName: row.recipient_name ?? '' },
    body: row.body,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    deletedAt: row.deleted_at?.toISOString() ?? null,
    reactions: row.deleted_at ? [] : [...reactions],
  };
  if (file && !row.deleted_at) message.file = file;
  return message;
}
