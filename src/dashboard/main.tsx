import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from './api.ts';
import { prefetch, request, session } from './api.ts';
import { OverviewQuery, ViewerQuery } from './operations.ts';
import { href, useRoute, ViewerContext, type Viewer } from './hooks.ts';
import { finishSignIn, signInSettings, startSignIn } from './signin.ts';
import { whenExpired } from './token.ts';
import { ErrorLine } from './ui.tsx';
import { AuditView } from './views/audit.tsx';
import { ChatView } from './views/chat.tsx';
import { CostView } from './views/cost.tsx';
import { OverviewView } from './views/overview.tsx';
import { RecommendationsView } from './views/recommendations.tsx';
import { ResourceView } from './views/resource.tsx';
import { ResourcesView } from './views/resources.tsx';
import './styles.css';

const settings = signInSettings();

function SignIn({ onViewer, problem }: { onViewer: (v: Viewer) => void; problem?: Error }) {
  const [error, setError] = useState<Error | undefined>(problem);
  const submit = async (e: Event) => {
    e.preventDefault();
    const input = (e.currentTarget as HTMLFormElement).elements.namedItem('token');
    session.signIn((input as HTMLInputElement).value.trim());
    try {
      onViewer((await request(ViewerQuery)).viewer);
    } catch (err) {
      session.signOut(err as Error);
    }
  };
  return (
    <form class="signin" onSubmit={(e) => void submit(e)}>
      <h1>OptiInfra Orchestrator</h1>
      {settings && (
        <>
          {/* Back to this very URL (route and filters) after the provider's sign-in. */}
          <button
            type="button"
            class="primary"
            data-testid="oidc-sign-in"
            onClick={() => {
              startSignIn(settings).catch((err: unknown) => setError(err as Error));
            }}
          >
            Sign in with {new URL(settings.issuer).host}
          </button>
          <p class="muted">or with an API token:</p>
        </>
      )}
      <label>
        API token
        <input name="token" type="password" autocomplete="off" required autofocus={!settings} />
      </label>
      <button type="submit" class={settings ? '' : 'primary'}>
        {settings ? 'Use token' : 'Sign in'}
      </button>
      <p class="muted">
        Kept in this tab only (sessionStorage). The token printed at the first start, or one of
        API_TOKENS.
      </p>
      <ErrorLine error={error} />
    </form>
  );
}

const NAV: [string, string][] = [
  ['', 'Overview'],
  ['resources', 'Resources'],
  ['recommendations', 'Recommendations'],
  ['cost', 'Cost'],
  ['audit', 'Audit log'],
  ['chat', 'Chat'],
];

function Page() {
  const route = useRoute();
  const [first, second] = route.path;
  switch (first) {
    case 'resources':
      return <ResourcesView params={route.params} />;
    case 'resource':
      return <ResourceView id={second ?? ''} />;
    case 'recommendations':
      return <RecommendationsView params={route.params} />;
    case 'cost':
      return <CostView params={route.params} />;
    case 'audit':
      return <AuditView params={route.params} />;
    case 'chat':
      return <ChatView />;
    default:
      return <OverviewView />;
  }
}

function App({ problem }: { problem?: Error }) {
  const [viewer, setViewer] = useState<Viewer>();
  // Why the tab is signed out (a refused or expired token, a failed sign-in), if it was.
  const [error, setError] = useState<Error | undefined>(problem);
  const route = useRoute();
  useEffect(() => {
    const out = (e: Event) => {
      setViewer(undefined);
      setError((e as CustomEvent<Error | undefined>).detail);
    };
    window.addEventListener('optiinfra:signed-out', out);
    if (session.token()) {
      // A refusal (403 NO_ROLE among them) leaves the token useless: explained, then dropped.
      request(ViewerQuery).then(
        (d) => setViewer(d.viewer),
        (e: ApiError) => session.signOut(e),
      );
    }
    return () => window.removeEventListener('optiinfra:signed-out', out);
  }, []);
  // The page stays where it is (the route is in the URL): signing in again comes back to it.
  useEffect(
    () =>
      viewer
        ? whenExpired(() => session.signOut(new Error('Your sign-in expired: sign in again.')))
        : undefined,
    [viewer],
  );
  if (!viewer) {
    return session.token() && !error ? (
      <p class="muted">Signing in…</p>
    ) : (
      <SignIn key={error?.message} onViewer={setViewer} problem={error} />
    );
  }
  return (
    <ViewerContext.Provider value={viewer}>
      <header>
        <strong>OptiInfra</strong>
        <nav>
          {NAV.map(([path, label]) => (
            <a
              href={href(path ? [path] : [])}
              class={(route.path[0] ?? '') === path ? 'active' : ''}
            >
              {label}
            </a>
          ))}
          <a href="/graphql" target="_blank" rel="noopener">
            GraphiQL
          </a>
        </nav>
        <span class="who" data-testid="viewer" title={viewer.name}>
          {viewer.displayName ?? viewer.name} · {viewer.role.toLowerCase()}
        </span>
        <button type="button" onClick={() => session.signOut()}>
          Sign out
        </button>
      </header>
      <main>
        <Page />
      </main>
    </ViewerContext.Provider>
  );
}

const root = document.getElementById('app');
if (root && settings && location.pathname === settings.redirectPath) {
  // Back from the provider: finish the sign-in, then to the page (or GraphiQL) it started on.
  finishSignIn(settings).then(
    (next) => location.replace(next),
    (err: unknown) => {
      history.replaceState(null, '', '/');
      render(<App problem={err as Error} />, root);
    },
  );
} else if (root) {
  // A returning tab on the overview: its data is asked for with the viewer, not after it.
  if (session.token() && (location.hash === '' || location.hash === '#/')) {
    prefetch(OverviewQuery, {});
  }
  render(<App />, root);
}
