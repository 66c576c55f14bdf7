import type { ChatAccess } from '@confer/meetings/contracts';
import { DomainError } from '@confer/shared/util';
import { chatDisabled, chatNotFound, chatNotLive } from './chat.errors';

/**
 * What meetings' facts allow in chat (docs/decisions.md, Chat). Meetings answers who someone is in a
 * meeting; these rules decide, here, what that lets them do.
 */

/** History: anyone admitted at some point and not removed, during the meeting and after it. */
export function mayRead(access: ChatAccess | null): access is ChatAccess {
  return access !== null && access.participant.everAdmitted && access.participant.status !== 'removed';
}

/**
 * The live chat: someone in the meeting now (admitted), or briefly gone from a live one (left, as for
 * renewing a LiveKit token), while the meeting is neither over nor cancelled.
 */
export function mayBeLive(access: ChatAccess | null): access is ChatAccess {
  if (!mayRead(access)) return false;
  const { meeting, participant } = access;
  if (meeting.status === 'ended' || meeting.status === 'cancelled') return false;
  return participant.status === 'admitted' || (participant.status === 'left' && meeting.status === 'live');
}

/** The refusal for someone who may not be in the live chat; undefined when they may. */
export function liveRefusal(access: ChatAccess | null): DomainError | undefined {
  if (!mayRead(access)) return chatNotFound();
  return mayBeLive(access) ? undefined : chatNotLive();
}

/** Writing (send, edit, react) when chat is off: hosts and co-hosts still may, as LiveKit's data grant says. */
export function writeRefusal(allowChat: boolean, role: ChatAccess['participant']['role']): DomainError | undefined {
  return allowChat || role !== 'participant' ? undefined : chatDisabled();
}

/** Hosts and co-hosts delete anyone's message; everyone deletes their own. */
export function mayDeleteAny(role: ChatAccess['participant']['role']): boolean {
  return role !== 'participant';
}
