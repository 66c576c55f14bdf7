import {
  DEFAULT_MEETING_SETTINGS,
  MEETING_CODE_PATTERN,
  type ChatAccess,
  type MeetingRole,
  type MeetingSettings,
  type MeetingStatus,
  type ParticipantStatus,
} from '@confer/meetings/contracts';
import { DomainError } from '@confer/shared/util';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TICKET = /^[A-Za-z0-9_-]{43}$/;
const IDENTITY = /^(guest-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Who chat asks about, once the request is checked: by user id, by ticket, or by identity. */
export type ChatAccessKey = { code: string } & ({ by: 'userId'; value: string } | { by: 'ticket'; value: string } | { by: 'identity'; value: string });

/** Checks an RPC request: a meeting code and exactly one well-formed user id, ticket or identity. */
export function parseChatAccessRequest(data: unknown): ChatAccessKey {
  const request = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const { code } = request;
  if (typeof code !== 'string' || !MEETING_CODE_PATTERN.test(code)) throw invalid('code must be a meeting code.');
  const given = (['userId', 'ticket', 'identity'] as const).filter((key) => request[key] !== undefined);
  if (given.length !== 1) throw invalid('Give exactly one of userId, ticket or identity.');
  const [by] = given;
  const value = request[by];
  const pattern = by === 'userId' ? UUID : by === 'ticket' ? TICKET : IDENTITY;
  if (typeof value !== 'string' || !pattern.test(value)) throw invalid(`${by} is not well formed.`);
  return { code, by, value };
}

/** A meeting joined with one of its participant rows, as the repository reads it. */
export interface ChatAccessRow {
  meeting_id: string;
  code: string;
  status: MeetingStatus;
  host_id: string;
  settings: Partial<MeetingSettings>;
  identity: string;
  user_id: string | null;
  display_name: string;
  role: MeetingRole;
  participant_status: ParticipantStatus;
  ever_admitted: boolean;
}

/** The answer: the meeting's host id makes the host (as the room controls decide it), the row the rest. */
export function toChatAccess(row: ChatAccessRow): ChatAccess {
  const settings = { ...DEFAULT_MEETING_SETTINGS, ...row.settings };
  const role: MeetingRole = row.user_id !== null && row.user_id === row.host_id ? 'host' : row.role === 'host' ? 'participant' : row.role;
  return {
    meeting: { id: row.meeting_id, code: row.code, status: row.status, allowChat: settings.allowChat },
    participant: {
      identity: row.identity,
      userId: row.user_id,
      displayName: row.display_name,
      role,
      status: row.participant_status,
      everAdmitted: row.ever_admitted,
    },
  };
}

function invalid(message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', 'invalid', message);
}
