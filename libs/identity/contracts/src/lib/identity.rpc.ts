import { rpcPattern } from '@confer/shared/contracts';

/** RPC patterns the identity service answers over the Redis transport. */
export const IdentityRpc = {
  /** Who answers: ServiceInfo of one identity instance. */
  info: rpcPattern('identity', 'info'),
  /** MeetingDefaultsRequest → MeetingDefaults (identity.api): the user's choices over DEFAULT_USER_PREFERENCES. */
  meetingDefaults: rpcPattern('identity', 'meetingDefaults'),
  /** UsersByIdsRequest → UserContact[]: the accounts among `ids` that exist, in no particular order. */
  usersByIds: rpcPattern('identity', 'usersByIds'),
} as const;

export interface MeetingDefaultsRequest {
  userId: string;
}

/** At most this many ids per usersByIds call. */
export const USERS_BY_IDS_MAX = 200;

export interface UsersByIdsRequest {
  ids: string[];
}

/** What another service may learn about an account to address it: for invitations and organisers. */
export interface UserContact {
  id: string;
  displayName: string;
  email: string;
  /** IANA time zone of the profile. */
  timeZone: string;
}
