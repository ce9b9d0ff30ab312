// External AI engine and agents. The JSON contract (README "Recommendations / agents"):
//   engine -> agent   POST <agent url>/analyze  {version: 1, workloads: WorkloadSummary[]}
//   agent  -> engine  {recommendations: AgentRecommendation[]}  (the same shape is accepted by
//                     the submitRecommendations mutation)
// Every payload is validated in full before anything is stored: one bad item refuses all.
import { parseGlobalId } from '../graphql/global-id.ts';
import { z } from 'zod';
import { validateParams } from '../actions/params.ts';
import { ValidationError, type FieldProblem } from '../errors.ts';
import type { ComponentStatus } from '../health.ts';
import type { Logger } from '../logger.ts';
import { containerPatches } from '../providers/kubernetes/resources-patch.ts';
import type { ProviderRegistry } from '../providers/registry.ts';
import type { Database } from '../store/database.ts';
import type { DraftSource } from './engine.ts';
import { RISKS, TYPE_PATTERN, type AnalyzerResult, type Draft } from './types.ts';
import type { WorkloadProfile } from './workloads.ts';
import { readCapped } from '../read-capped.ts';

export const MAX_SUBMISSION_BYTES = 256 * 1024;
const NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/i;

const json = z
  .unknown()
  .refine((v) => JSON.stringify(v ?? null).length <= 16_384, 'at most 16 KiB');

export const AgentRecommendationSchema = z.strictObject({
  targetId: z.string().min(1).max(512),
  type: z.string().regex(TYPE_PATTERN, 'type must be UPPER_SNAKE_CASE, 3 to 40 characters'),
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().min(1).max(2000),
  current: json.optional(),
  recommended: json,
  evidence: z.record(z.string(), z.unknown()).optional(),
  confidence: z.number().min(0).max(1),
  estimatedMonthlySavings: z.number().finite().min(-1e7).max(1e7).nullable().optional(),
  risk: z.enum(RISKS).default('MEDIUM'),
  action: z
    .strictObject({
      verb: z.enum(['scale', 'stop', 'start', 'patch']),
      params: z.record(z.string(), z.unknown()),
    })
    .optional(),
});

export const AgentSubmissionSchema = z.strictObject({
  recommendations: z.array(AgentRecommendationSchema).max(100, 'at most 100 recommendations'),
});

export type AgentSubmission = z.infer<typeof AgentSubmissionSchema>;

/** Agents may name a target by its GraphQL global id or by its provider id. */
export function targetResolver(providers: ProviderRegistry): (id: string) => string | undefined {
  return (id) => {
    if (providers.get(id)) return id;
    return parseGlobalId(id)?.id;
  };
}

/**
 * Turns an untrusted payload into drafts, or throws one ValidationError naming every
 * problem. `resolveTarget` maps a global or provider id to a provider id (or undefined).
 */
