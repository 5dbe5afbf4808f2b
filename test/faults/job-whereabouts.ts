import type Redis from 'ioredis';
import { machineQueueName, runJobId } from '../../libs/queue/src/queue.constants';

export interface PendingRun {
  simulation_id: number | string;
  attempt: number;
  machine_id: number | string;
  status?: string;
}

/**
 * For a failure's message: where each run's Bull job is in Redis (its hash,
 * the lists and sets that hold it, its lock) and what the apps logged of it.
 */
export async function jobWhereabouts(
  client: Redis,
  runs: PendingRun[],
  logs: Array<{ name: string; lines: string[] }>,
): Promise<string> {
  const found: string[] = [];
  for (const run of runs) {
    const prefix = `bull:${machineQueueName(Number(run.machine_id))}`;
    const id = runJobId(Number(run.simulation_id), run.attempt);
    const where = {
      status: run.status,
      hash: await client.hgetall(`${prefix}:${id}`),
      wait: await client.lpos(`${prefix}:wait`, id),
      active: await client.lpos(`${prefix}:active`, id),
      delayed: await client.zscore(`${prefix}:delayed`, id),
      completed: await client.zscore(`${prefix}:completed`, id),
      failed: await client.zscore(`${prefix}:failed`, id),
      lock: await client.get(`${prefix}:${id}:lock`),
    };
    found.push(`${id}: ${JSON.stringify(where)}`);
    for (const app of logs)
      for (const line of app.lines.filter((l) => l.includes(`simulation ${run.simulation_id}`)))
        found.push(`  [${app.name}] ${line}`);
  }
  return found.join('\n');
}
