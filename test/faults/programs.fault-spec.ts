import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eventually, FaultStack, report } from './fault-harness';
import { processesMatching } from '../processes';
import { LAUNCHER_MARK } from '../../apps/worker/src/programs/launcher-source';

describe('a worker running programs dies with kill -9', () => {
  const MACHINE = 801;
  const RUNS = 50;
  let stack: FaultStack;
  let home: string;

  beforeEach(async () => {
    home = mkdtempSync(path.join(tmpdir(), 'aisim-fault-programs-'));
    chmodSync(home, 0o755);
    stack = await FaultStack.start();
    await stack.startApi();
  });

  afterEach(async () => {
    await stack.stop();
    rmSync(home, { recursive: true, force: true });
  });

  /** A program whose first attempt sleeps (and forks a sleeping grandchild); a second one exits 0 at once. */
  const sleepyMachine = () => {
    const script = path.join(home, 'sleepy.sh');
    writeFileSync(
      script,
      [
        'if [ "$AISIM_ATTEMPT" = 1 ]; then',
        '  sleep 1001 "$AISIM_RUN_ID" &',
        '  sleep 1000 "$AISIM_RUN_ID"',
        'fi',
        'exit 0',
      ].join('\n'),
      { mode: 0o644 },
    );
    const programs = path.join(home, 'programs.yaml');
    writeFileSync(programs, `programs:\n  sleepy:\n    command: [/bin/sh, ${script}]\n`);
    return {
      MACHINE_ID: String(MACHINE),
      PROGRAMS_FILE: programs,
      RUNS_DIR: path.join(home, 'runs'),
      HEARTBEAT_INTERVAL_MS: '500',
      LEASE_MS: '3000',
      SWEEP_INTERVAL_MS: '500',
    };
  };
  const pattern = /^sleep 100[01] [0-9]+$/;

  /** `runs` sleepy runs, each running its two sleeping processes. */
  const startSleeping = async (runs: number) => {
    const { status, body } = await stack.request('POST', '/simulations/batch', {
      body: {
        simulations: Array.from({ length: runs }, (_, i) => ({
          name: `sleepy ${i}`,
          machine_id: MACHINE,
          program: 'sleepy',
        })),
      },
    });
    expect({ status, body }).toMatchObject({ status: 201 });
    await eventually(
      async () => (processesMatching(pattern).length === 2 * runs ? true : undefined),
      { what: `${2 * runs} sleeping processes`, timeoutMs: 30_000 },
    );
  };

  it(`leaves none of its ${RUNS} programs' processes behind within 5 s, and every run is run again`, async () => {
    const settings = sleepyMachine();
    const victim = await stack.startWorker('worker-a', settings);
    await startSleeping(RUNS);

    const killedAt = Date.now();
    victim.signal('SIGKILL');
    await victim.exit();
    await eventually(async () => (processesMatching(pattern).length === 0 ? true : undefined), {
      what: 'every process of its programs to be gone',
      timeoutMs: 5_000,
      intervalMs: 20,
    });
    const goneAfter = Date.now() - killedAt;
    report(
      `kill -9 of a worker running ${RUNS} programs: all ${2 * RUNS} processes gone after ${goneAfter} ms (target ≤ 5 s)`,
    );

    await stack.startWorker('worker-b', settings);
    await stack.allFinished(RUNS, 60_000);
    const { rows } = await stack.db.query(
      `SELECT array_agg(outcome ORDER BY attempt) AS outcomes FROM simulation_attempts GROUP BY simulation_id`,
    );
    expect(rows.map((row) => row.outcomes)).toEqual(Array(RUNS).fill(['lost', 'finished']));
  });

  it('leaves nothing behind when its program launcher dies with it: the next worker on the host kills what is left and cleans up', async () => {
    const runs = 10;
    const settings = sleepyMachine();
    const victim = await stack.startWorker('worker-c', settings);
    await startSleeping(runs);
    const launchers = processesMatching(new RegExp(`${LAUNCHER_MARK}$`));
    expect(launchers).toHaveLength(1);
    // Frozen first, so that it does not see its launcher go.
    victim.signal('SIGSTOP');
    process.kill(launchers[0], 'SIGKILL');
    victim.signal('SIGKILL');
    await victim.exit();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // Nothing killed them: only the next worker can.
    expect(processesMatching(pattern)).toHaveLength(2 * runs);
    const directories = () =>
      readdirSync(settings.RUNS_DIR).filter((entry) => !entry.endsWith('.owner'));
    expect(directories()).toHaveLength(runs);

    const startedAt = Date.now();
    await stack.startWorker('worker-d', settings);
    await eventually(async () => (processesMatching(pattern).length === 0 ? true : undefined), {
      what: 'the processes the dead worker left to be gone',
      timeoutMs: 5_000,
      intervalMs: 20,
    });
    report(
      `a worker and its program launcher killed with ${runs} programs running: their ${2 * runs} processes ` +
        `gone ${Date.now() - startedAt} ms after the next worker was started`,
    );
    await stack.allFinished(runs, 60_000);
    // Every run ran again; no directory of either worker is left.
    expect(readdirSync(settings.RUNS_DIR)).toEqual([]);
  });

  it('kills the program of a run whose lease it lost while frozen, once it wakes; the run goes on elsewhere', async () => {
    const settings = sleepyMachine();
    const frozen = await stack.startWorker('worker-e', settings);
    await startSleeping(1);
    const [{ simulation_id: id }] = (await stack.db.query(`SELECT simulation_id FROM simulations`))
      .rows;
    const firstAttempt = new RegExp(`^sleep 100[01] ${id}$`);
    frozen.signal('SIGSTOP');
    // Past its lease another worker takes the run back and runs attempt 2 (which exits at once).
    await stack.startWorker('worker-f', settings);
    await stack.allFinished(1, 30_000);
    // Frozen, its worker could not stop attempt 1: its processes still run.
    expect(processesMatching(firstAttempt)).toHaveLength(2);
    const wokenAt = Date.now();
    frozen.signal('SIGCONT');
    await eventually(
      async () => (processesMatching(firstAttempt).length === 0 ? true : undefined),
      { what: 'the lost attempt’s processes to be gone', timeoutMs: 10_000, intervalMs: 20 },
    );
    report(
      `a worker woken after losing a run's lease: the program's group gone ${Date.now() - wokenAt} ms after SIGCONT`,
    );
    const { rows } = await stack.db.query(
      `SELECT outcome FROM simulation_attempts WHERE simulation_id = $1 ORDER BY attempt`,
      [id],
    );
    expect(rows.map((row) => row.outcome)).toEqual(['lost', 'finished']);
    expect(frozen.running).toBe(true);
  });
});
