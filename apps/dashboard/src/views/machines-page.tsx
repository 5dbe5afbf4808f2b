import { useState } from 'preact/hooks';
import type { Machine, Program } from '../api-types';
import { ErrorMessage } from '../components/error-message';
import { StatusBadge } from '../components/status-badge';
import { dateTime, relativeTime } from '../format';
import { useApp, useNow, useResource } from '../hooks';
import { machinesHref, simulationsHref } from '../route';
import { ProjectNote } from '../components/project-note';
import { hasRole } from '../session';

/** The machines, or with `project` the ones that project may use, each with the load the caller sees. */
export function MachinesPage({ project }: { project: string }) {
  const { api, session } = useApp();
  const machines = useResource(
    async () =>
      (await api.get<Machine[]>(project ? `/machines?project=${project}` : '/machines')).body,
    [api, project],
    3000,
  );
  const now = useNow();
  const [actionError, setActionError] = useState<unknown>(null);
  const isAdmin = hasRole(session, 'admin');

  const setDraining = async (machine: Machine, drain: boolean) => {
    setActionError(null);
    try {
      await api.post(`/machine/${machine.machine_id}/${drain ? 'drain' : 'undrain'}`);
      machines.reload();
    } catch (failure) {
      setActionError(failure);
    }
  };

  return (
    <>
      <h1>Machines</h1>
      <ProjectNote
        project={project}
        what="the machines it may use, and its runs on them"
        everyProjectHref={machinesHref()}
      />
      <p class="hint">
        Online: a live worker serves it. Offline: none does, and its work waits. Draining: takes no
        new runs; running ones finish. Running and pending count the runs you can see.
      </p>
      <ErrorMessage error={machines.error} action="Could not load machines" />
      <ErrorMessage error={actionError} action="Not changed" />
      {machines.data?.length === 0 ? (
        <p class="empty">
          No machines yet. A machine appears when a worker starts for it or a simulation names it.
        </p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Machines</caption>
            <thead>
              <tr>
                <th scope="col">Id</th>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">Last seen</th>
                <th scope="col">Load</th>
                <th scope="col">Pending</th>
                <th scope="col">Programs</th>
                <th scope="col">GPUs</th>
                {isAdmin && (
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {(machines.data ?? []).map((machine) => (
                <tr key={machine.machine_id}>
                  <td>{machine.machine_id}</td>
                  <td>
                    <a href={simulationsHref({ machine_id: machine.machine_id, project })}>
                      {machine.name}
                    </a>
                  </td>
                  <td>
                    <StatusBadge status={machine.status} />
                  </td>
                  <td title={dateTime(machine.last_seen_at)}>
                    {relativeTime(machine.last_seen_at, now)}
                  </td>
                  <td>
                    <meter
                      min={0}
                      max={Math.max(machine.capacity, 1)}
                      value={machine.running}
                      aria-label={`${machine.running} running of capacity ${machine.capacity}`}
                    />{' '}
                    {machine.running} / {machine.capacity}
                  </td>
                  <td>{machine.pending}</td>
                  <td>
                    <ProgramList programs={machine.programs} />
                  </td>
                  <td>
                    {machine.gpus.total === 0
                      ? '—'
                      : `${machine.gpus.in_use} in use, ${machine.gpus.free} free of ${machine.gpus.total}`}
                  </td>
                  {isAdmin && (
                    <td>
                      <button
                        type="button"
                        aria-label={`${machine.status === 'draining' ? 'Undrain' : 'Drain'} machine ${machine.machine_id}`}
                        onClick={() => void setDraining(machine, machine.status !== 'draining')}
                      >
                        {machine.status === 'draining' ? 'Undrain' : 'Drain'}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** What a run on the machine may name as its program; each one's params and GPUs on hover. */
function ProgramList({ programs }: { programs: Program[] }) {
  return (
    <ul class="program-list">
      {programs.map((program) => (
        <li key={program.name} title={programSummary(program)}>
          <span class="mono">{program.name}</span>
          {program.gpus > 0 && (
            <>
              {' '}
              <span class="tag-mark">{program.gpus} GPU</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function programSummary(program: Program): string {
  const params = Object.entries(program.params).map(([name, param]) => {
    const bounds = [
      param.min !== undefined && `≥ ${param.min}`,
      param.max !== undefined && `≤ ${param.max}`,
      param.choices && `one of ${param.choices.join(', ')}`,
      param.default !== undefined && `default ${String(param.default)}`,
    ].filter(Boolean);
    return `${name}: ${param.type}${bounds.length ? ` (${bounds.join(', ')})` : ''}`;
  });
  return [program.description, params.length ? `params: ${params.join('; ')}` : 'no params']
    .filter(Boolean)
    .join(' · ');
}
