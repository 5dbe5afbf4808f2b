import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { AisimClient } from '@aisimulation/client';
import { durationWords } from './format';
import { AppContext, useHashRoute, useNow } from './hooks';
import { machinesHref, simulationsHref } from './route';
import {
  hasRole,
  loadStoredSession,
  refusalNotice,
  SESSION_EXPIRED,
  storeSession,
  type Session,
} from './session';
import { ComparePage } from './views/compare-page';
import { MachinesPage } from './views/machines-page';
import { SignIn } from './views/sign-in';
import { SimulationPage } from './views/simulation-page';
import { SimulationsPage } from './views/simulations-page';

/** setTimeout takes at most 2^31 - 1 ms. */
const MAX_TIMER_MS = 2_147_483_647;

export function App() {
  const [session, setSession] = useState<Session | null>(() => loadStoredSession(sessionStorage));
  const [notice, setNotice] = useState<string | null>(null);

  const signOut = useCallback((reason?: string) => {
    storeSession(sessionStorage, null);
    setSession(null);
    setNotice(reason ?? null);
  }, []);

  const api = useMemo(
    () =>
      new AisimClient({
        token: session?.token ?? null,
        onUnauthorized: (message) => signOut(refusalNotice(session, message)),
      }),
    [session, signOut],
  );

  useEffect(() => {
    if (!session) return;
    const timer = setTimeout(
      () => signOut(SESSION_EXPIRED),
      Math.min(Math.max(0, session.expiresAt - Date.now()), MAX_TIMER_MS),
    );
    return () => clearTimeout(timer);
  }, [session, signOut]);

  if (!session) {
    return (
      <SignIn
        notice={notice}
        onSignedIn={(signedIn) => {
          storeSession(sessionStorage, signedIn);
          setNotice(null);
          setSession(signedIn);
        }}
      />
    );
  }
  return (
    <AppContext.Provider value={{ api, session, signOut }}>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <Header session={session} onSignOut={() => signOut()} />
      <main id="main" tabIndex={-1}>
        <Page />
      </main>
    </AppContext.Provider>
  );
}

function Page() {
  const route = useHashRoute();
  useEffect(() => {
    const titles = {
      simulations: 'Simulations',
      simulation: 'Simulation',
      machines: 'Machines',
      compare: 'Compare',
    };
    document.title = `${route.page in titles ? titles[route.page as keyof typeof titles] : 'Not found'} · AISimulation`;
  }, [route.page]);
  switch (route.page) {
    case 'simulations':
      return <SimulationsPage query={route.query} />;
    case 'simulation':
      return <SimulationPage key={route.id} id={route.id} project={route.project} />;
    case 'machines':
      return <MachinesPage project={route.project} />;
    case 'compare':
      return <ComparePage ids={route.ids} metric={route.metric} project={route.project} />;
    default:
      return (
        <>
          <h1>Not found</h1>
          <p class="empty">
            Nothing lives at <code>{route.path}</code>. <a href="#/simulations">Simulations</a>
          </p>
        </>
      );
  }
}

function Header({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const route = useHashRoute();
  const now = useNow(15_000);
  const current = (page: string) => (route.page === page ? 'page' : undefined);
  return (
    <header class="top">
      <a class="brand" href={simulationsHref({ project: route.project })}>
        AISimulation
      </a>
      <nav aria-label="Main">
        <a
          href={simulationsHref({ project: route.project })}
          aria-current={current('simulations') ?? current('simulation')}
        >
          Simulations
        </a>
        <a href={machinesHref(route.project)} aria-current={current('machines')}>
          Machines
        </a>
        <a href="/docs" target="_blank" rel="noopener">
          API docs
        </a>
        {hasRole(session, 'admin') && (
          <a href="/admin/login" target="_blank" rel="noopener">
            Queues
          </a>
        )}
      </nav>
      <div class="identity">
        <span>
          <strong>{session.subject}</strong> · {session.role}
        </span>
        <span class="hint" title={new Date(session.expiresAt).toString()}>
          expires in {durationWords(Math.max(0, (session.expiresAt - now) / 1000))}
        </span>
        <button type="button" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
