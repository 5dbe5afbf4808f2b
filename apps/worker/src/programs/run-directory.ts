import { AttemptRef } from '@app/domain';
import { chown, mkdir, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { RunUser } from './run-user';

/** A run's own directory: its working directory, its HOME, and where its params file is. */
export interface RunDirectory {
  path: string;
  paramsFile: string;
}

/**
 * Makes a fresh directory for one attempt under `base` (which only the
 * worker can list), owned by the user the program runs as, with the run's
 * params in `params.json`.
 */
export async function makeRunDirectory(
  base: string,
  ref: AttemptRef,
  params: Record<string, unknown>,
  user: RunUser | undefined,
): Promise<RunDirectory> {
  await mkdir(base, { recursive: true, mode: 0o711 });
  const directory = path.join(
    base,
    `${ref.simulationId}-${ref.attempt}-${randomBytes(4).toString('hex')}`,
  );
  await mkdir(directory, { mode: 0o700 });
  const paramsFile = path.join(directory, 'params.json');
  await writeFile(paramsFile, `${JSON.stringify(params, null, 2)}\n`, { mode: 0o600 });
  if (user) {
    await chown(directory, user.uid, user.gid);
    await chown(paramsFile, user.uid, user.gid);
  }
  return { path: directory, paramsFile };
}

export async function removeRunDirectory(directory: RunDirectory): Promise<void> {
  await rm(directory.path, { recursive: true, force: true, maxRetries: 3 });
}
