import { isIP } from 'node:net';

/** What Express's `trust proxy` setting takes: a hop count, or the proxies' addresses. */
export type TrustProxy = number | string[];

const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY: which proxies may tell us a client's address in
 * X-Forwarded-For, so that per-address rate limits see clients, not the
 * proxy. Unset or 0: none (the socket's address counts). A number: that many
 * proxies in front. Otherwise a list of addresses, CIDR ranges or
 * loopback/linklocal/uniquelocal. "true" (trust anyone) is refused: any
 * client could then pick its own address and a fresh rate-limit budget.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false') return 0;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops <= 10) return hops;
  }
  const entries = text.split(',').map((entry) => entry.trim());
  const invalid = entries.filter(
    (entry) => !NAMED_RANGES.includes(entry) && !isAddressOrRange(entry),
  );
  if (text === 'true' || invalid.length || !entries.length) {
    throw new Error(
      'TRUST_PROXY must be 0 to 10 (proxies in front of the API), or a comma-separated list of ' +
        `proxy addresses, CIDR ranges or ${NAMED_RANGES.join('/')}` +
        (invalid.length ? `; not understood: ${invalid.join(', ')}` : ''),
    );
  }
  return entries;
}

function isAddressOrRange(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  if (!/^\d+$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
