// What the client host does during a scenario: steady creates (each with an
// Idempotency-Key, some sent twice), reads of lists and single simulations,
// all through the balancer; every answer kept for the invariants. Bounded in
// count and in time, and stops by itself.
import { randomUUID } from 'node:crypto';
import { Role } from '@app/auth';
import type { Cluster } from './cluster';

export const POINTS = 20;
const MOST_REQUESTS = 2_000;

export interface Answer {
  what: 'create' | 'repeat' | 'list' | 'read';
  status: number;
  /** The simulation a create or its repeat was told about. */
  id?: number;
  key?: string;
  /** The API host it was sent to straight, when not through the balancer. */
  via?: string;
  error?: string;
  at: number;
  /** How long the answer took (or the request, until it failed). */
  ms: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ClientLoad {
  readonly answers: Answer[] = [];
  private stopped = false;
  private running?: Promise<void>;

  constructor(
    private readonly cluster: Cluster,
    private readonly maxMs = 120_000,
  ) {}

  start(): this {
    const until = Date.now() + this.maxMs;
    const loop = async (body: () => Promise<void>, pauseMs: number) => {
      while (!this.stopped && Date.now() < until && this.answers.length < MOST_REQUESTS) {
        await body();
        await sleep(pauseMs);
      }
    };
    this.running = Promise.all([loop(() => this.create(), 150), loop(() => this.read(), 200)]).then(
      () => undefined,
    );
    return this;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  /** Simulations a client was told were created (201 or an idempotent 200). */
  get created(): number[] {
    return [
      ...new Set(
        this.answers.filter((a) => a.id !== undefined && a.status < 300).map((a) => a.id!),
      ),
    ];
  }

  /** One create sent straight to API host `name`, not through the balancer; kept with the rest. */
  async createVia(name: string): Promise<Answer> {
    await this.create(name);
    return this.answers.at(-1)!;
  }

  private async create(via?: string): Promise<void> {
    const key = randomUUID();
    const machine = this.answers.length % 3 === 0 ? 2 : 1;
    const body = {
      name: `cluster ${key.slice(0, 8)}`,
      machine: { machine_id: machine, name: `machine ${machine}` },
      emulation: { points: POINTS, tick_ms: 100 },
    };
    await this.send('create', 'POST', '/simulation', body, key, via);
    // Every fifth create is sent again with its key, as a client that timed out would.
    if (!via && this.answers.length % 5 === 0)
      await this.send('repeat', 'POST', '/simulation', body, key);
  }

  private async read(): Promise<void> {
    const known = this.created;
    if (known.length === 0 || this.answers.length % 2 === 0)
      await this.send('list', 'GET', '/simulations?limit=20');
    else await this.send('read', 'GET', `/simulation/${known[known.length - 1]}`);
  }

  private async send(
    what: Answer['what'],
    method: string,
    url: string,
    body?: unknown,
    key?: string,
    via?: string,
  ): Promise<void> {
    const at = Date.now();
    const base = via ? this.cluster.apiUrl(via) : this.cluster.url;
    try {
      const response = await fetch(`${base}${url}`, {
        method,
        headers: {
          Authorization: `Bearer ${this.cluster.token(Role.Operator)}`,
          'Content-Type': 'application/json',
          ...(key && { 'Idempotency-Key': key }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      const parsed =
        text && response.headers.get('content-type')?.includes('json')
          ? JSON.parse(text)
          : undefined;
      this.answers.push({
        what,
        status: response.status,
        id: what === 'create' || what === 'repeat' ? parsed?.id : undefined,
        key,
        via,
        at,
        ms: Date.now() - at,
      });
    } catch (error) {
      const message = (error as Error).message;
      this.answers.push({ what, status: 0, key, via, error: message, at, ms: Date.now() - at });
    }
  }
}
