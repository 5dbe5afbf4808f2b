import {
  hasRole,
  loadStoredSession,
  refusalNotice,
  SESSION_EXPIRED,
  sessionFromToken,
  storeSession,
} from './session';

function token(claims: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.signature`;
}

class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

describe('sessionFromToken', () => {
  it('reads role, subject and expiry', () => {
    expect(sessionFromToken(` ${token({ role: 'operator', sub: 'ci-bot', exp: 2000 })}\n`)).toEqual(
      {
        token: token({ role: 'operator', sub: 'ci-bot', exp: 2000 }),
        role: 'operator',
        subject: 'ci-bot',
        expiresAt: 2_000_000,
      },
    );
  });

  it('reads a payload with non-ASCII text (base64url of UTF-8)', () => {
    expect(sessionFromToken(token({ role: 'viewer', sub: 'zoë', exp: 1 })).subject).toBe('zoë');
  });

  it.each([
    ['not-a-token', /not a JWT/],
    ['a.b.c', /could not be read/],
    [token({ role: 'root', exp: 1 }), /no dashboard role/],
    [token({ role: 'admin' }), /no expiry/],
  ])('refuses %s', (text, message) => {
    expect(() => sessionFromToken(text)).toThrow(message);
  });
});

describe('hasRole', () => {
  it('orders roles: admin ⊇ operator ⊇ viewer', () => {
    const as = (role: 'viewer' | 'operator' | 'admin') =>
      sessionFromToken(token({ role, sub: 's', exp: 1 }));
    expect(hasRole(as('admin'), 'operator')).toBe(true);
    expect(hasRole(as('operator'), 'operator')).toBe(true);
    expect(hasRole(as('viewer'), 'operator')).toBe(false);
    expect(hasRole(as('operator'), 'admin')).toBe(false);
    expect(hasRole(null, 'viewer')).toBe(false);
  });
});

describe('stored session', () => {
  it('keeps a live token and drops an expired or unreadable one', () => {
    const storage = new MemoryStorage() as unknown as Storage;
    const live = sessionFromToken(token({ role: 'viewer', sub: 's', exp: 100 }));
    storeSession(storage, live);
    expect(loadStoredSession(storage, 99_000)).toEqual(live);
    expect(loadStoredSession(storage, 100_000)).toBeNull();
    expect(loadStoredSession(storage, 0)).toBeNull(); // removed by the expired read
    storage.setItem('aisimulation.token', 'garbage');
    expect(loadStoredSession(storage)).toBeNull();
  });
});

describe('refusalNotice', () => {
  const session = sessionFromToken(token({ role: 'viewer', exp: 2000 }));

  it('names the expiry when the token has expired, whichever noticed first', () => {
    expect(refusalNotice(session, 'token expired', 2_000_000)).toBe(SESSION_EXPIRED);
    expect(refusalNotice(session, 'token expired', 2_000_500)).toBe(SESSION_EXPIRED);
  });

  it("gives the API's reason while the token is still valid", () => {
    expect(refusalNotice(session, 'client disabled', 1_999_000)).toBe(
      'You were signed out: the API no longer accepts your token (client disabled). Sign in again.',
    );
  });
});
