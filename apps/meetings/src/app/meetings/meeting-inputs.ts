import { Injectable } from '@nestjs/common';
import type { InviteeRef } from '@confer/meetings/contracts';
import { hashPasscode, isAcceptablePasscode, isValidTimeZone, PASSCODE_RULES } from '@confer/meetings/domain';
import { CommonErrorCode } from '@confer/shared/contracts';
import { DomainError } from '@confer/shared/util';
import type { Invitee } from '../invitations/invitee.repository';
import { People } from '../invitations/people';
import { normalizeInvitees, unknownInvitees } from './scheduling-rules';

/** Turns request fields into stored values: time zone, passcode hash, invitees with names and addresses. */
@Injectable()
export class MeetingInputs {
  constructor(private readonly people: People) {}

  timeZone(zone: string): string {
    if (!isValidTimeZone(zone)) throw fieldError('timeZone', 'Choose a time zone such as Europe/Paris.');
    return zone;
  }

  async passcodeHash(passcode: string): Promise<string> {
    if (!isAcceptablePasscode(passcode)) {
      throw fieldError('passcode', `A passcode has ${PASSCODE_RULES.minLength} to ${PASSCODE_RULES.maxLength} letters or digits.`);
    }
    return hashPasscode(passcode);
  }

  /** Accounts get their name and address from identity; an unknown account id is refused. */
  async invitees(refs: readonly InviteeRef[], hostId: string): Promise<Invitee[]> {
    const { userIds, emails } = normalizeInvitees(refs, hostId);
    const found = userIds.length > 0 ? await this.people.byIds(userIds) : new Map();
    const missing = userIds.filter((id) => !found.has(id));
    if (missing.length > 0) throw unknownInvitees(missing);
    const byEmail = new Map<string, Invitee>();
    for (const id of userIds) {
      const user = found.get(id);
      byEmail.set(user.email.toLowerCase(), { userId: id, email: user.email.toLowerCase(), displayName: user.displayName });
    }
    for (const email of emails) if (!byEmail.has(email)) byEmail.set(email, { userId: null, email, displayName: '' });
    return [...byEmail.values()];
  }
}

function fieldError(field: string, problem: string): DomainError {
  return new DomainError(CommonErrorCode.ValidationFailed, 'invalid', 'The request is not valid.', { fields: [{ field, problems: [problem] }] });
}
