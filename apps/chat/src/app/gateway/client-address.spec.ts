import { clientAddress } from './client-address';

const from = (address: string, forwardedFor?: string) => clientAddress({ address, headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor } });

describe('clientAddress', () => {
  it('is the peer when it is not on this machine, whatever the header says', () => {
    expect(from('203.0.113.9', '198.51.100.1')).toBe('203.0.113.9');
    expect(from('::ffff:203.0.113.9')).toBe('203.0.113.9');
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
});
