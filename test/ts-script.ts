import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '..');

/**
 * Runs one of the repository's TypeScript entry points (as `npm run …` would,
 * through ts-node) as a process of its own, with `env` added; answers its
 * output, or rejects with it when the process fails.
 */
export function runTsScript(script: string, args: string[], env: NodeJS.ProcessEnv) {
  return promisify(execFile)(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', script, ...args],
    { cwd: ROOT, env: { ...process.env, ...env } },
  );
}
