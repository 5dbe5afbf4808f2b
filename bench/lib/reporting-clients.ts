import { type ChildProcess, fork } from 'node:child_process';
import { ingest, type IngestRequest } from './external-runs';
import { mlflowIngest, type MlflowIngestRequest } from './mlflow-runs';

/** What the child is asked: reports to this API, or the same points to an MLflow server. */
export type ReportingRequest =
  ({ to: 'api' } & IngestRequest) | ({ to: 'mlflow' } & MlflowIngestRequest);

/**
 * The runs that report during scenario 12, in a process of their own, as a
 * service's clients are: building and sending their bodies then takes no
 * turn on the event loop that times the reads measured beside them.
 */
export class ReportingClients {
  private constructor(private readonly child: ChildProcess) {}

  static start(): ReportingClients {
    const child = fork(__filename, [], {
      execArgv: ['-r', 'ts-node/register/transpile-only'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new ReportingClients(child);
  }

  /** Points per second, as `ingest` or `mlflowIngest` measures them in the child. */
  ingest(request: ReportingRequest): Promise<number> {
    return new Promise((resolve, reject) => {
      const answered = (message: { rate?: number; error?: string }) => {
        this.child.off('exit', exited);
        if (message.error !== undefined) reject(new Error(message.error));
        else resolve(message.rate as number);
      };
      const exited = (code: number | null) => {
        this.child.off('message', answered);
        reject(new Error(`the reporting clients' process exited (${code})`));
      };
      this.child.once('message', answered);
      this.child.once('exit', exited);
      this.child.send(request);
    });
  }

  stop(): void {
    this.child.disconnect();
  }
}

if (require.main === module && process.send) {
  process.on('message', (request: ReportingRequest) => {
    (request.to === 'api' ? ingest(request) : mlflowIngest(request)).then(
      (rate) => process.send!({ rate }),
      (error: Error) => process.send!({ error: error.stack ?? String(error) }),
    );
  });
}
