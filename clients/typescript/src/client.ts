import { createParser, type EventSourceMessage } from 'eventsource-parser';
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { ApiError, ApiUnreachableError, messageOf } from './errors.js';
import type { paths } from './schema.generated.js';

/** One Server-Sent Event of a live stream (curves, logs). */
export interface LiveEvent {
  event: string;
  data: string;
  id?: string;
}

export type LiveState = 'connecting' | 'live';

export interface FollowOptions {
  signal: AbortSignal;
  onState?: (state: LiveState) => void;
  /** Each failure as it happens, and null once a connection ended well. */
  onError?: (failure: unknown) => void;
  /** Wait before reconnecting a stream that dropped (default 1 s). */
  reconnectMs?: number;
}

export interface ClientOptions {
  /** Where the API is: `http://localhost:8000`; empty for the page's own origin. */
  baseUrl?: string;
  /** A bearer token (`npm run token`, or POST /auth/token); none for the public routes. */
  token?: string | null;
  /** Called with the API's words when it refuses the token (expired, revoked). */
  onUnauthorized?: (message: string) => void;
  fetch?: typeof fetch;
}

export interface ApiAnswer<T> {
  body: T;
  headers: Headers;
}

type Query = Record<string, string | number | undefined>;

/**
 * The AISimulation API. `api` is typed from the OpenAPI document the API
 * serves (openapi-fetch over openapi-typescript's `paths`): each route's
 * parameters, body and answer are checked at compile time. `follow` reads a
 * live stream across dropped connections. Every request carries the token;
 * an error answer throws ApiError with the API's message, no answer throws
 * ApiUnreachableError.
 */
export class AisimClient {
  readonly api: Client<paths>;
  private readonly baseUrl: string;
  private readonly fetcher: typeof fetch;

  constructor(private readonly options: ClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? '';
    this.fetcher = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.api = createClient<paths>({ baseUrl: this.baseUrl, fetch: this.fetcher });
    this.api.use(this.middleware());
  }

  /** A GET of any path (the typed `api` is the way for routes the document names). */
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
    onEvent: (event: LiveEvent) => void,
    { signal, onState, onError, reconnectMs = 1000 }: FollowOptions,
  ): Promise<boolean> {
    let lastEventId: string | undefined;
    while (!signal.aborted) {
      onState?.('connecting');
      try {
        await this.stream(
          path,
          (event) => {
            onState?.('live');
            if (event.id) lastEventId = event.id;
            onEvent(event);
          },
          { signal, lastEventId },
        );
        onError?.(null);
        return true;
      } catch (failure) {
        if (signal.aborted) return false;
        onError?.(failure);
        if (failure instanceof ApiError && failure.status < 500 && failure.status !== 429)
          return false;
        await new Promise((resolve) => setTimeout(resolve, reconnectMs));
      }
    }
    return false;
  }

  /** One connection to a live stream, until the server closes it or `signal` aborts. */
  async stream(
    path: string,
    onEvent: (event: LiveEvent) => void,
    options: { signal: AbortSignal; lastEventId?: string },
  ): Promise<void> {
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    if (options.lastEventId) headers['Last-Event-ID'] = options.lastEventId;
    const response = await this.send('GET', path, { headers, signal: options.signal });
    if (!response.ok || !response.body) {
      const text = await response.text();
      throw this.errorOf(response, text ? safeJson(text) : undefined);
    }
    const parser = createParser({
      onEvent: (message: EventSourceMessage) => onEvent(liveEventOf(message)),
    });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      parser.feed(value);
    }
  }

  private async send(
    method: string,
    url: string,
    options: { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal },
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (this.options.token) headers.Authorization = `Bearer ${this.options.token}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      return await this.fetcher(this.baseUrl + url, {
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

  /** The typed client's requests: the token on the way out, errors thrown on the way back. */
  private middleware(): Middleware {
    return {
      onRequest: ({ request }) => {
        if (this.options.token)
          request.headers.set('Authorization', `Bearer ${this.options.token}`);
        return request;
      },
      onResponse: async ({ response }) => {
        if (response.ok) return response;
        const text = await response.clone().text();
        throw this.errorOf(response, text ? safeJson(text) : undefined);
      },
      onError: ({ error, request }) => {
        if (request.signal?.aborted)
          return error instanceof Error ? error : new Error(String(error));
        return new ApiUnreachableError();
      },
    };
  }

  private errorOf(response: Response, body: unknown): ApiError | ApiUnreachableError {
    const message = messageOf(body) ?? `${response.status} ${response.statusText}`.trim();
    // A proxy in front of a stopped API answers 502/504 with an HTML page: say what it means.
    if (response.status === 502 || response.status === 504) return new ApiUnreachableError();
    if (response.status === 401) this.options.onUnauthorized?.(message);
    return new ApiError(response.status, message);
  }
}

function liveEventOf(message: EventSourceMessage): LiveEvent {
  const event: LiveEvent = { event: message.event ?? 'message', data: message.data };
  if (message.id !== undefined) event.id = message.id;
  return event;
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
