import { isIP } from 'node:net';

/**
 * The address a handshake came from, as the HTTP services judge it (Fastify's `trustProxy:
 * 'loopback'`): walking back from the socket's peer through X-Forwarded-For, the first hop that is
 * not on this machine. The edge, on loopback, appends the address it saw; anything a client writes
 * into the header before that hop is not believed.
 */
export function clientAddress(handshake: { address: string; headers: Record<string, string | string[] | undefined> }): string {
  const forwarded = [handshake.headers['x-forwarded-for'] ?? []]
    .flat()
    .flatMap((value) => value.split(','))
    .map((hop) => hop.trim())
    .filter((hop) => hop !== '');
  const hops = [plain(handshake.address), ...forwarded.reverse().map(plain)];
  for (const hop of hops) {
    if (!isLoopback(hop)) return hop;
  }
  return hops[hops.length - 1] ?? handshake.address;
}

function plain(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

function isLoopback(address: string): boolean {
  return address === '::1' || (isIP(address) === 4 && address.startsWith('127.'));
}
