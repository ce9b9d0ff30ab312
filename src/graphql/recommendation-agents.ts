import type { ActionSuccess } from '../actions/pipeline.ts';
import { ForbiddenError, NotFoundError, UnavailableError, ValidationError } from '../errors.ts';
import type { Agent } from '../recommendations/agents.ts';
import type { Recommendation } from '../recommendations/types.ts';
import { actionErrors, ActionResultInterface } from './actions.ts';
import { builder } from './builder.ts';
import { rethrow } from './recommendation-actions.ts';
import { RecommendationRef } from './recommendations.ts';

// External AI engines and agents: registration, heartbeats and submissions (README
// "Recommendations / Agents"); the engine calls agents with `analyze` on each run.

const AgentRef = builder.objectRef<Agent>('RecommendationAgent').implement({
  description: 'An external engine that gives advice, registered by an admin.',
  fields: (t) => ({
    name: t.exposeString('name', {
      description: 'Its name: also the name of its API token (role agent).',
    }),
    url: t.exposeString('url', {
      nullable: true,
      description: 'Where the engine calls POST <url>/analyze each run; null if it only submits.',
    }),
    capabilities: t.exposeStringList('capabilities', { description: 'e.g. ["analyze"].' }),
    registeredAt: t.field({
      type: 'DateTime',
      description: 'When it was registered (or last updated).',
      resolve: (a) => a.registeredAt,
    }),
    lastHeartbeatAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Its last agentHeartbeat; null if it never sent one.',
      resolve: (a) => a.lastHeartbeatAt,
    }),
    lastError: t.exposeString('lastError', {
      nullable: true,
      description:
        'The last failure calling it (timeout, bad payload); null when the last call worked.',
    }),
  }),
});

const AgentSuccess = builder
  .objectRef<{ agent: Agent } & ActionSuccess>('RegisterAgentSuccess')
  .implement({
    interfaces: [ActionResultInterface],
    description: 'The agent as registered (or updated), and the audit event of the change.',
    fields: (t) => ({
      agent: t.field({
        type: AgentRef,
        description: 'The registered agent.',
        resolve: (s) => s.agent,
      }),
    }),
  });

const RemoveAgentSuccess = builder
  .objectRef<{ agent: Agent } & ActionSuccess>('RemoveAgentSuccess')
  .implement({
    interfaces: [ActionResultInterface],
    description: 'The agent was removed; the audit event of the change.',
    fields: (t) => ({
      agent: t.field({
        type: AgentRef,
        description: 'The agent as it was before its removal.',
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
  .objectRef<{ recommendations: Recommendation[] } & ActionSuccess>('SubmitRecommendationsSuccess')
  .implement({
    description: 'The whole submission was stored; the audit event records it.',
    interfaces: [ActionResultInterface],
    fields: (t) => ({
      recommendations: t.field({
        type: [RecommendationRef],
        description: 'The stored advice, in submission order (source AGENT).',
        resolve: (s) => s.recommendations,
      }),
    }),
  });

const RegisterAgentInput = builder.inputType('RegisterAgentInput', {
  description: 'An agent to register, or to update by name.',
  fields: (t) => ({
    name: t.string({
      required: true,
      description: 'Also the name of the API token (role agent) the agent uses.',
    }),
    url: t.string({
      required: false,
      description: 'Where POST <url>/analyze reaches it, if it analyzes.',
    }),
    capabilities: t.stringList({ required: false, description: 'e.g. ["analyze"].' }),
  }),
});

const RemoveAgentInput = builder.inputType('RemoveAgentInput', {
  description: 'Which agent to remove.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'The registered agent to remove.' }),
  }),
});

const SubmitRecommendationsInput = builder.inputType('SubmitRecommendationsInput', {
  description: "An agent's advice, stored all or nothing.",
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

builder.mutationFields((t) => ({
  registerAgent: t.field({
    type: AgentSuccess,
    errors: actionErrors('RegisterAgent', [ValidationError, UnavailableError]),
    authScopes: { admin: true },
    args: {
      input: t.arg({ type: RegisterAgentInput, required: true, description: 'The agent.' }),
    },
    description: 'Register (or update) an agent; recorded in the audit log (register_agent).',
    resolve: async (_root, { input }, ctx) =>
      rethrow(
        await ctx.services.agentService.register({
          agent: {
            name: input.name,
            url: input.url ?? null,
            capabilities: input.capabilities ?? [],
          },
          viewer: ctx.viewer,
          requestId: ctx.requestId,
        }),
      ),
  }),
  removeAgent: t.field({
    type: RemoveAgentSuccess,
    errors: actionErrors('RemoveAgent', [NotFoundError, UnavailableError]),
    authScopes: { admin: true },
    args: {
      input: t.arg({ type: RemoveAgentInput, required: true, description: 'The agent.' }),
    },

    description:
      'Remove an agent: it is no longer called and its token speaks for nobody; recorded in the audit log (REMOVE_AGENT).',
    resolve: async (_root, { input }, ctx) =>
      rethrow(
        await ctx.services.agentService.remove({
          name: input.name,
          viewer: ctx.viewer,
          requestId: ctx.requestId,
        }),
      ),
  }),
  agentHeartbeat: t.field({
    type: HeartbeatSuccess,
    errors: actionErrors('AgentHeartbeat', [ForbiddenError]),
    description: "An agent's liveness signal (with its own token, role agent).",
    resolve: async (_root, _args, ctx) => ({
      agent: rethrow(await ctx.services.agentService.heartbeat(ctx.viewer)),
    }),
  }),
  submitRecommendations: t.field({
    type: SubmitSuccess,
    errors: actionErrors('SubmitRecommendations', [
      ForbiddenError,
      ValidationError,
      UnavailableError,
    ]),
    description:
      'An agent submits advice (a token of role agent named as a registered agent, or an admin); recorded in the audit log (submit_recommendations).',
    args: {
      input: t.arg({
        type: SubmitRecommendationsInput,
        required: true,
        description: 'The advice.',
      }),
    },
    resolve: async (_root, { input }, ctx) =>
      rethrow(
        await ctx.services.agentService.submit({
          asAgent: input.agent,
          payload: { recommendations: input.recommendations },
          viewer: ctx.viewer,
          requestId: ctx.requestId,
        }),
      ),
  }),
}));

builder.queryFields((t) => ({
  recommendationAgents: t.field({
    type: [AgentRef],
    nullable: true,
    description:
      'Every registered agent, with its liveness and last error; null (with an error) when the store cannot be read.',
    resolve: (_r, _a, ctx) => ctx.services.agents.list(),
  }),
}));
