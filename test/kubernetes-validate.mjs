// Validates Kubernetes objects (a JSON array on stdin) against their schemas;
// prints a JSON array with each object's problems. Two checks: the models'
// own validators (types, formats, required fields, enums), and TypeScript's
// check of each object against the model's interface, which refuses any
// field the schema does not have (the validators let unknown fields pass).
// An ES module of its own, as the kubernetes-models packages are.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const requireCjs = createRequire(import.meta.url);
const ts = requireCjs('typescript');

/** Where each apiVersion's models are: Kubernetes 1.30+, KEDA, the prometheus-operator. */
const MODULES = {
  v1: 'kubernetes-models/v1',
  'apps/v1': 'kubernetes-models/apps/v1',
  'batch/v1': 'kubernetes-models/batch/v1',
  'policy/v1': 'kubernetes-models/policy/v1',
  'autoscaling/v2': 'kubernetes-models/autoscaling/v2',
  'networking.k8s.io/v1': 'kubernetes-models/networking.k8s.io/v1',
  'keda.sh/v1alpha1': '@kubernetes-models/keda/keda.sh/v1alpha1',
  'monitoring.coreos.com/v1': '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1',
};

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const objects = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const problems = objects.map(() => []);

for (const [index, object] of objects.entries()) {
  const where = MODULES[object.apiVersion];
  if (!where) {
    problems[index].push(`no schema for apiVersion ${object.apiVersion}`);
    continue;
  }
  const Model = (await import(where))[object.kind];
  if (!Model) {
    problems[index].push(`no ${object.kind} in ${object.apiVersion}`);
    continue;
  }
  try {
    new Model(object).validate();
  } catch (error) {
    problems[index].push(error.message);
  }
}

// One object per line, so a diagnostic's line names its object.
const file = path.join(ROOT, 'test', '__kubernetes-objects.mts');
const lines = objects.map((object, index) =>
  MODULES[object.apiVersion]
    ? `export const o${index}: import('${MODULES[object.apiVersion]}').I${object.kind} = ${JSON.stringify(object)};`
    : '',
);
const source = lines.join('\n');
const options = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  types: [],
};
const host = ts.createCompilerHost(options);
const getSourceFile = host.getSourceFile.bind(host);
host.getSourceFile = (name, version, ...rest) =>
  path.resolve(name) === file
    ? ts.createSourceFile(name, source, version, true)
    : getSourceFile(name, version, ...rest);
const fileExists = host.fileExists.bind(host);
host.fileExists = (name) => path.resolve(name) === file || fileExists(name);
const readFile = host.readFile.bind(host);
host.readFile = (name) => (path.resolve(name) === file ? source : readFile(name));
const program = ts.createProgram([file], options, host);
for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  if (diagnostic.file && path.resolve(diagnostic.file.fileName) === file) {
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    problems[line].push(message);
  } else problems.forEach((list) => list.push(`type check: ${message}`));
}

process.stdout.write(JSON.stringify(problems));
