import { checkPassword } from '@confer/identity/domain';
import { IdentityErrorCode, PASSWORD_POLICY } from '@confer/identity/contracts';
import { DomainError } from '@confer/shared/util';

const MESSAGES: Record<string, string> = {
  PASSWORD_TOO_SHORT: `Use at least ${PASSWORD_POLICY.minLength} characters.`,
  PASSWORD_TOO_LONG: `Use at most ${PASSWORD_POLICY.maxLength} characters.`,
  PASSWORD_TOO_COMMON: 'This password is too common or too easy to guess. Choose another.',
};

/** Throws a field-level validation error when a new password breaks the policy. */
export function assertAcceptablePassword(password: string, field: string, context: { email?: string; displayName?: string } = {}): void {
  const problem = checkPassword(password, context);
  if (!problem) return;
  const code = IdentityErrorCode[problem === 'PASSWORD_TOO_SHORT' ? 'PasswordTooShort' : problem === 'PASSWORD_TOO_LONG' ? 'PasswordTooLong' : 'PasswordTooCommon'];
  throw new DomainError(code, 'invalid', MESSAGES[problem], { fields: [{ field, problems: [MESSAGES[problem]] }] });
}
