import { copyFileSync, chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { E2eStack } from '../../../test/e2e-stack';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const services = require('../../../scripts/lib/local-services');

/**
 * The training example (examples/programs/train_digits.py) as a machine's
 * program, through the whole stack: a real network trained on a real
 * dataset, its metric records stored as the run's curves. What is asserted
 * is what real training gives, not a fixed curve.
 */
describe('the training example: a real model trained as a program', () => {
  const MACHINE = 901;
  const EPOCHS = 25;
  let stack: E2eStack;
  let home: string;

  beforeAll(async () => {
    // The example's Python: Debian's NumPy and scikit-learn, installed on a fresh machine as Redis is.
    services.ensureDebianPythonModules(['numpy', 'sklearn'], ['python3-numpy', 'python3-sklearn'], {
      log: (line: string) => process.stderr.write(`${line}\n`),
    });
    // The run user must read the script: a directory of its own, not the checkout.
    home = mkdtempSync(path.join(tmpdir(), 'aisim-training-'));
    chmodSync(home, 0o755);
    const script = path.join(home, 'train_digits.py');
    copyFileSync(path.resolve(__dirname, '../../../examples/programs/train_digits.py'), script);
    chmodSync(script, 0o644);
    const programs = path.join(home, 'programs.yaml');
    writeFileSync(
      programs,
      [
        'programs:',
        '  train-digits:',
        '    description: a one-hidden-layer network on scikit-learn digits',
        `    command: [python3, ${script}, --lr, "{lr}", --epochs, "{epochs}", --hidden, "{hidden}", --seed, "{seed}"]`,
        '    params:',
        '      lr: {type: number, min: 0.0001, max: 1, default: 0.1}',
        '      epochs: {type: integer, min: 1, max: 200, default: 30}',
        '      hidden: {type: integer, min: 4, max: 512, default: 64}',
        '      seed: {type: integer, min: 0, max: 1000000, default: 0}',
        '    env: {OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1"}',
        '    time_limit_seconds: 120',
      ].join('\n'),
    );
    stack = await E2eStack.start();
    await stack.reset();
    await stack.startWorker({
      env: {
        MACHINE_ID: String(MACHINE),
        PROGRAMS_FILE: programs,
        RUNS_DIR: path.join(home, 'runs'),
      },
    });
    // Installing the Python packages may take a minute on a fresh machine.
  }, 300_000);

  afterAll(async () => {
    await stack.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('learns: validation accuracy above 0.9, the loss falling epoch after epoch, every metric stored', async () => {
    const { body } = await stack
      .as('operator')
      .post('/simulation', {
        name: 'digits',
        machine_id: MACHINE,
        program: 'train-digits',
        params: { lr: 0.05, epochs: EPOCHS },
      })
      .expect(201);
    const id = body.id as number;
    const done = await stack.waitForStatus(id, 'finished', 90_000);
    expect(done).toMatchObject({
      program: 'train-digits',
      exit_code: 0,
      params: { lr: 0.05, epochs: EPOCHS, hidden: 64, seed: 0 },
    });

    const metrics = (await stack.as('viewer').get(`/simulation/${id}/metrics`).expect(200))
      .body as Array<{ name: string; count: number; last: number; min: number; last_step: number }>;
    const byName = new Map(metrics.map((metric) => [metric.name, metric]));
    expect([...byName.keys()].sort()).toEqual(['loss', 'train_acc', 'val_acc', 'val_loss']);
    for (const metric of metrics)
      expect(metric).toMatchObject({ count: EPOCHS, last_step: EPOCHS });
    expect(byName.get('val_acc')?.last).toBeGreaterThan(0.9);

    // The contract's curve is the loss, one point an epoch, falling to a fraction of where it began.
    const curve = (await stack.as('viewer').get(`/converge/${id}`).expect(200)).body.data as Array<{
      seconds: number;
      loss: number;
    }>;
    expect(curve).toHaveLength(EPOCHS);
    for (let i = 1; i < curve.length; i++)
      expect(curve[i].seconds).toBeGreaterThan(curve[i - 1].seconds);
    expect(curve[EPOCHS - 1].loss).toBeLessThan(curve[0].loss / 4);
    const falling = curve.filter((point, i) => i > 0 && point.loss < curve[i - 1].loss).length;
    expect(falling).toBeGreaterThan(EPOCHS * 0.7);

    const byStep = (
      await stack.as('viewer').get(`/simulation/${id}/metrics/val_acc?x=step`).expect(200)
    ).body.data as Array<{ step: number; value: number }>;
    expect(byStep.map((point) => point.step)).toEqual(
      Array.from({ length: EPOCHS }, (_, i) => i + 1),
    );

    const logs = (await stack.as('viewer').get(`/simulation/${id}/logs?format=text`).expect(200))
      .text;
    expect(logs).toMatch(/^training on 1437 digits, validating on 360;/);
    expect(logs).toMatch(/\ndone in [\d.]+ s: val_acc 0\.9\d+\n$/);
    expect(logs).not.toContain('aisim_metrics');
  });
});
