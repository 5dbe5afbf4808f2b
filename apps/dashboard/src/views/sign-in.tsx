import { useState } from 'preact/hooks';
import { AisimClient, describeError } from '@aisimulation/client';
import { dateTime } from '../format';
import { sessionFromToken, type Session } from '../session';

interface SignInProps {
  /** Why the last session ended (expired, revoked), if it did. */
  notice: string | null;
  onSignedIn: (session: Session) => void;
}

/** Client credentials (exchanged at POST /auth/token) or a pasted token. */
export function SignIn({ notice, onSignedIn }: SignInProps) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const attempt = async (obtain: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    try {
      const session = sessionFromToken(await obtain());
      if (session.expiresAt <= Date.now()) {
        throw new Error(
          `This token expired at ${dateTime(new Date(session.expiresAt).toISOString())}.`,
        );
      }
      // One cheap authenticated call: a revoked client or a token for another deployment fails here.
      await new AisimClient({ token: session.token }).api.GET('/machines');
      onSignedIn(session);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  const withCredentials = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    void attempt(async () => {
      const { data } = await new AisimClient().api.POST('/auth/token', {
        body: {
          client_id: String(form.get('client_id')).trim(),
          client_secret: String(form.get('client_secret')),
        },
      });
      return data!.access_token;
    });
  };

  const withToken = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    void attempt(async () => String(form.get('token')));
  };

  return (
    <main id="main" class="sign-in">
      <h1>AISimulation</h1>
      <p class="lead">Sign in to watch simulations converge.</p>
      {notice && (
        <p class="message message-warning" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p class="message message-error" role="alert">
          {error}
        </p>
      )}
      <div class="sign-in-forms">
        <form onSubmit={withCredentials} aria-labelledby="credentials-title" class="card">
          <h2 id="credentials-title">With a service account</h2>
          <label>
            Client id
            <input name="client_id" required autocomplete="username" placeholder="cl_…" />
          </label>
          <label>
            Client secret
            <input name="client_secret" type="password" required autocomplete="current-password" />
          </label>
          <button type="submit" disabled={busy}>
            Sign in
          </button>
        </form>
        <form onSubmit={withToken} aria-labelledby="token-title" class="card">
          <h2 id="token-title">With an access token</h2>
          <label>
            Token
            <textarea name="token" required rows={5} spellcheck={false} autocomplete="off" />
          </label>
          <p class="hint">
            In development: <code>npm run token -- --role operator</code>
          </p>
          <button type="submit" disabled={busy}>
            Use this token
          </button>
        </form>
      </div>
      <p class="hint">
        The token is kept in this tab only (session storage) and sent only to this API. Closing the
        tab signs you out.
      </p>
    </main>
  );
}
