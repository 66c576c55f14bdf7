import { isIP } from 'node:net';

/**
 * The address a handshake came from, as the HTTP services judge it (Fastify's trustProxy, from
 * TRUSTED_PROXY_HOPS): walking back from the socket's peer through X-Forwarded-For, the first hop that
 * is not a trusted proxy. With `trustedHops` 0 a proxy is one on this machine (the local edge appends
 * the address it saw); with N, the N hops nearest the service are (on AWS the load balancer and
 * CloudFront). Anything a client writes into the header before those hops is not believed.
 */
export function clientAddress(handshake: { address: string; headers: Record<string, string | string[] | undefined> }, trustedHops = 0): string {
  const forwarded = [handshake.headers['x-forwarded-for'] ?? []]
    .flat()
    .flatMap((value) => value.split(','))
    .map((hop) => hop.trim())
    .filter((hop) => hop !== '');
  const hops = [plain(handshake.address), ...forwarded.reverse().map(plain)];
  if (trustedHops > 0) return hops[Math.min(trustedHops, hops.length - 1)];
  return hops.find((hop) => !isLoopback(hop)) ?? hops[hops.length - 1];
}

function plain(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

function isLoopback(address: string): boolean {
  return address === '::1' || (isIP(address) === 4 && address.startsWith('127.'));
}
