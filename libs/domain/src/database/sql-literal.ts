/**
 * An enum value written into a statement's text as a SQL string literal.
 * Statuses go into SQL this way rather than as parameters: the partial
 * indexes (those whose WHERE names a status) serve a statement only when the
 * planner can read the status in its text, and a prepared statement's
 * generic plan cannot read a parameter. Only plain enum words are accepted,
 * so nothing a client sent can ever reach SQL through here.
 */
export function sqlLiteral(value: string): string {
  if (!/^[a-z_]+$/.test(value))
    throw new Error(`not an enum value for SQL: ${JSON.stringify(value)}`);
  return `'${value}'`;
}

/** Several enum values as a parenthesised list, for `IN (…)`. */
export function sqlLiteralList(values: readonly string[]): string {
  return `(${values.map(sqlLiteral).join(', ')})`;
}
