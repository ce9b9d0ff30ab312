import { mayRun } from '../actions/policy.ts';
import type { AuditStore } from '../audit/store.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { HealthService } from '../health.ts';
import { RESOURCE_STATES, type Resource, type ResourceFilter } from '../providers/provider.ts';
import type { ProviderRegistry } from '../providers/registry.ts';
import type { Entities, IntentName } from './intents.ts';
import { currentReplicas } from './planner.ts';
import { describeResource } from './resolve.ts';
import { MAX_SHOWN } from './understand.ts';
import type { ChatMetricsSource, ChatRecommendationsSource } from './sources.ts';

export interface AnswerDeps {
  providers: ProviderRegistry;
  audit: Pick<AuditStore, 'list'>;
  health: HealthService;
  metrics?: ChatMetricsSource | undefined;
  recommendations?: ChatRecommendationsSource | undefined;
}

const MAX_ROWS = MAX_SHOWN;

/** The filter a request's entities mean ("not running": every other state). */
export function filterOf(e: Entities): ResourceFilter {
  const states = e.notState
    ? RESOURCE_STATES.filter((s) => s !== e.notState && (!e.state || s === e.state))
    : e.state
      ? [e.state]
      : undefined;
  return {
    kinds: e.kind ? [e.kind] : undefined,
    namespaces: e.namespace ? [e.namespace] : undefined,
    clusters: e.cluster ? [e.cluster] : undefined,
    states,
    labelSelector: e.label,
    search: e.name,
  };
}

/** The rows a list answer shows, in its order (`list` is the providers' list). */
export function listRows(list: (f: ResourceFilter) => Resource[], e: Entities): Resource[] {
  return list(filterOf(e)).sort((a, b) => a.id.localeCompare(b.id));
}

export const HELP = `I can answer questions and prepare changes; nothing changes until you confirm a plan.

**Ask**
- \`list pods in prod\`, \`show failed pods\`, \`deployments labelled tier=web\`
- \`describe backend\`, \`status of the redis statefulset\`
- \`what's using the most memory in prod\`, \`cpu of backend over the last hour\`
- \`status\`, \`overview\`, \`open recommendations\`
- \`recent audit events\`, \`failed actions today\`, \`what did alice do\`

**Change** (a plan with a dry run; confirm to execute)
- \`scale backend to 5\`, \`scale checkout up by 2\`
- \`stop / start / restart web\`, \`delete the cart deployment\`
- \`cordon node-2\`, \`uncordon node-2\`
- \`apply recommendation 3\`, \`reject recommendation 2\`
- \`revert the last action on backend\`
- \`create a redis cluster with 3 replicas\`, \`postgres in staging\`, \`nginx\`, \`a deployment from image ghcr.io/acme/api:1.4\`

Follow-ups work: "restart it", "do the same for frontend".`;

function table(rows: Resource[]): string {
  const lines = rows
    .slice(0, MAX_ROWS)
    .map(
      (r) =>
        `| ${r.kind.toLowerCase()} | ${r.namespace ?? '—'} | ${r.name} | ${r.state} | ${r.cluster} |`,
    );
  return ['| kind | namespace | name | state | cluster |', '|---|---|---|---|---|', ...lines].join(
    '\n',
  );
}

