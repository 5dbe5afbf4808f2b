import { parseTrustProxy } from './trust-proxy';

describe('parseTrustProxy (TRUST_PROXY)', () => {
  it('trusts no proxy unless told', () => {
    expect(parseTrustProxy(undefined)).toBe(0);
    expect(parseTrustProxy('')).toBe(0);
    expect(parseTrustProxy('false')).toBe(0);
  });

  it('takes a hop count, or addresses and ranges', () => {
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('loopback, 10.0.0.0/8 ,fd00::/8,192.168.1.7')).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.168.1.7',
    ]);
  });

  it.each([
    ['true', /must be 0 to 10/],
    ['11', /not understood: 11/],
    ['10.0.0.0/33', /not understood: 10.0.0.0\/33/],
    ['proxy.example.com', /not understood: proxy.example.com/],
    ['loopback,,', /not understood: , $/],
  ])('refuses %p with a message naming the problem', (value, message) => {
    expect(() => parseTrustProxy(value)).toThrow(message);
  });
});
