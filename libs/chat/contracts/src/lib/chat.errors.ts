/**
 * Error codes of the chat service: the `code` of its HTTP error bodies and of its socket errors
 * (`chat:error`, failed acks, `chat:closed`, and `connect_error`'s `data`). Chat also uses the common
 * codes (VALIDATION_FAILED, RATE_LIMITED, SERVICE_UNAVAILABLE, INTERNAL) and the token codes of the
 * auth guard (UNAUTHENTICATED, TOKEN_EXPIRED, TOKEN_INVALID, TOKEN_REVOKED).
 */
export const ChatErrorCode = {
  /** No such meeting, or the caller is not (or no longer) one of its participants: never says which. */
  ChatNotFound: 'CHAT_NOT_FOUND',
  /** The caller may read this chat's history but not be in it live (the meeting is over, or they left). */
  ChatNotLive: 'CHAT_NOT_LIVE',
  /** A host turned chat off: participants may not send, edit or react (hosts and co-hosts still may). */
  ChatDisabled: 'CHAT_DISABLED',
  /** The socket's Origin is not the configured public origin. */
  OriginNotAllowed: 'ORIGIN_NOT_ALLOWED',
  MessageNotFound: 'MESSAGE_NOT_FOUND',
  /** Only the author edits a message; the author, hosts and co-hosts delete it. */
  MessageNotYours: 'MESSAGE_NOT_YOURS',
  MessageTooLong: 'MESSAGE_TOO_LONG',
  /** A private message's recipient is not in the meeting. */
  RecipientNotFound: 'RECIPIENT_NOT_FOUND',
  /** A message already has CHAT_LIMITS.reactionsPerMessageMax different emojis. */
  ReactionLimit: 'REACTION_LIMIT',
  /** `chat:closed`: a host removed this person from the meeting. */
  ParticipantRemoved: 'PARTICIPANT_REMOVED',
  /** `chat:closed`: the meeting ended; its history stays readable through the API. */
  MeetingEnded: 'MEETING_ENDED',
  /** A file over CHAT_FILES.maxBytes. */
  FileTooLarge: 'FILE_TOO_LARGE',
  /** A file whose name's extension is not allowed (CHAT_FILES.types), or whose content is not what it claims. */
  FileTypeNotAllowed: 'FILE_TYPE_NOT_ALLOWED',
  /** The bytes sent are not the size announced (Content-Length missing, or different). */
  FileSizeMismatch: 'FILE_SIZE_MISMATCH',
  /** An upload URL that is unknown, already used, or expired. */
  UploadNotFound: 'UPLOAD_NOT_FOUND',
  /** No such file the caller may share or download (never says which). */
  FileNotFound: 'FILE_NOT_FOUND',
} as const;
export type ChatErrorCode = (typeof ChatErrorCode)[keyof typeof ChatErrorCode];
