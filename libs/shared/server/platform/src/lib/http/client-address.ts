import proxyAddr from '@fastify/proxy-addr';
import type { IncomingMessage } from 'node:http';

/**
 * Fastify's `trustProxy` from TRUSTED_PROXY_HOPS: with N > 0 the N hops nearest the service are
 * proxies, whatever their address (on AWS: the load balancer and CloudFront); with 0 only a proxy on
 * this machine is (the local edge).
 */
export function trustProxy(trustedProxyHops: number): number | string {
  return trustedProxyHops > 0 ? trustedProxyHops : 'loopback';
}

/**
 * The client's address of a raw request that Fastify does not see (a websocket handshake), judged
 * exactly as Fastify's `request.ip` is with `trustProxy(trustedProxyHops)`: walking back from the peer
 * through X-Forwarded-For, the first hop that is not a trusted proxy.
 */
export function clientAddress(request: IncomingMessage, trustedProxyHops: number): string {
  const trust = trustedProxyHops > 0 ? (_: string, hop: number) => hop < trustedProxyHops : proxyAddr.compile('loopback');
  return proxyAddr(request, trust);
}
