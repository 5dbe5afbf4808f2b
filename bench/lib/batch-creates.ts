import { performance } from 'node:perf_hooks';
import { LOAD, median } from './load';

const SWEEP = 1_000;
const ROUNDS = 5;

const randomMachine = (machines: number) => 1 + Math.floor(Math.random() * machines);

async function created(response: Response, what: string): Promise<void> {
  if (response.status !== 201)
    throw new Error(`${what}: ${response.status} ${await response.text()}`);
  await response.arrayBuffer();
}

/** One sweep of `SWEEP` simulations as one `POST /simulations/batch`; answers its milliseconds. */
async function oneBatch(url: string, authorization: string, machines: number): Promise<number> {
  const body = JSON.stringify({
    simulations: Array.from({ length: SWEEP }, (_, i) => ({
      name: `bench sweep ${i}`,
      machine_id: randomMachine(machines),
    })),
  });
  const started = performance.now();
  await created(
    await fetch(`${url}/simulations/batch`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body,
    }),
    'POST /simulations/batch',
  );
  return performance.now() - started;
}

/** The same sweep as `SWEEP` single creates, `LOAD.connections` at a time; answers its milliseconds. */
async function singles(url: string, authorization: string, machines: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: LOAD.connections }, async () => {
      while (next++ < SWEEP) {
        await created(
          await fetch(`${url}/simulation`, {
            method: 'POST',
            headers: { authorization, 'content-type': 'application/json' },
            body: JSON.stringify({ name: 'bench single', machine_id: randomMachine(machines) }),
          }),
          'POST /simulation',
        );
      }
    }),
  );
  return performance.now() - started;
}

/**
 * A sweep of 1,000 simulations by one client, created as one batch and as
 * 1,000 requests at the bench's 16 connections, alternating, five rounds
 * each; the figures are the medians.
 */
export async function batchAgainstSingles(url: string, authorization: string, machines: number) {
  const batchMs: number[] = [];
  const singlesMs: number[] = [];
  await oneBatch(url, authorization, machines);
  await singles(url, authorization, machines);
  for (let round = 0; round < ROUNDS; round++) {
    batchMs.push(await oneBatch(url, authorization, machines));
    singlesMs.push(await singles(url, authorization, machines));
  }
  const batchRate = Math.round((SWEEP / median(batchMs)) * 1000);
  const singlesRate = Math.round((SWEEP / median(singlesMs)) * 1000);
  return {
    batchMs: median(batchMs),
    singlesMs: median(singlesMs),
    ratio: Number((batchRate / singlesRate).toFixed(2)),
    figures:
      `${batchRate.toLocaleString('en')} vs ${singlesRate.toLocaleString('en')} simulations/s; ` +
      `1,000 in ${Math.round(median(batchMs))} ms vs ${Math.round(median(singlesMs))} ms`,
  };
}
