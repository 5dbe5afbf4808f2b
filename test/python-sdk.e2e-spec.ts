import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Role } from '@app/auth';
import { E2eStack } from './e2e-stack';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { installPythonSdk, SDK_DIR: SDK } = require('../scripts/lib/python-sdk');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const services = require('../scripts/lib/local-services');

const HTTP_MACHINE = 1101;
const STDOUT_MACHINE = 1102;

/**
 * The Python SDK's own suite (clients/python/tests, pytest) against a real
 * API and two real workers: the SDK installed into a fresh virtualenv the way
 * a user installs it (`pip install ./clients/python`), Debian's httpx and
 * pytest beneath it. One worker gives its programs AISIM_URL and a token
 * (RUN_API_URL), the other does not: current_run() is tried both ways.
 */
describe('the Python SDK (clients/python), its pytest suite against the real service', () => {
  let stack: E2eStack;
  let home: string;
  let python: string;

  beforeAll(async () => {
    // Programs run as an unprivileged user: everything they run must be readable by it.
    home = mkdtempSync(path.join(tmpdir(), 'aisim-python-sdk-'));
    chmodSync(home, 0o755);
    python = installPythonSdk(home, {
      log: (line: string) => process.stderr.write(`${line}\n`),
    });
    // The training example (NumPy and scikit-learn, Debian's), for `aisim run … --watch`.
    services.ensureDebianPythonModules(['numpy', 'sklearn'], ['python3-numpy', 'python3-sklearn'], {
      log: (line: string) => process.stderr.write(`${line}\n`),
    });
    const training = path.join(home, 'train_digits.py');
    copyFileSync(path.resolve(__dirname, '../examples/programs/train_digits.py'), training);
    chmodSync(training, 0o644);
    const program = path.join(home, 'reports_with_current_run.py');
    copyFileSync(path.join(SDK, 'tests/programs/reports_with_current_run.py'), program);
    chmodSync(program, 0o644);
    const programs = path.join(home, 'programs.yaml');
    writeFileSync(
      programs,
      [
        'programs:',
        '  sdk-current-run:',
        `    command: [${python}, ${program}]`,
        '  sdk-exits:',
        `    command: [/bin/sh, -c, 'echo failing on purpose; exit 3']`,
        '  sdk-sleeps:',
        '    command: [/bin/sleep, "30"]',
        '  train-digits:',
        `    command: [/usr/bin/python3, ${training}, --lr, "{lr}", --epochs, "{epochs}"]`,
        '    params:',
        '      lr: {type: number, min: 0.0001, max: 1, default: 0.1}',
        '      epochs: {type: integer, min: 1, max: 200, default: 30}',
        '    env: {OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1"}',
        '',
      ].join('\n'),
    );

    stack = await E2eStack.start();
    await stack.reset();
    const apiUrl = await stack.listen();
    for (const [machine, reporting] of [
      [HTTP_MACHINE, { RUN_API_URL: apiUrl }],
      [STDOUT_MACHINE, {}],
    ] as const)
      await stack.startWorker({
        env: {
          MACHINE_ID: String(machine),
          PROGRAMS_FILE: programs,
          RUNS_DIR: path.join(home, `runs-${machine}`),
          HEARTBEAT_INTERVAL_MS: '5000',
          ...reporting,
        },
      });
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it('passes every test of the SDK', async () => {
    const document = path.join(home, 'openapi.json');
    writeFileSync(document, JSON.stringify((await stack.http.get('/docs-json').expect(200)).body));
    // A team's project, and a token of an operator of it (and of nothing else).
    await stack.as('admin').post('/projects', { name: 'sdk-team' }).expect(201);
    const { code, output } = await run(
      python,
      ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '-rA', path.join(SDK, 'tests')],
      {
        ...process.env,
        AISIM_TEST_URL: await stack.listen(),
        AISIM_TEST_OPERATOR_TOKEN: stack.token('operator', 3600),
        AISIM_TEST_MACHINE: String(HTTP_MACHINE),
        AISIM_TEST_HTTP_MACHINE: String(HTTP_MACHINE),
        AISIM_TEST_STDOUT_MACHINE: String(STDOUT_MACHINE),
        AISIM_TEST_OPENAPI: document,
        AISIM_TEST_PROJECT: 'sdk-team',
        AISIM_TEST_PROJECT_TOKEN: stack.token('operator', 3600, 'sdk-team-operator', {
          'sdk-team': Role.Operator,
        }),
      },
    );
    if (code !== 0) throw new Error(`pytest exited ${code}:\n${output}`);
    // Every test ran and passed (the summary names nothing else: none skipped, none failed).
    const summary = /^=* ?(\d+) passed in [\d.]+s ?=*$/m.exec(output);
    expect(summary).not.toBeNull();
    expect(Number(summary?.[1])).toBeGreaterThanOrEqual(50);
  }, 600_000);
});

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, cwd: SDK });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}
