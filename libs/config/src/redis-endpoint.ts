import { ValidateBy, ValidationOptions } from 'class-validator';

export interface HostAndPort {
  readonly host: string;
  readonly port: number;
}

/**
 * Where Redis is and how to talk to it. `url` always gives the scheme
 * (`rediss://` is TLS), the credentials and the database; it gives the
 * address too unless Sentinels are named, in which case they say which
 * server is the master now and after every failover.
 */
export interface RedisEndpoint {
  readonly url: string;
  readonly sentinels?: {
    readonly addresses: readonly HostAndPort[];
    /** The master group's name, as in `sentinel monitor <name> …`. */
    readonly name: string;
    /** The Sentinels' own `requirepass`, when they have one. */
    readonly password?: string;
  };
}

const HOST = String.raw`(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)`;
const HOST_AND_PORT = new RegExp(`^(${HOST}):(\\d{1,5})$`);

/** `host:port,host:port` (IPv6 in brackets) into addresses; undefined where any entry is not one. */
export function parseHostList(list: string): HostAndPort[] | undefined {
  const addresses: HostAndPort[] = [];
  for (const entry of list.split(',').map((part) => part.trim())) {
    const match = HOST_AND_PORT.exec(entry);
    const port = Number(match?.[2]);
    if (!match || port < 1 || port > 65_535) return undefined;
    addresses.push({ host: match[1].replace(/^\[|\]$/g, ''), port });
  }
  return addresses;
}

/** A comma-separated list of host:port pairs, each port in 1–65535. */
export function IsHostList(options: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isHostList',
      validator: { validate: (value) => typeof value === 'string' && !!parseHostList(value) },
    },
    options,
  );
}

/**
 * A `redis://` or `rediss://` URL whose path, if any, is a database number,
 * so a typo such as `redis://host:6379/queue` is refused at start-up rather
 * than connecting to database 0.
 */
export function IsRedisUrl(options: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isRedisUrl', validator: { validate: (value) => isRedisUrl(value) } },
    options,
  );
}

function isRedisUrl(value: unknown): boolean {
  if (typeof value !== 'string' || !URL.canParse(value)) return false;
  const url = new URL(value);
  return (
    (url.protocol === 'redis:' || url.protocol === 'rediss:') &&
    url.hostname !== '' &&
    /^\/?(\d{1,2})?$/.test(url.pathname)
  );
}
