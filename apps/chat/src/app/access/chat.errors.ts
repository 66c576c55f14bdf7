import { ChatErrorCode } from '@confer/chat/contracts';
import { DomainError } from '@confer/shared/util';

export function chatNotFound(): DomainError {
  return new DomainError(ChatErrorCode.ChatNotFound, 'not_found', 'There is no such meeting chat.');
}

export function chatNotLive(): DomainError {
  return new DomainError(ChatErrorCode.ChatNotLive, 'conflict', 'You are not in this meeting right now; its history stays readable.');
}

export function chatDisabled(): DomainError {
  return new DomainError(ChatErrorCode.ChatDisabled, 'forbidden', 'A host turned chat off in this meeting.');
}

export function originNotAllowed(): DomainError {
  return new DomainError(ChatErrorCode.OriginNotAllowed, 'forbidden', 'Connect from the Confer site.');
}

export function messageNotFound(): DomainError {
  return new DomainError(ChatErrorCode.MessageNotFound, 'not_found', 'There is no such message.');
}

export function messageNotYours(action: 'edit' | 'delete'): DomainError {
  return new DomainError(
    ChatErrorCode.MessageNotYours,
    'forbidden',
    action === 'edit' ? 'Only its author can edit a message.' : 'Only its author or a host can delete a message.',
  );
}

export function recipientNotFound(): DomainError {
  return new DomainError(ChatErrorCode.RecipientNotFound, 'not_found', 'That person is not in this meeting.');
}

export function invalid(message: string, details?: unknown): DomainError {
  return new DomainError('VALIDATION_FAILED', 'invalid', message, details);
}
