// `npm run lint:api`: the OpenAPI document the API serves, linted with the
// public rulesets API gateways apply: Stoplight Spectral's `spectral:oas`
// with the OWASP API Security Top 10 (2023) ruleset (.spectral.yaml), and
// Redocly's `recommended` rules (redocly.yaml). Fails on any error; the rules
// switched off or narrowed are in those two files, each with its reason.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import * as path from 'node:path';
import { apiDocumentWithoutServices } from './lib/api-types';

const ROOT = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aisim-openapi-'));
  const document = path.join(dir, 'openapi.json');
  try {
    writeFileSync(document, JSON.stringify(await apiDocumentWithoutServices(), null, 2));
    const runs = [
      [
        'Spectral (spectral:oas + OWASP API Security Top 10 2023)',
        bin('spectral'),
        [
          'lint',
          document,
          '--ruleset',
          path.join(ROOT, '.spectral.yaml'),
          '--fail-severity',
          'error',
        ],
      ],
      [
        'Redocly (recommended)',
        bin('redocly'),
        ['lint', document, '--config', path.join(ROOT, 'redocly.yaml')],
      ],
    ] as const;
    let failed = false;
    for (const [title, command, args] of runs) {
      process.stdout.write(`\n== ${title}\n`);
      const run = spawnSync(command, [...args], {
        stdio: 'inherit',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      });
      if (run.status !== 0) failed = true;
    }
    if (failed) process.exit(1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  process.stderr.write(`lint:api: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
