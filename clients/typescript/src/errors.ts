/** The API answered with an error; `message` is its own words (every problem, when it listed several). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** No answer at all: the API is down, restarting, or the network is (or a proxy said so: 502, 504). */
export class ApiUnreachableError extends Error {
  constructor() {
    super('The API is not answering. The page keeps trying; check that the service is up.');
    this.name = 'ApiUnreachableError';
  }
}

export function isUnreachable(error: unknown): boolean {
  return error instanceof ApiUnreachableError;
}

/** Words for any failure, for the places that show one. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError || error instanceof ApiUnreachableError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/** The API's error body is {statusCode, error, message, details?}; details list every problem. */
export function messageOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const { message, details } = body as { message?: unknown; details?: unknown };
  if (Array.isArray(details) && details.length > 1) return details.map(String).join('; ');
  if (Array.isArray(message)) return message.map(String).join('; ');
  return typeof message === 'string' ? message : undefined;
}
