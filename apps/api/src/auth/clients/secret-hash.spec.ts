import { DECOY_HASH, hashSecret, newClientId, newSecret, verifySecret } from './secret-hash';

describe('client secret hashing', () => {
  it('verifies the secret it hashed, and nothing else', async () => {
    const secret = newSecret();
    const hash = await hashSecret(secret);
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(hash).not.toContain(secret);
    expect(await verifySecret(secret, hash)).toBe(true);
    expect(await verifySecret(`${secret}x`, hash)).toBe(false);
    expect(await verifySecret(secret, DECOY_HASH)).toBe(false);
    expect(await verifySecret(secret, 'garbage')).toBe(false);
  });

  it('salts: the same secret hashes differently each time', async () => {
    const secret = newSecret();
    expect(await hashSecret(secret)).not.toBe(await hashSecret(secret));
  });

  it('makes long random secrets and recognisable client ids', () => {
    expect(newSecret()).toMatch(/^[\w-]{43}$/);
    expect(newClientId()).toMatch(/^cl_[0-9a-f]{24}$/);
    expect(newSecret()).not.toBe(newSecret());
  });
});
