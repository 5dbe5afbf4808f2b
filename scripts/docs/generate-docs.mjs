#!/usr/bin/env node
// The generated parts of the docs, each from its one source: the configuration
// table from the apps' config classes (names, defaults, bounds and the doc
// comment of each variable), the performance table and plots from the last
// full bench run (bench/results/latest.json).
//
//   npm run docs           writes them
//   npm run docs -- --check  fails naming each part that is stale (CI runs it)
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import configuration from './configuration.js';
import { performancePlots, performanceTable } from './performance.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const requireCjs = createRequire(import.meta.url);

/** A region of a markdown file between `<!-- generated:NAME:start -->` and `…:end -->`. */
function withRegion(text, name, body, file) {
  const start = `<!-- generated:${name}:start -->`;
  const end = `<!-- generated:${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file} has no ${start} … ${end} region`);
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
}

async function formatted(text, file) {
  const prettier = requireCjs('prettier');
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...options, filepath: file });
}

/** Every generated file or region: [file, its text as it should be]. */
async function expectedParts() {
  const parts = [];
  const regions = [
    [
      'docs/configuration.md',
      'configuration',
      configuration.configurationTable(configuration.environmentVariables(root)),
    ],
    ['docs/performance.md', 'performance', performanceTable(latestResults())],
  ];
  for (const [file, name, body] of regions) {
    const full = path.join(root, file);
    const current = fs.readFileSync(full, 'utf8');
    parts.push([file, await formatted(withRegion(current, name, body, file), full)]);
  }
  for (const [file, svg] of await performancePlots(latestResults())) parts.push([file, svg]);
  return parts;
}

let results;
function latestResults() {
  results ??= JSON.parse(fs.readFileSync(path.join(root, 'bench/results/latest.json'), 'utf8'));
  return results;
}

const check = process.argv.includes('--check');
const stale = [];
for (const [file, text] of await expectedParts()) {
  const full = path.join(root, file);
  const current = fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : undefined;
  if (current === text) continue;
  if (check) stale.push(file);
  else {
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
    process.stdout.write(`wrote ${file}\n`);
  }
}
if (stale.length) {
  process.stderr.write(
    `generated docs are stale: ${stale.join(', ')}; run npm run docs and commit the result\n`,
  );
  process.exit(1);
}
