// `npm run token -- --role viewer|operator|admin [--ttl 1h] [--sub name] [--project name[:role]]…`
// Prints a development access token for the configured JWT_SECRET (or the
// built-in development secret) on stdout, and nothing else there. With
// --project, the token acts in those projects only (docs/projects.md).
import { parseArgs } from 'node:util';
import {
  highestRole,
  isRole,
  parseTtl,
  projectRoleArgument,
  resolveJwtSettings,
  ROLES,
  signAccessToken,
} from '@app/auth';

function main(): void {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', default: 'viewer' },
      ttl: { type: 'string', default: '1h' },
      sub: { type: 'string', default: 'dev-cli' },
      project: { type: 'string', multiple: true },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stderr.write(
      'usage: npm run token -- --role viewer|operator|admin [--ttl 1h] [--sub name] [--project name[:role]]…\n',
    );
    return;
  }
  if (!isRole(values.role)) throw new Error(`--role must be one of: ${ROLES.join(', ')}`);
  const role = values.role;
  const projects = values.project?.length
    ? Object.fromEntries(values.project.map((text) => projectRoleArgument(text, role)))
    : undefined;
  const token = signAccessToken(resolveJwtSettings(process.env), {
    // A scoped token's own role is its highest in any project: what routes without a project check.
    role: projects ? highestRole(projects) : role,
    subject: values.sub,
    ttlSeconds: parseTtl(values.ttl),
    ...(projects && { projects }),
  });
  process.stdout.write(`${token}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`token: ${(error as Error).message}\n`);
  process.exit(2);
}
