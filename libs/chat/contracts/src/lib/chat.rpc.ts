import { rpcPattern } from '@confer/shared/contracts';

/** RPC patterns the chat service answers over the Redis transport. */
export const ChatRpc = {
  /** Who answers: ServiceInfo of one chat instance. */
  info: rpcPattern('chat', 'info'),
} as const;
