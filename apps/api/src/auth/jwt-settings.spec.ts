import { DEVELOPMENT_JWT_SECRET, resolveJwtSettings } from './jwt-settings';

describe('resolveJwtSettings', () => {
  it('falls back to the development secret outside production', () => {
    expect(resolveJwtSettings({ NODE_ENV: 'development' }).secret).toBe(DEVELOPMENT_JWT_SECRET);
    expect(resolveJwtSettings({}).secret).toBe(DEVELOPMENT_JWT_SECRET);
  });

  it.each([
    [{}, 'JWT_SECRET is required when NODE_ENV=production'],
    [{ JWT_SECRET: '' }, 'JWT_SECRET is required when NODE_ENV=production'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET must be at least 32 bytes when NODE_ENV=production'],
    [
      { JWT_SECRET: DEVELOPMENT_JWT_SECRET },
      'JWT_SECRET must not be the built-in development secret when NODE_ENV=production',
    ],
  ])('refuses to boot production with %j', (env, message) => {
    expect(() => resolveJwtSettings({ NODE_ENV: 'production', ...env })).toThrow(message);
  });

  it('accepts a long enough secret in production, with configurable issuer and audience', () => {
    const secret = 'p'.repeat(32);
    expect(
      resolveJwtSettings({
        NODE_ENV: 'production',
        JWT_SECRET: secret,
        JWT_ISSUER: 'iss',
        JWT_AUDIENCE: 'aud',
      }),
    ).toEqual({
      secret,
      issuer: 'iss',
      audience: 'aud',
    });
  });
});
