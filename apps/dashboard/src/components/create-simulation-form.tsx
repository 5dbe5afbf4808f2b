import { useState } from 'preact/hooks';
import type { Machine } from '../api-types';
import { useApp } from '../hooks';
import { simulationHref } from '../route';
import { ErrorMessage } from './error-message';

/** Only what the user typed is sent: every emulation field left blank takes the API's default. */
function emulationOf(form: FormData): Record<string, number> | undefined {
  const emulation: Record<string, number> = {};
  for (const field of ['points', 'span_seconds', 'tick_ms', 'noise', 'seed', 'decimals']) {
    const text = String(form.get(field) ?? '').trim();
    if (text !== '') emulation[field] = Number(text);
  }
  return Object.keys(emulation).length ? emulation : undefined;
}

/** `project`: the project the list shows, where a run made here goes ('' for the token's own). */
export function CreateSimulationForm({
  machines,
  project,
}: {
  machines: Machine[];
  project: string;
}) {
  const { api } = useApp();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const machineId = Number(form.get('machine_id'));
    const machineName = String(form.get('machine_name') ?? '').trim();
    const attemptBudget = String(form.get('attempt_budget') ?? '').trim();
    const body: Record<string, unknown> = {
      name: String(form.get('name')).trim(),
      machine_id: machineId,
    };
    if (machineName) body.machine = { machine_id: machineId, name: machineName };
    if (attemptBudget) body.attempt_budget = Number(attemptBudget);
    if (project) body.project = project;
    const emulation = emulationOf(form);
    if (emulation) body.emulation = emulation;
    setBusy(true);
    setError(null);
    try {
      const answer = await api.post<{ id: number }>('/simulation', body, {
        // A double submit (or a retry after a dropped answer) creates one simulation.
        'Idempotency-Key': crypto.randomUUID(),
      });
      location.hash = simulationHref(answer.body.id, project);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details class="card create">
      <summary>New simulation</summary>
      <form onSubmit={(event) => void submit(event)} aria-label="New simulation">
        <div class="grid">
          <label>
            Name
            <input name="name" required maxLength={255} placeholder="Sample Simulation" />
          </label>
          <label>
            Machine id
            <input
              name="machine_id"
              type="number"
              required
              min={1}
              step={1}
              list="known-machines"
              defaultValue={machines[0] ? String(machines[0].machine_id) : ''}
            />
            <datalist id="known-machines">
              {machines.map((machine) => (
                <option key={machine.machine_id} value={machine.machine_id}>
                  {machine.name}
                </option>
              ))}
            </datalist>
          </label>
          <label>
            Machine name <span class="hint">(registers a new machine)</span>
            <input name="machine_name" maxLength={255} />
          </label>
          <label>
            Max attempts
            <input name="attempt_budget" type="number" min={1} max={10} step={1} placeholder="3" />
          </label>
        </div>
        <fieldset>
          <legend>Emulation settings (blank: the default)</legend>
          <div class="grid">
            <label>
              Points
              <input name="points" type="number" min={1} max={1000000} step={1} placeholder="10" />
            </label>
            <label>
              Span, seconds
              <input name="span_seconds" type="number" min={0} step="any" placeholder="100" />
            </label>
            <label>
              Tick, ms
              <input
                name="tick_ms"
                type="number"
                min={0}
                max={60000}
                step={1}
                placeholder="≈ 10 s run"
              />
            </label>
            <label>
              Noise
              <input name="noise" type="number" min={0} max={1} step="any" placeholder="0" />
            </label>
            <label>
              Seed
              <input
                name="seed"
                type="number"
                min={0}
                max={2147483647}
                step={1}
                placeholder="random"
              />
            </label>
            <label>
              Decimals
              <input name="decimals" type="number" min={0} max={12} step={1} placeholder="3" />
            </label>
          </div>
        </fieldset>
        <button type="submit" disabled={busy}>
          Create and run
        </button>
        <ErrorMessage error={error} action="Not created" />
      </form>
    </details>
  );
}
