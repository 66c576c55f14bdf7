import { rpcPattern } from '@confer/shared/contracts';
import type { MeetingStatus } from './meetings.api';
import type { MeetingRole, ParticipantStatus } from './joining.api';

/** RPC patterns the meetings service answers over the Redis transport. */
export const MeetingsRpc = {
  /** Who answers: ServiceInfo of one meetings instance. */
  info: rpcPattern('meetings', 'info'),
  /**
   * ChatAccessRequest → ChatAccess | null: what chat needs to know before it lets someone into a
   * meeting's chat or its history. Null when there is no such meeting or the person is not one of
   * its participants (the answer never says which).
   */
  chatAccess: rpcPattern('meetings', 'chatAccess'),
} as const;

/**
 * Who asks, as chat learnt it: a signed-in person by user id (from a verified access token), a
 * guest by the ticket their join answered with, or (chat's own checks, e.g. the recipient of a
 * private message) a participant identity. Exactly one of the three.
 */
export type ChatAccessRequest = { code: string } & ({ userId: string } | { ticket: string } | { identity: string });

export interface ChatAccess {
  meeting: {
    id: string;
    code: string;
    status: MeetingStatus;
    allowChat: boolean;
  };
  participant: {
    /** The user id, or `guest-<uuid>`: the LiveKit identity. */
    identity: string;
    /** Null for guests. */
    userId: string | null;
    displayName: string;
    /** The meeting's host id decides 'host'; co-hosts by their row. */
    role: MeetingRole;
    status: ParticipantStatus;
    /** Admitted at some point (not only waiting, denied or removed before entering). */
    everAdmitted: boolean;
  };
}
