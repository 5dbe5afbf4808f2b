import { readdirSync, readFileSync } from 'node:fs';

/**
 * The pids of the processes whose command line (arguments joined by spaces)
 * matches `pattern`, read from /proc: no pgrep needed, and a test that asks
 * cannot be fooled by a missing tool into seeing none.
 */
export function processesMatching(pattern: RegExp): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let commandLine: string;
    try {
      commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue; // it ended while we looked
    }
    const text = commandLine.split('\0').filter(Boolean).join(' ');
    if (text && pattern.test(text)) found.push(Number(entry));
  }
  return found;
}
