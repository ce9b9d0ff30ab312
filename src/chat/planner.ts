import type { ActionOutcomeResult, ActionPipeline } from '../actions/pipeline.ts';
import type { AuditStore } from '../audit/store.ts';
import type { VerbAction } from '../audit/types.ts';
import type { Viewer } from '../auth/viewer.ts';
import { AppError, ForbiddenError } from '../errors.ts';
import type { Resource } from '../providers/provider.ts';
import type { ProviderRegistry } from '../providers/registry.ts';
import type { Entities, IntentName } from './intents.ts';
import { describeResource } from './resolve.ts';
import type { ChatRecommendationsSource, ManifestPort } from './sources.ts';
import type { StoredStep } from './store.ts';
import { generate, toYaml } from './templates.ts';

export interface PlannedAction {
  action: string;
  target: Resource | null;
  parameters: Record<string, unknown>;
  preview: Record<string, unknown>;
}

export interface GeneratedCode {
  language: string;
  filename: string | null;
  content: string;
}

export interface Draft {
  reply: string;
  steps: StoredStep[];
  planned: PlannedAction[];
  generatedCode: GeneratedCode[];
  /** A plan whose dry run failed for a reason confirming cannot fix gets no token. */
  executable: boolean;
}

export interface PlannerDeps {
  actions: ActionPipeline;
  audit: Pick<AuditStore, 'list'>;
  providers: ProviderRegistry;
  manifests?: ManifestPort | undefined;
  recommendations?: ChatRecommendationsSource | undefined;
}

interface Who {
  viewer: Viewer;
  requestId: string | null;
}

const VERB_OF: Partial<Record<IntentName, VerbAction>> = {
  scale: 'scale',
  scale_relative: 'scale',
  stop: 'stop',
  start: 'start',
  restart: 'restart',
  delete: 'delete',
  cordon: 'cordon',
  uncordon: 'uncordon',
};

/** The replica count (or desired capacity) the cache last saw. */
export function currentReplicas(r: Resource): number | undefined {
  const o = r.object as { spec?: { replicas?: number }; DesiredCapacity?: number } | null;
  return o?.spec?.replicas ?? o?.DesiredCapacity ?? undefined;
}

function previewOf(result: ActionOutcomeResult): Record<string, unknown> {
  if (result instanceof AppError) return { ok: false, code: result.code, message: result.message };
  const e = result.auditEvent;
  return {
    ok: true,
    message: e.message,
    before: e.before,
    after: e.after,
    dryRunAuditEventId: e.id,
  };
}

const blocking = (r: ActionOutcomeResult) =>
  r instanceof AppError && !(r instanceof ForbiddenError);

function failureReply(what: string, result: ActionOutcomeResult, viewer: Viewer): string {
  if (result instanceof ForbiddenError) {
    return `\n\n> Your role (${viewer.role}) may not run this; confirming will be refused unless your role allows it. (${result.message})`;
  }
  return result instanceof AppError
    ? `\n\nThe dry run of **${what}** failed: ${result.message}`
    : '';
}

/** The reason a rejection made in chat is recorded with (the words carry no reason field). */
export const rejectReason = (viewer: Viewer) => `rejected through ChatOps by ${viewer.name}`;

/** Turns an understood, resolved request into a previewed plan (dry runs through the pipeline). */
export class Planner {
  private readonly deps: PlannerDeps;

  constructor(deps: PlannerDeps) {
    this.deps = deps;
  }

  async plan(
    intent: IntentName,
    e: Entities,
    target: Resource | undefined,
    who: Who,
  ): Promise<Draft> {
    if (intent === 'create') return this.create(e, who);
    if (intent === 'revert') return this.revert(target, who);
    if (intent === 'apply_recommendation' || intent === 'reject_recommendation') {
      return this.recommendation(intent, e, who);
    }
    const verb = VERB_OF[intent];
    if (!verb || !target) throw new Error(`no plan for ${intent}`);
    return this.simple(intent, verb, e, target, who);
  }

