import { spawn } from 'node:child_process';
import path from 'node:path';

/** The curl walkthrough of docs/runs.md, as users run it. */
export const EXTERNAL_RUN_SCRIPT = path.resolve('examples/external-run.sh');

/**
 * Runs examples/external-run.sh with `env` (API and TOKEN at least): `id`
 * resolves as soon as it prints the run's id, `exited` with its output when
 * it exits 0 (and rejects with its output and errors otherwise).
 */
export function runExternalRunScript(env: Record<string, string>): {
  id: Promise<number>;
  exited: Promise<string>;
} {
  const child = spawn('bash', [EXTERNAL_RUN_SCRIPT], { env: { PATH: process.env.PATH, ...env } });
  let output = '';
  let errors = '';
  let announceId: (id: number) => void = () => undefined;
  const id = new Promise<number>((resolve) => (announceId = resolve));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    const found = /^id=(\d+)$/m.exec(output);
    if (found) announceId(Number(found[1]));
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  const exited = new Promise<string>((resolve, reject) =>
    child.on('close', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`the script exited ${code}:\n${output}\n${errors}`)),
    ),
  );
  return { id, exited };
}
