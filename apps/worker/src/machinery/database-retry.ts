import { isConnectionError } from '@app/domain';
import { setTimeout as sleep } from 'node:timers/promises';

const FIRST_PAUSE_MS = 100;
const LONGEST_PAUSE_MS = 2_000;

/**
 * Runs `write`, and while it fails only because the database is unreachable,
 * tries again with growing pauses: a Postgres restart in the middle of a run
 * delays it rather than failing it. Gives up when `signal` aborts (throwing
 * its reason) or at `deadline`; any other error is thrown at once.
 */
export async function untilWritten<T>(
  write: () => Promise<T>,
  { signal, deadline }: { signal?: AbortSignal; deadline?: number } = {},
): Promise<T> {
  for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, LONGEST_PAUSE_MS)) {
    signal?.throwIfAborted();
    try {
      return await write();
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      if (deadline !== undefined && Date.now() + pause > deadline) throw error;
      await sleep(pause, undefined, { signal }).catch(() => signal?.throwIfAborted());
    }
  }
}
