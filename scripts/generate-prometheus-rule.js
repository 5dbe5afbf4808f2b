// `npm run generate:prometheus-rule`: the Kubernetes PrometheusRule made from
// docker/prometheus/alerts.yml, so the alert rules live in one file. A spec
// fails when the committed rule differs from what this writes.
const fs = require('node:fs');
const path = require('node:path');
const { parse, stringify } = require('yaml');

const ROOT = path.resolve(__dirname, '..');
const SOURCE = 'docker/prometheus/alerts.yml';
const TARGET = 'deploy/kubernetes/base/prometheus-rule.yaml';

function prometheusRule() {
  const { groups } = parse(fs.readFileSync(path.join(ROOT, SOURCE), 'utf8'));
  const rule = {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name: 'aisimulation' },
    spec: { groups },
  };
  return `# Made by \`npm run generate:prometheus-rule\` from ${SOURCE}; edit that file, not this one.\n${stringify(rule, { lineWidth: 0 })}`;
}

async function main() {
  // Formatted as the repository's checks expect.
  const prettier = require('prettier');
  const options = await prettier.resolveConfig(path.join(ROOT, TARGET));
  const text = await prettier.format(prometheusRule(), { ...options, parser: 'yaml' });
  fs.writeFileSync(path.join(ROOT, TARGET), text);
  process.stdout.write(`wrote ${TARGET}\n`);
}

if (require.main === module) main();

module.exports = { prometheusRule, TARGET };
