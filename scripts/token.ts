// `npm run token -- --role viewer|operator|admin [--ttl 1h] [--sub name]`
// Prints a development access token for the configured JWT_SECRET (or the
// built-in development secret) on stdout, and nothing else there.
import { parseArgs } from 'node:util';
import { resolveJwtSettings, isRole, ROLES, parseTtl, signAccessToken } from '@app/auth';

function main(): void {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', default: 'viewer' },
      ttl: { type: 'string', default: '1h' },
      sub: { type: 'string', default: 'dev-cli' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stderr.write(
      'usage: npm run token -- --role viewer|operator|admin [--ttl 1h] [--sub name]\n',
    );
    return;
  }
  if (!isRole(values.role)) throw new Error(`--role must be one of: ${ROLES.join(', ')}`);
  const token = signAccessToken(resolveJwtSettings(process.env), {
    role: values.role,
    subject: values.sub,
    ttlSeconds: parseTtl(values.ttl),
  });
  process.stdout.write(`${token}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`token: ${(error as Error).message}\n`);
  process.exit(2);
}
