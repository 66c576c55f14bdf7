import type { ChatRole } from '@confer/chat/contracts';
import type { Author } from './message.repository';

/** Someone in a meeting's live chat, with what meetings answered about them moments ago. */
export interface Speaker extends Author {
  role: ChatRole;
  guest: boolean;
  allowChat: boolean;
  /** The connection it speaks through: its answer carries the change, so the change is not sent to it again. */
  socketId?: string;
}
