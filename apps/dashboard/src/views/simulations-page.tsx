import { SIMULATION_STATUSES, type Machine, type Project, type Simulation } from '../api-types';
import { CreateSimulationForm } from '../components/create-simulation-form';
import { ErrorMessage } from '../components/error-message';
import { SimulationActions } from '../components/simulation-actions';
import { StatusBadge } from '../components/status-badge';
import { dateTime } from '../format';
import { useState } from 'preact/hooks';
import { useApp, useResource } from '../hooks';
import { compareHref, MAX_COMPARED, simulationHref, simulationsHref } from '../route';
import { hasRole } from '../session';

const SORT_KEYS = [
  ['creation_date', 'Created'],
  ['update_date', 'Updated'],
  ['name', 'Name'],
] as const;
const PAGE_SIZES = [25, 50, 100];
/** What the API sorts by besides the run's own columns: a param, a tag or a metric summary. */
const RUN_DATA_FIELD = /^(params|tags|metrics)\./;
/** Badges follow the runs without a reload. */
const REFRESH_MS = 2000;

interface ListState {
  order_by: string;
  /** Newest first unless asked otherwise: the runs one just started are what one looks for. */
  order: 'asc' | 'desc';
  status: string;
  machine_id: string;
  /** One project's runs ('' for every project the caller sees). */
  project: string;
  /** The search language's filter (docs/search.md), as typed. */
  filter: string;
  /** Params, tags or metric summaries shown as columns, comma-separated. */
  columns: string;
  limit: number;
  /** The API's cursor of this page; '' for the first. */
  cursor: string;
  /** This page's number, for the range shown (cursors carry no position). */
  page: number;
}

