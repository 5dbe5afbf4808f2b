import {
  ConnectionSettings,
  connectionSettings,
  IntegerSetting,
  InvalidEnvironmentError,
  validateEnvironment,
  withLocalDefaults,
} from '@app/config';
import { IsOptional, IsString, IsUrl, Length, Matches } from 'class-validator';
import { JwtSettings, resolveJwtSettings, TokenEnvironment } from '@app/auth';
import { ProgramDeclaration } from '@app/domain';
import { randomBytes } from 'node:crypto';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { resolveRunUser, RunUser } from '../programs/run-user';
import { gpuInventory, gpuListProblem } from '../programs/gpu-inventory';
import { loadProgramsFile, ProgramsFileError } from '../programs/programs-file';

class WorkerEnvironment extends TokenEnvironment {
  /** Default pace: real time between two points of a curve; a run without `tick_ms` lasts 10 × this. */
  @IntegerSetting(0, 600_000)
  SIMULATION_TICK_MS: number = 1_000;

  /** Simulations one process runs at once (they mostly wait between ticks). */
  @IntegerSetting(1, 10_000)
  WORKER_CONCURRENCY: number = 100;

  /** A run this late past its planned end is aborted, then retried or failed. */
  @IntegerSetting(100)
  SIMULATION_TIMEOUT_MS: number = 120_000;

  /** How often a worker reports its runs alive. */
  @IntegerSetting(50)
  HEARTBEAT_INTERVAL_MS: number = 2_000;

  /** Silence after which another worker takes a run back. */
  @IntegerSetting(200)
  LEASE_MS: number = 20_000;

  /** How often each worker looks for runs whose worker went silent. */
  @IntegerSetting(50)
  SWEEP_INTERVAL_MS: number = 5_000;

  /** First retry delay, doubling with each attempt. */
  @IntegerSetting(0)
  RETRY_BACKOFF_MS: number = 1_000;

  /** At SIGTERM, how long held runs may take to finish before they are handed back. */
  @IntegerSetting(0)
  SHUTDOWN_GRACE_MS: number = 10_000;

  /** How often pending simulations are checked for a missing queue job. */
  @IntegerSetting(100)
  RECONCILE_INTERVAL_MS: number = 10_000;

  /** How often a worker checks for new machines (pool workers) and drained ones. */
  @IntegerSetting(100)
  MACHINE_REFRESH_MS: number = 5_000;

  /** Ended simulations lose their curves this many days after they ended; unset: never. */
  @IsOptional()
  @IntegerSetting(1, 36_500)
  HISTORY_RETENTION_DAYS?: number;

  /** Ended simulations are deleted this many days after they ended; unset: never. */
  @IsOptional()
  @IntegerSetting(1, 36_500)
  SIMULATION_RETENTION_DAYS?: number;

  /** How often curve partitions are made ahead and history expired. */
  @IntegerSetting(100)
  HISTORY_MAINTENANCE_INTERVAL_MS: number = 600_000;

  /** The machine this worker serves, registered at boot; unset: a pool worker serving every machine. */
  @IsOptional()
  @IntegerSetting(1, 2_147_483_647)
  MACHINE_ID?: number;

  /** With MACHINE_ID: the machine's name, set at boot (default: "Machine <id>"). */
  @IsOptional()
  @Length(1, 255, { message: 'MACHINE_NAME must be 1 to 255 characters' })
  MACHINE_NAME?: string;

  /** Port of this worker's Prometheus /metrics; unset: none (0: any free port). */
  @IsOptional()
  @IntegerSetting(0, 65_535)
  METRICS_PORT?: number;

  /** Interface of /metrics and the probes; unset: every interface (a container's port must be reachable). */
  @IsOptional()
  @IsString()
  METRICS_HOST?: string;

  /** This process's name, recorded on the attempts it runs; unset: host:pid:random. */
  @IsOptional()
  @Matches(/^[\w.:@-]{1,200}$/, {
    message: 'WORKER_ID must be 1 to 200 letters, digits or . : @ - _',
  })
  WORKER_ID?: string;

  /** The programs this worker runs besides the built-in emulator (YAML or JSON; docs/programs.md); needs MACHINE_ID. */
  @IsOptional()
  @IsString()
  PROGRAMS_FILE?: string;

  /** The GPUs runs are given, by index (`0,1,2,3`), or `none`; unset: those `nvidia-smi` lists. */
  @IsOptional()
  @IsString()
  GPUS?: string;

  /** Whom programs run as when the worker runs as root (never root); unset: `nobody`. */
  @IsOptional()
  @Matches(/^[a-z_][a-z0-9_-]{0,31}$/, { message: 'RUN_USER must be a user name' })
  RUN_USER?: string;

  /** Where each program run gets its own directory; unset: aisim-runs in the system's temporary directory. */
  @IsOptional()
  @IsString()
  RUNS_DIR?: string;

  /** The API's address as program runs reach it: each run gets it as AISIM_URL with its own run-scoped AISIM_TOKEN (signed with JWT_SECRET); unset: programs report by metric records on stdout only. */
  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'RUN_API_URL must be an http(s) URL such as http://api.internal:8000' },
  )
  RUN_API_URL?: string;
}

