#!/usr/bin/env node
// Builds the apps and the dashboard (`npm run build`) unless dist/ already
// holds a build of the current sources, so that suites run one after another
// (CI: faults twice, cluster, launcher, browser) share one build. Webpack
// leaves an unchanged bundle's file as it was, so the outputs' own times say
// little: a stamp written after each whole build says when it was made.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const STAMP = path.join(root, 'dist', '.built-at');
const OUTPUTS = [
  'dist/apps/api/main.js',
  'dist/apps/api/migrate.js',
  'dist/apps/worker/main.js',
  'dist/apps/dashboard/index.html',
].map((file) => path.join(root, file));
const SOURCES = ['apps', 'libs'].map((dir) => path.join(root, dir));
const SOURCE_FILE = /\.(ts|tsx|js|css|html)$/;
/** Specs are not built into anything. */
const NOT_BUILT = /\.(spec|e2e-spec|browser-spec)\.ts$/;

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (NOT_BUILT.test(entry.name) || (entry.isDirectory() && entry.name === 'test')) continue;
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (SOURCE_FILE.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Whether dist/ holds a whole build made after the last change to a source file. */
function isBuilt() {
  if (!fs.existsSync(STAMP) || !OUTPUTS.every((file) => fs.existsSync(file))) return false;
  const builtAt = fs.statSync(STAMP).mtimeMs;
  return SOURCES.every((dir) => newestMtime(dir) < builtAt);
}

/** Builds unless built; `log` says so when it builds. Throws if the build fails. */
function ensureBuild(log = (message) => process.stderr.write(`${message}\n`)) {
  if (isBuilt()) return false;
  log('building the API, the worker and the dashboard (npm run build) …');
  const result = spawnSync('npm', ['run', 'build', '--loglevel=warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status})`);
  fs.writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  return true;
}

module.exports = { ensureBuild, isBuilt };

if (require.main === module) {
  try {
    ensureBuild();
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
