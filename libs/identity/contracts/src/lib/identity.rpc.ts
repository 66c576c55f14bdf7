import { rpcPattern } from '@confer/shared/contracts';

/** RPC patterns the identity service answers over the Redis transport. */
export const IdentityRpc = {
  /** Who answers: ServiceInfo of one identity instance. */
  info: rpcPattern('identity', 'info'),
} as const;
