// The Node the service runs and is tested on is named once, in .nvmrc; the
// image, `engines`, `npm test` and `npm run up` follow it (up hands over the
// same way; it starts the whole service, so it is not started here).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const major = read('.nvmrc').trim();
const majorOf = (version: string) => version.replace(/^v/, '').split('.')[0];

describe('the supported Node', () => {
  it('is one major, named in .nvmrc', () => {
    expect(major).toMatch(/^\d+$/);
  });

  it('is the one the suite runs on (npm test starts it, fetching it if the machine has another)', () => {
    expect(majorOf(process.versions.node)).toBe(major);
  });

  it('is the one the image is built on and `engines` asks for', () => {
    expect(read('docker/Dockerfile')).toMatch(new RegExp(`^ARG NODE_IMAGE=node:${major}-`, 'm'));
    expect(JSON.parse(read('package.json')).engines.node).toBe(`>=${major}`);
  });

  it('is what scripts/supported-node.js runs commands on, and where npm builds addons against', () => {
    const script = path.join(ROOT, 'scripts/supported-node.js');
    const [version, nodedir] = execFileSync(
      process.execPath,
      [script, '--', 'node', '-p', 'process.version + "\\n" + process.env.npm_config_nodedir'],
      { encoding: 'utf8' },
    )
      .trim()
      .split('\n');
    expect(majorOf(version)).toBe(major);
    expect(
      execFileSync(path.join(nodedir, 'bin', 'node'), ['--version'], { encoding: 'utf8' }).trim(),
    ).toBe(version);
  });
});
