import { DomainError, ListPosition, SimulationListQuery } from '@app/domain';
import { createHash } from 'node:crypto';

/** What a cursor pins besides the position: the listing it was made for. */
type Listing = Pick<SimulationListQuery, 'orderBy' | 'order' | 'status' | 'machineId' | 'filter'>;

interface CursorBody {
  o: string;
  d: string;
  s: string | null;
  m: number | null;
  /** The filter's digest: a filter may be longer than a cursor. */
  f: string | null;
  k: string;
  i: number;
}

const bodyOf = (listing: Listing): Omit<CursorBody, 'k' | 'i'> => ({
  o: listing.orderBy,
  d: listing.order,
  s: listing.status ?? null,
  m: listing.machineId ?? null,
  f:
    listing.filter === undefined
      ? null
      : createHash('sha256').update(listing.filter).digest('base64url').slice(0, 22),
});

/**
 * The opaque cursor of the page after `position` in `listing`: base64url of
 * a small JSON object. Opaque to clients, so its form may change; checked on
 * the way back in, so a cursor cannot page a listing it was not made for.
 */
export function encodeListCursor(listing: Listing, position: ListPosition): string {
  const body: CursorBody = { ...bodyOf(listing), k: position.key, i: position.simulationId };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

export function decodeListCursor(cursor: string, listing: Listing): ListPosition {
  let body: Partial<CursorBody>;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorBody>;
  } catch {
    throw DomainError.invalid(
      'cursor is not one this API made: use the X-Next-Cursor or Link of a list answer',
    );
  }
  if (
    !body ||
    typeof body !== 'object' ||
    typeof body.k !== 'string' ||
    body.k.length > 1000 ||
    !Number.isSafeInteger(body.i) ||
    (body.i as number) < 1
  ) {
    throw DomainError.invalid(
      'cursor is not one this API made: use the X-Next-Cursor or Link of a list answer',
    );
  }
  const expected = bodyOf(listing);
  if (
    body.o !== expected.o ||
    body.d !== expected.d ||
    body.s !== expected.s ||
    body.m !== expected.m ||
    (body.f ?? null) !== expected.f
  ) {
    throw DomainError.invalid(
      'cursor belongs to another listing: keep order_by, order, status, machine_id and filter as they were on the first page',
    );
  }
  return { key: body.k, simulationId: body.i as number };
}