export function parseSubmission(
  agent: string,
  payload: unknown,
  providers: ProviderRegistry,
  resolveTarget: (id: string) => string | undefined,
): Draft[] {
  if (JSON.stringify(payload ?? null).length > MAX_SUBMISSION_BYTES) {
    throw new ValidationError(`submission larger than ${MAX_SUBMISSION_BYTES} bytes`, [
      { path: 'recommendations', message: 'too large' },
    ]);
  }
  const parsed = AgentSubmissionSchema.safeParse(payload);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({
      path: i.path.map(String).join('.'),
      message: i.message,
    }));
    throw new ValidationError(
      `Malformed submission from ${agent}: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`,
      fields,
    );
  }
  const problems: FieldProblem[] = [];
  const drafts: Draft[] = [];
  parsed.data.recommendations.forEach((r, i) => {
    const path = `recommendations.${i}`;
    const id = resolveTarget(r.targetId);
    const target = id ? providers.get(id) : undefined;
    if (!target) {
      problems.push({ path: `${path}.targetId`, message: `no resource ${r.targetId}` });
      return;
    }
    if (r.action) {
      try {
        const params = validateParams(r.action.verb, r.action.params);
        if (r.action.verb === 'patch') containerPatches(params.patch as Record<string, unknown>);
        const verbs = providers.providerOf(target)?.verbs(target) ?? [];
        if (!verbs.includes(r.action.verb))
          problems.push({
            path: `${path}.action.verb`,
            message: `${r.action.verb} does not apply to ${target.kind}`,
          });
      } catch (err) {
        problems.push({ path: `${path}.action.params`, message: (err as Error).message });
        return;
      }
    }
    drafts.push({
      targetId: target.id,
      targetKind: target.kind,
      targetName: target.name,
      targetNamespace: target.namespace,
      type: r.type,
      title: r.title,
      summary: r.summary,
      current: r.current ?? null,
      recommended: r.recommended ?? null,
      evidence: { ...(r.evidence ?? {}), submittedBy: agent },
      confidence: r.confidence,
      estimatedMonthlySavings: r.estimatedMonthlySavings ?? null,
      risk: r.risk,
      source: `agent:${agent}`,
      action: r.action ? { verb: r.action.verb, params: r.action.params } : null,
    });
  });
  if (problems.length > 0) {
    throw new ValidationError(
      `Submission from ${agent} refused, nothing stored: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      problems,
    );
  }
  return drafts;
}

const Registration = z.strictObject({
  name: z.string().regex(NAME, 'letters, digits, . _ - (1 to 63, starting with a letter or digit)'),
  url: z
    .string()
    .max(2048, 'at most 2048 characters')
    .refine((u) => URL.canParse(u) && ['http:', 'https:'].includes(new URL(u).protocol), {
      message: 'must be an http(s) URL',
    })
    .nullable(),
  capabilities: z
    .array(z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'lower-case words, 1 to 40 characters'))
    .max(20, 'at most 20'),
});

export type AgentRegistration = z.infer<typeof Registration>;

/** A registration as given, checked in full before anything is recorded or stored. */
export function parseRegistration(input: unknown): AgentRegistration | ValidationError {
  const parsed = Registration.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return new ValidationError(
    `Agent registration refused: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    problems,
  );
}

export interface Agent {
  name: string;
  url: string | null;
  capabilities: string[];
  registeredAt: string;
  lastHeartbeatAt: string | null;
  lastError: string | null;
}

/** Summaries sent to agents: spec and usage, never secrets or whole objects. */
export function summarize(p: WorkloadProfile) {
  return {
    id: p.resource.id,
    kind: p.resource.kind,
    cluster: p.resource.cluster,
    namespace: p.resource.namespace,
    name: p.resource.name,
    replicas: p.replicas,
    historyHours: p.historyHours,
    hpa: p.hpa,
    containers: p.containers.map((c) => ({
      name: c.name,
      resources: c.resources,
      cpuHighCores: c.cpuHigh,
      cpuPeakCores: c.cpuPeak,
      cpuMeanCores: c.cpuMean,
      memoryPeakBytes: c.memoryPeak,
    })),
    cpuMeanPerPodCores: p.cpuMeanPerPod,
    networkPerPodBytesPerSecond: p.networkPerPod,
  };
}

type AgentRow = {
  name: string;
  url: string | null;
  capabilities: string[];
  registered_at: Date | string;
  last_heartbeat_at: Date | string | null;
  last_error: string | null;
};

/** The agent registry: registration, heartbeats, calls out, and the ai-engine status. */
export class AgentRegistry implements DraftSource {
  readonly name = 'agents';
  private readonly deps: {
    db: Database;
    log: Logger;
    providers: ProviderRegistry;
    /** An agent silent for longer than this is DOWN. */
    staleSeconds: number;
    timeoutMs: number;
  };

  constructor(deps: AgentRegistry['deps']) {
    this.deps = deps;
  }

  /** Stores a registration already checked by {@link parseRegistration}. */
  async register(a: AgentRegistration): Promise<Agent> {
    const rows = await this.deps.db.query<AgentRow>(
      `INSERT INTO recommendation_agents (name, url, capabilities, last_heartbeat_at)
       VALUES ($1, $2, $3::jsonb, now())
       ON CONFLICT (name) DO UPDATE SET url = $2, capabilities = $3::jsonb, last_heartbeat_at = now(), last_error = NULL
       RETURNING *`,
      [a.name, a.url, JSON.stringify(a.capabilities)],
    );
    return toAgent(rows[0] as AgentRow);
  }

