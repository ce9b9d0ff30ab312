import { roleRefusal } from '../auth/permissions.ts';
import type { ActionPipeline } from '../actions/pipeline.ts';
import type { AuditEvent } from '../audit/types.ts';
import { roleAtLeast, type Viewer } from '../auth/viewer.ts';
import { AppError, ForbiddenError, NotFoundError } from '../errors.ts';
import type { ProviderRegistry } from '../providers/registry.ts';
import {
  parseRegistration,
  parseSubmission,
  targetResolver,
  type Agent,
  type AgentRegistry,
} from './agents.ts';
import { NO_VERB } from './decisions.ts';
import type { Recommendation } from './types.ts';
import type { RecommendationEngine } from './engine.ts';

/** What every audited agent change returns (the shape of an ActionResult). */
interface Audited {
  auditEvent: AuditEvent;
  dryRun: boolean;
}

/**
 * The changes agents and admins make to the agent registry and the advice it feeds:
 * registration, removal, heartbeats, submissions. Decides who speaks for an agent (a token of role
 * `agent` with the agent's name, or an admin on its behalf) and records registrations and
 * submissions in the audit log.
 */
export class AgentService {
  private readonly deps: {
    agents: AgentRegistry;
    recommendations: Pick<RecommendationEngine, 'ingest'>;
    actions: ActionPipeline;
    providers: ProviderRegistry;
  };

  constructor(deps: AgentService['deps']) {
    this.deps = deps;
  }

  /**
   * Registers (or updates) an agent; admin only. Decides where cluster summaries are sent.
   * Bad input is refused before anything is recorded: the log holds only changes that ran.
   */
  async register(input: {
    agent: { name: string; url: string | null; capabilities: string[] };
    viewer: Viewer;
    requestId: string | null;
  }): Promise<({ agent: Agent } & Audited) | AppError> {
    if (!roleAtLeast(input.viewer.role, 'admin')) {
      return roleRefusal(input.viewer, 'admin', 'register agents');
    }
    const registration = parseRegistration(input.agent);
    if (registration instanceof AppError) return registration;
    const { name, url, capabilities } = registration;
    const before = await this.deps.agents.get(name);
    let agent: Agent | undefined;
    const result = await this.deps.actions.record(
      {
        action: 'register_agent',
        verb: NO_VERB,
        target: null,
        params: { name, url, capabilities },
        recorded: { name, url, capabilities },
        dryRun: false,
        source: 'API',
        viewer: input.viewer,
        requestId: input.requestId,
      },
      async () => {
        agent = await this.deps.agents.register(registration);
        return {
          before: before
            ? { url: before.url, capabilities: before.capabilities }
            : { exists: false },
          after: { url: agent.url, capabilities: agent.capabilities },
          message: `${before ? 'updated' : 'registered'} agent ${name}`,
        };
      },
    );
    if (result instanceof AppError) return result;
    return { agent: agent as Agent, ...result };
  }

  /** Removes an agent (admin only): it is no longer called, and its token speaks for nobody. */
  async remove(input: {
    name: string;
    viewer: Viewer;
    requestId: string | null;
  }): Promise<({ agent: Agent } & Audited) | AppError> {
    if (!roleAtLeast(input.viewer.role, 'admin')) {
      return roleRefusal(input.viewer, 'admin', 'remove agents');
    }
    const agent = await this.deps.agents.get(input.name);
    if (!agent) return new NotFoundError(`No agent is registered as ${input.name}`);
    const result = await this.deps.actions.record(
      {
        action: 'remove_agent',
        verb: NO_VERB,
        target: null,
        params: { name: agent.name },
        recorded: { name: agent.name },
        dryRun: false,
        source: 'API',
        viewer: input.viewer,
        requestId: input.requestId,
      },
      async () => {
        if (!(await this.deps.agents.remove(agent.name))) {
          throw new NotFoundError(`No agent is registered as ${agent.name}`);
        }
        return {
          before: { url: agent.url, capabilities: agent.capabilities },
          after: { exists: false },
          message: `removed agent ${agent.name}`,
        };
      },
    );
    if (result instanceof AppError) return result;
    return { agent, ...result };
  }

  /** An agent's liveness signal. */
  async heartbeat(viewer: Viewer): Promise<Agent | AppError> {
    const name = await this.speaksFor(viewer, null);
    if (name instanceof AppError) return name;
    return (await this.deps.agents.heartbeat(name)) ?? notAgent(name);
  }

  /** Validates a submission in full, stores its advice and records it (source AGENT). */
  async submit(input: {
    asAgent: string | null | undefined;
    payload: unknown;
    viewer: Viewer;
    requestId: string | null;
  }): Promise<({ recommendations: Recommendation[] } & Audited) | AppError> {
    const agent = await this.speaksFor(input.viewer, input.asAgent);
    if (agent instanceof AppError) return agent;
    const { providers } = this.deps;
    let drafts;
    try {
      drafts = parseSubmission(agent, input.payload, providers, targetResolver(providers));
    } catch (err) {
      if (err instanceof AppError) return err;
      throw err;
    }
    let stored: Recommendation[] = [];
    // What the log keeps: which advice on which targets, not the (up to 256 KiB) payload.
    const summary = drafts.map((d) => ({ targetId: d.targetId, type: d.type, title: d.title }));
    const result = await this.deps.actions.record(
      {
        action: 'submit_recommendations',
        verb: NO_VERB,
        target: null,
        params: { agent, recommendations: summary },
        recorded: { agent, count: drafts.length, recommendations: summary },
        dryRun: false,
        source: 'AGENT',
        viewer: input.viewer,
        requestId: input.requestId,
      },
      async () => {
        stored = await this.deps.recommendations.ingest(drafts);
        return {
          before: {},
          after: { stored: stored.map((r) => r.id) },
          message: `${agent} submitted ${drafts.length} recommendation(s), ${stored.length} stored (others suppressed)`,
        };
      },
    );
    if (result instanceof AppError) return result;
    await this.deps.agents.heartbeat(agent);
    return { recommendations: stored, ...result };
  }

  /**
   * The agent a caller speaks for: a token of role `agent` speaks for the registered agent of
   * its name; an admin for the agent it names (default: its own name). Nobody else does,
   * whatever its token is called.
   */
  private async speaksFor(
    viewer: Viewer,
    asAgent: string | null | undefined,
  ): Promise<string | AppError> {
    let name: string;
    if (viewer.role === 'agent') name = viewer.name;
    else if (viewer.role === 'admin') name = asAgent ?? viewer.name;
    else {
      return new ForbiddenError(
        `${viewer.name} (${viewer.role}) is not an agent: agents use a token of role agent`,
      );
    }
    if (asAgent && asAgent !== name) {
      return new ForbiddenError(`${viewer.name} may submit only as itself`);
    }
    return (await this.deps.agents.get(name)) ? name : notAgent(name);
  }
}

const notAgent = (name: string) => new ForbiddenError(`${name} is not a registered agent`);
