// The Python SDK (clients/python) installed as a user installs it: its wheel
// built, then installed into a fresh virtualenv over Debian's httpx, Typer,
// Rich and pytest (installed with apt-get when missing, as Redis is), with
// no package index: it works with no network at all.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { ensureDebianPythonModules } = require('./local-services');

const SDK_DIR = path.resolve(__dirname, '../../clients/python');

/** Makes `dir/venv` with the SDK and its test tools; answers its python. */
function installPythonSdk(dir, { log = () => {} } = {}) {
  const system = ensureDebianPythonModules(
    ['httpx', 'typer', 'rich', 'pytest', 'hatchling', 'ensurepip'],
    [
      'python3-httpx',
      'python3-typer',
      'python3-rich',
      'python3-pytest',
      'python3-hatchling',
      'python3-venv',
    ],
    { log },
  );
  const venv = path.join(dir, 'venv');
  execFileSync(system, ['-m', 'venv', '--system-site-packages', venv]);
  const python = path.join(venv, 'bin/python');
  const wheels = path.join(dir, 'wheels');
  const pip = (...args) =>
    execFileSync(python, ['-m', 'pip', ...args, '-q', '--no-index', '--no-build-isolation'], {
      env: { ...process.env, PIP_DISABLE_PIP_VERSION_CHECK: '1' },
      stdio: 'pipe',
    });
  pip('wheel', '--no-deps', '--wheel-dir', wheels, SDK_DIR);
  pip('install', '--find-links', wheels, 'aisim');
  return python;
}

module.exports = { SDK_DIR, installPythonSdk };
