/**
 * What went wrong, in terms a client can act on. The API maps each code to one
 * HTTP status in a single place (its exception filter); nothing else decides.
 */
export type DomainErrorCode =
  'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'unprocessable' | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** Allowed the route, but not this particular thing (someone else's simulation). */
  static forbidden(message: string): DomainError {
    return new DomainError('forbidden', message);
  }

  static notFound(message: string): DomainError {
    return new DomainError('not_found', message);
  }

  static conflict(message: string): DomainError {
    return new DomainError('conflict', message);
  }

  static unprocessable(message: string): DomainError {
    return new DomainError('unprocessable', message);
  }

  static invalid(message: string): DomainError {
    return new DomainError('invalid', message);
  }
}
