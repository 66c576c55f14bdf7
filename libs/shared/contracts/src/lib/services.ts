/** The five back-end services of Confer. Each owns one Postgres schema and one contracts lib. */
export const SERVICE_NAMES = ['identity', 'meetings', 'chat', 'recording', 'analytics'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Default loopback ports; every one can be overridden with PORT. */
export const DEFAULT_SERVICE_PORTS: Readonly<Record<ServiceName, number>> = {
  identity: 3101,
  meetings: 3102,
  chat: 3103,
  recording: 3104,
  analytics: 3105,
};

/** Path prefix under which a service is reached, locally through the edge and in AWS through CloudFront + ALB. */
export function apiBase(service: ServiceName): string {
  return `/api/${service}`;
}

export function isServiceName(value: string): value is ServiceName {
  return (SERVICE_NAMES as readonly string[]).includes(value);
}

/** Header that carries one request id across HTTP calls, RPC and events. */
export const REQUEST_ID_HEADER = 'x-request-id';
