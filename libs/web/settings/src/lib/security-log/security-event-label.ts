import type { SecurityEventType } from '@confer/identity/contracts';

const LABELS: Readonly<Record<SecurityEventType, string>> = {
  'sign_in.succeeded': 'Signed in',
  'sign_in.failed': 'Failed sign-in',
  sign_out: 'Signed out',
  'sign_out.everywhere': 'Signed out everywhere',
  'session.revoked': 'Session ended',
  'refresh.reused': 'Session ended: sign-in used twice',
  'email.verified': 'Email address confirmed',
  'password.changed': 'Password changed',
  'password.reset_requested': 'Password reset requested',
  'password.reset': 'Password reset',
  'mfa.enabled': 'Two-step sign-in turned on',
  'mfa.disabled': 'Two-step sign-in turned off',
  'mfa.recovery_code_used': 'Recovery code used',
  'admin.user_disabled': 'Account disabled by an admin',
  'admin.user_enabled': 'Account enabled by an admin',
  'privacy.export_requested': 'Copy of your data requested',
  'account.deletion_requested': 'Account deletion requested',
  'account.deletion_confirmed': 'Account deletion confirmed',
  'account.deleted': 'Account deleted',
};

/** A person's words for an event type; an unknown (newer) type is shown as it is. */
export function securityEventLabel(type: string): string {
  return (LABELS as Readonly<Record<string, string>>)[type] ?? type;
}
