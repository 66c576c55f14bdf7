import type { ServiceName } from '@confer/shared/contracts';

/** "Download my data" and "delete my account": background jobs with a visible status. */

export type PrivacyRequestKind = 'export' | 'deletion';

/**
 * awaiting_confirmation: a deletion waiting for the link in the mail (deletion only);
 * queued → running → completed, or failed after repeated errors; cancelled: the user withdrew an
 * unconfirmed deletion or its link expired; expired: an export whose archive was removed.
 */
export type PrivacyRequestStatus = 'awaiting_confirmation' | 'queued' | 'running' | 'completed' | 'failed' | 'cancelled' | 'expired';

export type PrivacyPartStatus = 'pending' | 'done';

export interface PrivacyRequestView {
  id: string;
  kind: PrivacyRequestKind;
  status: PrivacyRequestStatus;
  /** Progress per service (identity included). */
  parts: Partial<Record<ServiceName, PrivacyPartStatus>>;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  /** Exports: when the archive is removed. Deletions awaiting confirmation: when the link expires. */
  expiresAt: string | null;
  /** Exports: size of the archive once completed. */
  sizeBytes: number | null;
  /** A short reason when the job failed. */
  error: string | null;
}

/** Deleting an account asks for the password again, and a second factor when MFA is on. */
export interface RequestDeletionRequest {
  password: string;
  /** A 6-digit TOTP code or a recovery code; required when MFA is on. */
  code?: string;
}

/** The token from the confirmation mail; also lets the confirming page follow the job's status. */
export interface DeletionTokenRequest {
  token: string;
}

/** The archive "download my data" produces: one JSON document, a part per service. */
export interface DataExportArchive {
  format: 'confer-data-export';
  version: 1;
  generatedAt: string;
  userId: string;
  services: Partial<Record<ServiceName, Record<string, unknown>>>;
}

export const PRIVACY_LIMITS = {
  /** Export archives are removed this long after they are ready. */
  exportTtlDays: 7,
  /** A deletion link in the mail works this long. */
  deletionLinkMinutes: 60,
  /** Exports one account may start per day. */
  exportsPerDay: 5,
} as const;

/** Paths under /api/identity. */
export const PRIVACY_PATHS = {
  requests: '/privacy/requests',
  exports: '/privacy/exports',
  archive: (requestId: string) => `/privacy/exports/${requestId}/archive`,
  deletion: '/privacy/deletion',
  confirmDeletion: '/privacy/deletion/confirm',
  deletionStatus: '/privacy/deletion/status',
} as const;

/** Path of the web page the deletion mail links to (`#token=...`, like the other mailed links). */
export const DELETION_CONFIRM_PAGE = '/account/delete';
