import { execFileSync } from 'node:child_process';
import { processesMatching } from '../../../test/processes';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { E2eStack, eventually } from '../../../test/e2e-stack';
import { openEventStream, type ServerSentEvent } from '../../../test/sse-client';

/**
 * Programs declared in a programs file, run by a real worker as real
 * processes (/bin/sh scripts), end to end through the API.
 */
describe('programs: declared on a machine, run as processes', () => {
  const MACHINE = 701;
  let stack: E2eStack;
  let home: string;
  let out: string;
  let runs: string;

  /** A script file the run user can read, run by /bin/sh. */
  const script = (name: string, body: string) => {
    const file = path.join(home, `${name}.sh`);
    writeFileSync(file, `set -u\n${body}\n`, { mode: 0o644 });
    return file;
  };

  /** A Python script, for programs that speak HTTP (the standard library only). */
  const pythonScript = (name: string, body: string) => {
    const file = path.join(home, `${name}.py`);
    writeFileSync(file, body, { mode: 0o644 });
    return file;
  };

  const programsFile = () => {
    const file = path.join(home, 'programs.yaml');
    const sh = (name: string, body: string, extra = '') =>
      `  ${name}:\n    command: [/bin/sh, ${script(name, body)}]\n${extra}`;
    writeFileSync(
      file,
      [
        'programs:',
        `  echo-args:`,
        `    description: writes its arguments, one per line`,
        `    command: [/bin/sh, ${script('echo-args', `printf '%s\\n' "$@" > "$OUT/args-$AISIM_RUN_ID"`)}, "--label={label}", "{label}", "{lr}"]`,
        `    params:`,
        `      label: {type: string, default: plain}`,
        `      lr: {type: number, min: 0, max: 1, default: 0.1}`,
        `      epochs: {type: integer, min: 1, max: 10}`,
        `    env: {OUT: ${out}}`,
        sh(
          'show-env',
          `env > "$OUT/env-$AISIM_RUN_ID"; id -u > "$OUT/uid-$AISIM_RUN_ID"; pwd > "$OUT/pwd-$AISIM_RUN_ID"; cat "$AISIM_PARAMS_FILE" > "$OUT/params-$AISIM_RUN_ID"`,
          `    env: {OUT: ${out}}\n`,
        ),
        sh(
          'exits',
          `echo "line one"; echo "to stderr" >&2; exit "$AISIM_PARAM_CODE"`,
          '    params: {code: {type: integer, min: 0, max: 255}}\n',
        ),
        sh('signals', `echo "about to crash"; kill -SEGV $$`),
        sh('ticks', `for i in 1 2 3 4 5 6; do echo "tick $i"; sleep 0.15; done`),
        sh(
          'floods',
          `head -c 20000000 /dev/zero | tr '\\0' 'x'; echo; yes "a flooding line" | head -n 200000; echo "the end"; exit 1`,
          '    logs: {max_bytes: 65536, max_line_bytes: 1024}\n',
        ),
        sh('forks', `sleep 1000 "$AISIM_RUN_ID" & echo forked; exit 0`),
        sh(
          'stubborn',
          `trap 'echo "ignoring TERM"' TERM; echo started > "$OUT/started-$AISIM_RUN_ID"; while true; do sleep 0.1; done`,
          `    env: {OUT: ${out}}\n    kill_grace_seconds: 1\n`,
        ),
        sh('slow', `sleep 30`, '    time_limit_seconds: 1\n    kill_grace_seconds: 0\n'),
        `  missing:`,
        `    command: [/nonexistent/program]`,
        `  reports-over-http:`,
        `    command: [/usr/bin/python3, ${pythonScript('reports-over-http', REPORTS_OVER_HTTP)}]`,
        `    env: {OUT: ${out}}`,
      ].join('\n'),
    );
    return file;
  };

  const create = async (body: Record<string, unknown>) =>
    (
      await stack
        .as('operator')
        .post('/simulation', {
          name: 'program run',
          machine_id: MACHINE,
          attempt_budget: 1,
          ...body,
        })
        .expect(201)
    ).body.id as number;

  const processesNamed = (pattern: RegExp): number => processesMatching(pattern).length;

  beforeAll(async () => {
    home = mkdtempSync(path.join(tmpdir(), 'aisim-programs-'));
    out = path.join(home, 'out');
    runs = path.join(home, 'runs');
    chmodSync(home, 0o755);
    execFileSync('mkdir', ['-m', '777', out]);
    stack = await E2eStack.start();
    await stack.reset();
    await stack.startWorker({
      env: {
        MACHINE_ID: String(MACHINE),
        PROGRAMS_FILE: programsFile(),
        RUNS_DIR: runs,
        RUN_API_URL: await stack.listen(),
        // Slow enough that only the announced cancellation can stop a run within the test's bound.
        HEARTBEAT_INTERVAL_MS: '5000',
      },
    });
  });

  afterAll(async () => {
    await stack.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('shows what each machine runs, with the params of each program', async () => {
    const { body } = await stack.as('viewer').get('/machines').expect(200);
    const machine = body.find((m: { machine_id: number }) => m.machine_id === MACHINE);
    expect(machine.programs.map((p: { name: string }) => p.name)).toEqual([
      'emulate',
      'echo-args',
      'show-env',
      'exits',
      'signals',
      'ticks',
      'floods',
      'forks',
      'stubborn',
      'slow',
      'missing',
      'reports-over-http',
    ]);
    expect(machine.programs[1]).toEqual({
      name: 'echo-args',
      description: 'writes its arguments, one per line',
      params: {
        label: { type: 'string', default: 'plain' },
        lr: { type: 'number', min: 0, max: 1, default: 0.1 },
        epochs: { type: 'integer', min: 1, max: 10 },
      },
      gpus: 0,
      time_limit_seconds: 3600,
    });
    // Listed in the file's order, as a run's problems are named.
    expect(Object.keys(machine.programs[1].params)).toEqual(['label', 'lr', 'epochs']);
  });

  it('refuses a program the machine does not declare, and params outside the declaration, naming each', async () => {
    const refusal = async (body: Record<string, unknown>) =>
      (
        await stack
          .as('operator')
          .post('/simulation', { name: 'x', machine_id: MACHINE, ...body })
          .expect(400)
      ).body.message as string;
    expect(await refusal({ program: 'train' })).toBe(
      `program "train" is not declared on machine ${MACHINE} (it runs: emulate, echo-args, show-env, exits, signals, ticks, floods, forks, stubborn, slow, missing, reports-over-http; GET /machines lists them)`,
    );
    expect(await refusal({ program: 'echo-args', params: { lr: 2, colour: 'red' } })).toBe(
      'params.colour: program "echo-args" takes no such param (it takes: label, lr, epochs); ' +
        'params.lr must be at most 1 for program "echo-args"; ' +
        'params.epochs: program "echo-args" needs it (integer)',
    );
    expect(await refusal({ program: 'Bad Name' })).toMatch(/^program is 1 to 63 lowercase letters/);
    expect(
      await refusal({ program: 'echo-args', params: { epochs: 1 }, emulation: { points: 5 } }),
    ).toBe('emulation applies to program "emulate" only: program "echo-args" makes its own curves');
    const { body } = await stack
      .as('operator')
      .post('/simulations/batch', {
        simulations: [
          { name: 'a', machine_id: MACHINE, program: 'echo-args', params: { epochs: 1 } },
          { name: 'b', machine_id: MACHINE, program: 'echo-args', params: { epochs: 11 } },
        ],
      })
      .expect(400);
    expect(body.message).toBe(
      'simulations[1]: params.epochs must be at most 10 for program "echo-args"',
    );
  });

  it('passes each param as one literal argument, shell metacharacters and all, and records the params used', async () => {
    const label = `x; rm -rf / $(id) "double" 'single' \`tick\` | & > * ~`;
    const id = await create({ program: 'echo-args', params: { label, epochs: 2 } });
    const done = await stack.waitForStatus(id, 'finished');
    expect(readFileSync(path.join(out, `args-${id}`), 'utf8')).toBe(
      `--label=${label}\n${label}\n0.1\n`,
    );
    expect(done).toMatchObject({
      program: 'echo-args',
      exit_code: 0,
      params: { label, lr: 0.1, epochs: 2 },
    });
  });

  it("gives the program none of the worker's secrets, its own directory, and an unprivileged user", async () => {
    const id = await create({ program: 'show-env' });
    await stack.waitForStatus(id, 'finished');
    const env = readFileSync(path.join(out, `env-${id}`), 'utf8');
    const variables = Object.fromEntries(
      env
        .trim()
        .split('\n')
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    for (const secret of [stack.env.DATABASE_URL, stack.env.REDIS_URL, stack.env.JWT_SECRET])
      expect(env).not.toContain(secret as string);
    expect(
      Object.keys(variables).filter((name) => /DATABASE|REDIS|JWT|PASSWORD|SECRET/.test(name)),
    ).toEqual([]);
    const directory = readFileSync(path.join(out, `pwd-${id}`), 'utf8').trim();
    expect(path.dirname(directory)).toBe(runs);
    expect(variables).toMatchObject({
      AISIM_RUN_ID: String(id),
      AISIM_ATTEMPT: '1',
      AISIM_RUN_DIR: directory,
      AISIM_PARAMS_FILE: path.join(directory, 'params.json'),
      HOME: directory,
      OUT: out,
      CUDA_VISIBLE_DEVICES: '',
    });
    expect(JSON.parse(readFileSync(path.join(out, `params-${id}`), 'utf8'))).toEqual({});
    // When the run started, as the run shows it (to the millisecond).
    const { started_at: startedAt } = (await stack.as('viewer').get(`/simulation/${id}`)).body;
    expect(Math.round(Number(variables.AISIM_STARTED_AT) * 1000)).toBe(
      new Date(startedAt).getTime(),
    );
    if (process.getuid?.() === 0) {
      const nobody = execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim();
      expect(readFileSync(path.join(out, `uid-${id}`), 'utf8').trim()).toBe(nobody);
    }
    // Its directory is gone once it ended (keep_workdir is false).
    expect(readdirSync(runs)).toEqual([]);
  });

  it('gives the program its own run-scoped token: it reports over HTTP beside its stdout records, and can do nothing else', async () => {
    const id = await create({ program: 'reports-over-http' });
    await stack.waitForStatus(id, 'finished');
    const said = JSON.parse(readFileSync(path.join(out, `http-${id}`), 'utf8'));
    expect(said.url).toBe(await stack.listen());
    expect(said.report).toEqual([200, expect.objectContaining({ duplicate: false, points: 2 })]);
    // The same report again: stored once, though the worker stored its stdout records meanwhile.
    expect(said.again).toEqual([200, expect.objectContaining({ duplicate: true, points: 2 })]);
    // The worker starts, keeps and ends a program's run: its token may only report.
    expect(said.start[0]).toBe(409);
    expect(said.start[1].message).toMatch(/its worker starts and ends it/);
    expect(said.read[0]).toBe(403);
    expect(said.other_run[0]).toBe(403);
    const metrics = (await stack.as('viewer').get(`/simulation/${id}/metrics`).expect(200)).body;
    const byName = Object.fromEntries(
      metrics.map((m: { name: string; count: number; last: number }) => [m.name, m]),
    );
    expect(byName.http_loss).toMatchObject({ count: 2, last: 0.5 });
    expect(byName.stdout_loss).toMatchObject({ count: 3, last: 0.25 });
    expect((await stack.simulation(id)).params).toEqual({ reported: 'over http' });
  });

  it('fails a run that exits non-zero with its exit code and its last output as the reason', async () => {
    const id = await create({ program: 'exits', params: { code: 3 } });
    const failed = await stack.waitForStatus(id, 'failed');
    expect(failed.exit_code).toBe(3);
    expect(failed.failure_reason).toBe(
      'the program exited with code 3; its last output:\nline one\n! to stderr',
    );
  });

  it('serves the output of each attempt: whole, its tail, paged, and as text', async () => {
    const id = await create({ program: 'exits', params: { code: 4 } });
    await stack.waitForStatus(id, 'failed');
    const logs = async (query = '') =>
      (await stack.as('viewer').get(`/simulation/${id}/logs${query}`).expect(200)).body;
    const whole = await logs();
    expect(whole).toMatchObject({ attempt: 1, dropped: 0, next_after: 2, more: false });
    expect(
      whole.lines.map(({ seq, stream, text, cut }: Record<string, unknown>) => ({
        seq,
        stream,
        text,
        cut,
      })),
    ).toEqual([
      { seq: 1, stream: 'stdout', text: 'line one', cut: false },
      { seq: 2, stream: 'stderr', text: 'to stderr', cut: false },
    ]);
    expect(new Date(whole.lines[0].at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect((await logs('?tail=1')).lines.map((line: { text: string }) => line.text)).toEqual([
      'to stderr',
    ]);
    expect(await logs('?limit=1')).toMatchObject({ next_after: 1, more: true });
    expect((await logs('?after=1')).lines.map((line: { seq: number }) => line.seq)).toEqual([2]);
    const text = await stack.as('viewer').get(`/simulation/${id}/logs?format=text`).expect(200);
    expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(text.text).toBe('line one\nto stderr\n');
    await stack.as('viewer').get(`/simulation/${id}/logs?attempt=2`).expect(404);
    await stack.as('viewer').get(`/simulation/${id}/logs?tail=0`).expect(400);
    await stack.as('viewer').get(`/simulation/999999/logs`).expect(404);
  });

  it('follows the output live, line by line, and resumes after the last line a client had', async () => {
    const baseUrl = await stack.listen();
    const id = await create({ program: 'ticks' });
    const follow = (lastEventId?: string) =>
      openEventStream(
        `${baseUrl}/simulation/${id}/logs/stream`,
        stack.token('viewer'),
        lastEventId,
      );
    const live = follow();
    await live.ended;
    const texts = (events: ServerSentEvent[]) =>
      events
        .filter((event) => event.event === 'lines')
        .flatMap((event) =>
          (event.data as { lines: Array<{ text: string }> }).lines.map((line) => line.text),
        );
    expect(texts(live.events)).toEqual([
      'tick 1',
      'tick 2',
      'tick 3',
      'tick 4',
      'tick 5',
      'tick 6',
    ]);
    // Lines came as the program printed them, not all at its end.
    expect(live.events.filter((event) => event.event === 'lines').length).toBeGreaterThan(1);
    expect(live.events.at(-1)).toMatchObject({
      event: 'end',
      data: { attempt: 1, status: 'finished' },
    });

    const resumed = follow('1:3');
    await resumed.ended;
    expect(texts(resumed.events)).toEqual(['tick 4', 'tick 5', 'tick 6']);
    expect(resumed.events[0].id).toBe('1:6');

    const refused = follow('yesterday');
    expect(await refused.status).toBe(400);
    refused.close();
  });

  it('tells an exit code of 137 from a kill by a signal', async () => {
    const exited = await create({ program: 'exits', params: { code: 137 } });
    const signalled = await create({ program: 'signals' });
    expect((await stack.waitForStatus(exited, 'failed')).failure_reason).toMatch(
      /^the program exited with code 137;/,
    );
    const crashed = await stack.waitForStatus(signalled, 'failed');
    expect(crashed.failure_reason).toBe(
      'the program was killed by SIGSEGV; its last output:\nabout to crash',
    );
    expect(crashed.exit_code).toBeNull();
  });

  it('finishes a program that exits 0 without reporting anything', async () => {
    const id = await create({ program: 'exits', params: { code: 0 } });
    expect(await stack.waitForStatus(id, 'finished')).toMatchObject({ exit_code: 0 });
  });

  it('reads a flood of output and a 20 MB line a bounded line at a time, and keeps the tail of the log', async () => {
    const id = await create({ program: 'floods' });
    const failed = await stack.waitForStatus(id, 'failed', 60_000);
    const lines = (failed.failure_reason as string).split('\n');
    expect(lines[0]).toBe('the program exited with code 1; its last output:');
    expect(lines.slice(1, -1)).toEqual(Array(9).fill('a flooding line'));
    expect(lines.at(-1)).toBe('the end');
    const { body } = await stack.as('viewer').get(`/simulation/${id}/logs`).expect(200);
    const kept = body.lines as Array<{ seq: number; text: string }>;
    expect(body.dropped).toBeGreaterThan(0);
    expect(kept.at(-1)?.text).toBe('the end');
    expect(kept.at(-1)?.seq).toBe(200_002);
    // Its bound (64 KiB) and at most one write more are kept.
    const bytes = kept.reduce((sum, line) => sum + Buffer.byteLength(line.text) + 1, 0);
    expect(bytes).toBeLessThan(2 * 65_536);
  });

  it('kills what a program forked into its group once it has exited', async () => {
    const id = await create({ program: 'forks' });
    await stack.waitForStatus(id, 'finished');
    await eventually(
      async () => (processesNamed(new RegExp(`^sleep 1000 ${id}$`)) === 0 ? true : undefined),
      {
        what: `its sleeping child to be gone`,
        timeoutMs: 5_000,
      },
    );
  });

  it('stops a cancelled run: SIGTERM to its group, SIGKILL after its grace', async () => {
    const id = await create({ program: 'stubborn' });
    await eventually(async () => (exists(path.join(out, `started-${id}`)) ? true : undefined), {
      what: 'the program to start',
    });
    const stubborn = new RegExp(escape(path.join(home, 'stubborn.sh')));
    expect(processesNamed(stubborn)).toBe(1);
    const cancelledAt = Date.now();
    await stack.as('operator').post(`/simulation/${id}/cancel`).expect(200);
    await eventually(async () => (processesNamed(stubborn) === 0 ? true : undefined), {
      what: 'the stubborn program to be gone',
      timeoutMs: 10_000,
    });
    // Announced at once (the heartbeat comes every 5 s here), then a grace of 1 s: gone within grace + 1 s.
    expect(Date.now() - cancelledAt).toBeLessThan(2_000);
    expect((await stack.simulation(id)).status).toBe('cancelled');
  });

  it('fails a run past its time limit, its process stopped', async () => {
    const id = await create({ program: 'slow' });
    const failed = await stack.waitForStatus(id, 'failed');
    expect(failed.failure_reason).toBe('timed out: program "slow" ran past its time limit of 1 s');
    expect(processesNamed(new RegExp(escape(path.join(home, 'slow.sh'))))).toBe(0);
  });

  it('fails a run whose program cannot be started, for good', async () => {
    const id = await create({ program: 'missing', attempt_budget: 3 });
    const failed = await stack.waitForStatus(id, 'failed');
    expect(failed.failure_reason).toBe('could not start /nonexistent/program: ENOENT');
    expect(failed.attempts).toHaveLength(1);
  });
});

function exists(file: string): boolean {
  try {
    readFileSync(file);
    return true;
  } catch {
    return false;
  }
}

describe('programs: GPUs, each given to one run at a time', () => {
  const MACHINE = 702;
  let stack: E2eStack;
  let home: string;
  let out: string;

  beforeAll(async () => {
    home = mkdtempSync(path.join(tmpdir(), 'aisim-gpus-'));
    out = path.join(home, 'out');
    chmodSync(home, 0o755);
    execFileSync('mkdir', ['-m', '777', out]);
    const script = path.join(home, 'holds-gpus.sh');
    writeFileSync(
      script,
      [
        'echo "$CUDA_VISIBLE_DEVICES" > "$OUT/gpus-$AISIM_RUN_ID"',
        'while [ ! -e "$OUT/release-$AISIM_RUN_ID" ]; do sleep 0.05; done',
      ].join('\n'),
      { mode: 0o644 },
    );
    const programs = path.join(home, 'programs.yaml');
    writeFileSync(
      programs,
      [
        'programs:',
        '  two-gpus:',
        `    command: [/bin/sh, ${script}]`,
        `    env: {OUT: ${out}}`,
        '    gpus: 2',
        '  four-gpus:',
        '    command: [/bin/true]',
        '    gpus: 4',
      ].join('\n'),
    );
    stack = await E2eStack.start();
    await stack.reset();
    await stack.startWorker({
      env: {
        MACHINE_ID: String(MACHINE),
        PROGRAMS_FILE: programs,
        GPUS: '0,1,2',
        RUNS_DIR: path.join(home, 'runs'),
      },
    });
  });

  afterAll(async () => {
    await stack.close();
    rmSync(home, { recursive: true, force: true });
  });

  const gpusOf = (id: number): string | undefined => {
    try {
      return readFileSync(path.join(out, `gpus-${id}`), 'utf8').trim();
    } catch {
      return undefined;
    }
  };
  const machineGpus = async () => {
    const { body } = await stack.as('viewer').get('/machines').expect(200);
    return body.find((m: { machine_id: number }) => m.machine_id === MACHINE).gpus;
  };

  it('refuses a program needing more GPUs than the machine has', async () => {
    const { body } = await stack
      .as('operator')
      .post('/simulation', { name: 'x', machine_id: MACHINE, program: 'four-gpus' })
      .expect(400);
    expect(body.message).toBe(`program "four-gpus" needs 4 GPU(s) a run; machine ${MACHINE} has 3`);
  });

  it('runs as many as have GPUs free; the others wait in the queue, pending, until GPUs are given back', async () => {
    expect(await machineGpus()).toEqual({ total: 3, in_use: 0, free: 3 });
    const ids: number[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(
        (
          await stack
            .as('operator')
            .post('/simulation', { name: `gpu ${i}`, machine_id: MACHINE, program: 'two-gpus' })
            .expect(201)
        ).body.id,
      );
    const first = await eventually(async () => ids.find((id) => gpusOf(id) !== undefined), {
      what: 'a run to get its GPUs',
    });
    expect(gpusOf(first)?.split(',')).toHaveLength(2);
    expect(await machineGpus()).toEqual({ total: 3, in_use: 2, free: 1 });
    const others = ids.filter((id) => id !== first);
    for (const id of others) expect((await stack.simulation(id)).status).toBe('pending');
    const detail = await stack.simulation(first);
    expect(detail.attempts[0].gpus).toEqual(gpusOf(first)?.split(','));

    const given = new Map<number, string>([[first, gpusOf(first) as string]]);
    let current = first;
    for (let i = 0; i < 2; i++) {
      writeFileSync(path.join(out, `release-${current}`), '');
      await stack.waitForStatus(current, 'finished');
      current = await eventually(
        async () => others.find((id) => !given.has(id) && gpusOf(id) !== undefined),
        { what: 'the next run to get GPUs', timeoutMs: 30_000 },
      );
      given.set(current, gpusOf(current) as string);
      // One run at a time holds two of the three GPUs: the one left waits, pending.
      for (const id of others.filter((other) => !given.has(other)))
        expect((await stack.simulation(id)).status).toBe('pending');
      expect(await machineGpus()).toEqual({ total: 3, in_use: 2, free: 1 });
    }
    writeFileSync(path.join(out, `release-${current}`), '');
    await stack.waitForStatus(current, 'finished');
    for (const gpus of given.values()) expect(gpus.split(',').sort()).toHaveLength(2);
    expect(await machineGpus()).toEqual({ total: 3, in_use: 0, free: 3 });
  });

  it('starts a run waiting for GPUs the moment they are given back, not at its next backoff', async () => {
    const create = async (name: string) =>
      (
        await stack
          .as('operator')
          .post('/simulation', { name, machine_id: MACHINE, program: 'two-gpus' })
          .expect(201)
      ).body.id as number;
    const holder = await create('holds the GPUs');
    await eventually(async () => gpusOf(holder), { what: 'the first run to get its GPUs' });
    const waiter = await create('waits for them');
    // Long enough that the waiting job backs off for seconds at a time (1, 2, 4, 8 s…).
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    expect(gpusOf(waiter)).toBeUndefined();
    writeFileSync(path.join(out, `release-${holder}`), '');
    await eventually(async () => gpusOf(waiter), {
      what: 'the waiting run to get the GPUs given back',
      // Its next backoff would come about 7 s after the release.
      timeoutMs: 3_000,
      intervalMs: 20,
    });
    writeFileSync(path.join(out, `release-${waiter}`), '');
    await stack.waitForStatus(waiter, 'finished');
  });
});

/**
 * Reports two points over HTTP with the run's own token and prints three
 * metric records, interleaved; then tries what the token may not do. Writes
 * what each request was answered to OUT/http-<run>.
 */
const REPORTS_OVER_HTTP = `
import json, os, time, urllib.request, urllib.error

url, run, token = os.environ["AISIM_URL"], os.environ["AISIM_RUN_ID"], os.environ["AISIM_TOKEN"]

def call(method, route, body=None):
    request = urllib.request.Request(
        url + route, method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request) as answer:
            return [answer.status, json.load(answer)]
    except urllib.error.HTTPError as error:
        return [error.code, json.load(error)]

def record(value, step):
    print(json.dumps({"aisim_metrics": {"stdout_loss": value}, "step": step}), flush=True)

# Numbered as the worker numbered its first stored record before: each has its own numbers.
report = {"sequence": 1, "points": [{"metric": "http_loss", "value": 1.0, "step": 1},
                                    {"metric": "http_loss", "value": 0.5, "step": 2}],
          "params": {"reported": "over http"}}
said = {"url": url}
record(1.0, 1)
time.sleep(0.6)  # the worker stores what it read a few times a second
said["report"] = call("POST", "/simulation/" + run + "/metrics", report)
record(0.5, 2)
said["again"] = call("POST", "/simulation/" + run + "/metrics", report)
record(0.25, 3)
said["start"] = call("POST", "/simulation/" + run + "/start")
said["read"] = call("GET", "/simulation/" + run)
said["other_run"] = call("POST", "/simulation/" + str(int(run) + 1) + "/metrics", report)
with open(os.path.join(os.environ["OUT"], "http-" + run), "w") as out:
    json.dump(said, out)
`;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
