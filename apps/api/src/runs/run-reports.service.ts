import {
  DomainError,
  notExternal,
  Program,
  refusal,
  RunReportRepository,
  type Simulation,
  SimulationLifecycle,
  SimulationRepository,
  SimulationStatus,
  type StoredReport,
} from '@app/domain';
import { SimulationEventPublisher } from '@app/queue';
import { Injectable } from '@nestjs/common';
import type { RunScope } from '../auth/authenticated-user';
import { createHash } from 'node:crypto';
import type { CheckedReport } from './run-report-body';

/** How an external run says it ended. */
export interface ReportedEnd {
  status: SimulationStatus.Finished | SimulationStatus.Failed;
  exitCode: number | null;
  reason: string | null;
}

/**
 * What an external run's client does with its run-scoped token: start the
 * attempt the token is for, report, keep its lease, end it. Each checks the
 * token's attempt against the run: another attempt is a 409 that says which.
 */
@Injectable()
export class RunReportsService {
  constructor(
    private readonly reports: RunReportRepository,
    private readonly lifecycle: SimulationLifecycle,
    private readonly simulations: SimulationRepository,
    private readonly events: SimulationEventPublisher,
  ) {}

  /** pending → running for the token's attempt; for that attempt already running, the same answer. */
  async start(scope: RunScope): Promise<Simulation> {
    const run = await this.current(scope);
    if (run.status === SimulationStatus.Running && run.attempt === scope.attempt) return run;
    if (run.status !== SimulationStatus.Pending || run.attempt + 1 !== scope.attempt)
      throw refusal(scope, run);
    const started = await this.lifecycle.claim(scope.simulationId, 'external', [Program.External]);
    if (started?.attempt === scope.attempt) return started;
    const now = await this.current(scope);
    if (now.status === SimulationStatus.Running && now.attempt === scope.attempt) return now;
    if (now.status === SimulationStatus.Pending)
      throw DomainError.conflict(
        `simulation ${scope.simulationId} cannot start now: its machine is draining`,
      );
    throw refusal(scope, now);
  }

  /**
   * Stores a report; its points go to the run's live streams, as a worker's
   * do. `sent`: the bytes the report came as (their hash tells a resent
   * report from another).
   */
  async report(scope: RunScope, report: CheckedReport, sent: Buffer): Promise<StoredReport> {
    const hash = createHash('sha256').update(sent).digest('hex');
    const stored = await this.reports.report(scope, { ...report, hash });
    this.events.reportWritten(scope, stored.written);
    return stored;
  }

  /** Keeps the lease of a run that has nothing to report yet. */
  async heartbeat(scope: RunScope): Promise<void> {
    const held = await this.lifecycle.heartbeat('external', [scope]);
    if (!held.has(scope.simulationId)) throw refusal(scope, await this.current(scope));
  }

  /** running → finished or failed, with the exit code; the same end again is answered as the first. */
  async end(scope: RunScope, end: ReportedEnd): Promise<Simulation> {
    const ended = await this.lifecycle.endReported(scope, end);
    if (ended) return ended;
    const run = await this.current(scope);
    if (run.attempt === scope.attempt && run.status === end.status) return run;
    throw refusal(scope, run);
  }

  private async current(scope: RunScope): Promise<Simulation> {
    const run = await this.simulations.findById(scope.simulationId);
    if (!run) throw DomainError.notFound(`simulation ${scope.simulationId} not found`);
    notExternal(scope, run.program);
    return run;
  }
}
