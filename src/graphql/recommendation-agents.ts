import { ForbiddenError, ValidationError } from '../errors.ts';
import { parseSubmission, targetResolver, type Agent } from '../recommendations/agents.ts';
import type { Recommendation } from '../recommendations/types.ts';
import { actionErrors } from './actions.ts';
import { builder } from './builder.ts';
import type { GraphQLContext } from './context.ts';
import { RecommendationRef } from './recommendations.ts';

// External AI engines and agents: registration, heartbeats and submissions (README
// "Recommendations / Agents"); the engine calls agents with `analyze` on each run.

const AgentRef = builder.objectRef<Agent>('RecommendationAgent').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    url: t.exposeString('url', { nullable: true }),
    capabilities: t.exposeStringList('capabilities'),
    registeredAt: t.field({ type: 'DateTime', resolve: (a) => a.registeredAt }),
    lastHeartbeatAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (a) => a.lastHeartbeatAt,
    }),
    lastError: t.exposeString('lastError', { nullable: true }),
  }),
});

const AgentSuccess = builder.objectRef<{ agent: Agent }>('RegisterAgentSuccess').implement({
  description: 'The agent as registered (or updated).',
  fields: (t) => ({
    agent: t.field({
      type: AgentRef,
      description: 'The registered agent.',
      resolve: (s) => s.agent,
    }),
  }),
});

const HeartbeatSuccess = builder.objectRef<{ agent: Agent }>('AgentHeartbeatSuccess').implement({
  description: 'The heartbeat was recorded.',
  fields: (t) => ({
    agent: t.field({
      type: AgentRef,
      description: 'The agent, with its new last heartbeat time.',
      resolve: (s) => s.agent,
    }),
  }),
});

const SubmitSuccess = builder
  .objectRef<{ recommendations: Recommendation[] }>('SubmitRecommendationsSuccess')
  .implement({
    fields: (t) => ({
      recommendations: t.field({ type: [RecommendationRef], resolve: (s) => s.recommendations }),
    }),
  });

const RegisterAgentInput = builder.inputType('RegisterAgentInput', {
  fields: (t) => ({
    name: t.string({
      required: true,
      description: 'Also the name of the API token the agent uses.',
    }),
    url: t.string({
      required: false,
      description: 'Where POST <url>/analyze reaches it, if it analyzes.',
    }),
    capabilities: t.stringList({ required: false, description: 'e.g. ["analyze"].' }),
  }),
});

const SubmitRecommendationsInput = builder.inputType('SubmitRecommendationsInput', {
  fields: (t) => ({
    agent: t.string({
      required: false,
      description: "Admins only: submit as this agent (default: the token's name).",
    }),
    recommendations: t.field({
      type: 'JSON',
      required: true,
      description:
        'AgentRecommendation[] as documented in the README; validated in full, all or nothing.',
    }),
  }),
});

/** The agent a token speaks for: its own name if registered, or any agent for an admin. */
async function agentOf(ctx: GraphQLContext, asAgent: string | null | undefined): Promise<string> {
  const name = asAgent && ctx.viewer.role === 'admin' ? asAgent : ctx.viewer.name;
  if (!(await ctx.services.agents.get(name))) {
    throw new ForbiddenError(`${ctx.viewer.name} is not a registered agent`);
  }
  return name;
}

builder.mutationFields((t) => ({
  registerAgent: t.field({
    type: AgentSuccess,
    errors: actionErrors('RegisterAgent', [ValidationError]),
    authScopes: { admin: true },
    args: { input: t.arg({ type: RegisterAgentInput, required: true }) },
    resolve: async (_root, { input }, ctx) => ({
      agent: await ctx.services.agents.register({
        name: input.name,
        url: input.url ?? null,
        capabilities: input.capabilities ?? [],
      }),
    }),
  }),
  agentHeartbeat: t.field({
    type: HeartbeatSuccess,
    errors: actionErrors('AgentHeartbeat', [ForbiddenError]),
    description: "An agent's liveness signal (with its own token).",
    resolve: async (_root, _args, ctx) => {
      const name = await agentOf(ctx, null);
      const agent = await ctx.services.agents.heartbeat(name);
      if (!agent) throw new ForbiddenError(`${name} is not a registered agent`);
      return { agent };
    },
  }),
  submitRecommendations: t.field({
    type: SubmitSuccess,
    errors: actionErrors('SubmitRecommendations', [ForbiddenError, ValidationError]),
    description: 'An agent submits advice (token named as a registered agent, or admin).',
    args: { input: t.arg({ type: SubmitRecommendationsInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const agent = await agentOf(ctx, input.agent);
      const { providers } = ctx.services;
      const drafts = parseSubmission(
        agent,
        { recommendations: input.recommendations },
        providers,
        targetResolver(providers),
      );
      await ctx.services.agents.heartbeat(agent);
      return { recommendations: await ctx.services.recommendations.ingest(drafts) };
    },
  }),
}));

builder.queryFields((t) => ({
  recommendationAgents: t.field({
    type: [AgentRef],
    resolve: (_r, _a, ctx) => ctx.services.agents.list(),
  }),
}));
