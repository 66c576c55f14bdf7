import { PRIVACY_LIMITS } from '@confer/identity/contracts';

/** Redis-backed limits of the privacy routes (see README, "Privacy"). */
export const PrivacyLimits = {
  exportsPerAccount: { name: 'privacy-export:account', limit: PRIVACY_LIMITS.exportsPerDay, windowSeconds: 86_400 },
  deletionPerAccount: { name: 'privacy-deletion:account', limit: 5, windowSeconds: 3600 },
  confirmPerIp: { name: 'privacy-confirm:ip', limit: 30, windowSeconds: 3600 },
  statusPerIp: { name: 'privacy-status:ip', limit: 600, windowSeconds: 3600 },
} as const;
