import { rpcPattern } from '@confer/shared/contracts';

/** RPC patterns the recording service answers over the Redis transport. */
export const RecordingRpc = {
  /** Who answers: ServiceInfo of one recording instance. */
  info: rpcPattern('recording', 'info'),
} as const;
