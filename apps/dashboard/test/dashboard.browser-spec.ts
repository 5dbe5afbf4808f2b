import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ConvergencePointRepository, SimulationStatus } from '@app/domain';
import { seedCurve, seedSimulation } from '@app/domain/testing';
import { simulationsHref } from '../src/route';
import { runExternalRunScript } from '../../../test/external-run-script';
import { Role } from '@app/auth';
import { E2eStack } from '../../../test/e2e-stack';

/**
 * The dashboard in Debian's headless Chromium, against the real API, a real
 * worker, Postgres and Redis. Screenshots go to .test-artifacts/screenshots
 * (git-ignored) for a human to look at; the assertions are on the page and on
 * the database.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = path.resolve('.test-artifacts', 'screenshots');

/** Retries an assertion until it holds (pages update asynchronously). */
async function until(check: () => Promise<unknown>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

describe('web dashboard (headless Chromium)', () => {
  let stack: E2eStack;
  let baseUrl: string;
  let browser: Browser;
  let page: Page;
  let operator: { client_id: string; client_secret: string };
  /** Uncaught errors and console errors of the page: any is a failure of the test it happened in. */
  let pageErrors: string[];

  const screenshot = (name: string) =>
    page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

  async function signInWithToken(token: string): Promise<void> {
    await page.goto(`${baseUrl}/`);
    await page.getByLabel('Token', { exact: true }).fill(token);
    await page.getByRole('button', { name: 'Use this token' }).click();
    await page.getByRole('heading', { name: 'Simulations', level: 1 }).waitFor();
  }

  /** Elements that stick out past the right edge of the screen (a sideways scroll), named. */
  async function widerThanScreen(): Promise<string[]> {
    return page.evaluate(() => {
      if (document.documentElement.scrollWidth <= document.documentElement.clientWidth) return [];
      const edge = document.documentElement.clientWidth;
      // A wide table may scroll sideways inside its own box; the page itself may not.
      const scrollsInside = (element: Element) => {
        for (let parent = element.parentElement; parent; parent = parent.parentElement) {
          if (getComputedStyle(parent).overflowX !== 'visible') return true;
        }
        return false;
      };
      const culprits = [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > edge + 0.5)
        .filter((element) => !scrollsInside(element))
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
      const by = document.documentElement.scrollWidth - edge;
      return [`the page scrolls sideways by ${by} px`, ...culprits.slice(0, 10)];
    });
  }

  async function pointsOnChart(): Promise<number> {
    return Number(await page.locator('.chart').getAttribute('data-points'));
  }

  async function storedPoints(id: number, where = 'TRUE'): Promise<number> {
    const [{ count }] = await stack.db.query(
      `SELECT count(*)::int AS count FROM convergence_points WHERE simulation_id = $1 AND ${where}`,
      [id],
    );
    return count;
  }

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium not found at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`,
      );
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    stack = await E2eStack.start();
    await stack.reset();
    baseUrl = await stack.listen();
    await stack.startWorker();
    const created = await stack.as(Role.Admin).post('/auth/clients', {
      name: 'dashboard operator',
      role: 'operator',
    });
    expect(created.status).toBe(201);
    operator = created.body;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // Root in CI containers has no user namespace for Chromium's sandbox.
      args: ['--no-sandbox'],
    });
  });

  beforeEach(async () => {
    // A fresh context per test: its own sessionStorage, so every test signs in itself.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      // A refused request is logged by Chromium itself; the page shows those in its own words.
      if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) {
        pageErrors.push(`console: ${message.text()}`);
      }
    });
  });

  afterEach(async () => {
    await page.context().close();
    expect(pageErrors).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('signs in with client credentials, by keyboard, and shows the empty list', async () => {
    await page.goto(`${baseUrl}/`);
    await screenshot('01-sign-in');
    // Keyboard only: Tab reaches the fields in order, Enter submits.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('name'))).resolves.toBe(
      'client_id',
    );
    await page.keyboard.type(operator.client_id);
    await page.keyboard.press('Tab');
    await page.keyboard.type(operator.client_secret);
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Simulations', level: 1 }).waitFor();
    await expect(page.locator('.identity').innerText()).resolves.toContain(
      `${operator.client_id} · operator`,
    );
    await page.getByText('No simulations yet. Create the first one above.').waitFor();
    await screenshot('02-simulations-empty');
  });

  it('refuses a wrong secret and a garbage token with the reason', async () => {
    await page.goto(`${baseUrl}/`);
    await page.getByLabel('Client id', { exact: true }).fill(operator.client_id);
    await page.getByLabel('Client secret', { exact: true }).fill('not-the-secret');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /invalid client credentials/i })
      .waitFor();
    await page.getByLabel('Token', { exact: true }).fill('not a token');
    await page.getByRole('button', { name: 'Use this token' }).click();
    await page.getByRole('alert').filter({ hasText: 'This is not a JWT' }).waitFor();
  });

  it('creates a simulation and draws its curve live until it finishes', async () => {
    await signInWithToken(stack.token(Role.Operator, 600, 'dashboard-e2e'));
    await page.getByText('New simulation').click();
    // Every control of the form has a label: that is how this test finds them.
    await page.getByLabel('Name', { exact: true }).fill('Live one');
    await page.getByLabel('Machine id', { exact: true }).fill('101');
    await page
      .getByLabel('Machine name (registers a new machine)', { exact: true })
      .fill('Machine A');
    await page.getByLabel('Points', { exact: true }).fill('40');
    await page.getByLabel('Tick, ms', { exact: true }).fill('100');
    await page.getByLabel('Noise', { exact: true }).fill('0.2');
    await page.getByLabel('Seed', { exact: true }).fill('7');
    await page.getByRole('button', { name: 'Create and run' }).click();

    await page.waitForURL(/#\/simulations\/1$/);
    await page.getByRole('heading', { name: /Live one/ }).waitFor();

    // While it runs, the chart grows batch by batch from the stream.
    const seen = new Set<number>();
    await until(async () => {
      const status = await page.locator('h1 .badge').innerText();
      seen.add(await pointsOnChart());
      if (status !== 'finished') throw new Error(`still ${status}`);
    }, 20_000);
    const partial = [...seen].filter((count) => count > 0 && count < 40);
    expect(partial.length).toBeGreaterThanOrEqual(3);
    await page.locator('h1 .badge', { hasText: 'finished' }).waitFor();
    await until(async () => expect(await pointsOnChart()).toBe(40));
    expect(await storedPoints(1)).toBe(40);
    await expect(page.locator('figcaption').innerText()).resolves.toMatch(
      /^40 points · last: loss [\d.]+ at 100 s\.$/,
    );
    await expect(page.locator('.fields').first().innerText()).resolves.toContain('1 of 3');
    await page.getByRole('cell', { name: 'finished' }).waitFor(); // the attempt history
    await screenshot('03-simulation-finished');
  });

  it('switches either axis between log and linear, and asks for linear buckets', async () => {
    await signInWithToken(stack.token(Role.Viewer));
    await page.goto(`${baseUrl}/#/simulations/1`);
    const chart = page.locator('.chart');
    await until(async () => expect(await pointsOnChart()).toBe(40));
    expect(await chart.getAttribute('data-x-scale')).toBe('log');
    expect(await chart.getAttribute('data-y-scale')).toBe('log');

    const linearRequest = page.waitForRequest((request) => request.url().includes('scale=linear'));
    await page.getByLabel('Log seconds (x)', { exact: true }).uncheck();
    await linearRequest;
    await until(async () => expect(await chart.getAttribute('data-x-scale')).toBe('linear'));
    await page.getByLabel('Log loss (y)', { exact: true }).uncheck();
    await until(async () => expect(await chart.getAttribute('data-y-scale')).toBe('linear'));
    expect(await pointsOnChart()).toBe(40);
    await screenshot('04-linear-axes');
    await page.getByLabel('Log loss (y)', { exact: true }).check();
    await until(async () => expect(await chart.getAttribute('data-y-scale')).toBe('log'));
  });

  it('draws a long curve sampled, with the min–max band of each bucket', async () => {
    const created = await stack.as(Role.Operator).post('/simulation', {
      name: 'Long and noisy',
      machine_id: 101,
      emulation: { points: 20_000, tick_ms: 0, noise: 0.3, seed: 11, span_seconds: 20_000 },
    });
    expect(created.status).toBe(201);
    const id: number = created.body.id;
    await stack.waitForStatus(id, 'finished', 30_000);
    await signInWithToken(stack.token(Role.Viewer));
    await page.goto(`${baseUrl}/#/simulations/${id}`);
    const caption = page.locator('figcaption');
    await caption.filter({ hasText: 'of 20,000 points, sampled into 800 log buckets' }).waitFor();
    await expect(caption.innerText()).resolves.toContain(
      'the band spans each bucket’s lowest and highest loss',
    );
    // The chart is rebuilt with its band after the render that wrote the caption.
    await until(async () =>
      expect(await page.locator('.chart').getAttribute('data-band')).toBe('true'),
    );
    expect(await pointsOnChart()).toBeLessThanOrEqual(802);
    await screenshot('05-downsampled-band');
  });

  it('shows any metric of a run from the metric picker, sampled by its own endpoint', async () => {
    const { simulation_id: id } = await seedSimulation(stack.db, {
      machine_id: 101,
      name: 'Two metrics',
      status: SimulationStatus.Running,
      attempt: 1,
    });
    const repository = stack.api.get(ConvergencePointRepository);
    await seedCurve(stack.db, repository, id, [
      { seconds: 1, loss: 0.9 },
      { seconds: 2, loss: 0.5 },
    ]);
    const accuracy = Array.from({ length: 30 }, (_, k) => ({
      seconds: k + 1,
      loss: 0.5 + k / 100,
      step: (k + 1) * 10,
    }));
    await seedCurve(stack.db, repository, id, accuracy, 30, { id: 1, name: 'val_acc' });
    await stack.db.query(
      `UPDATE simulations SET status = 'finished', finished_at = now() WHERE simulation_id = $1`,
      [id],
    );
    await signInWithToken(stack.token(Role.Viewer));
    await page.goto(`${baseUrl}/#/simulations/${id}`);
    await until(async () => expect(await pointsOnChart()).toBe(2));
    const picker = page.getByLabel('Metric', { exact: true });
    await until(async () =>
      expect(await picker.locator('option').allInnerTexts()).toEqual(['loss', 'val_acc']),
    );
    const metricRequest = page.waitForRequest((request) =>
      request.url().includes(`/simulation/${id}/metrics/val_acc?`),
    );
    await picker.selectOption('val_acc');
    await metricRequest;
    await until(async () => expect(await pointsOnChart()).toBe(30));
    await expect(page.locator('figcaption').innerText()).resolves.toContain(
      'last: val_acc 0.79 at 30 s',
    );
    await expect(page.getByLabel('Log val_acc (y)', { exact: true }).count()).resolves.toBe(1);
    await screenshot('05b-metric-picker');
  });

  it('shows an external run as it reported itself, any of its metrics live: its program, exit code and metrics', async () => {
    const created = await stack
      .as(Role.Operator)
      .post('/simulation', { name: 'From a laptop', machine_id: 101, program: 'external' });
    expect(created.status).toBe(201);
    const { id, run_token: token } = created.body as { id: number; run_token: string };
    const run = (path: string, body?: object) =>
      stack.http
        .post(`/simulation/${id}/${path}`)
        .set('Authorization', `Bearer ${token}`)
        .send(body);
    expect((await run('start')).status).toBe(200);
    const points = Array.from({ length: 12 }, (_, k) => [
      { metric: 'loss', value: 1 / (k + 1), seconds: k + 1, step: k },
      { metric: 'val_acc', value: k / 12, seconds: k + 1, step: k },
    ]).flat();
    expect((await run('metrics', { sequence: 1, points: points.slice(0, 12) })).status).toBe(200);
    await signInWithToken(stack.token(Role.Viewer));
    await page.goto(`${baseUrl}/#/simulations/${id}`);
    await page.getByRole('heading', { name: 'From a laptop' }).waitFor();
    await until(async () => expect(await pointsOnChart()).toBe(6));
    // Another metric of a running run follows its own stream.
    const metricStream = page.waitForRequest((request) =>
      request.url().endsWith(`/simulation/${id}/metrics/val_acc/stream`),
    );
    await page.getByLabel('Metric', { exact: true }).selectOption('val_acc');
    await metricStream;
    await until(async () => expect(await pointsOnChart()).toBe(6));
    await page.getByRole('status').filter({ hasText: 'live' }).waitFor();
    expect((await run('metrics', { sequence: 2, points: points.slice(12) })).status).toBe(200);
    await until(async () => expect(await pointsOnChart()).toBe(12));
    expect((await run('end', { status: 'finished', exit_code: 0 })).status).toBe(200);
    await until(async () =>
      expect(await page.locator('figcaption').innerText()).toContain(
        'last: val_acc 0.9167 at 12 s',
      ),
    );
    // The stream's `end` has the page read the run again.
    await until(async () =>
      expect(await page.locator('dl.fields').first().innerText()).toMatch(
        /Program\s+external \(reports from anywhere\)\s+Exit code\s+0/,
      ),
    );
    await expect(page.getByRole('heading', { name: 'Emulation' }).count()).resolves.toBe(0);
    await screenshot('05c-external-run');
  });

  it('zooms by dragging or by the window form, re-querying the API for that window', async () => {
    await signInWithToken(stack.token(Role.Viewer));
    await page.goto(`${baseUrl}/#/simulations/1`);
    await until(async () => expect(await pointsOnChart()).toBe(40));

    // The keyboard way: seconds 20–60 hold points 8..24 of 40 (point i is at 2.5·i s).
    const windowRequest = page.waitForRequest(
      (request) => request.url().includes('from=20') && request.url().includes('to=60'),
    );
    await page.getByLabel('From (s)', { exact: true }).fill('20');
    await page.getByLabel('To (s)', { exact: true }).fill('60');
    await page.getByLabel('To (s)', { exact: true }).press('Enter');
    await windowRequest;
    const inWindow = await storedPoints(1, 'seconds >= 20 AND seconds <= 60');
    expect(inWindow).toBe(17);
    await until(async () => expect(await pointsOnChart()).toBe(inWindow));
    await expect(page.locator('figcaption').innerText()).resolves.toContain('window 20–60 s');

    // The mouse way: a drag across the plot asks for the dragged seconds.
    await page.getByRole('button', { name: 'Reset zoom' }).click();
    await until(async () => expect(await pointsOnChart()).toBe(40));
    const over = await page.locator('.chart .u-over').boundingBox();
    const dragRequest = page.waitForRequest((request) =>
      /[?&]from=[\d.]+&to=[\d.]+/.test(request.url()),
    );
    await page.mouse.move(over!.x + over!.width * 0.3, over!.y + over!.height / 2);
    await page.mouse.down();
    await page.mouse.move(over!.x + over!.width * 0.7, over!.y + over!.height / 2, { steps: 8 });
    await page.mouse.up();
    const dragged = new URL((await dragRequest).url());
    const from = Number(dragged.searchParams.get('from'));
    const to = Number(dragged.searchParams.get('to'));
    expect(from).toBeGreaterThan(2.5);
    expect(to).toBeLessThan(100);
    expect(to).toBeGreaterThan(from);
    const draggedPoints = await storedPoints(1, `seconds >= ${from} AND seconds <= ${to}`);
    await until(async () => expect(await pointsOnChart()).toBe(draggedPoints));
    await screenshot('06-zoomed');
  });

  it('cancels a running simulation from the list', async () => {
    await signInWithToken(stack.token(Role.Operator, 600, 'dashboard-e2e'));
    const created = await stack.as(Role.Operator, 'dashboard-e2e').post('/simulation', {
      name: 'Slow one',
      machine_id: 101,
      emulation: { points: 100, tick_ms: 1000 },
    });
    expect(created.status).toBe(201);
    const id: number = created.body.id;
    await stack.waitForStatus(id, 'running');

    await page.goto(`${baseUrl}/#/simulations?status=running`);
    const row = page.getByRole('row', { name: /Slow one/ });
    await row.getByText('running').waitFor();
    await row.getByRole('button', { name: `Cancel simulation ${id} (Slow one)` }).click();
    // The filter is on "running": the cancelled run leaves the list.
    await page.getByText('No simulation matches these filters.').waitFor();
    expect((await stack.simulation(id)).status).toBe('cancelled');
    await page.goto(`${baseUrl}/#/simulations`);
    await page
      .getByRole('row', { name: /Slow one/ })
      .getByText('cancelled')
      .waitFor();
    // Retry runs it again as attempt 2, from the same list.
    await page.getByRole('button', { name: `Retry simulation ${id} (Slow one)` }).click();
    await until(async () => expect((await stack.simulation(id)).attempt).toBe(2));
    await page
      .getByRole('row', { name: /Slow one/ })
      .getByText(/^(pending|running)$/)
      .waitFor();
    await stack.as(Role.Operator, 'dashboard-e2e').post(`/simulation/${id}/cancel`).expect(200);
    await screenshot('07-list-after-cancel');
  });

  it('shows a viewer no buttons it may not use', async () => {
    await signInWithToken(stack.token(Role.Viewer));
    await page.getByRole('row', { name: /Live one/ }).waitFor();
    expect(await page.getByText('New simulation').count()).toBe(0);
    expect(await page.getByRole('button', { name: /^(Cancel|Retry) simulation/ }).count()).toBe(0);
    await page.getByRole('link', { name: 'Machines' }).click();
    await page.getByRole('row', { name: /Machine A/ }).waitFor();
    expect(await page.getByRole('button', { name: /Drain machine/ }).count()).toBe(0);
  });

  it('shows machines with status, load and last seen, and lets an admin drain one', async () => {
    await signInWithToken(stack.token(Role.Admin));
    await page.getByRole('link', { name: 'Machines' }).click();
    const row = page.getByRole('row', { name: /Machine A/ });
    await row.getByText('online').waitFor();
    await expect(row.innerText()).resolves.toMatch(/s ago/);
    await row.getByRole('button', { name: 'Drain machine 101' }).click();
    await row.getByText('draining').waitFor();
    await screenshot('08-machines-draining');
    await row.getByRole('button', { name: 'Undrain machine 101' }).click();
    await row.getByText('online').waitFor();
  });

  it("shows what a machine runs, and a program run's output beside its curve, live then whole", async () => {
    const MACHINE = 811;
    const home = mkdtempSync(path.join(tmpdir(), 'aisim-dashboard-programs-'));
    chmodSync(home, 0o755);
    const out = path.join(home, 'out');
    mkdirSync(out, { mode: 0o777 });
    chmodSync(out, 0o777);
    const script = path.join(home, 'chatty.sh');
    writeFileSync(
      script,
      [
        'echo "starting with lr=$AISIM_PARAM_LR"',
        'echo "a warning" >&2',
        `echo '{"aisim_metrics":{"loss":0.5},"step":1}'`,
        'while [ ! -e "$OUT/release-$AISIM_RUN_ID" ]; do sleep 0.05; done',
        'echo "done"',
      ].join('\n'),
      { mode: 0o644 },
    );
    const programs = path.join(home, 'programs.yaml');
    writeFileSync(
      programs,
      [
        'programs:',
        '  chatty:',
        '    description: talks, then waits to be let go',
        `    command: [/bin/sh, ${script}]`,
        '    params: {lr: {type: number, min: 0, max: 1, default: 0.1}}',
        `    env: {OUT: ${out}}`,
        '  trains-on-gpus:',
        '    command: [/bin/true]',
        '    gpus: 2',
      ].join('\n'),
    );
    try {
      await stack.startWorker({
        env: {
          MACHINE_ID: String(MACHINE),
          PROGRAMS_FILE: programs,
          GPUS: '0,1',
          RUNS_DIR: path.join(home, 'runs'),
        },
      });
      await signInWithToken(stack.token(Role.Viewer));
      await page.getByRole('link', { name: 'Machines' }).click();
      const row = page.getByRole('row', { name: new RegExp(`Machine ${MACHINE}`) });
      await row.getByText('online').waitFor();
      await expect(row.innerText()).resolves.toMatch(
        /emulate\s+chatty\s+trains-on-gpus\s+2 GPU\s+0 in use, 2 free of 2/,
      );
      await expect(row.getByText('chatty').locator('..').getAttribute('title')).resolves.toBe(
        'talks, then waits to be let go · params: lr: number (≥ 0, ≤ 1, default 0.1)',
      );

      const created = await stack.as(Role.Operator).post('/simulation', {
        name: 'A chatty program',
        machine_id: MACHINE,
        program: 'chatty',
        params: { lr: 0.5 },
      });
      expect(created.status).toBe(201);
      const id = created.body.id as number;
      await page.goto(`${baseUrl}/#/simulations/${id}`);
      await page.getByRole('heading', { name: 'A chatty program' }).waitFor();
      const output = page.getByRole('log', { name: 'Program output' });
      await until(async () =>
        expect(await output.innerText()).toBe('starting with lr=0.5\na warning'),
      );
      await expect(output.locator('.stderr').innerText()).resolves.toBe('a warning');
      await page.getByRole('status').filter({ hasText: 'live' }).first().waitFor();
      // The metric record went to the curve, not to the output.
      await until(async () => expect(await pointsOnChart()).toBe(1));
      await screenshot('05d-program-running');

      writeFileSync(path.join(out, `release-${id}`), '');
      await until(async () =>
        expect(await page.locator('dl.fields').first().innerText()).toMatch(
          new RegExp(`Program\\s+chatty \\(on machine ${MACHINE}\\)\\s+Exit code\\s+0`),
        ),
      );
      // Ended: read whole from the API, no longer followed.
      await until(async () =>
        expect(await output.innerText()).toBe('starting with lr=0.5\na warning\ndone'),
      );
      await expect(page.getByRole('heading', { name: 'Output (attempt 1)' }).count()).resolves.toBe(
        1,
      );
      await expect(page.getByRole('heading', { name: 'Emulation' }).count()).resolves.toBe(0);
      await screenshot('05e-program-finished');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('signs out with a reason when the token expires, also if a refresh is refused for it', async () => {
    // Long enough for the list to refresh at least once before it expires, even when slow.
    const token = stack.token(Role.Viewer, 8);
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    // The list's refreshes reach the API only once the token has expired: their 401s come
    // after the page's own timer, and must not change what the page says.
    const refusals: Promise<unknown>[] = [];
    let listRequests = 0;
    await page.route(
      (url) => url.pathname === '/simulations',
      async (route) => {
        if (++listRequests === 1) return route.continue();
        refusals.push(page.waitForEvent('requestfinished', (sent) => sent === route.request()));
        const untilExpired = exp * 1000 - Date.now() + 300;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, untilExpired)));
        await route.continue();
      },
    );
    await signInWithToken(token);
    const notice = page.getByRole('status');
    await notice.filter({ hasText: 'Your session expired. Sign in again.' }).waitFor({
      timeout: 10_000,
    });
    expect(refusals.length).toBeGreaterThan(0);
    await Promise.all(refusals);
    // The page reads a refusal's body and renders what it makes of it within the next frames.
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    expect(await notice.innerText()).toBe('Your session expired. Sign in again.');
    await page.getByRole('button', { name: 'Use this token' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await screenshot('09-session-expired');
  });

  it('signs out when the API stops accepting the token (client disabled)', async () => {
    const client = (
      await stack.as(Role.Admin).post('/auth/clients', { name: 'soon disabled', role: 'viewer' })
    ).body;
    await page.goto(`${baseUrl}/`);
    await page.getByLabel('Client id', { exact: true }).fill(client.client_id);
    await page.getByLabel('Client secret', { exact: true }).fill(client.client_secret);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Simulations', level: 1 }).waitFor();
    await stack.as(Role.Admin).post(`/auth/clients/${client.client_id}/disable`).expect(200);
    await page
      .getByRole('status')
      .filter({ hasText: 'the API no longer accepts your token' })
      .waitFor({ timeout: 10_000 });
  });

  it('says so while the API is down, and recovers when it is back', async () => {
    // A second API process of the same stack, stopped while the page is open.
    const second = await stack.createApi({});
    await second.listen(0, '127.0.0.1');
    const { port } = second.getHttpServer().address() as { port: number };
    const secondUrl = `http://127.0.0.1:${port}`;
    await page.goto(`${secondUrl}/`);
    await page.getByLabel('Token', { exact: true }).fill(stack.token(Role.Viewer));
    await page.getByRole('button', { name: 'Use this token' }).click();
    await page.getByRole('row', { name: /Live one/ }).waitFor();
    // Done by the page's next refresh at the latest, even if one was being answered
    // as it closed: that connection's next answer says Connection: close.
    await second.close();
    const down = page.getByRole('alert').filter({ hasText: 'The API is not answering' });
    await down.waitFor();
    // The last good rows stay on screen meanwhile.
    expect(await page.getByRole('row', { name: /Live one/ }).count()).toBe(1);
    await screenshot('10-api-down');

    // Back on the same address: the next refresh clears the message, no reload needed.
    const restarted = await stack.createApi({});
    await restarted.listen(port, '127.0.0.1');
    try {
      await down.waitFor({ state: 'detached' });
      expect(await page.getByRole('row', { name: /Live one/ }).count()).toBe(1);
    } finally {
      await restarted.close();
    }
  });

  it.each([
    ['desktop', 1280, 800],
    ['phone', 390, 844],
  ])('fits a %s screen (%i×%i) without sideways scrolling', async (name, width, height) => {
    await page.setViewportSize({ width, height });
    await signInWithToken(stack.token(Role.Operator, 600, 'dashboard-e2e'));
    await page.getByRole('row', { name: /Live one/ }).waitFor();
    await screenshot(`11-simulations-${name}`);
    expect(await widerThanScreen()).toEqual([]);
    await page.goto(`${baseUrl}/#/simulations/1`);
    await until(async () => expect(await pointsOnChart()).toBe(40));
    await screenshot(`12-simulation-${name}`);
    // The README's picture: `npm run docs:screenshot` takes it anew, never a hand.
    if (name === 'desktop' && process.env.DOCS_SCREENSHOT === '1')
      await page.screenshot({
        path: path.resolve(__dirname, '../../../docs/images/dashboard.png'),
        fullPage: true,
      });
    expect(await widerThanScreen()).toEqual([]);
  });

  it('lists newest first and pages by cursor', async () => {
    await stack.db.query(
      `INSERT INTO simulations (name, machine_id, status, creation_date)
       SELECT 'Paged ' || lpad(i::text, 2, '0'), 101, 'finished', now() + i * interval '1 minute'
       FROM generate_series(1, 40) AS i`,
    );
    const total = (await stack.db.query(`SELECT count(*)::int AS n FROM simulations`))[0].n;
    await signInWithToken(stack.token(Role.Viewer));
    // Columns: the compare box, the id, then the name.
    const firstName = () => page.locator('tbody tr').first().locator('td').nth(2).innerText();
    await until(async () => expect(await firstName()).toBe('Paged 40'));
    const pager = page.getByRole('navigation', { name: 'Pages' });
    await pager.getByText(`1–25 of ${total}`).waitFor();
    expect(await pager.getByRole('button', { name: 'First' }).isDisabled()).toBe(true);

    await pager.getByRole('button', { name: 'Next' }).click();
    await until(async () => expect(await firstName()).toBe('Paged 15'));
    await pager.getByText(`26–${Math.min(50, total)} of ${total}`).waitFor();
    expect(page.url()).toContain('cursor=');
    await screenshot('10-list-second-page');

    await pager.getByRole('button', { name: 'First' }).click();
    await until(async () => expect(await firstName()).toBe('Paged 40'));
    await page.getByLabel('Order').selectOption('asc');
    await until(async () => expect(await firstName()).not.toMatch(/^Paged/));
    expect(page.url()).toContain('order=asc');
  });

  it('searches with the filter language, shows params and metrics as columns, and says where a filter is wrong', async () => {
    const operatorApi = stack.as(Role.Operator);
    const created = await operatorApi
      .post('/simulations/batch', {
        simulations: [0.3, 0.03, 0.003].map((lr) => ({
          name: `Searched lr=${lr}`,
          machine: { machine_id: 101, name: 'Machine A' },
          params: { lr, optimizer: 'adam' },
          tags: { sweep: 'browser' },
        })),
      })
      .expect(201);
    const ids: number[] = created.body.simulations.map((s: { id: number }) => s.id);
    await signInWithToken(stack.token(Role.Viewer));
    const search = page.getByRole('form', { name: 'Search' });
    await search.getByLabel('Filter').fill("tags.sweep = 'browser' AND params.lr < 0.1");
    await search.getByLabel('Columns').fill('params.lr, params.optimizer');
    // What is typed survives the list's refresh (every 2 s) until it is applied.
    await page.waitForTimeout(2_500);
    expect(await search.getByLabel('Filter').inputValue()).toBe(
      "tags.sweep = 'browser' AND params.lr < 0.1",
    );
    await search.getByRole('button', { name: 'Apply' }).click();
    const names = () => page.locator('tbody tr td:nth-child(3)').allInnerTexts();
    await until(async () =>
      expect((await names()).sort()).toEqual(['Searched lr=0.003', 'Searched lr=0.03']),
    );
    expect(page.url()).toContain('filter=');
    await page.getByRole('columnheader', { name: 'params.lr' }).waitFor();
    const row = page.locator('tbody tr', { hasText: 'Searched lr=0.03' }).first();
    await until(async () => expect(await row.innerText()).toContain('adam'));
    expect(await row.innerText()).toContain('0.03000');

    // Sorting by a column asks the API for that order.
    await page.getByRole('columnheader', { name: 'params.lr' }).getByRole('button').click();
    await until(async () =>
      expect(await names()).toEqual(['Searched lr=0.03', 'Searched lr=0.003']),
    );
    expect(page.url()).toContain('order_by=params.lr');
    await screenshot('11-list-searched');

    await search.getByLabel('Filter').fill('params.lr <');
    await search.getByRole('button', { name: 'Apply' }).click();
    await page.getByText(/filter: at character 12: expected a value/).waitFor();
    expect(ids).toHaveLength(3);
  });

  it('compares runs chosen in the list: differing params, summaries and the curves overlaid', async () => {
    const created = await stack
      .as(Role.Operator)
      .post('/simulations/batch', {
        simulations: [0.1, 0.01, 0.001].map((lr) => ({
          name: `Compared lr=${lr}`,
          machine: { machine_id: 101, name: 'Machine A' },
          program: 'external',
          params: { lr, optimizer: 'sgd' },
        })),
      })
      .expect(201);
    const runs = created.body.simulations as Array<{ id: number; run_token: string }>;
    // Two report val_loss; the third never does.
    for (const [index, run] of runs.slice(0, 2).entries()) {
      const report = (path: string, body?: object) =>
        stack.http
          .post(`/simulation/${run.id}/${path}`)
          .set('Authorization', `Bearer ${run.run_token}`)
          .send(body)
          .expect(200);
      await report('start');
      await report('metrics', {
        sequence: 1,
        points: Array.from({ length: 20 }, (_, k) => ({
          metric: 'val_loss',
          value: (index + 1) / (k + 1),
          seconds: k + 1,
          step: k * 100,
        })),
      });
    }
    await signInWithToken(stack.token(Role.Viewer));
    // Earlier tests leave many runs: find these three first.
    await page.goto(`${baseUrl}/${simulationsHref({ filter: "name LIKE 'Compared lr=%'" })}`);
    for (const run of runs) {
      await page.getByRole('checkbox', { name: new RegExp(`\\(${run.id}\\)$`) }).check();
    }
    await page.getByRole('link', { name: 'Compare 3 runs' }).click();
    await page.getByRole('heading', { name: 'Compare 3 runs' }).waitFor();
    expect(page.url()).toContain(`#/compare?ids=${runs.map((run) => run.id).join('%2C')}`);

    await page.getByLabel('Metric', { exact: true }).selectOption('val_loss');
    await page.getByText(`Not shown: ${runs[2].id} (no val_loss).`).waitFor();
    await until(async () =>
      expect(await page.locator('.chart.overlay').getAttribute('data-series')).toBe('3'),
    );
    expect(await page.locator('.chart.overlay').getAttribute('data-x-scale')).toBe('log');
    // Only lr differs: it is a column; the optimizer is said once.
    await page.getByRole('columnheader', { name: 'params.lr' }).waitFor();
    await expect(
      page.getByRole('columnheader', { name: 'params.optimizer' }).count(),
    ).resolves.toBe(0);
    await page.getByText('The same in every run: optimizer = sgd.').waitFor();
    const row = (id: number) =>
      page.getByRole('table', { name: /compared runs/ }).locator('tbody tr', {
        hasText: `${id} · Compared`,
      });
    // val_loss of the second run: 2/(k+1), lowest at the last point, step 1,900.
    await until(async () =>
      expect(await row(runs[1].id).innerText()).toMatch(
        /running\s+0\.01\s+0\.1\s+0\.1\s+1900\s+2$/,
      ),
    );
    expect(await row(runs[2].id).innerText()).toContain('—');
    expect(await widerThanScreen()).toEqual([]);
    await screenshot('12-compare');
  });

  it('shows a run the curl walkthrough reported: its params, tags, metrics and each curve', async () => {
    const script = runExternalRunScript({
      API: baseUrl,
      TOKEN: stack.token(Role.Operator),
      NAME: 'From curl',
      STEPS: '2000',
    });
    const id = await script.id;
    await script.exited;
    await signInWithToken(stack.token(Role.Viewer));
    await page.goto(`${baseUrl}/#/simulations/${id}`);
    await page.getByRole('heading', { name: 'From curl' }).waitFor();
    await until(async () =>
      expect(await page.locator('main').innerText()).toMatch(/optimizer\s+adam/),
    );
    expect(await page.locator('main').innerText()).toMatch(/reviewed\s+tag\s+yes/);
    const picker = page.getByLabel('Metric', { exact: true });
    await until(async () =>
      expect(await picker.locator('option').allInnerTexts()).toEqual([
        'loss',
        'val_acc',
        'val_loss',
      ]),
    );
    // 2,000 points each: sampled for the chart into 800 log buckets.
    for (const metric of ['loss', 'val_acc']) {
      await picker.selectOption(metric);
      await page
        .locator('figcaption')
        .filter({ hasText: 'of 2,000 points, sampled into 800 log buckets' })
        .filter({ hasText: `last: ${metric}` })
        .waitFor();
    }
    await screenshot('05d-curl-run');
  });

  // Last: the runs it makes in other projects are not in `default`, which earlier tests count.
  it('works inside a project: a switcher, the project in every link, its machines and its runs only', async () => {
    const admin = stack.as(Role.Admin);
    await stack.db.query(
      `INSERT INTO machines (machine_id, name) VALUES (101, 'Machine A') ON CONFLICT DO NOTHING`,
    );
    expect((await admin.post('/projects', { name: 'vision', machine_ids: [101] })).status).toBe(
      201,
    );
    expect((await admin.post('/projects', { name: 'nlp' })).status).toBe(201);
    const runIn = async (project: string, name: string): Promise<number> =>
      (
        await stack.db.query(
          `INSERT INTO simulations (name, machine_id, status, project_id)
           SELECT $2, 101, 'finished', project_id FROM projects WHERE name = $1
           RETURNING simulation_id`,
          [project, name],
        )
      )[0].simulation_id;
    const visionRun = await runIn('vision', 'Vision run');
    await runIn('nlp', 'Text run');
    await runIn('default', 'Unseen run');
    await signInWithToken(
      stack.token(Role.Operator, 600, 'team-lead', { vision: Role.Operator, nlp: Role.Viewer }),
    );

    // Both of its projects' runs, each with its project; nothing of a project it does not see.
    await page
      .getByRole('row', { name: /Vision run/ })
      .getByRole('link', { name: 'vision', exact: true })
      .waitFor();
    await page
      .getByRole('row', { name: /Text run/ })
      .getByRole('link', { name: 'nlp', exact: true })
      .waitFor();
    expect(await page.getByRole('row', { name: /Unseen run/ }).count()).toBe(0);

    await page.getByLabel('Project').selectOption('vision');
    await until(async () => expect(page.url()).toContain('project=vision'));
    await until(async () =>
      expect(await page.getByRole('row', { name: /Text run/ }).count()).toBe(0),
    );
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Machines' }).getAttribute('href')).toBe(
      '#/machines?project=vision',
    );
    await screenshot('16-project-list');

    await page.getByRole('link', { name: 'Vision run', exact: true }).click();
    await page.getByRole('heading', { name: /Vision run/, level: 1 }).waitFor();
    expect(page.url()).toContain(`#/simulations/${visionRun}?project=vision`);
    expect(await page.getByRole('link', { name: '← All simulations' }).getAttribute('href')).toBe(
      '#/simulations?project=vision',
    );

    await nav.getByRole('link', { name: 'Machines' }).click();
    await page.getByText('the machines it may use').waitFor();
    // vision may use machine 101 alone.
    await until(async () => expect(await page.locator('tbody tr').count()).toBe(1));
    await page.getByRole('row', { name: /Machine A/ }).waitFor();
    await screenshot('17-project-machines');
  });
});
