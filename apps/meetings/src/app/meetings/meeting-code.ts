import { randomInt } from 'node:crypto';

/** A new meeting code like abc-defg-hij, from a CSPRNG: 26^10 (about 2^47) possibilities. */
export function newMeetingCode(): string {
  const letters = Array.from({ length: 10 }, () => String.fromCharCode(97 + randomInt(26))).join('');
  return `${letters.slice(0, 3)}-${letters.slice(3, 7)}-${letters.slice(7)}`;
}
