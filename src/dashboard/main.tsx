import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from './api.ts';
import { prefetch, request, session } from './api.ts';
import { OverviewQuery, ViewerQuery } from './operations.ts';
import { href, useRoute, ViewerContext, type Viewer } from './hooks.ts';
import { ErrorLine } from './ui.tsx';
import { AuditView } from './views/audit.tsx';
import { ChatView } from './views/chat.tsx';
import { OverviewView } from './views/overview.tsx';
import { RecommendationsView } from './views/recommendations.tsx';
import { ResourceView } from './views/resource.tsx';
import { ResourcesView } from './views/resources.tsx';
import './styles.css';

function SignIn({ onViewer }: { onViewer: (v: Viewer) => void }) {
  const [error, setError] = useState<Error>();
  const submit = async (e: Event) => {
    e.preventDefault();
    const input = (e.currentTarget as HTMLFormElement).elements.namedItem('token');
    session.signIn((input as HTMLInputElement).value.trim());
    try {
      onViewer((await request(ViewerQuery)).viewer);
    } catch (err) {
      session.signOut();
      setError(err as Error);
    }
  };
  return (
    <form class="signin" onSubmit={(e) => void submit(e)}>
      <h1>OptiInfra Orchestrator</h1>
      <label>
        API token
        <input name="token" type="password" autocomplete="off" required autofocus />
      </label>
      <button type="submit" class="primary">
        Sign in
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
    case 'audit':
      return <AuditView params={route.params} />;
    case 'chat':
      return <ChatView />;
    default:
      return <OverviewView />;
  }
}

function App() {
  const [viewer, setViewer] = useState<Viewer>();
  const [error, setError] = useState<Error>();
  const route = useRoute();
  useEffect(() => {
    const out = () => setViewer(undefined);
    window.addEventListener('optiinfra:signed-out', out);
    if (session.token()) {
      request(ViewerQuery).then(
        (d) => setViewer(d.viewer),
        (e: ApiError) => setError(e),
      );
    }
    return () => window.removeEventListener('optiinfra:signed-out', out);
  }, []);
  if (!viewer) {
    return session.token() && !error ? (
      <p class="muted">Signing in…</p>
    ) : (
      <SignIn onViewer={setViewer} />
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
        <span class="who" data-testid="viewer">
          {viewer.name} · {viewer.role.toLowerCase()}
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
if (root) {
  // A returning tab on the overview: its data is asked for with the viewer, not after it.
  if (session.token() && (location.hash === '' || location.hash === '#/')) {
    prefetch(OverviewQuery, {});
  }
  render(<App />, root);
}
