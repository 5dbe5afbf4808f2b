import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { LaunchError, ProgramLauncher } from './program-launcher';

/** Everything a stream carries until its end. */
const readAll = (output: Readable) =>
  new Promise<string>((resolve) => {
    let text = '';
    output.on('data', (chunk: Buffer) => (text += chunk.toString()));
    output.once('end', () => resolve(text));
  });

/** A process's state letter from /proc (R, S, Z, …), or 'gone'. */
const stateOf = (pid: number): string => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return 'gone';
  }
};

describe('the program launcher', () => {
  let launcher: ProgramLauncher;
  const launch = (file: string, args: string[] = []) =>
    launcher.launch({ file, args, cwd: '/', env: { PATH: '/usr/bin:/bin' } });

  beforeEach(() => {
    launcher = new ProgramLauncher();
  });
  afterEach(() => launcher.onApplicationShutdown());

  it('starts programs in groups of their own, their output straight to this process', async () => {
    const program = await launch('/bin/sh', ['-c', 'echo out; echo err >&2; exit 3']);
    const [stdout, stderr, exit] = await Promise.all([
      readAll(program.stdout),
      readAll(program.stderr),
      program.exit,
    ]);
    expect({ stdout, stderr, exit }).toEqual({
      stdout: 'out\n',
      stderr: 'err\n',
      exit: { code: 3, signal: null },
    });
    expect(program.pid).not.toBe(launcher.pid);
  });

  it('holds the end of programs that print nothing and exit at once until it is read', async () => {
    const programs = await Promise.all(Array.from({ length: 30 }, () => launch('/bin/true')));
    await Promise.all(programs.map((program) => program.exit));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const outputs = await Promise.all(
      programs.flatMap((program) => [readAll(program.stdout), readAll(program.stderr)]),
    );
    expect(outputs).toEqual(Array(60).fill(''));
  });

  it('says why a program could not be started', async () => {
    await expect(launch('/nonexistent/program')).rejects.toEqual(new LaunchError('ENOENT'));
  });

  it('kills the programs it started when the launcher itself is killed, and starts another', async () => {
    const program = await launch('/bin/sleep', ['60']);
    process.kill(launcher.pid as number, 'SIGKILL');
    await expect(program.exit).resolves.toEqual({ code: null, signal: 'SIGKILL' });
    // Killed (a signal is delivered a moment after it is sent): gone, or a zombie its new parent
    // has yet to reap.
    const deadline = Date.now() + 5_000;
    while (!['gone', 'Z'].includes(stateOf(program.pid)) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(['gone', 'Z']).toContain(stateOf(program.pid));
    const next = await launch('/bin/true');
    await expect(next.exit).resolves.toEqual({ code: 0, signal: null });
  });
});
