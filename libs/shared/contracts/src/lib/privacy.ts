import { rpcPattern } from './rpc';
import type { ServiceName } from './services';

/**
 * The privacy protocol between identity and the other services. Identity runs every "download my
 * data" and "delete my account" request as a background job: it asks each participant for its part
 * of the export, or to erase what it holds about the user, over the bus, and retries until each has
 * answered. Both calls are idempotent: asking twice exports the same data, erases nothing new.
 */
export const PRIVACY_PARTICIPANTS = ['meetings', 'chat', 'recording', 'analytics'] as const satisfies readonly ServiceName[];
export type PrivacyParticipant = (typeof PRIVACY_PARTICIPANTS)[number];

export const PrivacyRpc = {
  /** PrivacySubject → PrivacyExportPart */
  export: (service: PrivacyParticipant): string => rpcPattern(service, 'privacy.export'),
  /** PrivacySubject → PrivacyErasureReport */
  erase: (service: PrivacyParticipant): string => rpcPattern(service, 'privacy.erase'),
} as const;

export interface PrivacySubject {
  userId: string;
  /** The privacy request on whose behalf identity asks (for logs). */
  requestId: string;
}

/** One service's part of a user's export: named collections of plain JSON records. */
export interface PrivacyExportPart {
  service: ServiceName;
  data: Record<string, unknown>;
}

/** What one service erased or anonymised, counted by kind of record. */
export interface PrivacyErasureReport {
  service: ServiceName;
  counts: Record<string, number>;
}
