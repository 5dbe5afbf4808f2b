// Every dependency's install script is reviewed in package.json's
// allowScripts (npm 11.16+ lists the rest after each install, and npm 12
// will refuse to run them), so `npm ci` and `npm run up` print no warnings
// about them; Scarf's telemetry script is denied.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

describe('install scripts', () => {
  it('are all reviewed: npm lists none pending', () => {
    const listed = execFileSync('npm', ['install-scripts', 'ls'], { cwd: ROOT, encoding: 'utf8' });
    expect(listed.trim()).toBe('No packages with unreviewed install scripts.');
  });

  it("deny Scarf's telemetry, and switch it off where a script runs anyway", () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(manifest.allowScripts['@scarf/scarf']).toBe(false);
    expect(manifest.scarfSettings).toEqual({ enabled: false });
  });
});