  /**
   * One plan over several resources ("restart them"): a step each, every one dry-run; it is
   * offered only when every dry run passes, so confirming never runs half of what was shown.
   */
  async planEach(
    intent: IntentName,
    e: Entities,
    targets: readonly Resource[],
    who: Who,
  ): Promise<Draft> {
    const drafts: Draft[] = [];
    for (const target of targets) drafts.push(await this.plan(intent, e, target, who));
    const executable = drafts.every((d) => d.executable && d.steps.length > 0);
    const lines = drafts.map(
      (d, i) => `${i + 1}. ${d.reply.replace(/\n\nConfirm to run it\.$/, '')}`,
    );
    return {
      reply: `${lines.join('\n')}${executable ? `\n\nConfirm to run all ${drafts.length} steps, in this order.` : ''}`,
      steps: drafts.flatMap((d) => d.steps),
      planned: drafts.flatMap((d) => d.planned),
      generatedCode: [],
      executable,
    };
  }

  private async simple(
    intent: IntentName,
    verb: VerbAction,
    e: Entities,
    target: Resource,
    who: Who,
  ): Promise<Draft> {
    let params: Record<string, unknown> = {};
    let actualVerb: VerbAction = verb;
    const current = currentReplicas(target);
    if (intent === 'scale') params = { replicas: e.replicas };
    if (intent === 'scale_relative') {
      if (current === undefined) {
        return this.refusal(
          `I can't tell how many replicas ${describeResource(target)} runs now, so I can't scale it by ${e.delta}. Say the number you want instead.`,
        );
      }
      params = { replicas: Math.max(0, current + (e.delta ?? 0)) };
    }
    // An EC2 instance reboots rather than rolls; the same request, the provider's own verb.
    const verbs = this.deps.providers.providerOf(target)?.verbs(target) ?? [];
    if (verb === 'restart' && !verbs.includes('restart') && verbs.includes('reboot'))
      actualVerb = 'reboot';
    const step: StoredStep = {
      action: actualVerb,
      verb: actualVerb,
      targetId: target.id,
      params,
      ...(verb === 'delete' ? { confirm: target.name } : {}),
    };
    const result = await this.deps.actions.run({
      action: actualVerb,
      verb: actualVerb,
      targetId: target.id,
      params,
      confirm: step.confirm,
      dryRun: true,
      source: 'CHATOPS',
      viewer: who.viewer,
      requestId: who.requestId,
    });
    const what = `${actualVerb} ${describeResource(target)}`;
    const detail =
      actualVerb === 'scale'
        ? ` from ${current ?? '?'} to ${String(params.replicas)} replicas`
        : verb === 'delete'
          ? ' — this cannot be undone'
          : '';
    const lead = verb === 'delete' ? '**Delete** ' : `I'll **${actualVerb}** `;
    return {
      reply: `${lead}${describeResource(target)}${detail}.${
        result instanceof AppError
          ? failureReply(what, result, who.viewer)
          : ` Dry run: ${String(previewOf(result).message)}.`
      }${blocking(result) ? '' : '\n\nConfirm to run it.'}`,
      steps: [step],
      planned: [{ action: actualVerb, target, parameters: params, preview: previewOf(result) }],
      generatedCode: [],
      executable: !blocking(result),
    };
  }

  private async revert(target: Resource | undefined, who: Who): Promise<Draft> {
    if (!target) throw new Error('revert needs a target');
    const recent = await this.deps.audit.list(
      { resourceId: target.id, statuses: ['SUCCEEDED'] },
      50,
    );
    const last = recent.find((ev) => !ev.dryRun);
    if (!last)
      return this.refusal(`I found no executed action on ${describeResource(target)} to revert.`);
    const result = await this.deps.actions.revert({
      auditEventId: last.id,
      dryRun: true,
      viewer: who.viewer,
      requestId: who.requestId,
      source: 'CHATOPS',
    });
    const step: StoredStep = {
      action: 'revert',
      verb: 'revert',
      targetId: target.id,
      params: {},
      reverts: last.id,
    };
    return {
      reply: `I'll **revert** the last action on ${describeResource(target)}: ${last.action} by ${last.actor} at ${last.timestamp}${
        last.message ? ` (${last.message})` : ''
      }.${result instanceof AppError ? failureReply('the revert', result, who.viewer) : ` Dry run: ${String(previewOf(result).message)}.`}${
        blocking(result) ? '' : '\n\nConfirm to run it.'
      }`,
      steps: [step],
      planned: [
        {
          action: 'revert',
          target,
          parameters: { auditEventId: last.id },
          preview: previewOf(result),
        },
      ],
      generatedCode: [],
      executable: !blocking(result),
    };
  }

