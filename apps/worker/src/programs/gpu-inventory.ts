import { execFileSync } from 'node:child_process';

/**
 * The GPUs this worker gives out, by the index CUDA_VISIBLE_DEVICES takes:
 * as GPUS declares them (`0,1,2,3`; `none`), or, with GPUS unset, as
 * `nvidia-smi` lists them (none where it is missing or fails).
 */
export function gpuInventory(declared: string | undefined, detect = detectGpus): string[] {
  if (declared === undefined) return detect();
  if (declared.trim() === 'none') return [];
  return declared.split(',').map((id) => id.trim());
}

/** A list of GPU ids as GPUS takes it, or why not. */
export function gpuListProblem(declared: string): string | null {
  if (declared.trim() === 'none') return null;
  const ids = declared.split(',').map((id) => id.trim());
  if (ids.some((id) => !/^\d{1,3}$/.test(id)))
    return `GPUS must be "none" or device indexes separated by commas (0,1,2,3), not "${declared}"`;
  if (new Set(ids).size !== ids.length) return `GPUS names a device twice: "${declared}"`;
  return null;
}

function detectGpus(): string[] {
  try {
    const listed = execFileSync('nvidia-smi', ['--query-gpu=index', '--format=csv,noheader'], {
      encoding: 'utf8',
      timeout: 10_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return listed
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  } catch {
    return [];
  }
}