function listStateOf(query: URLSearchParams): ListState {
  const orderBy = query.get('order_by') ?? '';
  const limit = Number(query.get('limit'));
  const page = Number(query.get('page'));
  const cursor = query.get('cursor') ?? '';
  return {
    order_by:
      SORT_KEYS.some(([key]) => key === orderBy) || RUN_DATA_FIELD.test(orderBy)
        ? orderBy
        : 'creation_date',
    order: query.get('order') === 'asc' ? 'asc' : 'desc',
    status: SIMULATION_STATUSES.includes(query.get('status') as never) ? query.get('status')! : '',
    machine_id: /^\d{1,10}$/.test(query.get('machine_id') ?? '') ? query.get('machine_id')! : '',
    project: /^[a-z0-9][a-z0-9-]{0,62}$/.test(query.get('project') ?? '')
      ? query.get('project')!
      : '',
    filter: (query.get('filter') ?? '').slice(0, 4000),
    columns: (query.get('columns') ?? '').slice(0, 4000),
    limit: PAGE_SIZES.includes(limit) ? limit : PAGE_SIZES[0],
    cursor: /^[A-Za-z0-9_-]{1,2048}$/.test(cursor) ? cursor : '',
    page: cursor && Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The list's state lives in the address, so back, forward and a shared link all work. */
function go(state: ListState, change: Partial<ListState>) {
  const next = { ...state, ...change };
  // A new filter or order starts from the first page.
  if (!('cursor' in change)) {
    next.cursor = '';
    next.page = 1;
  }
  location.hash = simulationsHref({
    ...next,
    order_by: next.order_by === 'creation_date' ? undefined : next.order_by,
    order: next.order === 'desc' ? undefined : next.order,
    limit: next.limit === PAGE_SIZES[0] ? undefined : next.limit,
    cursor: next.cursor || undefined,
    page: next.page > 1 ? next.page : undefined,
  });
}

export function SimulationsPage({ query }: { query: URLSearchParams }) {
  const { api, session } = useApp();
  const state = listStateOf(query);
  const list = useResource(
    async () => {
      const answer = await api.get<Simulation[]>('/simulations', {
        order_by: state.order_by,
        order: state.order,
        status: state.status,
        machine_id: state.machine_id,
        project: state.project || undefined,
        filter: state.filter.trim() || undefined,
        columns: columnLabels(state.columns).join(',') || undefined,
        limit: state.limit,
        cursor: state.cursor,
      });
      return {
        rows: answer.body,
        total: Number(answer.headers.get('X-Total-Count') ?? 0),
        exact: answer.headers.get('X-Total-Count-Exact') !== 'false',
        next: answer.headers.get('X-Next-Cursor'),
      };
    },
    [api, query.toString()],
    REFRESH_MS,
  );
  const machines = useResource(
    async () => (await api.get<Machine[]>('/machines')).body,
    [api],
    10_000,
  );
  const projects = useResource(async () => (await api.get<Project[]>('/projects')).body, [api]);
  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;
  const first = (state.page - 1) * state.limit;
  const filtered =
    state.status !== '' ||
    state.machine_id !== '' ||
    state.project !== '' ||
    state.filter.trim() !== '';
  const columns = columnLabels(state.columns);
  // Which project each run is in, where the list mixes several.
  const showProject = state.project === '' && (projects.data?.length ?? 0) > 1;
  // Runs ticked for comparison, in the order ticked; kept across pages and filters.
  const [selected, setSelected] = useState<number[]>([]);
  const toggle = (id: number, on: boolean) =>
    setSelected((current) =>
      on
        ? [...current.filter((other) => other !== id), id].slice(-MAX_COMPARED)
        : current.filter((other) => other !== id),
    );

  return (
    <>
      <h1>Simulations</h1>
      {hasRole(session, 'operator') && (
        <CreateSimulationForm machines={machines.data ?? []} project={state.project} />
      )}
      <form
        class="filters"
        aria-label="Sort and filter"
        onSubmit={(event) => event.preventDefault()}
      >
        <label>
          Sort by
          <select
            name="order_by"
            value={state.order_by}
            onChange={(event) => go(state, { order_by: event.currentTarget.value })}
          >
            {SORT_KEYS.map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Order
          <select
            name="order"
            value={state.order}
            onChange={(event) =>
              go(state, { order: event.currentTarget.value === 'asc' ? 'asc' : 'desc' })
            }
          >
            <option value="desc">{state.order_by === 'name' ? 'Z to A' : 'Newest first'}</option>
            <option value="asc">{state.order_by === 'name' ? 'A to Z' : 'Oldest first'}</option>
          </select>
        </label>
        <label>
          Status
          <select
            name="status"
            value={state.status}
            onChange={(event) => go(state, { status: event.currentTarget.value })}
          >
            <option value="">Any</option>
            {SIMULATION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </label>
        {(projects.data?.length ?? 0) > 1 && (
          <label>
            Project
            <select
              name="project"
              value={state.project}
              onChange={(event) => go(state, { project: event.currentTarget.value })}
            >
              <option value="">Every project I see</option>
              {(projects.data ?? []).map((project) => (
                <option key={project.name} value={project.name}>
                  {project.name} · {project.role}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Machine
          <select
            name="machine_id"
            value={state.machine_id}
            onChange={(event) => go(state, { machine_id: event.currentTarget.value })}
          >
            <option value="">Any</option>
            {state.machine_id &&
              !machines.data?.some((m) => String(m.machine_id) === state.machine_id) && (
                <option value={state.machine_id}>{state.machine_id}</option>
              )}
            {(machines.data ?? []).map((machine) => (
              <option key={machine.machine_id} value={machine.machine_id}>
                {machine.machine_id} · {machine.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Per page
          <select
            name="limit"
            value={state.limit}
            onChange={(event) => go(state, { limit: Number(event.currentTarget.value) })}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
      </form>
      <SearchForm state={state} />
      {selected.length > 0 && (
        <p class="compare-bar" aria-live="polite">
          {selected.length} chosen to compare.{' '}
          {selected.length >= 2 ? (
            <a class="button" href={compareHref(selected, 'loss', state.project)}>
              Compare {selected.length} runs
            </a>
          ) : (
            'Choose one more.'
          )}{' '}
          <button type="button" onClick={() => setSelected([])}>
            Clear
          </button>
        </p>
      )}
      <ErrorMessage error={list.error} action="Could not load simulations" />
      {list.data && rows.length === 0 ? (
        <p class="empty">
          {filtered
            ? 'No simulation matches these filters.'
            : hasRole(session, 'operator')
              ? 'No simulations yet. Create the first one above.'
              : 'No simulations yet. An operator can create one.'}
        </p>
      ) : (
        <div class="table-wrap">
          <table aria-busy={list.loading && !list.data}>
            <caption class="visually-hidden">
              Simulations, sorted by{' '}
              {SORT_KEYS.find(([key]) => key === state.order_by)?.[1].toLowerCase() ??
                state.order_by}
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <span class="visually-hidden">Compare</span>
                </th>
                <th scope="col">Id</th>
                <SortHeader label="Name" sortKey="name" state={state} />
                {showProject && <th scope="col">Project</th>}
                <th scope="col">Machine</th>
                <th scope="col">Status</th>
                <th scope="col" class="optional">
                  Attempt
                </th>
                <SortHeader label="Created" sortKey="creation_date" state={state} optional />
                <SortHeader label="Updated" sortKey="update_date" state={state} />
                {columns.map((label) => (
                  <SortHeader key={label} label={label} sortKey={label} state={state} />
                ))}
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((simulation) => (
                <tr key={simulation.simulation_id}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Compare ${simulation.name} (${simulation.simulation_id})`}
                      checked={selected.includes(simulation.simulation_id)}
                      onChange={(event) =>
                        toggle(simulation.simulation_id, event.currentTarget.checked)
                      }
                    />
                  </td>
                  <td>
                    <a href={simulationHref(simulation.simulation_id, state.project)}>
                      {simulation.simulation_id}
                    </a>
                  </td>
                  <td>
                    <a href={simulationHref(simulation.simulation_id, state.project)}>
                      {simulation.name}
                    </a>
                  </td>
                  {showProject && (
                    <td>
                      <a href={simulationsHref({ project: simulation.project })}>
                        {simulation.project}
                      </a>
                    </td>
                  )}
                  <td>{simulation.machine_id}</td>
                  <td>
                    <StatusBadge status={simulation.status} />
                  </td>
                  <td class="optional">
                    {simulation.attempt}/{simulation.final_attempt}
                  </td>
                  <td class="optional">{dateTime(simulation.creation_date)}</td>
                  <td>{dateTime(simulation.update_date)}</td>
                  {columns.map((label) => (
                    <td key={label} class="number">
                      {columnValue(simulation.columns?.[label])}
                    </td>
                  ))}
                  <td>
                    <SimulationActions
                      id={simulation.simulation_id}
                      name={simulation.name}
                      status={simulation.status}
                      onDone={list.reload}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > 0 && (
        <nav class="pager" aria-label="Pages">
          <button type="button" disabled={state.page === 1} onClick={() => go(state, {})}>
            First
          </button>
          <span aria-live="polite">
            {first + 1}–{first + rows.length} of {list.data?.exact ? '' : 'about '}
            {total.toLocaleString('en')}
          </span>
          <button
            type="button"
            disabled={!list.data?.next}
            onClick={() =>
              list.data?.next && go(state, { cursor: list.data.next, page: state.page + 1 })
            }
          >
            Next
          </button>
        </nav>
      )}
    </>
  );
}

function SortHeader(props: {
  label: string;
  sortKey: string;
  state: ListState;
  optional?: boolean;
}) {
  const active = props.state.order_by === props.sortKey;
  const ascending = props.state.order === 'asc';
  return (
    <th
      scope="col"
      class={props.optional ? 'optional' : undefined}
      aria-sort={active ? (ascending ? 'ascending' : 'descending') : undefined}
    >
      <button
        type="button"
        class="link"
        aria-pressed={active}
        title={active ? 'Reverse the order' : undefined}
        onClick={() =>
          go(props.state, {
            order_by: props.sortKey,
            // The active column flips its direction; another starts newest (or last) first.
            order: active && !ascending ? 'asc' : 'desc',
          })
        }
      >
        {props.label}
        <span aria-hidden="true">{active ? (ascending ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
}

/** The columns asked for, each once, as the API names them in its answer. */
function columnLabels(text: string): string[] {
  return [...new Set(text.split(',').map((label) => label.trim()))].filter(Boolean);
}

function columnValue(value: number | string | boolean | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : value.toPrecision(4);
  return String(value);
}

/**
 * The search language's filter and the columns to show, applied together
 * on submit: typing never reloads the list, and a filter the API refuses
 * shows its 400, which names the character where it goes wrong.
 */
function SearchForm({ state }: { state: ListState }) {
  return (
    <form
      class="search"
      aria-label="Search"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        go(state, {
          filter: String(form.get('filter') ?? ''),
          columns: String(form.get('columns') ?? ''),
        });
      }}
    >
      <label>
        Filter
        <input
          // Uncontrolled, so the list's refresh every two seconds never resets what is being
          // typed; keyed by the address's filter, so back and forward show theirs.
          key={state.filter}
          name="filter"
          type="search"
          defaultValue={state.filter}
          maxLength={4000}
          placeholder="params.lr < 0.01 AND metrics.val_loss.min <= 0.3"
          spellcheck={false}
        />
      </label>
      <label>
        Columns
        <input
          key={state.columns}
          name="columns"
          type="text"
          defaultValue={state.columns}
          maxLength={4000}
          placeholder="params.lr, metrics.val_loss.min"
          spellcheck={false}
        />
      </label>
      <button type="submit">Apply</button>
    </form>
  );
}
