import { SseParser, type SseEvent } from './sse';

/** The API answered with an error; `message` is its own words. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** No answer at all: the API is down, restarting, or the network is. */
export class ApiUnreachableError extends Error {
  constructor() {
    super('The API is not answering. The page keeps trying; check that the service is up.');
  }
}

export interface ApiAnswer<T> {
  body: T;
  headers: Headers;
}

type Query = Record<string, string | number | undefined>;

/** Wait before reconnecting a live stream that dropped. */
const RECONNECT_MS = 1000;

export type LiveState = 'connecting' | 'live';

export interface FollowOptions {
  signal: AbortSignal;
  onState: (state: LiveState) => void;
  /** Each failure as it happens, and null once a connection ended well. */
  onError: (failure: unknown) => void;
}

/**
 * Every call the dashboard makes goes through here, so that one place adds
 * the token, turns error bodies into messages, and notices a token the API no
 * longer takes (expired, revoked): `onUnauthorized` signs the page out.
 */
export class ApiClient {
  constructor(
    private readonly token: string | null,
    private readonly onUnauthorized: (message: string) => void = () => undefined,
    private readonly baseUrl = '',
  ) {}

  get<T>(path: string, query?: Query): Promise<ApiAnswer<T>> {
    return this.request<T>('GET', path, { query });
  }

  post<T>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiAnswer<T>> {
    return this.request<T>('POST', path, { body, headers });
  }

  async request<T>(
    method: string,
    path: string,
    options: { query?: Query; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<ApiAnswer<T>> {
    const response = await this.send(method, withQuery(path, options.query), options);
    const text = await response.text();
    const body = text ? safeJson(text) : undefined;
    if (!response.ok) throw this.errorOf(response, body);
    return { body: body as T, headers: response.headers };
  }

  /**
   * Follows a live stream across dropped connections: after a network
   * failure, a 5xx or a 429 it reconnects, resuming after the last event it
   * had (`Last-Event-ID`). Resolves true when the server ended the stream,
   * false when `signal` aborted it or the API refused it (a 4xx, given to
   * `onError`).
   */
  async follow(
    path: string,
    onEvent: (event: SseEvent) => void,
    { signal, onState, onError }: FollowOptions,
  ): Promise<boolean> {
    let lastEventId: string | undefined;
    while (!signal.aborted) {
      onState('connecting');
      try {
        await this.stream(
          path,
          (event) => {
            onState('live');
            if (event.id) lastEventId = event.id;
            onEvent(event);
          },
          { signal, lastEventId },
        );
        onError(null);
        return true;
      } catch (failure) {
        if (signal.aborted) return false;
        onError(failure);
        if (failure instanceof ApiError && failure.status < 500 && failure.status !== 429)
          return false;
        await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
      }
    }
    return false;
  }

  /** One connection to a live stream, until the server closes it or `signal` aborts. */
  async stream(
    path: string,
    onEvent: (event: SseEvent) => void,
    options: { signal: AbortSignal; lastEventId?: string },
  ): Promise<void> {
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    if (options.lastEventId) headers['Last-Event-ID'] = options.lastEventId;
    const response = await this.send('GET', path, { headers, signal: options.signal });
    if (!response.ok || !response.body) {
      const text = await response.text();
      throw this.errorOf(response, text ? safeJson(text) : undefined);
    }
    const parser = new SseParser();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      for (const event of parser.push(value)) onEvent(event);
    }
  }

  private async send(
    method: string,
    url: string,
    options: { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal },
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      return await fetch(this.baseUrl + url, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new ApiUnreachableError();
    }
  }

  private errorOf(response: Response, body: unknown): ApiError | ApiUnreachableError {
    const message = messageOf(body) ?? `${response.status} ${response.statusText}`.trim();
    // A proxy in front of a stopped API answers 502/504 with an HTML page: say what it means.
    if (response.status === 502 || response.status === 504) return new ApiUnreachableError();
    const error = new ApiError(response.status, message);
    if (response.status === 401) this.onUnauthorized(message);
    return error;
  }
}

function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The API's error body is {statusCode, error, message, details?}; details list every problem. */
function messageOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const { message, details } = body as { message?: unknown; details?: unknown };
  if (Array.isArray(details) && details.length > 1) return details.map(String).join('; ');
  if (Array.isArray(message)) return message.map(String).join('; ');
  return typeof message === 'string' ? message : undefined;
}

export function isUnreachable(error: unknown): boolean {
  return error instanceof ApiUnreachableError;
}

/** Words for any failure, for the places that show one. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError || error instanceof ApiUnreachableError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
