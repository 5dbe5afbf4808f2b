// The configuration's one source is the config classes: every variable they
// read has a doc comment (the generated table in docs/configuration.md says
// it) and a line in .env.example.
import { readFileSync } from 'node:fs';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const configuration = require('../scripts/docs/configuration');

const ROOT = path.resolve(__dirname, '..');

/** Read by the tooling around the apps, not by the apps: compose, the launcher's tests, the fault suite. */
const TOOLING_VARIABLES = ['POSTGRES_PASSWORD', 'API_PORT', 'PG_BIN', 'FAULTS_POOLER'];

describe('the configuration, said once', () => {
  const variables: Array<{ name: string; meaning: string }> =
    configuration.environmentVariables(ROOT);
  const example: string[] = configuration.exampleVariables(
    readFileSync(path.join(ROOT, '.env.example'), 'utf8'),
  );

  it('finds every variable the config classes declare, each with what it means', () => {
    const names = variables.map((variable) => variable.name);
    for (const known of [
      'NODE_ENV',
      'DATABASE_URL',
      'PORT',
      'JWT_SECRET',
      'LEASE_MS',
      'METRICS_HOST',
    ])
      expect(names).toContain(known);
    expect(new Set(names).size).toBe(names.length);
  });

  it('.env.example lists every variable the config classes read', () => {
    const missing = variables.map((v) => v.name).filter((name) => !example.includes(name));
    expect(missing).toEqual([]);
  });

  it('.env.example lists nothing the apps do not read, but the tooling around them', () => {
    const known = new Set([...variables.map((v) => v.name), ...TOOLING_VARIABLES]);
    expect(example.filter((name) => !known.has(name))).toEqual([]);
  });

  it('would notice a variable missing from .env.example', () => {
    const without = readFileSync(path.join(ROOT, '.env.example'), 'utf8').replace(
      /^LEASE_MS=.*$/m,
      '',
    );
    expect(configuration.exampleVariables(without)).not.toContain('LEASE_MS');
  });
});
