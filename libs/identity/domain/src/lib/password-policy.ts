import { PASSWORD_POLICY } from '@confer/identity/contracts';
import { COMMON_PASSWORDS } from './common-passwords';

/** NIST SP 800-63B: a length floor, a generous ceiling, a deny-list, and no composition rules. */
const PASSWORD_MIN_LENGTH = PASSWORD_POLICY.minLength;
const PASSWORD_MAX_LENGTH = PASSWORD_POLICY.maxLength;

export type PasswordProblem = 'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_LONG' | 'PASSWORD_TOO_COMMON';

export interface PasswordContext {
  email?: string;
  displayName?: string;
}

let commonPasswords: Set<string> | undefined;

/** Built on first use: ~10,000 entries, a few hundred KB of heap that services without sign-up never pay. */
function common(): Set<string> {
  commonPasswords ??= new Set(COMMON_PASSWORDS.split('\n'));
  return commonPasswords;
}

/**
 * Why a new password is refused, or null when it is acceptable. Length counts Unicode code points,
 * so an emoji is one character. Too common means, ignoring case: on the common-passwords list, or
 * the account's own email, the email's local part, or its display name.
 */
export function checkPassword(password: string, context: PasswordContext = {}): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'PASSWORD_TOO_SHORT';
  if (length > PASSWORD_MAX_LENGTH) return 'PASSWORD_TOO_LONG';
  const lowered = password.toLowerCase();
  if (common().has(lowered) || personal(context).includes(lowered)) return 'PASSWORD_TOO_COMMON';
  return null;
}

function personal({ email, displayName }: PasswordContext): string[] {
  const words: string[] = [];
  if (email) {
    const lowered = email.trim().toLowerCase();
    words.push(lowered);
    const at = lowered.lastIndexOf('@');
    if (at > 0) words.push(lowered.slice(0, at));
  }
  if (displayName?.trim()) words.push(displayName.trim().toLowerCase());
  return words;
}
