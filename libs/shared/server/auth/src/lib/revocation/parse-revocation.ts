import type { Revocation, RevocationReason } from '@confer/shared/contracts';

/** Largest broadcast accepted, in characters: a revocation is a few hundred. */
const MAX_MESSAGE_CHARS = 64 * 1024;

/** A revocation from untrusted JSON text, or undefined when it is not one. */
export function parseRevocationMessage(message: string): Revocation | undefined {
  if (message.length > MAX_MESSAGE_CHARS) return undefined;
  try {
    return toRevocation(JSON.parse(message));
  } catch {
    return undefined;
  }
}

/**
 * A revocation from an untrusted value, or undefined. An unknown `reason` is kept rather than the
 * revocation dropped: failing to revoke is the worse mistake.
 */
export function toRevocation(value: unknown): Revocation | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { kind, userId, sessionIds, notBefore, reason, at } = value as Record<string, unknown>;
  if (typeof userId !== 'string' || userId.length === 0) return undefined;
  const common = { userId, reason: (typeof reason === 'string' ? reason : 'session_revoked') as RevocationReason, at: typeof at === 'number' ? at : 0 };
  if (kind === 'sessions') {
    if (!Array.isArray(sessionIds) || !sessionIds.every((sid) => typeof sid === 'string' && sid.length > 0)) return undefined;
    return { kind, sessionIds: sessionIds as string[], ...common };
  }
  if (kind === 'user') {
    if (typeof notBefore !== 'number' || !Number.isFinite(notBefore)) return undefined;
    return { kind, notBefore, ...common };
  }
  return undefined;
}
