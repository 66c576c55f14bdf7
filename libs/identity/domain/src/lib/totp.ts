import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { base32Encode } from './base32';

/** RFC 6238 defaults, which every authenticator app understands. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
const SECRET_BYTES = 20; // 160 bits, the HMAC-SHA1 block-friendly size RFC 4226 recommends

export type TotpVerification = { ok: true; step: number } | { ok: false };

export interface VerifyTotpOptions {
  nowMs: number;
  /** How many steps before and after the current one are still accepted (clock drift). */
  window?: number;
  /** The step of the last code accepted for this secret: it and every earlier step are refused. */
  lastUsedStep?: number;
}

export function generateTotpSecret(): Buffer {
  return randomBytes(SECRET_BYTES);
}

/** The RFC 6238 time step (T) that contains the instant nowMs. */
export function totpStep(nowMs: number, periodSeconds = TOTP_PERIOD_SECONDS): number {
  return Math.floor(nowMs / 1000 / periodSeconds);
}

/** The HOTP value (RFC 4226, HMAC-SHA1, dynamic truncation) of one step, zero-padded to `digits`. */
export function totpCode(secret: Buffer, step: number, digits = TOTP_DIGITS): string {
  if (!Number.isSafeInteger(step) || step < 0) throw new RangeError('totp: step must be a non-negative integer');
  if (!Number.isInteger(digits) || digits < 6 || digits > 8) throw new RangeError('totp: digits must be 6 to 8');
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', secret).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/**
 * Checks a 6-digit code against the steps within ±window of now. A step at or before lastUsedStep is
 * refused, so each code works once: store the returned step and pass it back next time. Every
 * candidate is compared, in constant time, whether or not an earlier one matched.
 */
export function verifyTotp(secret: Buffer, code: string, options: VerifyTotpOptions): TotpVerification {
  const typed = code.replace(/\s+/g, ''); // apps show "123 456"
  if (!/^\d{6}$/.test(typed)) return { ok: false };
  const given = Buffer.from(typed);
  const window = options.window ?? 1;
  const current = totpStep(options.nowMs);
  let matched: number | undefined;
  for (let step = current - window; step <= current + window; step++) {
    if (step < 0) continue;
    const equal = timingSafeEqual(Buffer.from(totpCode(secret, step)), given);
    const fresh = options.lastUsedStep === undefined || step > options.lastUsedStep;
    if (equal && fresh && matched === undefined) matched = step;
  }
  return matched === undefined ? { ok: false } : { ok: true, step: matched };
}

export interface OtpauthUriInput {
  issuer: string;
  account: string;
  secret: Buffer;
}

/** The otpauth:// URI (Key Uri Format) that authenticator apps read from a QR code. */
export function otpauthUri({ issuer, account, secret }: OtpauthUriInput): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const query = [
    `secret=${base32Encode(secret)}`,
    `issuer=${encodeURIComponent(issuer)}`,
    'algorithm=SHA1',
    `digits=${TOTP_DIGITS}`,
    `period=${TOTP_PERIOD_SECONDS}`,
  ].join('&');
  return `otpauth://totp/${label}?${query}`;
}
