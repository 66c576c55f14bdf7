import type { ServiceName } from './services';

/** Every RPC request carries metadata beside its data, so the request id follows the call. */
export interface RpcRequest<TData> {
  meta: { requestId?: string };
  data: TData;
}

/** An RPC failure travels back as the same { code, message } body that HTTP uses. */
export interface RpcErrorBody {
  code: string;
  message: string;
}

/** RPC patterns are `<service>.<operation>`. */
export function rpcPattern(service: ServiceName, operation: string): string {
  return `${service}.${operation}`;
}

/** Every service answers `<service>.info`: who it is, for operators and for cross-service checks. */
export interface ServiceInfo {
  service: ServiceName;
  version: string;
  instanceId: string;
  startedAt: string;
}
