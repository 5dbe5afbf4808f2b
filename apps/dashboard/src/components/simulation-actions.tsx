import { useState } from 'preact/hooks';
import type { SimulationStatus } from '../api-types';
import { useApp } from '../hooks';
import { hasRole } from '../session';
import { ErrorMessage } from './error-message';

/**
 * Cancel (pending, running) and retry (failed, cancelled), shown to operators
 * and admins. The API decides the rest (an operator may touch only its own
 * runs): its refusal is shown next to the buttons.
 */
export function SimulationActions(props: {
  id: number;
  name: string;
  status: SimulationStatus;
  onDone: () => void;
}) {
  const { api, session } = useApp();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (!hasRole(session, 'operator')) return null;

  const act = async (action: 'cancel' | 'retry') => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/simulation/${props.id}/${action}`);
      props.onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const canCancel = props.status === 'pending' || props.status === 'running';
  const canRetry = props.status === 'failed' || props.status === 'cancelled';
  return (
    <div class="actions">
      {canCancel && (
        <button
          type="button"
          class="danger"
          disabled={busy}
          aria-label={`Cancel simulation ${props.id} (${props.name})`}
          onClick={() => void act('cancel')}
        >
          Cancel
        </button>
      )}
      {canRetry && (
        <button
          type="button"
          disabled={busy}
          aria-label={`Retry simulation ${props.id} (${props.name})`}
          onClick={() => void act('retry')}
        >
          Retry
        </button>
      )}
      <ErrorMessage error={error} />
    </div>
  );
}
