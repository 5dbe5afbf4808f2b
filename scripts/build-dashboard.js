// Builds the dashboard (apps/dashboard) into dist/apps/dashboard: one bundled,
// minified script and stylesheet with content hashes in their names (so the API
// can let browsers cache them for good) and the index.html that names them.
// Everything is served by the API itself: no CDN, works offline.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const source = path.join(root, 'apps/dashboard/src');
const target = path.join(root, 'dist/apps/dashboard');
const assets = path.join(target, 'assets');

async function buildDashboard() {
  fs.rmSync(target, { recursive: true, force: true });
  const result = await esbuild.build({
    entryPoints: { app: path.join(source, 'main.tsx') },
    bundle: true,
    minify: true,
    sourcemap: 'linked',
    format: 'iife',
    target: ['es2022', 'chrome111', 'firefox111', 'safari16'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: assets,
    entryNames: '[name]-[hash]',
    metafile: true,
    logLevel: 'warning',
  });
  const outputs = Object.keys(result.metafile.outputs).map((file) => path.basename(file));
  const named = (extension) => {
    const file = outputs.find((name) => name.startsWith('app-') && name.endsWith(extension));
    if (!file) throw new Error(`the dashboard build made no ${extension} file`);
    return file;
  };
  const html = fs
    .readFileSync(path.join(source, 'index.html'), 'utf8')
    .replace('%APP_JS%', named('.js'))
    .replace('%APP_CSS%', named('.css'));
  fs.writeFileSync(path.join(target, 'index.html'), html);
  return { directory: target, files: outputs.concat('index.html') };
}

if (require.main === module) {
  buildDashboard().then(
    ({ directory, files }) =>
      console.log(`dashboard built in ${path.relative(root, directory)}: ${files.join(', ')}`),
    (error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}

module.exports = { buildDashboard };
