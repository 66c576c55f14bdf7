import type { PrivacyRequestStatus, PrivacyRequestView } from '@confer/identity/contracts';
import { SERVICE_NAMES, type ServiceName } from '@confer/shared/contracts';

/** The part of Confer each service holds, in a person's words. */
const SERVICE_LABELS: Readonly<Record<ServiceName, string>> = {
  identity: 'Account and profile',
  meetings: 'Meetings',
  chat: 'Chat messages',
  recording: 'Recordings',
  analytics: 'Usage records',
};

const STATUS_LABELS: Readonly<Record<PrivacyRequestStatus, string>> = {
  awaiting_confirmation: 'Waiting for you to confirm with the link we mailed',
  queued: 'Waiting to start',
  running: 'In progress',
  completed: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
  expired: 'Expired',
};

export interface PrivacyPartView {
  readonly service: ServiceName;
  readonly label: string;
  readonly done: boolean;
}

/** A privacy request's status in words; an export that is done is "Ready to download". */
export function privacyStatusLabel(request: Pick<PrivacyRequestView, 'kind' | 'status'>): string {
  if (request.kind === 'export' && request.status === 'completed') return 'Ready to download';
  if (request.kind === 'export' && request.status === 'expired') return 'Expired: the file was removed';
  return STATUS_LABELS[request.status] ?? request.status;
}

/** Queued or running: the job is still under way and worth following. */
export function isPrivacyRequestActive(request: Pick<PrivacyRequestView, 'status'>): boolean {
  return request.status === 'queued' || request.status === 'running';
}

/** The services taking part in a request, in Confer's usual order, each done or not yet. */
export function privacyParts(request: Pick<PrivacyRequestView, 'parts'>): PrivacyPartView[] {
  return SERVICE_NAMES.filter((service) => request.parts[service] !== undefined).map((service) => ({
    service,
    label: SERVICE_LABELS[service],
    done: request.parts[service] === 'done',
  }));
}