  /** Drops an agent; false when none had that name. */
  async remove(name: string): Promise<boolean> {
    const rows = await this.deps.db.query(
      'DELETE FROM recommendation_agents WHERE name = $1 RETURNING name',
      [name],
    );
    return rows.length > 0;
  }

  async heartbeat(name: string, error: string | null = null): Promise<Agent | undefined> {
    const rows = await this.deps.db.query<AgentRow>(
      `UPDATE recommendation_agents SET last_heartbeat_at = CASE WHEN $2::text IS NULL THEN now() ELSE last_heartbeat_at END,
         last_error = $2, last_error_at = CASE WHEN $2::text IS NULL THEN NULL ELSE now() END
       WHERE name = $1 RETURNING *`,
      [name, error],
    );
    return rows[0] ? toAgent(rows[0]) : undefined;
  }

  async list(): Promise<Agent[]> {
    const rows = await this.deps.db.query<AgentRow>(
      'SELECT * FROM recommendation_agents ORDER BY name',
    );
    return rows.map(toAgent);
  }

  async get(name: string): Promise<Agent | undefined> {
    return (await this.list()).find((a) => a.name === name);
  }

  private down(a: Agent): string | null {
    if (a.lastError) return a.lastError;
    const age = a.lastHeartbeatAt ? (Date.now() - Date.parse(a.lastHeartbeatAt)) / 1000 : Infinity;
    return age > this.deps.staleSeconds ? `no heartbeat for ${Math.round(age)} s` : null;
  }

  async health(): Promise<ComponentStatus> {
    const agents = await this.list();
    if (agents.length === 0)
      return { state: 'DISABLED', message: 'no agents registered; built-in analyzers only' };
    const down = agents.map((a) => [a.name, this.down(a)] as const).filter(([, why]) => why);
    const text = down.map(([n, why]) => `${n}: ${why}`).join('; ');
    if (down.length === 0) return { state: 'UP', message: `${agents.length} agent(s) up` };
    return {
      state: down.length === agents.length ? 'DOWN' : 'DEGRADED',
      message: `${agents.length - down.length}/${agents.length} agent(s) up (${text}); built-in analyzers continue`,
    };
  }

  /** Asks every agent with the `analyze` capability; one failing agent fails only itself. */
  async collect(profiles: WorkloadProfile[]): Promise<AnalyzerResult> {
    const out: AnalyzerResult = { drafts: [], skips: [], evaluated: new Set() };
    const agents = (await this.list()).filter((a) => a.url && a.capabilities.includes('analyze'));
    const body = JSON.stringify({
      version: 1,
      generatedAt: new Date().toISOString(),
      workloads: profiles.map(summarize),
    });
    await Promise.all(
      agents.map(async (a) => {
        try {
          const res = await fetch(`${(a.url ?? '').replace(/\/$/, '')}/analyze`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
            signal: AbortSignal.timeout(this.deps.timeoutMs),
          });
          if (!res.ok) throw new Error(`HTTP ${res.status}`);
          // Read no further than the cap: an endless answer must not fill the memory.
          // Node's fetch body is async iterable (TypeScript's DOM typing of it is not).
          const reply = res.body as AsyncIterable<Uint8Array> | null;
          const answer = await readCapped(reply, MAX_SUBMISSION_BYTES);
          if (answer.truncated) {
            throw new Error(`answer larger than ${MAX_SUBMISSION_BYTES} bytes`);
          }
          const drafts = parseSubmission(
            a.name,
            JSON.parse(answer.bytes.toString('utf8')),
            this.deps.providers,
            targetResolver(this.deps.providers),
          );
          out.drafts.push(...drafts);
          await this.heartbeat(a.name);
        } catch (err) {
          const message = (err as Error).message.slice(0, 500);
          this.deps.log.warn({ agent: a.name, err: message }, 'agent failed');
          await this.heartbeat(a.name, message);
        }
      }),
    );
    return out;
  }
}

function toAgent(r: AgentRow): Agent {
  return {
    name: r.name,
    url: r.url,
    capabilities: r.capabilities,
    registeredAt: new Date(r.registered_at).toISOString(),
    lastHeartbeatAt: r.last_heartbeat_at ? new Date(r.last_heartbeat_at).toISOString() : null,
    lastError: r.last_error,
  };
}
