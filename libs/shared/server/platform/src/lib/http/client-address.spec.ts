import type { IncomingMessage } from 'node:http';
import { clientAddress, trustProxy } from './client-address';

const from = (remoteAddress: string, forwardedFor?: string, hops = 0) =>
  clientAddress({ socket: { remoteAddress }, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } } as unknown as IncomingMessage, hops);

describe('clientAddress', () => {
  it('is the peer when it is not on this machine, whatever the header says', () => {
    expect(from('203.0.113.9', '198.51.100.1')).toBe('203.0.113.9');
  });

  it('believes the hop the edge on loopback appended, not what the client wrote before it', () => {
    expect(from('127.0.0.1', '198.51.100.1, 203.0.113.9')).toBe('203.0.113.9');
    expect(from('::ffff:127.0.0.1', '203.0.113.9, 127.0.0.1')).toBe('203.0.113.9');
    expect(from('::1', ' 2001:db8::5 ')).toBe('2001:db8::5');
  });

  it('is loopback itself for a local client without a proxy', () => {
    expect(from('127.0.0.1')).toBe('127.0.0.1');
    expect(from('127.0.0.1', '127.0.0.1')).toBe('127.0.0.1');
  });

  it('with N trusted hops (a load balancer behind CloudFront: 2), believes exactly those, wherever they are', () => {
    expect(from('10.0.3.7', 'spoofed, 203.0.113.9, 130.176.1.1', 2)).toBe('203.0.113.9');
    expect(from('10.0.3.7', '203.0.113.9', 1)).toBe('203.0.113.9');
    expect(from('10.0.3.7', undefined, 2)).toBe('10.0.3.7');
    expect(from('10.0.3.7', '130.176.1.1', 2)).toBe('130.176.1.1');
  });

  it('gives Fastify the same trust', () => {
    expect(trustProxy(0)).toBe('loopback');
    expect(trustProxy(2)).toBe(2);
  });
});
