import { DomainEvent } from '@confer/shared/contracts';

/** A message was stored (for analytics: who, where, how long; never its text). */
export class ChatMessageSent extends DomainEvent<{
  messageId: string;
  meetingId: string;
  senderIdentity: string;
  /** Null for guests. */
  senderUserId: string | null;
  private: boolean;
  /** Characters (code points). */
  length: number;
  sentAt: string;
}> {
  static readonly type = 'chat.message.sent';
  static readonly version = 1;
  static readonly producer = 'chat' as const;
}

/** Someone added an emoji reaction to a message (taking it back publishes nothing). */
export class ChatReactionAdded extends DomainEvent<{
  messageId: string;
  meetingId: string;
  emoji: string;
  identity: string;
  userId: string | null;
  at: string;
}> {
  static readonly type = 'chat.reaction.added';
  static readonly version = 1;
  static readonly producer = 'chat' as const;
}

/** A message shared a file (for analytics: what kind and how big; never its name or content). */
export class ChatFileShared extends DomainEvent<{
  fileId: string;
  messageId: string;
  meetingId: string;
  senderIdentity: string;
  /** Null for guests. */
  senderUserId: string | null;
  private: boolean;
  contentType: string;
  size: number;
  sharedAt: string;
}> {
  static readonly type = 'chat.file.shared';
  static readonly version = 1;
  static readonly producer = 'chat' as const;
}
