import { rpcPattern } from '@confer/shared/contracts';

/** RPC patterns the meetings service answers over the Redis transport. */
export const MeetingsRpc = {
  /** Who answers: ServiceInfo of one meetings instance. */
  info: rpcPattern('meetings', 'info'),
} as const;