function periodMs(iso: string): number {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(iso);
  if (!m) return 3_600_000;
  return ((Number(m[1] ?? 0) * 24 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 60_000;
}

function formatValue(value: number, unit: string): string {
  if (unit === 'bytes') return `${(value / 1024 / 1024).toFixed(1)} MiB`;
  if (unit === 'cores') return `${(value * 1000).toFixed(0)}m CPU`;
  return `${value.toFixed(2)} ${unit}`;
}

/** Read-only answers, served from the caches and stores at once. */
export class Answers {
  private readonly deps: AnswerDeps;

  constructor(deps: AnswerDeps) {
    this.deps = deps;
  }

  /** The rows a list answer for `e` shows. */
  rows(e: Entities): Resource[] {
    return listRows((f) => this.deps.providers.list(f), e);
  }

  async answer(
    intent: IntentName,
    e: Entities,
    target: Resource | undefined,
    viewer: Viewer,
  ): Promise<{ reply: string; targets: Resource[] }> {
    switch (intent) {
      case 'list_resources':
        return this.list(e);
      case 'describe_resource':
        return target ? this.describe(target, viewer) : { reply: 'Which resource?', targets: [] };
      case 'top_usage':
        return this.top(e);
      case 'resource_usage':
        return target ? this.usage(e, target) : { reply: 'Which resource?', targets: [] };
      case 'status':
        return this.status();
      case 'overview':
        return this.overview();
      case 'list_recommendations':
        return this.recommendations();
      case 'audit_log':
        return this.auditLog(e);
      case 'confirm':
        return {
          reply:
            'To run a plan, confirm it with its confirmation token (the **Confirm** button, or the `confirmChatPlan` mutation). Nothing runs from a chat message alone.',
          targets: [],
        };
      case 'cancel':
        return {
          reply: 'OK, nothing was done. Unconfirmed plans expire on their own.',
          targets: [],
        };
      case 'help':
        return { reply: HELP, targets: [] };
      default:
        return { reply: `I didn't understand that. ${HELP}`, targets: [] };
    }
  }

  private list(e: Entities) {
    try {
      this.deps.providers.matcher(filterOf(e)); // parses the label selector before listing
    } catch (err) {
      return { reply: `That label selector isn't valid: ${(err as Error).message}`, targets: [] };
    }
    const rows = this.rows(e);
    const what = [
      e.state?.toLowerCase(),
      e.notState && `not ${e.notState.toLowerCase()}`,
      e.kind ? `${e.kind.toLowerCase().replace(/_/g, ' ')}s` : 'resources',
    ]
      .filter(Boolean)
      .join(' ');
    const where = [
      e.namespace && `in \`${e.namespace}\``,
      e.label && `with \`${e.label}\``,
      e.name && `matching "${e.name}"`,
    ]
      .filter(Boolean)
      .join(' ');
    const failures = this.deps.providers.failures();
    const missing = failures.length
      ? `\n\n_Not included (unreachable): ${failures.map((f) => `${f.provider} ${f.cluster}`).join(', ')}._`
      : '';
    if (rows.length === 0)
      return { reply: `No ${what} ${where}.${missing}`.replace(/ +\./, '.'), targets: [] };
    const more = rows.length > MAX_ROWS ? `\n\n…and ${rows.length - MAX_ROWS} more.` : '';
    return {
      reply: `${rows.length} ${what} ${where}:\n\n${table(rows)}${more}${missing}`.replace(
        / +:/,
        ':',
      ),
      targets: rows.length <= MAX_ROWS ? rows : [],
    };
  }

  private async describe(r: Resource, viewer: Viewer) {
    const provider = this.deps.providers.providerOf(r);
    const verbs = (provider?.verbs(r) ?? []).filter((v) => mayRun(viewer.role, v));
    const replicas = currentReplicas(r);
    const labels = Object.entries(r.labels)
      .map(([k, v]) => `\`${k}=${v}\``)
      .join(' ');
    const events = await this.deps.audit.list({ resourceId: r.id }, 5);
    const lines = [
      `**${describeResource(r)}** is **${r.state}**.`,
      `- provider: ${r.provider}, cluster/region: ${r.cluster}${r.namespace ? `, namespace: ${r.namespace}` : ''}`,
      replicas !== undefined ? `- replicas: ${replicas}` : '',
      labels ? `- labels: ${labels}` : '',
      r.createdAt ? `- created: ${r.createdAt.toISOString()}` : '',
      `- you may: ${verbs.length ? verbs.join(', ') : 'only look'}`,
      events.length
        ? `- recent actions:\n${events.map((ev) => `  - ${ev.timestamp} ${ev.actor} ${ev.action}${ev.dryRun ? ' (dry run)' : ''}: ${ev.status}`).join('\n')}`
        : '- no recorded actions',
    ];
    return { reply: lines.filter(Boolean).join('\n'), targets: [r] };
  }

  private async top(e: Entities) {
    const metric = e.metric ?? 'memory';
    if (!this.deps.metrics)
      return {
        reply: `Metrics are not available yet, so I can't rank by ${metric}. Ask me again once metrics collection is enabled.`,
        targets: [],
      };
    const among = this.deps.providers.list({
      ...filterOf({ ...e, name: undefined }),
      kinds: [e.kind ?? 'POD'],
    });
    const top = await this.deps.metrics.top(metric, among, e.limit ?? 5);
    if (!top.length) return { reply: `No ${metric} samples for those resources yet.`, targets: [] };
    return {
      reply: `Top ${top.length} by ${metric}${e.namespace ? ` in \`${e.namespace}\`` : ''}:\n\n${top.map((s, i) => `${i + 1}. ${describeResource(s.resource)} — ${formatValue(s.value, s.unit)}`).join('\n')}`,
      targets: top.map((s) => s.resource),
    };
  }

  private async usage(e: Entities, r: Resource) {
    const metric = e.metric ?? 'cpu';
    if (!this.deps.metrics)
      return {
        reply: `Metrics are not available yet, so I can't show the ${metric} of ${describeResource(r)}.`,
        targets: [r],
      };
    const period = e.period ?? 'PT1H';
    const u = await this.deps.metrics.usage(metric, r, period);
    if (!u)
      return {
        reply: `No ${metric} samples for ${describeResource(r)} in the last ${periodMs(period) / 60_000} minutes.`,
        targets: [r],
      };
    return {
      reply: `${metric} of ${describeResource(r)} over ${period}: now ${formatValue(u.latest, u.unit)}, average ${formatValue(u.average, u.unit)}, peak ${formatValue(u.peak, u.unit)}.`,
      targets: [r],
    };
  }

  private async status() {
    const report = await this.deps.health.status();
    const bad = report.filter((c) => c.state === 'DOWN' || c.state === 'DEGRADED');
    const lines = report.map((c) => `- **${c.name}**: ${c.state} — ${c.message}`);
    return {
      reply: `${bad.length ? `${bad.length} component(s) need attention.` : 'Everything configured is up.'}\n\n${lines.join('\n')}`,
      targets: [],
    };
  }

  private overview() {
    const all = this.deps.providers.list({});
    const byKind = new Map<string, { total: number; bad: number }>();
    for (const r of all) {
      const k = byKind.get(r.kind) ?? { total: 0, bad: 0 };
      k.total += 1;
      if (r.state === 'FAILED' || r.state === 'DEGRADED') k.bad += 1;
      byKind.set(r.kind, k);
    }
    const rows = [...byKind]
      .sort()
      .map(([kind, c]) => `| ${kind.toLowerCase()} | ${c.total} | ${c.bad} |`);
    return {
      reply: `${all.length} resources watched.\n\n| kind | count | failed/degraded |\n|---|---|---|\n${rows.join('\n')}`,
      targets: [],
    };
  }

  private async recommendations() {
    if (!this.deps.recommendations)
      return { reply: 'Recommendations are not available yet.', targets: [] };
    const open = await this.deps.recommendations.open(10);
    if (!open.length) return { reply: 'There are no open recommendations.', targets: [] };
    const total = open.reduce((s, r) => s + (r.estimatedMonthlySavings ?? 0), 0);
    return {
      reply: `${open.length} open recommendation(s), about $${total.toFixed(0)}/month in savings:\n\n${open
        .map(
          (r, i) =>
            `${i + 1}. ${r.title}${r.estimatedMonthlySavings ? ` — $${r.estimatedMonthlySavings.toFixed(0)}/mo` : ''}${r.risk ? ` (risk: ${r.risk})` : ''}`,
        )
        .join('\n')}\n\nSay "apply recommendation N" to plan one.`,
      targets: [],
    };
  }

  private async auditLog(e: Entities) {
    const since = e.period ? new Date(Date.now() - periodMs(e.period)) : undefined;
    const events = await this.deps.audit.list(
      {
        actions: e.action ? [e.action] : undefined,
        statuses: e.status ? [e.status] : undefined,
        actors: e.actor ? [e.actor] : undefined,
        since,
      },
      e.limit ?? 10,
    );
    if (!events.length) return { reply: 'No matching actions in the audit log.', targets: [] };
    const rows = events.map(
      (ev) =>
        `| ${ev.timestamp} | ${ev.actor} | ${ev.source} | ${ev.action}${ev.dryRun ? ' (dry run)' : ''} | ${ev.target?.namespace ? `${ev.target.namespace}/` : ''}${ev.target?.name ?? '-'} | ${ev.status} |`,
    );
    return {
      reply: `Last ${events.length} matching action(s):\n\n| when | who | via | action | target | status |\n|---|---|---|---|---|---|\n${rows.join('\n')}`,
      targets: [],
    };
  }
}
