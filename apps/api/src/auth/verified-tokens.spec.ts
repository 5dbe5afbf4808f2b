import { type JwtSettings, Role, signAccessToken } from '@app/auth';
import { VerifiedTokens } from './verified-tokens';

describe('VerifiedTokens', () => {
  const now = Date.now();
  const settings: JwtSettings = {
    secret: 'a-secret-for-these-specs-only-0123456789',
    keyId: 'k2',
    previousKeys: [{ kid: 'k1', secret: 'old-secret-'.repeat(4), until: new Date(now + 60_000) }],
    issuer: 'aisimulation',
    audience: 'aisimulation-api',
  };
  const user = { subject: 'ci', role: Role.Operator };
  const token = (ttlSeconds = 120, extra: Partial<JwtSettings> = {}) =>
    signAccessToken({ ...settings, ...extra }, { role: Role.Operator, subject: 'ci', ttlSeconds });

  it('recalls a remembered token until its exp, then forgets it', () => {
    const verified = new VerifiedTokens(settings);
    const text = token(120);
    expect(verified.recall(text)).toBeUndefined();
    verified.remember(text, user);
    expect(verified.recall(text)?.user).toEqual(user);
    expect(verified.recall(text, now + 119_000)?.user).toEqual(user);
    expect(verified.recall(text, now + 121_000)).toBeUndefined();
    // Forgotten: even an earlier clock does not bring it back.
    expect(verified.recall(text, now)).toBeUndefined();
  });

  it('stops recalling a token signed by a rotated-out key once its window ends', () => {
    const verified = new VerifiedTokens(settings);
    const old = token(3_600, { keyId: 'k1', secret: settings.previousKeys[0].secret });
    verified.remember(old, user);
    expect(verified.recall(old, now + 30_000)?.user).toEqual(user);
    expect(verified.recall(old, now + 61_000)).toBeUndefined();
  });

  it('keeps a service account token’s client, to be checked on every recall', () => {
    const verified = new VerifiedTokens(settings);
    const text = signAccessToken(settings, {
      role: Role.Operator,
      subject: 'svc',
      ttlSeconds: 60,
      clientId: 'cl_abc',
    });
    verified.remember(text, user);
    expect(verified.recall(text)?.clientId).toBe('cl_abc');
  });

  it('remembers at most its bound, forgetting the oldest first', () => {
    const verified = new VerifiedTokens(settings, 2);
    const [a, b, c] = [token(100), token(101), token(102)];
    for (const text of [a, b, c]) verified.remember(text, user);
    expect(verified.recall(a)).toBeUndefined();
    expect(verified.recall(b)).toBeDefined();
    expect(verified.recall(c)).toBeDefined();
  });
});
