/** Where `npm run up` runs Postgres and Redis (ports chosen to stay clear of system services). */
export const LOCAL_DATABASE_URL = 'postgres://postgres@127.0.0.1:55432/aisimulation';
export const LOCAL_REDIS_URL = 'redis://127.0.0.1:56379/0';

/**
 * Outside production an app started by hand finds the servers `npm run up`
 * started; in production every address must be configured explicitly.
 */
export function withLocalDefaults(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (env.NODE_ENV === 'production') return env;
  return { DATABASE_URL: LOCAL_DATABASE_URL, REDIS_URL: LOCAL_REDIS_URL, ...env };
}
