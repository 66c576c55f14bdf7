import { rpcPattern } from '@confer/shared/contracts';

/** RPC patterns the analytics service answers over the Redis transport. */
export const AnalyticsRpc = {
  /** Who answers: ServiceInfo of one analytics instance. */
  info: rpcPattern('analytics', 'info'),
} as const;
