import type { ComponentReport } from './health.ts';

/** What a person starting the process needs to read: where to go, and what works. */
export interface StartSummary {
  version: string;
  host: string;
  port: number;
  graphiql: boolean;
  dashboard: boolean;
  components: ComponentReport[];
}

const MAX_MESSAGE = 60;

/** The base URL a browser on this machine can open (a wildcard address means localhost). */
export function publicUrl(host: string, port: number): string {
  const name = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return `http://${name.includes(':') ? `[${name}]` : name}:${port}`;
}

/** One line: the URL, the dashboard, GraphiQL, and each component's state. */
export function startLine(s: StartSummary): string {
  const url = publicUrl(s.host, s.port);
  const pages = [
    `API ${url}/graphql`,
    s.dashboard ? `dashboard ${url}/` : 'dashboard not built (npm run build:ui)',
    s.graphiql ? `GraphiQL ${url}/graphql` : 'GraphiQL off (GRAPHIQL)',
  ];
  const states = s.components.map((c) => {
    const short =
      c.message.length > MAX_MESSAGE ? `${c.message.slice(0, MAX_MESSAGE - 1)}…` : c.message;
    return c.state === 'UP' || !short ? `${c.name} ${c.state}` : `${c.name} ${c.state} (${short})`;
  });
  return `OptiInfra Orchestrator ${s.version} listening: ${pages.join(' · ')} | ${states.join(', ')}`;
}
