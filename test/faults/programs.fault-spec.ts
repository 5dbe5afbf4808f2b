import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eventually, FaultStack, report } from './fault-harness';
import { processesMatching } from '../processes';

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

  it(`leaves none of its ${RUNS} programs' processes behind within 5 s, and every run is run again`, async () => {
    // The first attempt sleeps (and forks a sleeping grandchild); a second one exits 0 at once.
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
    const settings = {
      MACHINE_ID: String(MACHINE),
      PROGRAMS_FILE: programs,
      RUNS_DIR: path.join(home, 'runs'),
      HEARTBEAT_INTERVAL_MS: '500',
      LEASE_MS: '3000',
      SWEEP_INTERVAL_MS: '500',
    };
    const victim = await stack.startWorker('worker-a', settings);
    const { status, body } = await stack.request('POST', '/simulations/batch', {
      body: {
        simulations: Array.from({ length: RUNS }, (_, i) => ({
          name: `sleepy ${i}`,
          machine_id: MACHINE,
          program: 'sleepy',
        })),
      },
    });
    expect({ status, body }).toMatchObject({ status: 201 });
    const pattern = /^sleep 100[01] [0-9]+$/;
    await eventually(
      async () => (processesMatching(pattern).length === 2 * RUNS ? true : undefined),
      { what: `${2 * RUNS} sleeping processes`, timeoutMs: 30_000 },
    );

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
});
