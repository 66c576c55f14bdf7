import { MeetingsErrorCode } from '@confer/meetings/contracts';
import { DomainError } from '@confer/shared/util';

export function participantNotFound(): DomainError {
  return new DomainError(MeetingsErrorCode.ParticipantNotFound, 'not_found', 'There is no such person in this meeting.');
}

export function hostOnly(): DomainError {
  return new DomainError(MeetingsErrorCode.MeetingRoleRequired, 'forbidden', 'Only the host may do this.');
}
