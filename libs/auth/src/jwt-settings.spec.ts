import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveJwtSettings, verificationKey } from './jwt-settings';

describe('resolveJwtSettings', () => {
  const dataDir = () => mkdtempSync(path.join(tmpdir(), 'aisim-data-'));

  it('outside production, makes a random secret per data directory and keeps it there, 0600', () => {
    const dir = dataDir();
    const first = resolveJwtSettings({ NODE_ENV: 'development', LOCAL_DATA_DIR: dir }).secret;
    expect(first).toMatch(/^[\w-]{43}$/);
    expect(resolveJwtSettings({ LOCAL_DATA_DIR: dir }).secret).toBe(first);
    const file = path.join(dir, 'jwt-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveJwtSettings({ LOCAL_DATA_DIR: dataDir() }).secret).not.toBe(first);
  });

  it('refuses a data directory whose secret file was emptied, saying how to mend it', () => {
    const dir = dataDir();
    resolveJwtSettings({ LOCAL_DATA_DIR: dir });
    writeFileSync(path.join(dir, 'jwt-secret'), 'short\n');
    expect(() => resolveJwtSettings({ LOCAL_DATA_DIR: dir })).toThrow(
      /jwt-secret holds no usable secret \(32 bytes or more\); delete it to have one made/,
    );
  });

  it.each([
    [{}, 'JWT_SECRET is required when NODE_ENV=production'],
    [{ JWT_SECRET: '' }, 'JWT_SECRET is required when NODE_ENV=production'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET must be at least 32 bytes when NODE_ENV=production'],
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
      keyId: 'primary',
      previousKeys: [],
      issuer: 'iss',
      audience: 'aud',
    });
  });
});

describe('key rotation settings', () => {
  const secret = 'p'.repeat(32);
  const production = { NODE_ENV: 'production', JWT_SECRET: secret };

  it('names the current key and keeps rotated-out keys until their date', () => {
    const settings = resolveJwtSettings({
      ...production,
      JWT_KEY_ID: '2026-11',
      JWT_PREVIOUS_KEYS: JSON.stringify([
        { kid: '2026-10', secret: 'o'.repeat(32), until: '2026-12-01T00:00:00Z' },
      ]),
    });
    expect(settings.keyId).toBe('2026-11');
    const before = new Date('2026-11-30T23:59:59Z');
    const after = new Date('2026-12-01T00:00:01Z');
    expect(verificationKey(settings, '2026-11', after)).toBe(secret);
    expect(verificationKey(settings, '2026-10', before)).toBe('o'.repeat(32));
    expect(verificationKey(settings, '2026-10', after)).toBeNull();
    expect(verificationKey(settings, 'unknown', before)).toBeNull();
    expect(verificationKey(settings, undefined, before)).toBeNull();
  });

  it.each([
    [
      'not json',
      'JWT_PREVIOUS_KEYS must be a JSON array of {"kid", "secret", "until"}: it is not valid JSON',
    ],
    ['{}', 'JWT_PREVIOUS_KEYS must be a JSON array of {"kid", "secret", "until"}'],
    ['[{"kid":"a b","secret":"x","until":"2026-01-01"}]', 'JWT_PREVIOUS_KEYS[0].kid must be'],
    [
      '[{"kid":"primary","secret":"x","until":"2026-01-01"}]',
      'JWT_PREVIOUS_KEYS[0].kid must differ from JWT_KEY_ID',
    ],
    [
      '[{"kid":"old","secret":"short","until":"2026-01-01"}]',
      'JWT_PREVIOUS_KEYS[0].secret must be at least 32 bytes',
    ],
    [
      `[{"kid":"old","secret":"${'o'.repeat(32)}","until":"soon"}]`,
      'JWT_PREVIOUS_KEYS[0].until must be an ISO date',
    ],
  ])('refuses JWT_PREVIOUS_KEYS=%s', (value, message) => {
    expect(() => resolveJwtSettings({ ...production, JWT_PREVIOUS_KEYS: value })).toThrow(message);
  });

  it('refuses a malformed JWT_KEY_ID', () => {
    expect(() => resolveJwtSettings({ JWT_KEY_ID: 'has space' })).toThrow(/JWT_KEY_ID must be/);
  });
});
