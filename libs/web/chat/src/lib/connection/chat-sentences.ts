import { CHAT_FILES, CHAT_LIMITS, ChatErrorCode, type ChatErrorEvent } from '@confer/chat/contracts';
import { formatBytes } from '../files/file-rules';

/** Codes of the auth guard and the platform, as the chat service uses them. */
const TOKEN_CODES = ['UNAUTHENTICATED', 'TOKEN_EXPIRED', 'TOKEN_INVALID', 'TOKEN_REVOKED'];

/** A sentence for a failed chat event (`chat:error`, a refused ack). */
export function errorSentence(error: Pick<ChatErrorEvent, 'code' | 'message' | 'retryAfterSeconds'>): string {
  switch (error.code) {
    case 'RATE_LIMITED': {
      const seconds = error.retryAfterSeconds;
      return seconds ? `You are sending too fast. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.` : 'You are sending too fast. Try again in a moment.';
    }
    case ChatErrorCode.ChatDisabled:
      return 'A host turned chat off in this meeting.';
    case ChatErrorCode.MessageTooLong:
      return `A message has at most ${CHAT_LIMITS.messageMaxLength.toLocaleString('en')} characters.`;
    case ChatErrorCode.MessageNotFound:
      return 'That message is no longer there.';
    case ChatErrorCode.MessageNotYours:
      return 'You can only change your own messages.';
    case ChatErrorCode.RecipientNotFound:
      return 'That person is no longer in the meeting.';
    case ChatErrorCode.ReactionLimit:
      return `A message takes at most ${CHAT_LIMITS.reactionsPerMessageMax} different reactions.`;
    case ChatErrorCode.FileTooLarge:
      return `Files can be at most ${formatBytes(CHAT_FILES.maxBytes)}.`;
    case ChatErrorCode.FileTypeNotAllowed:
      return 'That kind of file cannot be shared, or it is not what its name says.';
    case ChatErrorCode.FileSizeMismatch:
      return 'The file changed while it was uploading. Try again.';
    case ChatErrorCode.UploadNotFound:
      return 'The upload took too long to start. Try again.';
    case ChatErrorCode.FileNotFound:
      return 'That file is no longer available.';
    case 'SERVICE_UNAVAILABLE':
      return 'The chat is busy. Try again in a moment.';
    case 'INTERNAL':
      return 'The chat had a problem. Try again in a moment.';
    default:
      // The service writes its messages as sentences for people; anything else gets a plain one.
      return error.message?.trim() ? error.message : 'That did not work. Try again.';
  }
}

/** Why the chat is closed for good: `chat:closed`, or a refused handshake (`connect_error`'s data). */
export function closedSentence(error: Pick<ChatErrorEvent, 'code' | 'message'> | undefined): string {
  const code = error?.code;
  switch (code) {
    case ChatErrorCode.MeetingEnded:
      return 'The meeting has ended, and so has its chat.';
    case ChatErrorCode.ParticipantRemoved:
      return 'A host removed you from the meeting.';
    case ChatErrorCode.ChatNotFound:
    case ChatErrorCode.ChatNotLive:
      return 'You are not in this meeting’s chat any more.';
    case ChatErrorCode.OriginNotAllowed:
      return 'The chat only works on the Confer site itself.';
    case undefined:
      return 'The chat connection was closed.';
    default:
      return TOKEN_CODES.includes(code) ? 'Your session has ended. Sign in again to use the chat.' : 'The chat could not be opened. Reload the page to try again.';
  }
}
