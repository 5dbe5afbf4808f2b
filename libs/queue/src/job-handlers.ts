import type { Job } from 'bull';
import { SimulationJobName } from './queue.constants';

/** What a consumer does with each job name: one handler per name, no name left out. */
export type JobHandlers = Record<SimulationJobName, (job: Job<unknown>) => Promise<unknown>>;

/**
 * Refuses a handler table that leaves a job name out or names a job nobody
 * produces. The type already says so; this says it again at boot, for a
 * table built at run time or cast past the compiler, so the worker stops with
 * the reason instead of leaving such jobs to wait forever.
 */
export function checkJobHandlers(handlers: Partial<Record<string, unknown>>): void {
  const names: string[] = Object.values(SimulationJobName);
  const missing = names.filter((name) => typeof handlers[name] !== 'function');
  const unknown = Object.keys(handlers).filter((name) => !names.includes(name));
  const problems = [
    ...missing.map((name) => `no handler for job "${name}"`),
    ...unknown.map((name) => `a handler for "${name}", which is no job name`),
  ];
  if (problems.length) throw new Error(`job handlers are wired wrong: ${problems.join('; ')}`);
}
