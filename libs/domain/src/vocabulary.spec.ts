import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MachineStatus } from './machine/machine.repository';
import { AttemptOutcome, SIMULATION_STATUSES } from './simulation/simulation-status';

const WORDS = [
  ...SIMULATION_STATUSES,
  ...Object.values(AttemptOutcome),
  ...Object.values(MachineStatus),
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

describe("the domain's SQL", () => {
  it('names no status or outcome by a literal: they come from the enums', () => {
    const found: string[] = [];
    for (const file of sourceFiles(__dirname)) {
      const text = readFileSync(file, 'utf8');
      for (const template of text.match(/`[^`]*`/g) ?? []) {
        for (const word of WORDS) {
          if (template.includes(`'${word}'`))
            found.push(`${path.relative(__dirname, file)}: '${word}'`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
