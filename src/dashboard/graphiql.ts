// GraphiQL's start-up, served by the orchestrator with GraphiQL's own assets (no CDN): signs
// in with the identity provider (when OIDC is configured) or asks for an API token, once per
// tab (sessionStorage, shared with the dashboard), then renders GraphiQL with it on every
// request, introspection and SSE subscriptions included. An expired or refused token brings
// the sign-in back; the document stays in ?query=, so signing in again returns to it.
import { signInSettings, startSignIn } from './signin.ts';
import { tokenStore, whenExpired, whoAmI } from './token.ts';
import './graphiql.css';

interface Config {
  endpoint: string;
  workers: Record<string, string>;
}

declare global {
  interface Window {
    YogaGraphiQL: { renderYogaGraphiQL(root: HTMLElement, options: Record<string, unknown>): void };
    MonacoEnvironment: unknown;
  }
}

const DEFAULT_QUERY = `# OptiInfra Orchestrator: GraphiQL, served by the orchestrator itself.
# Run with Ctrl-Enter; the Docs pane (book icon) holds the whole schema.
# Live data: replace this document with a subscription, e.g.
#   subscription Live { resourceEvents { type timestamp resource { kind namespace name state } } }
query Start {
  viewer {
    name
    role
  }
  status {
    name
    state
    message
  }
  resources(first: 10) {
    totalCount
    edges {
      node {
        id
        kind
        namespace
        name
        state
      }
    }
  }
}
`;

const config = JSON.parse(
  document.getElementById('graphiql-config')?.textContent ?? '{}',
) as Config;
window.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: (_id: string, label: string) =>
    config.workers[label] ?? config.workers.editorWorkerService,
};

const bar = document.getElementById('signin') as HTMLElement;
const root = document.getElementById('root') as HTMLElement;
const settings = signInSettings();

function signInForm(problem?: string): void {
  bar.innerHTML = '';
  root.replaceChildren();
  const form = document.createElement('form');
  form.className = 'graphiql-signin';
  form.innerHTML =
    '<strong>OptiInfra Orchestrator · GraphiQL</strong>' +
    (settings ? '<button type=button data-testid=oidc-sign-in></button> or' : '') +
    '<label>API token <input name=token type=password autocomplete=off required></label>' +
    '<button type=submit>Use token</button>' +
    '<span class=hint>kept in this tab only (sessionStorage)</span><span class=problem role=alert></span>';
  (form.querySelector('.problem') as HTMLElement).textContent = problem ?? '';
  const provider = form.querySelector<HTMLButtonElement>('[data-testid=oidc-sign-in]');
  if (settings && provider) {
    provider.textContent = `Sign in with ${new URL(settings.issuer).host}`;
    // Comes back to this URL, ?query= included.
    provider.addEventListener('click', () => {
      startSignIn(settings).catch((err: unknown) => signInForm((err as Error).message));
    });
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const token = (form.elements.namedItem('token') as HTMLInputElement).value.trim();
    void begin(token);
  });
  bar.append(form);
}

function signedOut(problem?: string): void {
  stopExpiry();
  tokenStore.clear();
  signInForm(problem);
}

function signedIn(viewer: { name: string; displayName: string | null; role: string }): void {
  bar.innerHTML = '';
  const line = document.createElement('div');
  line.className = 'graphiql-signin';
  line.innerHTML =
    '<strong>OptiInfra Orchestrator · GraphiQL</strong><span class=who></span>' +
    '<a href="/">Dashboard</a><button type=button>Sign out</button>';
  (line.querySelector('.who') as HTMLElement).textContent =
    `signed in as ${viewer.displayName ?? viewer.name} (${viewer.role.toLowerCase()})`;
  line.querySelector('button')?.addEventListener('click', () => signedOut());
  bar.append(line);
}

let stopExpiry = () => {};

// GraphiQL calls globalThis.fetch at request time: a 401 on any of its requests (the token
// expired or was revoked) signs the tab out instead of leaving an error in the result pane.
const plainFetch = globalThis.fetch.bind(globalThis);
globalThis.fetch = async (...args: Parameters<typeof fetch>) => {
  const res = await plainFetch(...args);
  if (res.status === 401 && tokenStore.get()) {
    const body = (await res
      .clone()
      .json()
      .catch(() => ({}))) as { errors?: { message?: string }[] };
    signedOut(body.errors?.[0]?.message ?? 'The token was refused: sign in again.');
  }
  return res;
};

async function begin(token: string): Promise<void> {
  const viewer = await whoAmI(token);
  if (viewer instanceof Error) {
    signedOut(viewer.message);
    return;
  }
  if (tokenStore.get() !== token) tokenStore.set(token);
  signedIn(viewer);
  stopExpiry = whenExpired(() => signedOut('Your sign-in expired: sign in again.'));
  // A fresh element each time: a sign-in after an expiry renders GraphiQL anew.
  const mount = document.createElement('div');
  mount.style.height = '100%';
  root.replaceChildren(mount);
  window.YogaGraphiQL.renderYogaGraphiQL(mount, {
    title: 'OptiInfra Orchestrator',
    endpoint: config.endpoint,
    // A link or a reload carries the query in ?query= (GraphiQL writes it on every edit); the
    // package would let an explicit `query` option win over it.
    query: new URLSearchParams(location.search).get('query') ?? DEFAULT_QUERY,
    // Sent with every request (queries, introspection, SSE subscriptions); the headers editor
    // stays free for extra headers.
    additionalHeaders: { authorization: `Bearer ${token}` },
    shouldPersistHeaders: false,
  });
}

const saved = tokenStore.get();
if (saved) void begin(saved);
else signInForm();
