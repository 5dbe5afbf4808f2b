import { AttemptRef } from '@app/domain';
import { chown, mkdir, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { RunUser } from './run-user';
import { ownerFileOf, thisProcessAsOwner } from './run-owner';

/** A run's own directory: its working directory, its HOME, and where its params file is. */
export interface RunDirectory {
  path: string;
  paramsFile: string;
}

/**
 * Makes a fresh directory for one attempt under `base` (which only the
 * worker can list), owned by the user the program runs as, with the run's
 * params in `params.json`. Beside it, out of the program's reach, a file
 * names the worker process that made it, so that a later worker can tell a
 * directory left by a dead one (leftover-runs.ts).
 */
export async function makeRunDirectory(
  base: string,
  ref: AttemptRef,
  params: Record<string, unknown>,
  user: RunUser | undefined,
  options: { keep: boolean },
): Promise<RunDirectory> {
  await mkdir(base, { recursive: true, mode: 0o711 });
  const directory = path.join(
    base,
    `${ref.simulationId}-${ref.attempt}-${randomBytes(4).toString('hex')}`,
  );
  await writeFile(ownerFileOf(directory), `${JSON.stringify(thisProcessAsOwner(options.keep))}\n`, {
    mode: 0o600,
  });
  await mkdir(directory, { mode: 0o700 });
  const paramsFile = path.join(directory, 'params.json');
  await writeFile(paramsFile, `${JSON.stringify(params, null, 2)}\n`, { mode: 0o600 });
  if (user) {
    await chown(directory, user.uid, user.gid);
    await chown(paramsFile, user.uid, user.gid);
  }
  return { path: directory, paramsFile };
}

/** A run's end: its directory goes, unless its program keeps it; either way it is no longer a run's. */
export async function closeRunDirectory(directory: string, keep: boolean): Promise<void> {
  if (!keep) await rm(directory, { recursive: true, force: true, maxRetries: 3 });
  await rm(ownerFileOf(directory), { force: true });
}
