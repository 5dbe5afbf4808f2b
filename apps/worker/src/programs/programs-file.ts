import { DeclarationProblem, ProgramDeclaration, readProgramDeclarations } from '@app/domain';
import { readFileSync } from 'node:fs';
import { isCollection, LineCounter, parseDocument, type Document } from 'yaml';

/** A programs file the worker refuses to start with: every problem, each at its line. */
export class ProgramsFileError extends Error {
  constructor(
    file: string,
    readonly problems: string[],
  ) {
    super(`PROGRAMS_FILE ${file} has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    this.name = 'ProgramsFileError';
  }
}

/**
 * Reads the operator's programs file (YAML, or JSON, which YAML reads too)
 * and checks it whole. Every problem comes back as `file:line:column: path:
 * message`, so the worker refuses to start with all of them at once.
 */
export function loadProgramsFile(file: string): ProgramDeclaration[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ProgramsFileError(file, [`${file}: ${(error as Error).message}`]);
  }
  return parsePrograms(text, file);
}

export function parsePrograms(text: string, file: string): ProgramDeclaration[] {
  const lines = new LineCounter();
  const document = parseDocument(text, {
    lineCounter: lines,
    uniqueKeys: true,
    prettyErrors: false,
  });
  const syntax = document.errors.map((error) => {
    const { line, col } = lines.linePos(error.pos[0]);
    return `${file}:${line}:${col}: ${error.message.split('\n')[0]}`;
  });
  if (syntax.length) throw new ProgramsFileError(file, syntax);
  const { programs, problems } = readProgramDeclarations(document.toJS());
  if (problems.length)
    throw new ProgramsFileError(
      file,
      problems.map((problem) => located(problem, document, lines, file)),
    );
  return programs;
}

/** A problem at the line of the deepest node of its path the document has. */
function located(
  problem: DeclarationProblem,
  document: Document,
  lines: LineCounter,
  file: string,
): string {
  let path = problem.path;
  let node = document.getIn(path, true) as { range?: [number, number, number] } | undefined;
  while (!node?.range && path.length > 0) {
    path = path.slice(0, -1);
    node = (path.length ? document.getIn(path, true) : document.contents) as typeof node;
  }
  // A key's own line reads better than its value's for a mapping that goes on below it.
  const position = keyPosition(document, problem.path) ?? node?.range?.[0] ?? 0;
  const { line, col } = lines.linePos(position);
  const where = problem.path.length ? `${problem.path.join('.')}: ` : '';
  return `${file}:${line}:${col}: ${where}${problem.message}`;
}

function keyPosition(document: Document, path: Array<string | number>): number | undefined {
  if (path.length === 0) return undefined;
  const parent = path.length === 1 ? document.contents : document.getIn(path.slice(0, -1), true);
  if (!isCollection(parent)) return undefined;
  const last = path[path.length - 1];
  for (const item of parent.items as Array<{ key?: { value?: unknown; range?: number[] } }>) {
    if (item?.key?.value === last && item.key.range) return item.key.range[0];
  }
  return undefined;
}