  private async recommendation(intent: IntentName, e: Entities, who: Who): Promise<Draft> {
    const source = this.deps.recommendations;
    if (!source)
      return this.refusal(
        'Recommendations are not available yet, so there is nothing to apply or reject.',
      );
    const n = e.recommendation ?? 1;
    const open = await source.open(Math.max(n, 20));
    const rec = open[n - 1];
    if (!rec)
      return this.refusal(
        `There is no open recommendation number ${n} (there are ${open.length}).`,
      );
    const apply = intent === 'apply_recommendation';
    const as = {
      viewer: who.viewer,
      requestId: who.requestId,
      source: 'CHATOPS' as const,
      dryRun: true,
    };
    const result = apply
      ? await source.apply(rec.id, as)
      : await source.reject(rec.id, rejectReason(who.viewer), as);
    const action = apply ? 'apply_recommendation' : 'reject_recommendation';
    return {
      reply: `I'll **${apply ? 'apply' : 'reject'}** recommendation ${n}: ${rec.title}.${
        result instanceof AppError ? failureReply(action, result, who.viewer) : ''
      }${blocking(result) ? '' : '\n\nConfirm to run it.'}`,
      steps: [
        {
          action,
          verb: action,
          targetId: rec.target?.id ?? null,
          params: {},
          recommendationId: rec.id,
        },
      ],
      planned: [
        {
          action,
          target: rec.target,
          parameters: { recommendation: rec.id },
          preview: previewOf(result),
        },
      ],
      generatedCode: [],
      executable: !blocking(result),
    };
  }

  private async create(e: Entities, _who: Who): Promise<Draft> {
    const cluster = e.cluster ?? this.deps.manifests?.defaultCluster();
    const g = generate(e, 'default');
    const yaml = await toYaml(g.manifests);
    const code: GeneratedCode = { language: 'yaml', filename: `${g.name}.yaml`, content: yaml };
    const head = `Here is a **${g.template}** ${g.template === 'deployment' ? '' : `(${g.replicas} replica${g.replicas === 1 ? '' : 's'}) `}for namespace \`${g.namespace}\`: ${g.manifests
      .map((m) => `${String(m.kind)} \`${String((m.metadata as { name: string }).name)}\``)
      .join(', ')}, with requests/limits and probes.`;
    const notes = g.notes.map((n) => `\n- ${n}`).join('');
    if (!this.deps.manifests || !cluster) {
      return {
        ...this.refusal(
          `${head}\n\nNo Kubernetes cluster is connected, so I could not validate it with a server-side dry run; nothing can be created.${notes}`,
        ),
        generatedCode: [code],
      };
    }
    const namespace = this.deps.providers.list({
      providers: ['KUBERNETES'],
      kinds: ['NAMESPACE'],
      clusters: [cluster],
      names: [g.namespace],
    })[0];
    const checks = await this.deps.manifests.validate(cluster, g.manifests);
    const failed = checks.filter((c) => !c.ok);
    if (!namespace && failed.length === 0) {
      failed.push({ object: `Namespace ${g.namespace}`, ok: false, message: 'not found' });
    }
    const step: StoredStep = {
      action: 'create',
      verb: 'create',
      targetId: namespace?.id ?? null,
      params: { manifests: g.manifests },
    };
    const preview = { ok: failed.length === 0, checks };
    return {
      reply: failed.length
        ? `${head}\n\nThe API server's dry run refused it, so I won't offer it:\n${failed.map((f) => `- ${f.object}: ${f.message}`).join('\n')}`
        : `${head} The API server accepted every object in a dry run on \`${cluster}\`.${notes}\n\nConfirm to create it.`,
      steps: [step],
      planned: [
        {
          action: 'create',
          target: namespace ?? null,
          parameters: {
            template: g.template,
            name: g.name,
            replicas: g.replicas,
            cluster,
            namespace: g.namespace,
          },
          preview,
        },
      ],
      generatedCode: [code],
      executable: failed.length === 0,
    };
  }

  private refusal(reply: string): Draft {
    return { reply, steps: [], planned: [], generatedCode: [], executable: false };
  }
}
