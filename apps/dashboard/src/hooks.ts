import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { AisimClient } from '@aisimulation/client';
import { parseRoute, type Route } from './route';
import type { Session } from './session';

export interface AppContextValue {
  api: AisimClient;
  session: Session;
  signOut: (notice?: string) => void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside a signed-in page');
  return value;
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export interface Resource<T> {
  data?: T;
  /** The last load's failure; the last good data stays on screen meanwhile. */
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads something from the API, again every `refreshMs` (live tables), while
 * the tab is visible. A failed refresh keeps the last good data and reports
 * the failure; the next refresh clears it.
 */
export function useResource<T>(
  load: () => Promise<T>,
  deps: unknown[],
  refreshMs?: number,
): Resource<T> {
  const [state, setState] = useState<{ data?: T; error: unknown; loading: boolean }>({
    error: null,
    loading: true,
  });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setState((previous) => ({ ...previous, loading: true }));
    const run = async () => {
      try {
        const data = await loadRef.current();
        if (!stopped) setState({ data, error: null, loading: false });
      } catch (error) {
        if (!stopped) setState((previous) => ({ ...previous, error, loading: false }));
      }
      if (!stopped && refreshMs) timer = setTimeout(tick, refreshMs);
    };
    const tick = () => {
      if (document.visibilityState === 'hidden') timer = setTimeout(tick, refreshMs);
      else void run();
    };
    void run();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [...deps, generation, refreshMs]);

  return { ...state, reload };
}

/** The current time, ticking every `everyMs`, for "3 s ago" labels. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
