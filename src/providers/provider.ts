import type { Viewer } from '../auth/viewer.ts';
import type { ComponentStatus } from '../health.ts';
import type { PageRequest, ResourcePage } from './paging.ts';

export type ProviderName = 'KUBERNETES' | 'AWS';

export type ResourceKind =
  | 'NAMESPACE'
  | 'NODE'
  | 'POD'
  | 'DEPLOYMENT'
  | 'STATEFULSET'
  | 'DAEMONSET'
  | 'REPLICASET'
  | 'SERVICE'
  | 'HORIZONTAL_POD_AUTOSCALER'
  | 'PERSISTENT_VOLUME'
  | 'PERSISTENT_VOLUME_CLAIM'
  | 'EC2_INSTANCE'
  | 'EBS_VOLUME'
  | 'RDS_INSTANCE'
  | 'AUTO_SCALING_GROUP';

export const RESOURCE_STATES = [
  'RUNNING',
  'PENDING',
  'STOPPED',
  'FAILED',
  'TERMINATING',
  'SUCCEEDED',
  'DEGRADED',
  'UNKNOWN',
] as const;
export type ResourceState = (typeof RESOURCE_STATES)[number];

/**
 * A resource as every layer above the providers sees it. `id` is stable across restarts
 * (built from provider, cluster/region, kind, namespace and name, never from a uid), and is
 * what the GraphQL global id encodes. `object` is the provider's own object, read-only.
 */
export interface Resource<T = unknown> {
  id: string;
  provider: ProviderName;
  kind: ResourceKind;
  /** Kubernetes context name, or AWS region. */
  cluster: string;
  namespace: string | null;
  name: string;
  state: ResourceState;
  labels: Readonly<Record<string, string>>;
  createdAt: Date | null;
  object: T;
}

export type ResourceEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface ResourceEvent {
  type: ResourceEventType;
  resource: Resource;
  /** ISO time the orchestrator saw the change. */
  timestamp: string;
}

export interface ResourceFilter {
  providers?: ProviderName[] | undefined;
  kinds?: ResourceKind[] | undefined;
  clusters?: string[] | undefined;
  namespaces?: string[] | undefined;
  names?: string[] | undefined;
  states?: ResourceState[] | undefined;
  /** Case-insensitive substring of the name. */
  search?: string | undefined;
  /** Kubernetes label selector syntax: `app=web,tier!=db,env in (a,b),!legacy`. */
  labelSelector?: string | undefined;
  /** Only what this viewer may read (set by the viewer's view of the registry, never by a query). */
  scope?: ReadScope | undefined;
}

/** Where a resource is: what a read scope judges (a parsed resource id has it too). */
export type ResourcePlace = Pick<Resource, 'provider' | 'cluster' | 'kind' | 'namespace' | 'name'>;

/**
 * A kind a scope may read in a cluster: in every namespace (`namespace` null, also for
 * cluster-scoped kinds) or in one, and only the objects `names` lists when it is set (RBAC
 * rules limited to resourceNames).
 */
export interface ReadGrant {
  cluster: string;
  kind: ResourceKind;
  namespace: string | null;
  names?: readonly string[];
}

/**
 * What one viewer may read: a person's cluster RBAC under KUBE_IMPERSONATION. `sees` is map
 * lookups only; `key` changes whenever the rules behind it do (caches keyed by filter use it).
 */
export interface ReadScope {
  readonly key: string;
  sees(r: ResourcePlace): boolean;
  /**
   * Whether it may list every object of the kind in the cluster (of every namespace, for a
   * namespaced kind): what totals over the cluster are summed from (see seesWhole, seesSums in
   * ids.ts).
   */
  seesEvery(cluster: string, kind: ResourceKind): boolean;
  /** Every kind it may read where, for what the stores hold by id or by place (advice, cost, audit). */
  grants(): readonly ReadGrant[];
  /**
   * The filter that reads only what it sees: narrowed to the namespaces it may read, with the
   * per-object test kept only where the indexes do not answer it; null when it sees none of it.
   */
  restrict(filter: ResourceFilter): ResourceFilter | null;
}

