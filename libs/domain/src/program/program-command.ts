import { DomainError, summarizeProblems } from '../errors/domain-error';
import { paramValueProblem, ProgramDeclaration, ProgramParamValue } from './program-declaration';

/**
 * The `{name}` placeholders in a command argument or variable, in order;
 * `{{` and `}}` stand for literal braces. A brace that opens nothing or is
 * never closed is an error naming where.
 */
export function placeholdersIn(text: string): string[] {
  return parseTemplate(text)
    .filter((part): part is { param: string } => typeof part !== 'string')
    .map((part) => part.param);
}

/** `text` with each placeholder replaced by its param's value, as one string: never split, never a shell's. */
export function fillTemplate(text: string, values: Record<string, ProgramParamValue>): string {
  return parseTemplate(text)
    .map((part) => (typeof part === 'string' ? part : paramText(values[part.param])))
    .join('');
}

/** How a param's value reads as an argument or variable: numbers as JavaScript prints them (0.001, 1e-7). */
export function paramText(value: ProgramParamValue): string {
  return String(value);
}

type TemplatePart = string | { param: string };

function parseTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = '';
  for (let i = 0; i < text.length; i++) {
    const character = text[i];
    if ((character === '{' || character === '}') && text[i + 1] === character) {
      literal += character;
      i++;
    } else if (character === '{') {
      const end = text.indexOf('}', i);
      if (end < 0)
        throw new Error(`"{" at character ${i + 1} is never closed (write {{ for a brace)`);
      parts.push(literal, { param: text.slice(i + 1, end) });
      literal = '';
      i = end;
    } else if (character === '}') {
      throw new Error(`"}" at character ${i + 1} closes nothing (write }} for a brace)`);
    } else literal += character;
  }
  parts.push(literal);
  return parts.filter((part) => part !== '');
}

/**
 * A run's params checked against its program's: each given one declared and
 * within its bounds, each required one given. The answer holds every declared
 * param, defaults filled in. Problems are named, all of them, in one 400.
 */
export function resolveProgramParams(
  program: ProgramDeclaration,
  given: Record<string, unknown> = {},
): Record<string, ProgramParamValue> {
  const problems: string[] = [];
  const declared = Object.keys(program.params);
  for (const name of Object.keys(given))
    if (!(name in program.params))
      problems.push(
        `params.${name}: program "${program.name}" takes no such param (it takes: ${declared.join(', ') || 'none'})`,
      );
  const values: Record<string, ProgramParamValue> = {};
  for (const [name, param] of Object.entries(program.params)) {
    const value = given[name] ?? param.default;
    if (value === undefined) {
      problems.push(`params.${name}: program "${program.name}" needs it (${param.type})`);
      continue;
    }
    const problem = paramValueProblem(param, value);
    if (problem) problems.push(`params.${name} ${problem} for program "${program.name}"`);
    else values[name] = value as ProgramParamValue;
  }
  if (problems.length) throw DomainError.invalid(summarizeProblems(problems), problems);
  return values;
}

/** The argv a run of `program` executes, its params filled in (one argument each). */
export function commandFor(
  program: ProgramDeclaration,
  values: Record<string, ProgramParamValue>,
): string[] {
  return program.command.map((argument) => fillTemplate(argument, values));
}

/** The declared variables, filled in, then AISIM_PARAM_<NAME> for each param. */
export function declaredEnvFor(
  program: ProgramDeclaration,
  values: Record<string, ProgramParamValue>,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, template] of Object.entries(program.env))
    env[name] = fillTemplate(template, values);
  for (const [name, value] of Object.entries(values))
    env[`AISIM_PARAM_${name.toUpperCase()}`] = paramText(value);
  return env;
}
