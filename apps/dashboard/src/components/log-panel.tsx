import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { LiveState } from '@aisimulation/client';
import type { RunLogLine, RunLogs, SimulationStatus } from '../api-types';
import { useApp } from '../hooks';
import { ErrorMessage } from './error-message';

/** Lines the page keeps: the tail of a long log (the API keeps the rest). */
const KEPT_LINES = 2_000;

interface LogPanelProps {
  simulationId: number;
  status: SimulationStatus;
}

type Shown = Pick<RunLogLine, 'seq' | 'stream' | 'text' | 'cut'>;

/**
 * A program run's output beside its curve: followed live from the log
 * stream while the run is active (resuming after the last line it had when
 * the connection drops), otherwise the tail of its current attempt.
 */
export function LogPanel({ simulationId, status }: LogPanelProps) {
  const { api } = useApp();
  const [lines, setLines] = useState<Shown[]>([]);
  const [attempt, setAttempt] = useState<number | null>(null);
  const [dropped, setDropped] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [liveState, setLiveState] = useState<LiveState | 'off'>('off');
  const box = useRef<HTMLPreElement>(null);
  const pinned = useRef(true);
  const active = status === 'pending' || status === 'running';

  const keep = (more: Shown[]) =>
    setLines((current) => {
      const next = current.concat(more);
      return next.length > KEPT_LINES ? next.slice(next.length - KEPT_LINES) : next;
    });

  // Ended: the tail of the run's last attempt, once.
  useEffect(() => {
    if (active) return;
    let stopped = false;
    api
      .get<RunLogs>(`/simulation/${simulationId}/logs`, { tail: KEPT_LINES })
      .then(({ body }) => {
        if (stopped) return;
        setLines(body.lines);
        setAttempt(body.attempt);
        setDropped(body.dropped);
        setError(null);
      })
      .catch((failure) => stopped || setError(failure));
    return () => {
      stopped = true;
    };
  }, [simulationId, active]);

  // Active: follow the stream, attempt after attempt.
  useEffect(() => {
    if (!active) return;
    const abort = new AbortController();
    setLines([]);
    void api.follow(
      `/simulation/${simulationId}/logs/stream`,
      (event) => {
        const data = JSON.parse(event.data) as { attempt: number; lines?: Shown[] };
        if (event.event === 'lines' && data.lines) keep(data.lines);
        else if (event.event === 'attempt') setLines([]); // a retry's output starts over
        setAttempt(data.attempt);
      },
      { signal: abort.signal, onState: setLiveState, onError: setError },
    );
    return () => {
      abort.abort();
      setLiveState('off');
    };
  }, [simulationId, active]);

  // Stays at the newest line unless the reader scrolled up to read.
  useLayoutEffect(() => {
    const element = box.current;
    if (element && pinned.current) element.scrollTop = element.scrollHeight;
  }, [lines]);

  return (
    <section aria-labelledby="log-title" class="card">
      <h2 id="log-title">
        Output{attempt !== null && ` (attempt ${attempt})`}{' '}
        {active && (
          <span class={`live live-${liveState}`} role="status">
            {liveState === 'live' ? 'live' : 'connecting…'}
          </span>
        )}
      </h2>
      {dropped > 0 && (
        <p class="hint">
          {dropped.toLocaleString('en')} earlier line(s) are no longer kept: the log outgrew its
          program&apos;s bound, and its tail stays.
        </p>
      )}
      {lines.length === 0 ? (
        <p class="empty">
          {active ? 'No output yet: it shows here as the program prints.' : 'It printed nothing.'}
        </p>
      ) : (
        <pre
          class="log"
          ref={box}
          role="log"
          aria-label="Program output"
          tabIndex={0}
          onScroll={(event) => {
            const element = event.currentTarget;
            pinned.current = element.scrollTop + element.clientHeight >= element.scrollHeight - 4;
          }}
        >
          {lines.map((line) => (
            <div key={line.seq} class={line.stream === 'stderr' ? 'log-line stderr' : 'log-line'}>
              {line.text}
              {line.cut && <span class="log-cut"> […]</span>}
            </div>
          ))}
        </pre>
      )}
      <ErrorMessage error={error} action="Output" />
    </section>
  );
}
