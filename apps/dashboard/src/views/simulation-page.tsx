import { ApiError } from '@aisimulation/client';
import { TERMINAL, type SimulationDetail } from '../api-types';
import { CurvePanel } from '../components/curve-panel';
import { LogPanel } from '../components/log-panel';
import { ErrorMessage } from '../components/error-message';
import { SimulationActions } from '../components/simulation-actions';
import { StatusBadge } from '../components/status-badge';
import { compactNumber, dateTime, elapsed, relativeTime } from '../format';
import { useApp, useNow, useResource } from '../hooks';
import { simulationsHref } from '../route';

/** One run; `project`: the project the dashboard is looked at in, which its links keep. */
export function SimulationPage({ id, project }: { id: number; project: string }) {
  const { api } = useApp();
  const detail = useResource(
    async () => (await api.get<SimulationDetail>(`/simulation/${id}`)).body,
    [api, id],
    2000,
  );
  const now = useNow();
  const simulation = detail.data;
  const missing = detail.error instanceof ApiError && detail.error.status === 404;
  const usedGpus = simulation?.attempts.some((attempt) => (attempt.gpus?.length ?? 0) > 0) ?? false;

  if (missing) {
    return (
      <>
        <h1>Simulation {id}</h1>
        <p class="empty">There is no simulation {id}.</p>
        <p>
          <a href={simulationsHref({ project })}>All simulations</a>
        </p>
      </>
    );
  }
  return (
    <>
      <p>
        <a href={simulationsHref({ project })}>← All simulations</a>
      </p>
      <h1>
        {simulation ? simulation.name : `Simulation ${id}`}{' '}
        {simulation && <StatusBadge status={simulation.status} />}
      </h1>
      <ErrorMessage error={detail.error} action="Could not load the simulation" />
      {simulation && (
        <>
          <div class="detail-grid">
            <section class="card" aria-labelledby="fields-title">
              <h2 id="fields-title">Run</h2>
              <dl class="fields">
                <dt>Id</dt>
                <dd>{simulation.simulation_id}</dd>
                <dt>Project</dt>
                <dd>
                  <a href={simulationsHref({ project: simulation.project })}>
                    {simulation.project}
                  </a>
                </dd>
                <dt>Machine</dt>
                <dd>
                  {simulation.machine_id} <StatusBadge status={simulation.machine_status} />
                </dd>
                <dt>Attempt</dt>
                <dd>
                  {simulation.attempt} of {simulation.final_attempt}
                </dd>
                <dt>Created</dt>
                <dd>{dateTime(simulation.creation_date)}</dd>
                <dt>Updated</dt>
                <dd>{dateTime(simulation.update_date)}</dd>
                <dt>Started</dt>
                <dd>{dateTime(simulation.started_at)}</dd>
                <dt>Finished</dt>
                <dd>{dateTime(simulation.finished_at)}</dd>
                <dt>Run time</dt>
                <dd>{elapsed(simulation.started_at, simulation.finished_at, now)}</dd>
                {!TERMINAL.has(simulation.status) && (
                  <>
                    <dt>Heartbeat</dt>
                    <dd>{relativeTime(simulation.heartbeat_at, now)}</dd>
                  </>
                )}
                {simulation.failure_reason && (
                  <>
                    <dt>Failure</dt>
                    <dd>{simulation.failure_reason}</dd>
                  </>
                )}
                {simulation.program !== 'emulate' && (
                  <>
                    <dt>Program</dt>
                    <dd>
                      {simulation.program === 'external'
                        ? 'external (reports from anywhere)'
                        : `${simulation.program} (on machine ${simulation.machine_id})`}
                    </dd>
                    <dt>Exit code</dt>
                    <dd>{simulation.exit_code ?? '—'}</dd>
                  </>
                )}
              </dl>
              <SimulationActions
                id={simulation.simulation_id}
                name={simulation.name}
                status={simulation.status}
                onDone={detail.reload}
              />
            </section>
            {simulation.program === 'emulate' && (
              <section class="card" aria-labelledby="emulation-title">
                <h2 id="emulation-title">Emulation</h2>
                <dl class="fields">
                  <dt>Points</dt>
                  <dd>{simulation.emulation.points.toLocaleString('en')}</dd>
                  <dt>Span</dt>
                  <dd>{compactNumber(simulation.emulation.span_seconds)} s</dd>
                  <dt>Tick</dt>
                  <dd>
                    {simulation.emulation.tick_ms === null
                      ? 'default pace'
                      : `${simulation.emulation.tick_ms} ms`}
                  </dd>
                  <dt>Noise</dt>
                  <dd>{simulation.emulation.noise}</dd>
                  <dt>Seed</dt>
                  <dd>{simulation.emulation.seed}</dd>
                  <dt>Decimals</dt>
                  <dd>{simulation.emulation.decimals}</dd>
                </dl>
              </section>
            )}
            <RunData params={simulation.params} tags={simulation.tags} />
          </div>
          <CurvePanel simulationId={id} status={simulation.status} onStatusEvent={detail.reload} />
          {simulation.program !== 'emulate' && simulation.program !== 'external' && (
            <LogPanel simulationId={id} status={simulation.status} />
          )}
          <section class="card" aria-labelledby="attempts-title">
            <h2 id="attempts-title">Attempts</h2>
            {simulation.attempts.length === 0 ? (
              <p class="empty">
                {simulation.program === 'external'
                  ? 'No attempt yet: waiting for its client to start it.'
                  : `No attempt yet: waiting for a worker on machine ${simulation.machine_id}.`}
              </p>
            ) : (
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">#</th>
                      <th scope="col">Outcome</th>
                      <th scope="col">Started</th>
                      <th scope="col">Ended</th>
                      <th scope="col" class="optional">
                        Worker
                      </th>
                      {usedGpus && <th scope="col">GPUs</th>}
                      <th scope="col">Reason</th>
                    </tr>
                  </thead>
                  <tbody>
                    {simulation.attempts.map((attempt) => (
                      <tr key={attempt.attempt}>
                        <td>{attempt.attempt}</td>
                        <td>
                          <StatusBadge status={attempt.outcome} />
                        </td>
                        <td>{dateTime(attempt.started_at)}</td>
                        <td>{dateTime(attempt.ended_at)}</td>
                        <td class="optional mono">{attempt.worker_id}</td>
                        {usedGpus && <td class="mono">{attempt.gpus?.join(', ') || '—'}</td>}
                        <td>{attempt.reason ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </>
  );
}

/** A run's params (written once) and tags (changed at will), each as name and value. */
function RunData({ params, tags }: Pick<SimulationDetail, 'params' | 'tags'>) {
  const entries = (record: Record<string, unknown>) =>
    Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return (
    <section class="card" aria-labelledby="run-data-title">
      <h2 id="run-data-title">Params and tags</h2>
      {Object.keys(params).length === 0 && Object.keys(tags).length === 0 ? (
        <p class="empty">None given.</p>
      ) : (
        <dl class="fields">
          {entries(params).map(([key, value]) => (
            <>
              <dt key={`p-${key}`}>{key}</dt>
              <dd>{String(value)}</dd>
            </>
          ))}
          {entries(tags).map(([key, value]) => (
            <>
              <dt key={`t-${key}`}>
                {key} <span class="tag-mark">tag</span>
              </dt>
              <dd>{String(value)}</dd>
            </>
          ))}
        </dl>
      )}
    </section>
  );
}
