// GraphiQL's start-up, served by the orchestrator with GraphiQL's own assets (no CDN): asks for
// the API token once per tab (sessionStorage, shared with the dashboard), then renders GraphiQL
// with it on every request, introspection and SSE subscriptions included.
import { tokenStore, whoAmI } from './token.ts';
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

function signInForm(problem?: string): void {
  bar.innerHTML = '';
  const form = document.createElement('form');
  form.className = 'graphiql-signin';
  form.innerHTML =
    '<strong>OptiInfra Orchestrator · GraphiQL</strong>' +
    '<label>API token <input name=token type=password autocomplete=off required autofocus></label>' +
    '<button type=submit>Use token</button>' +
    '<span class=hint>kept in this tab only (sessionStorage)</span><span class=problem role=alert></span>';
  (form.querySelector('.problem') as HTMLElement).textContent = problem ?? '';
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const token = (form.elements.namedItem('token') as HTMLInputElement).value.trim();
    void begin(token);
  });
  bar.append(form);
}

function signedIn(viewer: { name: string; role: string }): void {
  bar.innerHTML = '';
  const line = document.createElement('div');
  line.className = 'graphiql-signin';
  line.innerHTML =
    '<strong>OptiInfra Orchestrator · GraphiQL</strong><span class=who></span>' +
    '<a href="/">Dashboard</a><button type=button>Sign out</button>';
  (line.querySelector('.who') as HTMLElement).textContent =
    `signed in as ${viewer.name} (${viewer.role.toLowerCase()})`;
  line.querySelector('button')?.addEventListener('click', () => {
    tokenStore.clear();
    location.reload();
  });
  bar.append(line);
}

async function begin(token: string): Promise<void> {
  const viewer = await whoAmI(token);
  if (viewer instanceof Error) {
    tokenStore.clear();
    signInForm(viewer.message);
    return;
  }
  tokenStore.set(token);
  signedIn(viewer);
  window.YogaGraphiQL.renderYogaGraphiQL(root, {
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
