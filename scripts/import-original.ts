// `npm run import:original -- --from <postgres-url>`: brings the original
// service's machines, simulations and curves into the database at
// DATABASE_URL (or the one `npm run up` runs). Safe to run again: what is
// already here is left alone, and an interrupted import picks up where it stopped.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { withLocalDefaults } from '@app/config';
import {
  ImportSummary,
  NotTheOriginalDatabaseError,
  OriginalImport,
  postgresOptions,
} from '@app/domain';

const USAGE =
  'usage: npm run import:original -- --from postgres://user@host:5432/original [--batch-size 1000]';

function progress(done: number, total: number): void {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  process.stderr.write(
    `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en')} / ${total.toLocaleString('en')} simulations`,
  );
}

function describe(summary: ImportSummary): string {
  const { machines, simulations, points } = summary;
  const imported =
    simulations.imported.finished + simulations.imported.pending + simulations.imported.failed;
  if (imported === 0 && machines.imported === 0 && machines.madeUp === 0) {
    return (
      `nothing to import: ${simulations.alreadyPresent.toLocaleString('en')} simulation(s) and ` +
      `${machines.alreadyPresent} machine(s) are already here` +
      (simulations.skipped ? `; ${simulations.skipped} skipped (ids out of range)` : '')
    );
  }
  return [
    `machines: ${machines.imported} imported, ${machines.alreadyPresent} already here, ` +
      `${machines.madeUp} made up for simulations naming an unknown machine, ${machines.skipped} skipped (ids out of range)`,
    `simulations: ${imported.toLocaleString('en')} imported (${simulations.imported.finished} finished, ` +
      `${simulations.imported.pending} pending of which ${simulations.runningRequeued} were running and run again, ` +
      `${simulations.imported.failed} with an unknown status, now failed), ` +
      `${simulations.alreadyPresent} already here, ${simulations.skipped} skipped (ids out of range), ` +
      `${simulations.namesFixed} names made usable (blank or over 255 characters)`,
    `curve points: ${points.imported.toLocaleString('en')} imported, ${points.duplicatesDropped} duplicates dropped ` +
      `(one per second value; the last wins), ${points.unusableDropped} unusable dropped (seconds not positive, or not finite)`,
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      'batch-size': { type: 'string', default: '1000' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void process.stderr.write(`${USAGE}\n`);
  if (!values.from || !/^postgres(ql)?:\/\/.+/.test(values.from)) {
    process.stderr.write(`import:original: --from <postgres-url> is required\n${USAGE}\n`);
    process.exit(2);
  }
  const batchSize = Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) {
    process.stderr.write('import:original: --batch-size must be an integer between 1 and 100000\n');
    process.exit(2);
  }
  const targetUrl = withLocalDefaults(process.env).DATABASE_URL as string;
  const source = new Client({
    connectionString: values.from,
    application_name: 'aisimulation-import',
  });
  const target = new DataSource(
    postgresOptions({ url: targetUrl, poolSize: 2, applicationName: 'aisimulation-import' }),
  );
  await source.connect();
  try {
    await target.initialize();
    if (await target.showMigrations()) {
      throw new Error(`the database at DATABASE_URL is not migrated: run npm run migrate first`);
    }
    const summary = await new OriginalImport(source, target.manager).run({
      batchSize,
      onProgress: progress,
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    process.stdout.write(`${describe(summary)}\n`);
  } finally {
    await source.end();
    if (target.isInitialized) await target.destroy();
  }
}

main().catch((error: unknown) => {
  const message =
    error instanceof NotTheOriginalDatabaseError
      ? error.message
      : `failed: ${(error as Error).message}`;
  process.stderr.write(`\nimport:original: ${message}\n`);
  process.exit(1);
});
