import { TokenExpiry } from './token-expiry';

describe('TokenExpiry', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  it('closes at the token’s expiry plus the tolerance, not before', () => {
    const expiry = new TokenExpiry(5);
    const expired = jest.fn();
    expiry.schedule('s1', 1_000 + 60, expired); // now is 1,000 s
    jest.advanceTimersByTime(64_999);
    expect(expired).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(expired).toHaveBeenCalledTimes(1);
    expect(expiry.size).toBe(0);
  });

  it('moves the deadline when a fresh token arrives, and forgets a closed connection', () => {
    const expiry = new TokenExpiry(0);
    const first = jest.fn();
    const second = jest.fn();
    expiry.schedule('s1', 1_010, first);
    expiry.schedule('s1', 1_900, second);
    jest.advanceTimersByTime(20_000);
    expect(first).not.toHaveBeenCalled();
    expect(second).not.toHaveBeenCalled();
    expiry.clear('s1');
    jest.advanceTimersByTime(1_000_000);
    expect(second).not.toHaveBeenCalled();
  });

  it('closes at once a connection whose token has already expired', () => {
    const expiry = new TokenExpiry(5);
    const expired = jest.fn();
    expiry.schedule('s1', 900, expired);
    jest.advanceTimersByTime(0);
    expect(expired).toHaveBeenCalled();
  });
});
