/**
 * What went wrong, in terms a client can act on. Everything below the
 * controllers throws these; the API maps each code to one HTTP status in a
 * single place (its exception filter), and nothing else decides.
 */
export type DomainErrorCode =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'gone'
  | 'conflict'
  | 'unprocessable'
  | 'too_many'
  | 'unsupported_media_type'
  | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Each problem on its own, when the message joins several. */
    readonly details?: readonly string[],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** The request itself is wrong: a value out of range, fields that disagree. */
  static invalid(message: string, details?: readonly string[]): DomainError {
    return new DomainError('invalid', message, details);
  }

  /** Who is asking could not be established (bad credentials, a disabled client). */
  static unauthenticated(message: string): DomainError {
    return new DomainError('unauthenticated', message);
  }

  /** Allowed the route, but not this particular thing (someone else's simulation). */
  static forbidden(message: string): DomainError {
    return new DomainError('forbidden', message);
  }

  static notFound(message: string): DomainError {
    return new DomainError('not_found', message);
  }

  /** It existed and was removed on purpose (a curve history retention let go of). */
  static gone(message: string): DomainError {
    return new DomainError('gone', message);
  }

  /** The thing's current state forbids it (already finished, id taken). */
  static conflict(message: string): DomainError {
    return new DomainError('conflict', message);
  }

  static unprocessable(message: string): DomainError {
    return new DomainError('unprocessable', message);
  }

  /** A limit on the caller is reached (its pending simulations); waiting helps. */
  static tooMany(message: string): DomainError {
    return new DomainError('too_many', message);
  }

  /** A body in a form the API does not read (not JSON, or no Content-Type at all). */
  static unsupportedMediaType(message: string): DomainError {
    return new DomainError('unsupported_media_type', message);
  }

  /** Something this needs cannot be had right now; the same request may succeed later. */
  static unavailable(message: string): DomainError {
    return new DomainError('unavailable', message);
  }
}

/** The most problems an error answer lists in its details; the rest are counted in its message. */
export const MAX_LISTED_PROBLEMS = 1_024;

/** The message of many problems: the first few, and how many more the details hold. */
export function summarizeProblems(problems: readonly string[], shown = 20): string {
  const more = problems.length - shown;
  return problems.slice(0, shown).join('; ') + (more > 0 ? `; and ${more} more` : '');
}