/**
 * The verbs of the action pipeline. Providers say which apply to which resource. `create`
 * creates objects inside the target (a namespace) from manifests.
 */
export const ACTION_VERBS = [
  'scale',
  'start',
  'stop',
  'restart',
  'delete',
  'cordon',
  'uncordon',
  'reboot',
  'patch',
  'create',
] as const;
export type ActionVerb = (typeof ACTION_VERBS)[number];

export interface ActionRequest {
  verb: ActionVerb;
  target: Resource;
  /** Validated parameters of the verb (e.g. `{ replicas: 3 }`). */
  params: Record<string, unknown>;
  dryRun: boolean;
  /**
   * Optimistic concurrency for reverts and recommendations: the provider refuses with a
   * ConflictError when the target's current state no longer matches.
   */
  precondition?: Record<string, unknown> | undefined;
  /** Who asked: a provider that acts as the person (Kubernetes impersonation) needs them. */
  viewer?: Viewer | undefined;
}

export interface ActionOutcome {
  /** The parts of the target the action reads or changes, before and after. */
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  /** A short human summary, e.g. "scaled web from 2 to 5 replicas". */
  message: string;
  /**
   * The long rest of the action (waiting minutes for an instance to stop, then the steps after
   * it), run by the action pipeline in the background: the mutation answers with its audit
   * event PENDING, and this outcome, or its error, completes that same event. When `signal`
   * aborts (shutdown), it throws ShutdownInterrupt where it stands, puts nothing back, and the
   * event stays PENDING for `resume` at the next start.
   */
  finish?: (signal: AbortSignal) => Promise<ActionOutcome>;
}

/** An action a stopped process left PENDING in the audit log, as its intent recorded it. */
export interface InterruptedAction {
  verb: ActionVerb;
  targetId: string;
  parameters: Record<string, unknown>;
}

/** How to undo a recorded action, computed by the provider from its before/after. */
export interface RevertPlan {
  verb: ActionVerb;
  params: Record<string, unknown>;
  precondition: Record<string, unknown>;
}

/**
 * One source of resources (a set of Kubernetes contexts, a set of AWS regions). Reads are
 * served from memory (watch caches / polling snapshots); actions throw AppError subclasses
 * (NotFoundError, ForbiddenError, ConflictError, ValidationError, ProviderError).
 */
export interface Provider {
  readonly name: ProviderName;
  /** Whether this provider is configured at all (DISABLED in `status` when not). */
  readonly enabled: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** null when every cache has synced; otherwise why not. */
  notReadyReason(): string | null;
  health(): Promise<ComponentStatus>;
  /** Clusters/regions that failed, named, so answers can say what is missing. */
  failures(): { cluster: string; message: string }[];

  /**
   * Grows with every change of what get, list and page return (its cache's contents), so two
   * equal readings saw the same resources; answers built from them may be kept while it stays.
   * None: its reads are never kept.
   */
  readonly version?: number;
  /**
   * Grows with every change of what failures() returns, in the same turn as the change.
   * None: answers that name failures are never kept.
   */
  readonly failuresVersion?: number;

  get(id: string): Resource | undefined;
  list(filter: ResourceFilter): Resource[];
  /**
   * One page of the filter's matches in id order, without listing them all. Optional: the
   * registry sorts `list` for a provider without it (fine for a few thousand resources).
   */
  page?(filter: ResourceFilter, request: PageRequest): ResourcePage;
  onEvent(listener: (event: ResourceEvent) => void): () => void;

  /** Verbs that make sense for this resource (before role checks). */
  verbs(resource: Resource): ActionVerb[];
  execute(request: ActionRequest): Promise<ActionOutcome>;
  revertPlan(
    verb: ActionVerb,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
  ): RevertPlan | null;
  /**
   * Completes an interrupted action from what the provider shows now (finishing or putting it
   * back, as its `finish` would have): the outcome, or an AppError when it failed. null (or
   * no method) when this provider has no long actions to resume: the event is then recorded
   * FAILED as interrupted, with the state seen.
   */
  resume?(action: InterruptedAction, signal: AbortSignal): Promise<ActionOutcome | null>;
}
