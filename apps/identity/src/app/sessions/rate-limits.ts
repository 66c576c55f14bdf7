/** Redis-backed limits, per account and per IP (see README, "Identity"). */
export const IdentityLimits = {
  signInPerIp: { name: 'sign-in:ip', limit: 30, windowSeconds: 900 },
  signInPerAccount: { name: 'sign-in:account', limit: 10, windowSeconds: 900 },
  registerPerIp: { name: 'register:ip', limit: 10, windowSeconds: 3600 },
  registerPerAccount: { name: 'register:account', limit: 5, windowSeconds: 3600 },
  resetPerIp: { name: 'reset:ip', limit: 10, windowSeconds: 3600 },
  resetPerAccount: { name: 'reset:account', limit: 5, windowSeconds: 3600 },
  totpPerIp: { name: 'totp:ip', limit: 30, windowSeconds: 300 },
  totpPerAccount: { name: 'totp:account', limit: 5, windowSeconds: 300 },
  verifyPerIp: { name: 'verify-email:ip', limit: 30, windowSeconds: 3600 },
} as const;
