import { JwtService } from '@nestjs/jwt';
import { Role, roleSatisfies } from './role';
import { parseTtl, signAccessToken } from './token-signer';

describe('signAccessToken', () => {
  const settings = {
    secret: 'a-secret-for-these-specs-only-0123456789',
    keyId: 'k1',
    previousKeys: [],
    issuer: 'aisimulation',
    audience: 'aisimulation-api',
  };

  it('signs an HS256 token with role, subject, issuer, audience, expiry and id', () => {
    const token = signAccessToken(settings, {
      role: Role.Operator,
      subject: 'ci',
      ttlSeconds: 120,
    });
    const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString());
    const claims = new JwtService().verify(token, {
      secret: settings.secret,
      algorithms: ['HS256'],
    });

    expect(header).toMatchObject({ alg: 'HS256', kid: 'k1' });
    expect(claims).toMatchObject({
      role: 'operator',
      sub: 'ci',
      iss: 'aisimulation',
      aud: 'aisimulation-api',
    });
    expect(claims.exp - claims.iat).toBe(120);
    expect(typeof claims.jti).toBe('string');
  });
});

describe('parseTtl', () => {
  it.each([
    ['90', 90],
    ['90s', 90],
    ['15m', 900],
    ['1h', 3600],
    ['7d', 604800],
  ])('reads %s as %i seconds', (text, seconds) => expect(parseTtl(text)).toBe(seconds));

  it.each(['', '0', '1w', '-5m', 'soon'])('refuses %j', (text) =>
    expect(() => parseTtl(text)).toThrow(),
  );
});

describe('roleSatisfies', () => {
  it('orders viewer < operator < admin', () => {
    expect(roleSatisfies(Role.Admin, Role.Operator)).toBe(true);
    expect(roleSatisfies(Role.Operator, Role.Operator)).toBe(true);
    expect(roleSatisfies(Role.Operator, Role.Admin)).toBe(false);
    expect(roleSatisfies(Role.Viewer, Role.Operator)).toBe(false);
  });
});