/** Everything the worker reads from its environment, validated once at boot. */
export class WorkerConfig extends ConnectionSettings {
  /** Real time between two points of a curve. */
  readonly tickMs: number;
  /** Simulations one process runs at once; they mostly wait between ticks. */
  readonly concurrency: number;
  /** A run taking longer than this is aborted, then retried or failed. */
  readonly timeoutMs: number;
  /** How often this worker tells the database its runs are alive. */
  readonly heartbeatIntervalMs: number;
  /** Silence after which another worker takes a run back. */
  readonly leaseMs: number;
  /** How often this worker looks for runs whose worker went silent. */
  readonly sweepIntervalMs: number;
  /** First retry delay; doubles with each attempt. */
  readonly retryBackoffMs: number;
  /** At shutdown, how long held runs may take to finish before they are handed back. */
  readonly shutdownGraceMs: number;
  /** How often pending simulations are checked for a missing queue job. */
  readonly reconcileIntervalMs: number;
  /** This process, as recorded on the attempts it runs. */
  readonly workerId: string;
  /** The machine this worker serves; undefined for a pool worker, which serves every machine. */
  readonly machineId?: number;
  /** With machineId: the machine's name, set at boot. */
  readonly machineName?: string;
  /** How often a pool worker looks for newly registered machines. */
  readonly machineRefreshMs: number;
  /** Where this worker serves /metrics; undefined: nowhere. */
  readonly metricsPort?: number;
  /** The interface it serves them on; undefined: every interface. */
  readonly metricsHost?: string;
  /** Days after its end a simulation keeps its curve; undefined: forever. */
  readonly curveRetentionDays?: number;
  /** Days after its end a simulation is kept at all; undefined: forever. */
  readonly simulationRetentionDays?: number;
  /** How often partitions are made ahead and history expired. */
  readonly historyMaintenanceIntervalMs: number;
  /** The programs of PROGRAMS_FILE, checked at boot; none without one. */
  readonly programs: ProgramDeclaration[];
  /** The GPUs this worker gives out, by index. */
  readonly gpus: string[];
  /** Whom programs run as; undefined: as the worker (which is then not root). */
  readonly runUser?: RunUser;
  /** Where each program run gets its own directory. */
  readonly runsDirectory: string;
  /** With RUN_API_URL: where program runs report, and the keys their tokens are signed with. */
  readonly runReporting?: RunReporting;
}

/** What a program run needs to report over HTTP: the API's address and the keys it verifies tokens with. */
export interface RunReporting {
  apiUrl: string;
  jwt: JwtSettings;
}

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const parsed = validateEnvironment(WorkerEnvironment, withLocalDefaults(env));
  const curves = parsed.HISTORY_RETENTION_DAYS;
  const simulations = parsed.SIMULATION_RETENTION_DAYS;
  if (curves !== undefined && simulations !== undefined && simulations < curves) {
    throw new InvalidEnvironmentError([
      `SIMULATION_RETENTION_DAYS (${simulations}) must be at least HISTORY_RETENTION_DAYS ` +
        `(${curves}): a deleted simulation takes its curve with it`,
    ]);
  }
  const problems: string[] = [];
  if (parsed.PROGRAMS_FILE !== undefined && parsed.MACHINE_ID === undefined)
    problems.push(
      'PROGRAMS_FILE needs MACHINE_ID: programs are declared for one machine (a pool worker runs the emulator only)',
    );
  const gpuProblem = parsed.GPUS === undefined ? null : gpuListProblem(parsed.GPUS);
  if (gpuProblem) problems.push(gpuProblem);
  let programs: ProgramDeclaration[] = [];
  try {
    if (parsed.PROGRAMS_FILE !== undefined) programs = loadProgramsFile(parsed.PROGRAMS_FILE);
  } catch (error) {
    if (!(error instanceof ProgramsFileError)) throw error;
    problems.push(...error.problems);
  }
  let runUser: RunUser | undefined;
  try {
    // Only a worker with programs runs anything as anyone.
    if (programs.length) runUser = resolveRunUser(parsed.RUN_USER);
  } catch (error) {
    problems.push((error as Error).message);
  }
  let runReporting: RunReporting | undefined;
  try {
    if (parsed.RUN_API_URL !== undefined)
      runReporting = {
        apiUrl: parsed.RUN_API_URL.replace(/\/+$/, ''),
        jwt: resolveJwtSettings(env),
      };
  } catch (error) {
    problems.push(`RUN_API_URL: ${(error as Error).message}`);
  }
  if (problems.length) throw new InvalidEnvironmentError(problems);
  return Object.assign(new WorkerConfig(), {
    ...connectionSettings(parsed),
    tickMs: parsed.SIMULATION_TICK_MS,
    concurrency: parsed.WORKER_CONCURRENCY,
    timeoutMs: parsed.SIMULATION_TIMEOUT_MS,
    heartbeatIntervalMs: parsed.HEARTBEAT_INTERVAL_MS,
    leaseMs: parsed.LEASE_MS,
    sweepIntervalMs: parsed.SWEEP_INTERVAL_MS,
    retryBackoffMs: parsed.RETRY_BACKOFF_MS,
    shutdownGraceMs: parsed.SHUTDOWN_GRACE_MS,
    reconcileIntervalMs: parsed.RECONCILE_INTERVAL_MS,
    machineId: parsed.MACHINE_ID,
    machineName: parsed.MACHINE_NAME,
    machineRefreshMs: parsed.MACHINE_REFRESH_MS,
    metricsPort: parsed.METRICS_PORT,
    metricsHost: parsed.METRICS_HOST,
    // A simulation deleted takes its curve with it, so the shorter setting wins.
    curveRetentionDays: curves ?? simulations,
    simulationRetentionDays: simulations,
    historyMaintenanceIntervalMs: parsed.HISTORY_MAINTENANCE_INTERVAL_MS,
    programs,
    gpus: gpuInventory(parsed.GPUS),
    runUser,
    runsDirectory: parsed.RUNS_DIR ?? path.join(tmpdir(), 'aisim-runs'),
    runReporting,
    workerId: parsed.WORKER_ID ?? `${hostname()}:${process.pid}:${randomBytes(2).toString('hex')}`,
  });
}
