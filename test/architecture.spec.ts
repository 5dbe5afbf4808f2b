// The import rules of docs/architecture.md, checked on every file they cover.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

interface Room {
  /** Folder, from the repository's root. */
  dir: string;
  /** What its files may import of ours besides their own room: aliases (@app/x) and folders. */
  may: string[];
}

/** Everything of ours a file can import: the library aliases and the apps' folders. */
const OURS = [
  '@app/config',
  '@app/runtime',
  '@app/domain',
  '@app/queue',
  'apps/api',
  'apps/worker',
  'apps/dashboard',
  'libs/',
];

const ROOMS: Room[] = [
  { dir: 'libs/config/src', may: [] },
  { dir: 'libs/runtime/src', may: ['@app/config'] },
  { dir: 'libs/domain/src', may: [] },
  { dir: 'libs/queue/src', may: ['@app/config', '@app/domain', '@app/runtime'] },
  {
    dir: 'apps/api/src',
    may: ['@app/config', '@app/runtime', '@app/domain', '@app/queue', 'apps/api'],
  },
  {
    dir: 'apps/worker/src',
    may: ['@app/config', '@app/runtime', '@app/domain', '@app/queue', 'apps/worker'],
  },
  { dir: 'apps/dashboard/src', may: ['apps/dashboard'] },
  // Worker specs drive the API through test/e2e-stack.ts, never through its source.
  {
    dir: 'apps/worker/test',
    may: ['@app/config', '@app/runtime', '@app/domain', '@app/queue', 'apps/worker', 'test/'],
  },
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** What a specifier names, from the repository's root: an alias as written, a relative path resolved. */
function target(file: string, specifier: string): string {
  if (!specifier.startsWith('.'))
    return specifier.replace(/^@app\/domain\/testing$/, '@app/domain');
  return path.relative(ROOT, path.resolve(path.dirname(file), specifier));
}

function breaches(room: Room): string[] {
  const found: string[] = [];
  for (const file of files(path.join(ROOT, room.dir))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)) {
      const named = target(file, match[1]);
      const ours = OURS.some((prefix) => named.startsWith(prefix)) || named.startsWith('test/');
      const allowed = [room.dir, ...room.may];
      if (ours && !allowed.some((prefix) => named.startsWith(prefix)))
        found.push(`${path.relative(ROOT, file)} imports ${match[1]}`);
    }
  }
  return found;
}

describe('the rooms import only what docs/architecture.md allows', () => {
  it.each(ROOMS.map((room) => [room.dir, room] as const))('%s', (_, room) => {
    expect(breaches(room)).toEqual([]);
  });

  it('would notice a breach', () => {
    const domainMayNot: Room = { dir: 'libs/queue/src', may: [] };
    expect(breaches(domainMayNot).length).toBeGreaterThan(0);
  });
});

/**
 * Errors are data: the API's code throws DomainError, and its exception
 * filter alone decides the status and body. A framework exception thrown
 * beside it is a second dialect (the rate limiter's 429 once was one).
 */
function frameworkExceptionsIn(dir: string, { specs = false } = {}): string[] {
  return files(path.join(ROOT, dir))
    .filter((file) => specs || !file.endsWith('.spec.ts'))
    .flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/new (\w*Exception)\(/g)].map(
        (match) => `${path.relative(ROOT, file)} throws ${match[1]}`,
      ),
    );
}

describe('one error dialect', () => {
  it('apps/api/src throws DomainError, never a framework exception', () => {
    expect(frameworkExceptionsIn('apps/api/src')).toEqual([]);
  });

  it("would notice one (the filter's spec throws them on purpose)", () => {
    expect(frameworkExceptionsIn('apps/api/src', { specs: true }).length).toBeGreaterThan(0);
  });
});
