import type { RateLimitRule } from '@confer/shared/server/platform';

/**
 * Joining is where passcodes are guessed, so every attempt counts, per IP and per meeting: a 4-character
 * passcode has 14 million values and a meeting sees at most 120 attempts in 5 minutes from everyone.
 */
export const JoinLimits = {
  joinPerIp: { name: 'join:ip', limit: 30, windowSeconds: 300 },
  joinPerMeeting: { name: 'join:meeting', limit: 120, windowSeconds: 300 },
  previewPerIp: { name: 'preview:ip', limit: 60, windowSeconds: 60 },
  ticketPerIp: { name: 'ticket:ip', limit: 300, windowSeconds: 60 },
} as const satisfies Record<string, RateLimitRule>;
