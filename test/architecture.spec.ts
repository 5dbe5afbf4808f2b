// The import rules of docs/architecture.md, checked on every file they cover.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
  '@app/auth',
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
  { dir: 'libs/auth/src', may: ['@app/config'] },
  { dir: 'libs/domain/src', may: [] },
  { dir: 'libs/queue/src', may: ['@app/config', '@app/domain', '@app/runtime'] },
  {
    dir: 'apps/api/src',
    may: ['@app/config', '@app/runtime', '@app/auth', '@app/domain', '@app/queue', 'apps/api'],
  },
  {
    dir: 'apps/worker/src',
    may: ['@app/config', '@app/runtime', '@app/auth', '@app/domain', '@app/queue', 'apps/worker'],
  },
  { dir: 'apps/dashboard/src', may: ['apps/dashboard'] },
  // Each app's specs drive the other app through test/e2e-stack.ts, never through its source.
  {
    dir: 'apps/api/test',
    may: [
      '@app/config',
      '@app/runtime',
      '@app/auth',
      '@app/domain',
      '@app/queue',
      'apps/api',
      'test/',
    ],
  },
  {
    dir: 'apps/worker/test',
    may: [
      '@app/config',
      '@app/runtime',
      '@app/auth',
      '@app/domain',
      '@app/queue',
      'apps/worker',
      'test/',
    ],
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

/** Where each library alias leads, as the compiler resolves it (tsconfig.json's paths). */
const ALIASES: Record<string, string[]> = JSON.parse(
  readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8'),
).compilerOptions.paths;

/** The file an import of ours names (from the repository's root), or undefined for a package. */
function importedFile(file: string, specifier: string): string | undefined {
  const base = ALIASES[specifier]
    ? path.join(ROOT, ALIASES[specifier][0])
    : specifier.startsWith('.')
      ? path.resolve(path.dirname(file), specifier)
      : undefined;
  if (base === undefined) return undefined;
  const found = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((candidate) =>
    existsSync(candidate),
  );
  return found && path.relative(ROOT, found);
}

/** Which files of ours each file under `dirs` imports, type-only imports included. */
function importGraph(dirs: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of dirs.flatMap((dir) => files(path.join(ROOT, dir)))) {
    const text = readFileSync(file, 'utf8');
    const imported = [...text.matchAll(/(?:from|import)\s*['"]([^'"]+)['"]/g)].flatMap(
      (match) => importedFile(file, match[1]) ?? [],
    );
    graph.set(path.relative(ROOT, file), imported);
  }
  return graph;
}

/**
 * The import cycles of a graph, each as the files along it. A cycle of values
 * leaves one module's exports undefined while the other loads; any cycle,
 * type-only too, says that two files hold one idea between them.
 */
function importCycles(graph: Map<string, string[]>): string[] {
  const found: string[] = [];
  const done = new Set<string>();
  const along: string[] = [];
  const visit = (file: string) => {
    along.push(file);
    for (const next of graph.get(file) ?? []) {
      const at = along.indexOf(next);
      if (at >= 0) found.push([...along.slice(at), next].join(' → '));
      else if (!done.has(next)) visit(next);
    }
    along.pop();
    done.add(file);
  };
  for (const file of graph.keys()) if (!done.has(file)) visit(file);
  return found;
}

describe('no import cycles', () => {
  it('among the libraries and the apps', () => {
    expect(importCycles(importGraph(['libs', 'apps']))).toEqual([]);
  });

  it('would notice one', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
    ]);
    expect(importCycles(graph)).toEqual(['a.ts → b.ts → c.ts → a.ts']);
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
