import { PinoLogger } from 'nestjs-pino';
import { storage, Store } from 'nestjs-pino/storage';

export interface RunLogBindings {
  simulation_id?: number;
  attempt?: number;
  request_id?: string;
}

/**
 * Runs `work` so that every log line written inside it, by any class through
 * Nest's Logger, carries `bindings`: a run's lines name its simulation, its
 * attempt and the request that queued it, as the API's lines for that
 * request do.
 */
export function withRunLogContext<T>(
  logger: PinoLogger,
  bindings: RunLogBindings,
  work: () => Promise<T>,
): Promise<T> {
  // Outside any context, PinoLogger's logger is the process's root logger.
  return storage.run(new Store(logger.logger.child(withoutEmpty(bindings))), work);
}

/** Adds bindings to the current run's lines from here on (the attempt, once claimed). */
export function addRunLogBindings(bindings: RunLogBindings): void {
  const store = storage.getStore();
  if (store) store.logger = store.logger.child(withoutEmpty(bindings));
}

function withoutEmpty(bindings: RunLogBindings): RunLogBindings {
  return Object.fromEntries(Object.entries(bindings).filter(([, value]) => value !== undefined));
}
