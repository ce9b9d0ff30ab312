/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A verb the action pipeline runs on a resource through its provider (role: operator; delete: admin). */
export type ActionVerb =
  /** Mark a node unschedulable. */
  | 'CORDON'
  /** Create objects from manifests inside a namespace (ChatOps templates). */
  | 'CREATE'
  /** Delete the resource (needs its name as confirmation; never revertible). */
  | 'DELETE'
  /** Change part of its spec (container resources, an instance type); used by recommendations. */
  | 'PATCH'
  /** Reboot an EC2 instance or RDS instance. */
  | 'REBOOT'
  /** Rollout-restart a workload, or delete a controller-owned pod. */
  | 'RESTART'
  /** Set replicas (workloads) or desired capacity (Auto Scaling groups). */
  | 'SCALE'
  /** Start: restore the replicas remembered by stop, or start an instance. */
  | 'START'
  /** Stop: scale a workload to 0 (remembering its replicas), or stop an instance. */
  | 'STOP'
  /** Mark a node schedulable again. */
  | 'UNCORDON';

/** What kind of caller an audited action came from. */
export type ActorKind =
  /** A recommendation agent's token: `actor` is the agent's name. */
  | 'AGENT'
  /** A person signed in through OIDC: `actor` is `oidc:<subject>`, `actorName` their name. */
  | 'PERSON'
  /** The orchestrator itself (start-up, retention). */
  | 'SYSTEM'
  /** A static API token: `actor` is its name. */
  | 'TOKEN';

/** Which advice to carry out. */
export type ApplyRecommendationInput = {
  /** For advice never applied automatically (deletions): the target's name. */
  confirm?: string | null | undefined;
  /** Validate and preview through the provider; change nothing. */
  dryRun?: boolean | null | undefined;
  /** The global id of an OPEN Recommendation. */
  id: string | number;
  /** Same key and same input: the stored result, executed once. Different input: ValidationError. 1 to 128 characters of A-Z a-z 0-9 . _ : ~ -. */
  idempotencyKey?: string | null | undefined;
};

/** What was asked, as recorded. Distinct from the verb that ran: apply_recommendation and revert run the verb of the advice or of the undo. */
export type AuditAction =
  /** Carry out a recommendation; the verb is the one its advice runs. */
  | 'APPLY_RECOMMENDATION'
  /** Change the type of an EC2 instance (verb PATCH). */
  | 'CHANGE_INSTANCE_TYPE'
  /** Mark a node unschedulable. */
  | 'CORDON'
  /** Create objects in a namespace from manifests (ChatOps). */
  | 'CREATE'
  /** The first admin token, created at start; runs no verb, has no target. */
  | 'CREATE_TOKEN'
  /** Delete a resource (never revertible). */
  | 'DELETE'
  /** A name this version does not know, written by another version; the hash-chained record keeps it verbatim. */
  | 'OTHER'
  /** A retention run of the leader: the days kept per kind (parameters) and the rows removed (after); runs no verb, has no target. */
  | 'PRUNE_RETENTION'
  /** Reboot an EC2 instance. */
  | 'REBOOT'
  /** An agent registered or updated; runs no verb, has no target. */
  | 'REGISTER_AGENT'
  /** Reject a recommendation with a reason; runs no verb. */
  | 'REJECT_RECOMMENDATION'
  /** An agent removed; runs no verb, has no target. */
  | 'REMOVE_AGENT'
  /** Rollout-restart a workload, or delete a controller-owned pod. */
  | 'RESTART'
  /** Restore the recorded before of an earlier action (`reverts` names it). */
  | 'REVERT'
  /** An analysis pass asked for by an admin; runs no verb, has no target. */
  | 'RUN_RECOMMENDATIONS'
  /** Set the replicas of a workload or the desired capacity of an Auto Scaling group. */
  | 'SCALE'
  /** Start a stopped workload (its remembered replicas) or instance. */
  | 'START'
  /** Stop a workload (scale to 0, remembering its replicas) or an instance. */
  | 'STOP'
  /** Advice submitted by an agent; runs no verb, has no target. */
  | 'SUBMIT_RECOMMENDATIONS'
  /** Mark a node schedulable again. */
  | 'UNCORDON';

/** Which recorded actions to return; every field given must match (AND), each list is OR. */
export type AuditLogFilter = {
  /** Any of these actions (OTHER matches every name this version does not know). */
  actions?: Array<AuditAction> | null | undefined;
  /** By any of these actors (exact names). */
  actors?: Array<string> | null | undefined;
  /** The global id of a resource. */
  resourceId?: string | number | null | undefined;
  /** At or after this time (inclusive). */
  since?: string | null | undefined;
  /** From any of these sources. */
  sources?: Array<AuditSource> | null | undefined;
  /** In any of these statuses. */
  statuses?: Array<AuditStatus> | null | undefined;
  /** Before this time (exclusive); not before `since`. */
  until?: string | null | undefined;
};

/** Through which entry point an action came. */
export type AuditSource =
  /** A recommendation agent (its registration, heartbeat or submitted advice). */
  | 'AGENT'
  /** A mutation sent by an API client or the dashboard. */
  | 'API'
  /** A step of a confirmed ChatOps plan. */
  | 'CHATOPS'
  /** Applying or rejecting a recommendation, or a recommendation run. */
  | 'RECOMMENDATION'
  /** The orchestrator itself (e.g. the first admin token created at start). */
  | 'SYSTEM';

/** Where an action is: recorded before it runs, then again with its outcome. */
export type AuditStatus =
  /** It ran and failed, or was refused; `error` says why. */
  | 'FAILED'
  /** Recorded before it ran and not finished yet: a long action (an EC2 instance type change) goes on in the background after its mutation answered, and its outcome completes this same event, published again on `auditEvents`. One left by a process that stopped is resumed or reconciled at the next start (README: Actions and the audit log). */
  | 'PENDING'
  /** It ran and the provider accepted it. */
  | 'SUCCEEDED';

/** An EC2 instance and its new type. */
export type ChangeInstanceTypeInput = {
  /** Validate and preview through the provider; change nothing. */
  dryRun?: boolean | null | undefined;
  /** The global id of an EC2 instance. */
  id: string | number;
  /** Same key and same input: the stored result, executed once. Different input: ValidationError. 1 to 128 characters of A-Z a-z 0-9 . _ : ~ -. */
  idempotencyKey?: string | null | undefined;
  /** The new type, e.g. t3.medium. */
  instanceType: string;
};

/** Where the user is looking, so "it" and "here" can mean that. */
export type ChatContextInput = {
  /** The cluster (or region) on screen. */
  cluster?: string | null | undefined;
  /** The namespace on screen. */
  namespace?: string | null | undefined;
  /** The provider id of the resource on screen: what "it" means first. */
  resourceId?: string | null | undefined;
};

/** One message of a conversation. */
export type ChatInput = {
  /** Where the user is looking. */
  context?: ChatContextInput | null | undefined;
  /** Continue a conversation (yours); without it a new one starts. */
  conversationId?: string | number | null | undefined;
  /** The request in plain language (at most 2,000 characters). */
  message: string;
};

/** The kinds of request the chat understands. */
export type ChatIntentName =
  /** Apply a listed recommendation (a plan). */
  | 'APPLY_RECOMMENDATION'
  /** Recent actions from the audit log (by action, actor, status, period). */
  | 'AUDIT_LOG'
  /** Drop the plan just shown. */
  | 'CANCEL'
  /** Confirm the plan just shown. */
  | 'CONFIRM'
  /** Mark a node unschedulable (a plan). */
  | 'CORDON'
  /** Create a workload from a template (a plan with generated manifests). */
  | 'CREATE'
  /** Delete a resource (a plan; cannot be reverted). */
  | 'DELETE'
  /** One resource in detail. */
  | 'DESCRIBE_RESOURCE'
  /** What the chat can do. */
  | 'HELP'
  /** Open recommendations, by savings. */
  | 'LIST_RECOMMENDATIONS'
  /** A list of resources (by kind, namespace, state, label…). */
  | 'LIST_RESOURCES'
  /** The dashboard summary of the estate. */
  | 'OVERVIEW'
  /** Reject a listed recommendation (a plan). */
  | 'REJECT_RECOMMENDATION'
  /** One resource's CPU and memory usage. */
  | 'RESOURCE_USAGE'
  /** Restart a workload, or reboot an instance (a plan). */
  | 'RESTART'
  /** Undo the last action on a resource (a plan). */
  | 'REVERT'
  /** Set replicas to a number (a plan). */
  | 'SCALE'
  /** Add or remove replicas (a plan). */
  | 'SCALE_RELATIVE'
  /** Start a workload or instance (a plan). */
  | 'START'
  /** The health of the orchestrator and its components. */
  | 'STATUS'
  /** Stop a workload or instance (a plan). */
  | 'STOP'
  /** The resources using the most CPU or memory. */
  | 'TOP_USAGE'
  /** Mark a node schedulable again (a plan). */
  | 'UNCORDON'
  /** Not understood; the reply says what the chat can do. */
  | 'UNKNOWN';

/** What became of one step of a confirmed plan. */
export type ChatStepStatus =
  /** It ran and failed; the steps after it did not run. */
  | 'FAILED'
  /** An earlier step failed, so it was not run. */
  | 'NOT_RUN'
  /** It ran and succeeded. */
  | 'SUCCEEDED';

/** How one component of the orchestrator is doing. */
export type ComponentState =
  /** Working in part (e.g. one cluster of several unreachable). */
  | 'DEGRADED'
  /** Not configured, on purpose. */
  | 'DISABLED'
  /** Not working; the fields it backs fail or come back empty. */
  | 'DOWN'
  /** Working. */
  | 'UP';

/** The plan to run. */
export type ConfirmChatPlanInput = {
  /** The plan's confirmationToken. */
  token: string;
};

/** What becomes of a Kubernetes object's dependents when it is deleted. */
export type DeletePropagation =
  /** The object goes at once; the garbage collector deletes dependents after. */
  | 'BACKGROUND'
  /** Dependents are deleted first; the object goes last. */
  | 'FOREGROUND'
  /** Dependents are kept, without an owner. */
  | 'ORPHAN';

/** The resource to delete, confirmed by its name. */
export type DeleteResourceInput = {
  /** Must equal the resource's name. */
  confirm: string;
  /** Validate and preview through the provider; change nothing. */
  dryRun?: boolean | null | undefined;
  /** The global id of the resource. */
  id: string | number;
  /** Same key and same input: the stored result, executed once. Different input: ValidationError. 1 to 128 characters of A-Z a-z 0-9 . _ : ~ -. */
  idempotencyKey?: string | null | undefined;
  /** Kubernetes only: what happens to its dependents (default: the API server's). */
  propagationPolicy?: DeletePropagation | null | undefined;
};

/** CPU in cores, memory in bytes, network in bytes/s. Requests and limits are summed over a target's pods; capacity is node allocatable (nodes and clusters only). */
export type MetricName =
  /** Allocatable CPU, cores (nodes and clusters only). */
  | 'CPU_CAPACITY'
  /** CPU limit, cores, summed over pods whose every container has a limit. */
  | 'CPU_LIMIT'
  /** CPU requested, cores, summed over the target's pods. */
  | 'CPU_REQUEST'
  /** CPU in use, cores (a rate over the scrape window). */
  | 'CPU_USAGE'
  /** Allocatable memory, bytes (nodes and clusters only). */
  | 'MEMORY_CAPACITY'
  /** Memory limit, bytes, summed over pods whose every container has a limit. */
  | 'MEMORY_LIMIT'
  /** Memory requested, bytes, summed over the target's pods. */
  | 'MEMORY_REQUEST'
  /** Memory working set, bytes. */
  | 'MEMORY_USAGE'
  /** Bytes received per second. */
  | 'NETWORK_RECEIVE'
  /** Bytes sent per second. */
  | 'NETWORK_TRANSMIT';

/** Either `last` (a duration back from now) or `from`/`to` (to defaults to now). */
export type MetricRangeInput = {
  /** Start (inclusive). */
  from?: string | null | undefined;
  /** This long back from now, e.g. `6h`; not with `from`/`to`. */
  last?: string | null | undefined;
  /** End (inclusive); default now, not before `from`. */
  to?: string | null | undefined;
};

/** Which provider watches a resource. */
export type Provider =
  /** An AWS account, one region at a time. */
  | 'AWS'
  /** A Kubernetes cluster (a kubeconfig context). */
  | 'KUBERNETES';

/** The resource to act on. */
export type RebootResourceInput = {
  /** Validate and preview through the provider; change nothing. */
  dryRun?: boolean | null | undefined;
  /** The global id of the resource. */
  id: string | number;
  /** Same key and same input: the stored result, executed once. Different input: ValidationError. 1 to 128 characters of A-Z a-z 0-9 . _ : ~ -. */
  idempotencyKey?: string | null | undefined;
};

/** Which advice to return; every field given must match (AND), each list is OR. */
export type RecommendationFilter = {
  /** About resources in these namespaces (exact). Default: all. */
  namespaces?: Array<string> | null | undefined;
  /** About this resource (its global id; it may be gone). */
  resourceId?: string | number | null | undefined;
  /** From any of these kinds of source. Default: all. */
  sources?: Array<RecommendationSource> | null | undefined;
  /** Default: all. */
  statuses?: Array<RecommendationStatus> | null | undefined;
  /** Any of these types (CUSTOM matches every agent's own type). Default: all. */
  types?: Array<RecommendationType> | null | undefined;
};

/** How likely applying the advice is to hurt the workload, as its analyzer judges. */
export type RecommendationRisk =
  /** Could cause an outage or lose data; needs a careful look. */
  | 'HIGH'
  /** Unlikely to be noticed (e.g. ample headroom kept). */
  | 'LOW'
  /** Could be noticed under peaks; watch after applying. */
  | 'MEDIUM';

/** Where advice comes from; `sourceName` says which analyzer or agent. */
export type RecommendationSource =
  /** A registered agent (an external engine), by submission or analyze. */
  | 'AGENT'
  /** One of the orchestrator's own analyzers. */
  | 'ANALYZER'
  /** A stored source of neither form (written by another version); `sourceName` holds it verbatim. */
  | 'OTHER';

/** Where advice is in its life: OPEN until applied, rejected or outdated. */
export type RecommendationStatus =
  /** Carried out; `appliedAuditEvent` is the action. */
  | 'APPLIED'
  /** No longer holds (the condition passed, or the target is gone). */
  | 'EXPIRED'
  /** Applying it failed; `statusReason` says why. */
  | 'FAILED'
  /** Current advice, waiting for a decision; refreshed by each analysis pass. */
  | 'OPEN'
  /** Rejected by a person, with a reason (`statusReason`). */
  | 'REJECTED'
  /** Replaced by other advice on the same target (e.g. stop an idle workload). */
  | 'SUPERSEDED';

/** What kind of advice it is: one of the built-in analyses, or an agent's own. */
export type RecommendationType =
  /** Set a workload's CPU requests and limits to what it uses (verb PATCH). */
  | 'CPU_RIGHTSIZE'
  /** An agent's own type; `customType` names it. */
  | 'CUSTOM'
  /** An EBS volume attached to nothing: delete it (by a person only, confirmed). */
  | 'EBS_UNATTACHED'
  /** An EC2 instance larger than its load needs: a smaller type (verb PATCH). */
  | 'EC2_DOWNSIZE'
  /** An EC2 instance idle for the window: stop it (verb STOP). */
  | 'EC2_IDLE'
  /** A workload that has done nothing for the window: stop it (verb STOP). */
  | 'IDLE_WORKLOAD'
  /** Set a workload's memory requests and limits to what it uses (verb PATCH). */
  | 'MEMORY_RIGHTSIZE'
  /** Run fewer (or more) replicas for the load seen (verb SCALE). */
  | 'REPLICAS';

/** An agent to register, or to update by name. */
export type RegisterAgentInput = {
  /** e.g. ["analyze"]. */
  capabilities?: Array<string> | null | undefined;
  /** Also the name of the API token (role agent) the agent uses. */
  name: string;
  /** Where POST <url>/analyze reaches it, if it analyzes. */
  url?: string | null | undefined;
};

/** Which advice to reject, and why. */
export type RejectRecommendationInput = {
  /** Validate and preview through the provider; change nothing. */
  dryRun?: boolean | null | undefined;
  /** The global id of an OPEN Recommendation. */
  id: string | number;
  /** Same key and same input: the stored result, executed once. Different input: ValidationError. 1 to 128 characters of A-Z a-z 0-9 . _ : ~ -. */
  idempotencyKey?: string | null | undefined;
  /** Why, for the audit log and `statusReason` (not empty). */
  reason: string;
};

/** Which agent to remove. */
export type RemoveAgentInput = {
  /** The registered agent to remove. */
  name: string;
};

/** What happened to a resource in the watch cache. */
export type ResourceEventType =
  /** It appeared (created, or first seen). */
  | 'ADDED'
  /** It is gone; `resource` is its last known form. */
  | 'DELETED'
  /** It changed (spec, status, labels or state). */
  | 'MODIFIED';

/** Which resources to return; every field given must match (AND), each list is OR. */
export type ResourceFilter = {
  /** In these Kubernetes contexts or AWS regions. */
  clusters?: Array<string> | null | undefined;
  /** Of these kinds. */
  kinds?: Array<ResourceKind> | null | undefined;
  /** Kubernetes label selector, e.g. `app=web,tier in (a,b),!legacy` (tags on AWS). */
  labelSelector?: string | null | undefined;
  /** With these names (exact). */
  names?: Array<string> | null | undefined;
  /** In these namespaces (exact). */
  namespaces?: Array<string> | null | undefined;
  /** From any of these providers. */
  providers?: Array<Provider> | null | undefined;
  /** Case-insensitive part of the name. */
  search?: string | null | undefined;
  /** In these states. */
  states?: Array<ResourceState> | null | undefined;
};

/** What a resource is; each kind has its own object type implementing Resource. */
export type ResourceKind =
  /** An EC2 Auto Scaling group. */
  | 'AUTO_SCALING_GROUP'
  /** A Kubernetes DaemonSet. */
  | 'DAEMONSET'
  /** A Kubernetes Deployment. */
  | 'DEPLOYMENT'
  /** An EBS volume. */
  | 'EBS_VOLUME'
  /** An EC2 instance. */
  | 'EC2_INSTANCE'
  /** A Kubernetes HorizontalPodAutoscaler (autoscaling/v2). */
  | 'HORIZONTAL_POD_AUTOSCALER'
  /** A Kubernetes namespace. */
  | 'NAMESPACE'
  /** A Kubernetes node. */
  | 'NODE'
  /** A Kubernetes PersistentVolume. */
  | 'PERSISTENT_VOLUME'
  /** A Kubernetes PersistentVolumeClaim. */
  | 'PERSISTENT_VOLUME_CLAIM'
  /** A Kubernetes pod. */
  | 'POD'
  /** An RDS database instance. */
  | 'RDS_INSTANCE'
  /** A Kubernetes ReplicaSet. */
  | 'REPLICASET'
  /** A Kubernetes Service. */
  | 'SERVICE'
  /** A Kubernetes StatefulSet. */
  | 'STATEFULSET';

/** A resource's condition, the same scale for every provider and kind. */
export type ResourceState =
  /** Running with fewer ready replicas (or members) than asked for. */
  | 'DEGRADED'
  /** Broken: a failed pod, a NotReady node, an instance or database in an error state. */
  | 'FAILED'
  /** On its way: starting, scheduling, rolling out, or an instance booting. */
  | 'PENDING'
  /** Serving as asked: a ready workload, a running pod or instance, a Ready node, an available volume. */
  | 'RUNNING'
  /** Stopped on purpose: a workload at 0 replicas, a stopped instance. */
  | 'STOPPED'
  /** A pod whose containers all completed successfully. */
  | 'SUCCEEDED'
  /** Being deleted or shut down. */
  | 'TERMINATING'
  /** The provider does not say (or the resource is gone: RemovedResource). */
  | 'UNKNOWN';

/** The recorded action to undo. */
export type RevertActionInput = {
  /** The AuditEvent to undo. */
  auditEventId: string | number;
  /** Validate and preview through the provider; change nothing. */
  dryRun?: boolean | null | undefined;
  /** Same key and same input: the stored result, executed once. Different input: ValidationError. 1 to 128 characters of A-Z a-z 0-9 . _ : ~ -. */
  idempotencyKey?: string | null | undefined;
};

/** What an API token may do; each role includes the ones listed before it. */
export type Role =
  /** Everything: delete, tokens, agents, recommendation runs. */
  | 'ADMIN'
  /** A recommendation agent: reads, and submits advice for its own analyzers. */
  | 'AGENT'
  /** Reads and runs actions (scale, restart, stop, …), except delete. */
  | 'OPERATOR'
  /** Reads everything except secrets and the token list. */
  | 'VIEWER';

/** A workload or Auto Scaling group, and the count to run. */
export type ScaleResourceInput = {
  /** Validate and preview through the provider; change nothing. */
  dryRun?: boolean | null | undefined;
  /** The global id of the resource. */
  id: string | number;
  /** Same key and same input: the stored result, executed once. Different input: ValidationError. 1 to 128 characters of A-Z a-z 0-9 . _ : ~ -. */
  idempotencyKey?: string | null | undefined;
  /** Replicas (workloads) or desired capacity (Auto Scaling groups, within min and max); 0 or more. */
  replicas: number;
};

/** The resource to act on. */
export type StartResourceInput = {
  /** Validate and preview through the provider; change nothing. */
  dryRun?: boolean | null | undefined;
  /** The global id of the resource. */
  id: string | number;
  /** Same key and same input: the stored result, executed once. Different input: ValidationError. 1 to 128 characters of A-Z a-z 0-9 . _ : ~ -. */
  idempotencyKey?: string | null | undefined;
};

/** The resource to act on. */
export type StopResourceInput = {
  /** Validate and preview through the provider; change nothing. */
  dryRun?: boolean | null | undefined;
  /** The global id of the resource. */
  id: string | number;
  /** Same key and same input: the stored result, executed once. Different input: ValidationError. 1 to 128 characters of A-Z a-z 0-9 . _ : ~ -. */
  idempotencyKey?: string | null | undefined;
};

/** An agent's advice, stored all or nothing. */
export type SubmitRecommendationsInput = {
  /** Admins only: submit as this agent (default: the token's name). */
  agent?: string | null | undefined;
  /** AgentRecommendation[] as documented in the README; validated in full, all or nothing. */
  recommendations: unknown;
};

export type ScaleNothingMutationVariables = Exact<{
  input: ScaleResourceInput;
}>;


export type ScaleNothingMutation = { scaleResource:
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string, requiredRole: Role | null }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'ScaleResourceSuccess', dryRun: boolean }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string, fields: Array<{ path: string, message: string }> }
   };

export type AuditLogPageQueryVariables = Exact<{
  filter?: AuditLogFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditLogPageQuery = { auditLog: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, action: AuditAction, status: AuditStatus, actor: string, source: AuditSource, parameters: unknown, before: unknown, after: unknown, hash: string, prevHash: string, target: { kind: ResourceKind, name: string, namespace: string | null } | null } }> } | null };

export type AuditActorsQueryVariables = Exact<{
  filter?: AuditLogFilter | null | undefined;
}>;


export type AuditActorsQuery = { auditLog: { edges: Array<{ node: { actor: string, actorName: string, actorKind: ActorKind } }> } | null };

export type VerifyLogQueryVariables = Exact<{ [key: string]: never; }>;


export type VerifyLogQuery = { verifyAuditLog: { valid: boolean, checkedEvents: number, reason: string | null } | null };

export type OverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type OverviewQuery = { overview: { resources: { total: number }, status: Array<{ name: string, state: ComponentState }>, recentActions: Array<{ action: AuditAction, status: AuditStatus }> | null } };

export type AuditedRegisterAgentMutationVariables = Exact<{
  input: RegisterAgentInput;
}>;


export type AuditedRegisterAgentMutation = { registerAgent:
    | { __typename: 'RegisterAgentSuccess', agent: { name: string }, auditEvent: { id: string, action: AuditAction } }
    | { __typename: 'UnavailableError', code: string }
    | { __typename: 'ValidationError', code: string }
   };

export type AuditedRemoveAgentMutationVariables = Exact<{
  input: RemoveAgentInput;
}>;


export type AuditedRemoveAgentMutation = { removeAgent:
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'RemoveAgentSuccess', agent: { name: string }, auditEvent: { id: string } }
    | { __typename: 'UnavailableError', code: string, message: string }
   };

export type AuditedAgentsQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditedAgentsQuery = { recommendationAgents: Array<{ name: string, url: string | null }> | null };

export type AuditedSubmitMutationVariables = Exact<{
  input: SubmitRecommendationsInput;
}>;


export type AuditedSubmitMutation = { submitRecommendations:
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'SubmitRecommendationsSuccess', auditEvent: { id: string, actor: string, source: AuditSource } }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type AuditedHeartbeatMutationVariables = Exact<{ [key: string]: never; }>;


export type AuditedHeartbeatMutation = { agentHeartbeat:
    | { __typename: 'AgentHeartbeatSuccess', agent: { name: string } }
    | { __typename: 'ForbiddenError' }
   };

export type AuditedRunMutationVariables = Exact<{ [key: string]: never; }>;


export type AuditedRunMutation = { runRecommendations:
    | { __typename: 'RunRecommendationsSuccess', run: { workloads: number | null }, auditEvent: { id: string, action: AuditAction } }
    | { __typename: 'UnavailableError' }
   };

export type AuditPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type AuditPageQuery = { auditLog: { edges: Array<{ cursor: string, node: { id: string } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } | null };

export type ResourceAuditPageQueryVariables = Exact<{
  id: string | number;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type ResourceAuditPageQuery = { node:
    | { auditLog: { edges: Array<{ node: { id: string } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean } } | null }
    | { auditLog: { edges: Array<{ node: { id: string } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean } } | null }
    | { auditLog: { edges: Array<{ node: { id: string } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean } } | null }
    | { auditLog: { edges: Array<{ node: { id: string } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean } } | null }
    | { auditLog: { edges: Array<{ node: { id: string } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean } } | null }
    | { auditLog: { edges: Array<{ node: { id: string } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean } } | null }
    | { auditLog: { edges: Array<{ node: { id: string } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean } } | null }
    | { auditLog: { edges: Array<{ node: { id: string } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean } } | null }
    | { auditLog: { edges: Array<{ node: { id: string } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean } } | null }
    | { auditLog: { edges: Array<{ node: { id: string } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean } } | null }
    | { auditLog: { edges: Array<{ node: { id: string } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean } } | null }
    | { auditLog: { edges: Array<{ node: { id: string } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean } } | null }
    | { auditLog: { edges: Array<{ node: { id: string } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean } } | null }
    | { auditLog: { edges: Array<{ node: { id: string } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean } } | null }
    | { auditLog: { edges: Array<{ node: { id: string } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean } } | null }
    | { auditLog: { edges: Array<{ node: { id: string } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean } } | null }
    | Record<PropertyKey, never>
   | null };

export type CostByNamespaceQueryVariables = Exact<{
  window: string;
  aggregate?: Array<string> | string | null | undefined;
  shareIdle?: boolean | null | undefined;
}>;


export type CostByNamespaceQuery = { costAllocation:
    | { __typename: 'CostAllocation', currency: string, stepSeconds: number, rows: Array<{ name: string, keys: Array<string | null>, idle: boolean, totalCost: number | null, cpuCost: number, memoryCost: number, sharedIdleCost: number, efficiency: number | null, unpricedHours: number, unpricedReasons: Array<string> }>, total: { totalCost: number | null } }
    | { __typename: 'UnavailableError' }
    | { __typename: 'ValidationError', message: string, code: string }
   };

export type CostTrendByNamespaceQueryVariables = Exact<{ [key: string]: never; }>;


export type CostTrendByNamespaceQuery = { costTrend:
    | { __typename: 'CostTrend', rows: Array<{ name: string, current: number, previous: number, change: number }> }
    | { __typename: 'UnavailableError' }
    | { __typename: 'ValidationError' }
  , overview: { cost: { monthToDate: number, idleMonthToDate: number, savingsAvailableMonthly: number } | null } };

export type EnumAuditEventsQueryVariables = Exact<{
  filter?: AuditLogFilter | null | undefined;
}>;


export type EnumAuditEventsQuery = { auditLog: { totalCount: number, edges: Array<{ node: { action: AuditAction, verb: ActionVerb | null, actorRole: Role | null, actor: string } }> } | null };

export type EnumRecommendationsQueryVariables = Exact<{
  filter?: RecommendationFilter | null | undefined;
}>;


export type EnumRecommendationsQuery = { recommendations: { edges: Array<{ node: { type: RecommendationType, customType: string | null, source: RecommendationSource, sourceName: string, title: string } }> } | null };

export type EnumChatMutationVariables = Exact<{
  input: ChatInput;
}>;


export type EnumChatMutation = { chat:
    | { __typename: 'ChatSuccess', intent: { name: ChatIntentName } }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ValidationError' }
   };

export type WhoAmIQueryVariables = Exact<{ [key: string]: never; }>;


export type WhoAmIQuery = { viewer: { name: string, role: Role }, health: { status: string, version: string, uptime: number }, status: Array<{ name: string, state: ComponentState, message: string }> };

export type ApiTokensQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiTokensQuery = { apiTokens: Array<{ name: string, role: Role }> };

export type StoreOutagePartsQueryVariables = Exact<{ [key: string]: never; }>;


export type StoreOutagePartsQuery = { viewer: { name: string }, overview: { resources: { total: number } }, recommendationAgents: Array<{ name: string }> | null, costAllocation:
    | { __typename: 'CostAllocation' }
    | { __typename: 'UnavailableError' }
    | { __typename: 'ValidationError' }
  , costTrend:
    | { __typename: 'CostTrend' }
    | { __typename: 'UnavailableError' }
    | { __typename: 'ValidationError' }
   };

export type StoreOutageProofArgsQueryVariables = Exact<{ [key: string]: never; }>;


export type StoreOutageProofArgsQuery = { viewer: { name: string }, auditConsistencyProof: { from: number } | null, verifyAuditLog: { valid: boolean } | null };

export type WsViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type WsViewerQuery = { viewer: { name: string, role: Role } };

export type ActScaleMutationVariables = Exact<{
  input: ScaleResourceInput;
}>;


export type ActScaleMutation = { scaleResource:
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'ScaleResourceSuccess', dryRun: boolean, auditEvent: { id: string, status: AuditStatus, before: unknown, after: unknown, dryRun: boolean } }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type ActRevertMutationVariables = Exact<{
  input: RevertActionInput;
}>;


export type ActRevertMutation = { revertAction:
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'IrreversibleError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'RevertActionSuccess', auditEvent: { id: string, action: AuditAction, status: AuditStatus, before: unknown, after: unknown, reverts: { id: string } | null } }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type ActDeleteMutationVariables = Exact<{
  input: DeleteResourceInput;
}>;


export type ActDeleteMutation = { deleteResource:
    | { __typename: 'ConfirmationRequiredError', code: string, message: string }
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'DeleteResourceSuccess', auditEvent: { id: string } }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type ActVerifyQueryVariables = Exact<{ [key: string]: never; }>;


export type ActVerifyQuery = { verifyAuditLog: { valid: boolean, checkedEvents: number, reason: string | null } | null };

export type ChangeTypeLaterMutationVariables = Exact<{
  input: ChangeInstanceTypeInput;
}>;


export type ChangeTypeLaterMutation = { changeInstanceType:
    | { __typename: 'ChangeInstanceTypeSuccess', auditEvent: { id: string, status: AuditStatus, message: string | null, before: unknown, after: unknown } }
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type AwsDegradedQueryVariables = Exact<{ [key: string]: never; }>;


export type AwsDegradedQuery = { status: Array<{ name: string, state: ComponentState, message: string }>, resources: { totalCount: number, failures: Array<{ provider: string, cluster: string, message: string }> } };

export type AwsStopMutationVariables = Exact<{
  input: StopResourceInput;
}>;


export type AwsStopMutation = { stopResource:
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'StopResourceSuccess', dryRun: boolean, auditEvent: { id: string, action: AuditAction, status: AuditStatus, dryRun: boolean, before: unknown, after: unknown, message: string | null } }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type AwsStartMutationVariables = Exact<{
  input: StartResourceInput;
}>;


export type AwsStartMutation = { startResource:
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'StartResourceSuccess' }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type AwsRebootMutationVariables = Exact<{
  input: RebootResourceInput;
}>;


export type AwsRebootMutation = { rebootResource:
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'RebootResourceSuccess' }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type AwsDeleteMutationVariables = Exact<{
  input: DeleteResourceInput;
}>;


export type AwsDeleteMutation = { deleteResource:
    | { __typename: 'ConfirmationRequiredError', code: string, message: string }
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'DeleteResourceSuccess', auditEvent: { status: AuditStatus, message: string | null } }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type AwsScaleMutationVariables = Exact<{
  input: ScaleResourceInput;
}>;


export type AwsScaleMutation = { scaleResource:
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'ScaleResourceSuccess', dryRun: boolean, auditEvent: { id: string, status: AuditStatus, before: unknown, after: unknown } }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type AwsChangeTypeMutationVariables = Exact<{
  input: ChangeInstanceTypeInput;
}>;


export type AwsChangeTypeMutation = { changeInstanceType:
    | { __typename: 'ChangeInstanceTypeSuccess', dryRun: boolean, auditEvent: { id: string, action: AuditAction, status: AuditStatus, verb: ActionVerb | null, before: unknown, after: unknown, message: string | null } }
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type AwsRevertMutationVariables = Exact<{
  input: RevertActionInput;
}>;


export type AwsRevertMutation = { revertAction:
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'IrreversibleError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'RevertActionSuccess', auditEvent: { id: string } }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type AwsIdsQueryVariables = Exact<{ [key: string]: never; }>;


export type AwsIdsQuery = { resources: { edges: Array<{ node:
        | { __typename: 'AutoScalingGroup', id: string, name: string, kind: ResourceKind, state: ResourceState }
        | { __typename: 'DaemonSet', id: string, name: string, kind: ResourceKind, state: ResourceState }
        | { __typename: 'Deployment', id: string, name: string, kind: ResourceKind, state: ResourceState }
        | { __typename: 'EbsVolume', id: string, name: string, kind: ResourceKind, state: ResourceState }
        | { __typename: 'Ec2Instance', instanceId: string, id: string, name: string, kind: ResourceKind, state: ResourceState }
        | { __typename: 'HorizontalPodAutoscaler', id: string, name: string, kind: ResourceKind, state: ResourceState }
        | { __typename: 'KubernetesNode', id: string, name: string, kind: ResourceKind, state: ResourceState }
        | { __typename: 'Namespace', id: string, name: string, kind: ResourceKind, state: ResourceState }
        | { __typename: 'PersistentVolume', id: string, name: string, kind: ResourceKind, state: ResourceState }
        | { __typename: 'PersistentVolumeClaim', id: string, name: string, kind: ResourceKind, state: ResourceState }
        | { __typename: 'Pod', id: string, name: string, kind: ResourceKind, state: ResourceState }
        | { __typename: 'RdsInstance', id: string, name: string, kind: ResourceKind, state: ResourceState }
        | { __typename: 'RemovedResource', id: string, name: string, kind: ResourceKind, state: ResourceState }
        | { __typename: 'ReplicaSet', id: string, name: string, kind: ResourceKind, state: ResourceState }
        | { __typename: 'Service', id: string, name: string, kind: ResourceKind, state: ResourceState }
        | { __typename: 'StatefulSet', id: string, name: string, kind: ResourceKind, state: ResourceState }
       }> } };

export type AwsAuditLogQueryVariables = Exact<{
  filter?: AuditLogFilter | null | undefined;
}>;


export type AwsAuditLogQuery = { auditLog: { edges: Array<{ node: { action: AuditAction, status: AuditStatus, dryRun: boolean, actor: string } }> } | null, verifyAuditLog: { valid: boolean } | null };

export type AwsResourcesQueryVariables = Exact<{
  filter?: ResourceFilter | null | undefined;
}>;


export type AwsResourcesQuery = { resources: { totalCount: number, failures: Array<{ provider: string, cluster: string, message: string }>, edges: Array<{ node:
        | { __typename: 'AutoScalingGroup', desiredCapacity: number, minSize: number, maxSize: number, id: string, provider: Provider, kind: ResourceKind, cluster: string, name: string, state: ResourceState, actions: Array<ActionVerb>, instances: Array<{ instanceId: string, instance: { name: string } | null }>, labels: Array<{ key: string, value: string }> }
        | { __typename: 'DaemonSet', id: string, provider: Provider, kind: ResourceKind, cluster: string, name: string, state: ResourceState, actions: Array<ActionVerb>, labels: Array<{ key: string, value: string }> }
        | { __typename: 'Deployment', id: string, provider: Provider, kind: ResourceKind, cluster: string, name: string, state: ResourceState, actions: Array<ActionVerb>, labels: Array<{ key: string, value: string }> }
        | { __typename: 'EbsVolume', volumeId: string, attached: boolean, sizeGiB: number | null, id: string, provider: Provider, kind: ResourceKind, cluster: string, name: string, state: ResourceState, actions: Array<ActionVerb>, labels: Array<{ key: string, value: string }> }
        | { __typename: 'Ec2Instance', instanceId: string, instanceType: string | null, availabilityZone: string | null, privateIpAddress: string | null, launchTime: string | null, volumeIds: Array<string>, hourlyPrice: number | null, monthlyCost: number | null, id: string, provider: Provider, kind: ResourceKind, cluster: string, name: string, state: ResourceState, actions: Array<ActionVerb>, volumes: Array<{ volumeId: string, attached: boolean }>, labels: Array<{ key: string, value: string }> }
        | { __typename: 'HorizontalPodAutoscaler', id: string, provider: Provider, kind: ResourceKind, cluster: string, name: string, state: ResourceState, actions: Array<ActionVerb>, labels: Array<{ key: string, value: string }> }
        | { __typename: 'KubernetesNode', id: string, provider: Provider, kind: ResourceKind, cluster: string, name: string, state: ResourceState, actions: Array<ActionVerb>, labels: Array<{ key: string, value: string }> }
        | { __typename: 'Namespace', id: string, provider: Provider, kind: ResourceKind, cluster: string, name: string, state: ResourceState, actions: Array<ActionVerb>, labels: Array<{ key: string, value: string }> }
        | { __typename: 'PersistentVolume', id: string, provider: Provider, kind: ResourceKind, cluster: string, name: string, state: ResourceState, actions: Array<ActionVerb>, labels: Array<{ key: string, value: string }> }
        | { __typename: 'PersistentVolumeClaim', id: string, provider: Provider, kind: ResourceKind, cluster: string, name: string, state: ResourceState, actions: Array<ActionVerb>, labels: Array<{ key: string, value: string }> }
        | { __typename: 'Pod', id: string, provider: Provider, kind: ResourceKind, cluster: string, name: string, state: ResourceState, actions: Array<ActionVerb>, labels: Array<{ key: string, value: string }> }
        | { __typename: 'RdsInstance', dbInstanceIdentifier: string, engine: string | null, hourlyPrice: number | null, monthlyCost: number | null, id: string, provider: Provider, kind: ResourceKind, cluster: string, name: string, state: ResourceState, actions: Array<ActionVerb>, labels: Array<{ key: string, value: string }> }
        | { __typename: 'RemovedResource', id: string, provider: Provider, kind: ResourceKind, cluster: string, name: string, state: ResourceState, actions: Array<ActionVerb>, labels: Array<{ key: string, value: string }> }
        | { __typename: 'ReplicaSet', id: string, provider: Provider, kind: ResourceKind, cluster: string, name: string, state: ResourceState, actions: Array<ActionVerb>, labels: Array<{ key: string, value: string }> }
        | { __typename: 'Service', id: string, provider: Provider, kind: ResourceKind, cluster: string, name: string, state: ResourceState, actions: Array<ActionVerb>, labels: Array<{ key: string, value: string }> }
        | { __typename: 'StatefulSet', id: string, provider: Provider, kind: ResourceKind, cluster: string, name: string, state: ResourceState, actions: Array<ActionVerb>, labels: Array<{ key: string, value: string }> }
       }> } };

export type AwsNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type AwsNodeQuery = { node:
    | { __typename: 'AuditEvent', id: string }
    | { __typename: 'AutoScalingGroup', name: string, kind: ResourceKind, id: string }
    | { __typename: 'DaemonSet', name: string, kind: ResourceKind, id: string }
    | { __typename: 'Deployment', name: string, kind: ResourceKind, id: string }
    | { __typename: 'EbsVolume', name: string, kind: ResourceKind, id: string }
    | { __typename: 'Ec2Instance', name: string, kind: ResourceKind, id: string }
    | { __typename: 'HorizontalPodAutoscaler', name: string, kind: ResourceKind, id: string }
    | { __typename: 'KubernetesNode', name: string, kind: ResourceKind, id: string }
    | { __typename: 'Namespace', name: string, kind: ResourceKind, id: string }
    | { __typename: 'PersistentVolume', name: string, kind: ResourceKind, id: string }
    | { __typename: 'PersistentVolumeClaim', name: string, kind: ResourceKind, id: string }
    | { __typename: 'Pod', name: string, kind: ResourceKind, id: string }
    | { __typename: 'RdsInstance', name: string, kind: ResourceKind, id: string }
    | { __typename: 'Recommendation', id: string }
    | { __typename: 'RemovedResource', name: string, kind: ResourceKind, id: string }
    | { __typename: 'ReplicaSet', name: string, kind: ResourceKind, id: string }
    | { __typename: 'Service', name: string, kind: ResourceKind, id: string }
    | { __typename: 'StatefulSet', name: string, kind: ResourceKind, id: string }
   | null };

export type AwsStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type AwsStatusQuery = { status: Array<{ name: string, state: ComponentState, message: string }> };

export type UiCostAnswerQueryVariables = Exact<{
  window: string;
  aggregate?: Array<string> | string | null | undefined;
}>;


export type UiCostAnswerQuery = { costAllocation:
    | { __typename: 'CostAllocation', rows: Array<{ name: string, cpuCost: number, memoryCost: number, storageCost: number | null, totalCost: number | null }>, total: { totalCost: number | null } }
    | { __typename: 'UnavailableError' }
    | { __typename: 'ValidationError' }
  , overview: { cost: { monthToDate: number } | null } };

export type UiResilienceNamedQueryVariables = Exact<{
  namespace: string;
  name: string;
}>;


export type UiResilienceNamedQuery = { resources: { totalCount: number } };

export type UiRegisterAgentMutationVariables = Exact<{
  input: RegisterAgentInput;
}>;


export type UiRegisterAgentMutation = { registerAgent:
    | { __typename: 'RegisterAgentSuccess' }
    | { __typename: 'UnavailableError' }
    | { __typename: 'ValidationError' }
   };

export type UiSubmitAdviceMutationVariables = Exact<{
  input: SubmitRecommendationsInput;
}>;


export type UiSubmitAdviceMutation = { submitRecommendations:
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'SubmitRecommendationsSuccess' }
    | { __typename: 'UnavailableError', message: string }
    | { __typename: 'ValidationError', message: string }
   };

export type UiPodCountQueryVariables = Exact<{ [key: string]: never; }>;


export type UiPodCountQuery = { resources: { totalCount: number } };

export type ChatItMutationVariables = Exact<{
  input: ChatInput;
}>;


export type ChatItMutation = { chat:
    | { __typename: 'ChatSuccess', conversationId: string, reply: string, requiresConfirmation: boolean, confirmationToken: string | null, intent: { name: ChatIntentName, confidence: number, entities: unknown }, plan: Array<{ action: AuditAction, parameters: unknown, preview: unknown, target:
          | { id: string, name: string, namespace: string | null, kind: ResourceKind }
          | { id: string, name: string, namespace: string | null, kind: ResourceKind }
          | { id: string, name: string, namespace: string | null, kind: ResourceKind }
          | { id: string, name: string, namespace: string | null, kind: ResourceKind }
          | { id: string, name: string, namespace: string | null, kind: ResourceKind }
          | { id: string, name: string, namespace: string | null, kind: ResourceKind }
          | { id: string, name: string, namespace: string | null, kind: ResourceKind }
          | { id: string, name: string, namespace: string | null, kind: ResourceKind }
          | { id: string, name: string, namespace: string | null, kind: ResourceKind }
          | { id: string, name: string, namespace: string | null, kind: ResourceKind }
          | { id: string, name: string, namespace: string | null, kind: ResourceKind }
          | { id: string, name: string, namespace: string | null, kind: ResourceKind }
          | { id: string, name: string, namespace: string | null, kind: ResourceKind }
          | { id: string, name: string, namespace: string | null, kind: ResourceKind }
          | { id: string, name: string, namespace: string | null, kind: ResourceKind }
          | { id: string, name: string, namespace: string | null, kind: ResourceKind }
         | null }>, generatedCode: Array<{ language: string, filename: string | null, content: string }> }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type ConfirmItMutationVariables = Exact<{
  input: ConfirmChatPlanInput;
}>;


export type ConfirmItMutation = { confirmChatPlan:
    | { __typename: 'ChatPlanIncompleteError', code: string, message: string, steps: Array<
        | { __typename: 'ChatStepFailed', code: string, index: number, status: ChatStepStatus }
        | { __typename: 'ChatStepNotRun', index: number, status: ChatStepStatus }
        | { __typename: 'ChatStepSucceeded', index: number, status: ChatStepStatus }
      > }
    | { __typename: 'ConfirmChatPlanSuccess', reply: string, steps: Array<
        | { __typename: 'ChatStepFailed', index: number, action: AuditAction, status: ChatStepStatus, target:
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
           | null }
        | { __typename: 'ChatStepNotRun', index: number, action: AuditAction, status: ChatStepStatus, target:
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
           | null }
        | { __typename: 'ChatStepSucceeded', index: number, action: AuditAction, status: ChatStepStatus, target:
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
            | { name: string, namespace: string | null }
           | null }
      >, auditEvents: Array<{ id: string, actor: string, source: AuditSource, action: AuditAction, dryRun: boolean, status: AuditStatus, parameters: unknown, target: { name: string, namespace: string | null } | null }> }
    | { __typename: 'ConfirmationRequiredError', code: string, message: string }
    | { __typename: 'ConfirmationTokenError', code: string, message: string }
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'IrreversibleError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type ChatAuditQueryVariables = Exact<{ [key: string]: never; }>;


export type ChatAuditQuery = { auditLog: { edges: Array<{ node: { id: string, actor: string, action: AuditAction, dryRun: boolean, status: AuditStatus, target: { name: string, namespace: string | null } | null } }> } | null };

export type AggregatesOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type AggregatesOverviewQuery = { overview: { resources: { total: number, byKind: Array<{ key: string, count: number }> }, recentActions: Array<{ target: { namespace: string | null } | null }> | null, recommendations: { count: number, totalMonthlySavings: number, top: Array<{ title: string }> } | null, metrics: { clusters: Array<{ cluster: string }> } | null, cost: { idleMonthToDate: number, savingsAvailableMonthly: number } | null }, resources: { totalCount: number } };

export type AggregatesReadsQueryVariables = Exact<{
  window: string;
}>;


export type AggregatesReadsQuery = { clusterSummary: Array<{ cluster: string }>, recommendations: { totalCount: number, totalMonthlySavings: number, edges: Array<{ node: { title: string } }> } | null, auditLog: { totalCount: number, edges: Array<{ node: { target: { namespace: string | null } | null } }> } | null, costAllocation:
    | { __typename: 'CostAllocation', rows: Array<{ name: string, idle: boolean }> }
    | { __typename: 'UnavailableError' }
    | { __typename: 'ValidationError' }
   };

export type AggregatesChatMutationVariables = Exact<{
  message: string;
}>;


export type AggregatesChatMutation = { chat:
    | { __typename: 'ChatSuccess', reply: string }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ValidationError' }
   };

export type AuditRunMutationVariables = Exact<{ [key: string]: never; }>;


export type AuditRunMutation = { runRecommendations:
    | { __typename: 'RunRecommendationsSuccess', run: { workloads: number | null, open: number | null }, auditEvent: { id: string, withheld: boolean, after: unknown, message: string | null } }
    | { __typename: 'UnavailableError' }
   };

export type AuditRunsQueryVariables = Exact<{
  id: string | number;
}>;


export type AuditRunsQuery = { auditLog: { edges: Array<{ node: { id: string, withheld: boolean, parameters: unknown, after: unknown, message: string | null, inclusionProof: { treeSize: number } | null } }> } | null, node:
    | { withheld: boolean, after: unknown, message: string | null }
    | Record<PropertyKey, never>
   | null };

export type AuditFailedRunsQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditFailedRunsQuery = { auditLog: { edges: Array<{ node: { id: string, withheld: boolean, error: { code: string, message: string } | null } }> } | null };

export type AuditProofQueryVariables = Exact<{
  id: string | number;
}>;


export type AuditProofQuery = { auditInclusionProof: { leaves: Array<{ record: string }> } | null };

export type AuditCheckpointMutationVariables = Exact<{ [key: string]: never; }>;


export type AuditCheckpointMutation = { createAuditCheckpoint: { treeSize: number } | null };

export type DecisionsAdviceQueryVariables = Exact<{ [key: string]: never; }>;


export type DecisionsAdviceQuery = { recommendations: { edges: Array<{ node: { id: string, title: string, status: RecommendationStatus } }> } | null };

export type DecisionsRejectMutationVariables = Exact<{
  id: string | number;
}>;


export type DecisionsRejectMutation = { rejectRecommendation:
    | { __typename: 'ConflictError' }
    | { __typename: 'ForbiddenError', message: string, requiredPermission: string | null }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ProviderError' }
    | { __typename: 'RejectRecommendationSuccess' }
    | { __typename: 'UnavailableError' }
    | { __typename: 'ValidationError' }
   };

export type DecisionsApplyMutationVariables = Exact<{
  id: string | number;
}>;


export type DecisionsApplyMutation = { applyRecommendation:
    | { __typename: 'ApplyRecommendationSuccess' }
    | { __typename: 'ConfirmationRequiredError' }
    | { __typename: 'ConflictError' }
    | { __typename: 'ForbiddenError', requiredPermission: string | null }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ProviderError' }
    | { __typename: 'UnavailableError' }
    | { __typename: 'ValidationError' }
   };

export type DecisionsRefusalsQueryVariables = Exact<{ [key: string]: never; }>;


export type DecisionsRefusalsQuery = { auditLog: { edges: Array<{ node: { id: string, action: AuditAction, actor: string, status: AuditStatus, error: { code: string } | null, target: { namespace: string | null } | null } }> } | null };

export type DecisionsRunQueryVariables = Exact<{ [key: string]: never; }>;


export type DecisionsRunQuery = { recommendationRun: { workloads: number | null, created: number | null, open: number | null, skips: Array<{ targetId: string }> } | null };

export type DecisionsForecastsQueryVariables = Exact<{ [key: string]: never; }>;


export type DecisionsForecastsQuery = { overview: { predictions: Array<{ target:
        | { namespace: string | null }
        | { namespace: string | null }
        | { namespace: string | null }
        | { namespace: string | null }
        | { namespace: string | null }
        | { namespace: string | null }
        | { namespace: string | null }
        | { namespace: string | null }
        | { namespace: string | null }
        | { namespace: string | null }
        | { namespace: string | null }
        | { namespace: string | null }
        | { namespace: string | null }
        | { namespace: string | null }
        | { namespace: string | null }
        | { namespace: string | null }
       | null }> } };

export type DecisionsTrendQueryVariables = Exact<{
  window: string;
}>;


export type DecisionsTrendQuery = { costTrend:
    | { __typename: 'CostTrend', rows: Array<{ name: string }> }
    | { __typename: 'UnavailableError' }
    | { __typename: 'ValidationError' }
   };

export type GrantsNodesQueryVariables = Exact<{ [key: string]: never; }>;


export type GrantsNodesQuery = { resources: { totalCount: number, edges: Array<{ node:
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
       }> } };

export type GrantsSumsQueryVariables = Exact<{
  id: string | number;
  window: string;
}>;


export type GrantsSumsQuery = { node:
    | { id: string }
    | { id: string, usage: { timestamp: string } | null, cost: { name: string } | null }
    | { id: string, usage: { timestamp: string } | null, cost: { name: string } | null }
    | { id: string, usage: { timestamp: string } | null, cost: { name: string } | null }
    | { id: string, usage: { timestamp: string } | null, cost: { name: string } | null }
    | { id: string, usage: { timestamp: string } | null, cost: { name: string } | null }
    | { id: string, usage: { timestamp: string } | null, cost: { name: string } | null }
    | { id: string, usage: { timestamp: string } | null, cost: { name: string } | null }
    | { id: string, usage: { timestamp: string } | null, cost: { name: string } | null }
    | { id: string, usage: { timestamp: string } | null, cost: { name: string } | null }
    | { id: string, usage: { timestamp: string } | null, cost: { name: string } | null }
    | { id: string, usage: { timestamp: string } | null, cost: { name: string } | null }
    | { id: string, usage: { timestamp: string } | null, cost: { name: string } | null }
    | { id: string }
    | { id: string, usage: { timestamp: string } | null, cost: { name: string } | null }
    | { id: string, usage: { timestamp: string } | null, cost: { name: string } | null }
    | { id: string, usage: { timestamp: string } | null, cost: { name: string } | null }
    | { id: string, usage: { timestamp: string } | null, cost: { name: string } | null }
   | null };

export type GrantsHistoryQueryVariables = Exact<{
  id: string | number;
}>;


export type GrantsHistoryQuery = { metrics: Array<{ name: MetricName }> | null };

export type GrantsPodsQueryVariables = Exact<{
  ns: Array<string> | string;
}>;


export type GrantsPodsQuery = { resources: { edges: Array<{ node:
        | { namespace: string | null, name: string }
        | { namespace: string | null, name: string }
        | { namespace: string | null, name: string }
        | { namespace: string | null, name: string }
        | { namespace: string | null, name: string }
        | { namespace: string | null, name: string }
        | { namespace: string | null, name: string }
        | { namespace: string | null, name: string }
        | { namespace: string | null, name: string }
        | { namespace: string | null, name: string }
        | { namespace: string | null, name: string }
        | { namespace: string | null, name: string }
        | { namespace: string | null, name: string }
        | { namespace: string | null, name: string }
        | { namespace: string | null, name: string }
        | { namespace: string | null, name: string }
       }> } };

export type GrantsPodCostQueryVariables = Exact<{
  window: string;
}>;


export type GrantsPodCostQuery = { costAllocation:
    | { __typename: 'CostAllocation', rows: Array<{ name: string }> }
    | { __typename: 'UnavailableError' }
    | { __typename: 'ValidationError' }
   };

export type PartialIdsQueryVariables = Exact<{
  ns: Array<string> | string;
}>;


export type PartialIdsQuery = { resources: { edges: Array<{ node:
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
       }> }, namespaces: { edges: Array<{ node:
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
        | { id: string, kind: ResourceKind, namespace: string | null, name: string }
       }> } };

export type PartialNamespaceSumsQueryVariables = Exact<{
  id: string | number;
}>;


export type PartialNamespaceSumsQuery = { metrics: Array<{ name: MetricName }> | null, node:
    | { usage: { timestamp: string } | null, cost: { name: string } | null }
    | Record<PropertyKey, never>
   | null };

export type PartialLogsQueryVariables = Exact<{
  id: string | number;
}>;


export type PartialLogsQuery = { podLogs:
    | { __typename: 'ForbiddenError', message: string, requiredPermission: string | null }
    | { __typename: 'LogsUnavailableError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'PodLogs' }
    | { __typename: 'ProviderError' }
    | { __typename: 'ValidationError' }
   };

export type PartialNamedQueryVariables = Exact<{
  ns: Array<string> | string;
  web: string | number;
  api: string | number;
}>;


export type PartialNamedQuery = { resources: { totalCount: number, edges: Array<{ node:
        | { name: string, can: { allowed: boolean, requiredPermission: string | null } }
        | { name: string, can: { allowed: boolean, requiredPermission: string | null } }
        | { name: string, can: { allowed: boolean, requiredPermission: string | null } }
        | { name: string, can: { allowed: boolean, requiredPermission: string | null } }
        | { name: string, can: { allowed: boolean, requiredPermission: string | null } }
        | { name: string, can: { allowed: boolean, requiredPermission: string | null } }
        | { name: string, can: { allowed: boolean, requiredPermission: string | null } }
        | { name: string, can: { allowed: boolean, requiredPermission: string | null } }
        | { name: string, can: { allowed: boolean, requiredPermission: string | null } }
        | { name: string, can: { allowed: boolean, requiredPermission: string | null } }
        | { name: string, can: { allowed: boolean, requiredPermission: string | null } }
        | { name: string, can: { allowed: boolean, requiredPermission: string | null } }
        | { name: string, can: { allowed: boolean, requiredPermission: string | null } }
        | { name: string, can: { allowed: boolean, requiredPermission: string | null } }
        | { name: string, can: { allowed: boolean, requiredPermission: string | null } }
        | { name: string, can: { allowed: boolean, requiredPermission: string | null } }
       }> }, web:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null, api:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type RbacReadsAllDeploymentsQueryVariables = Exact<{ [key: string]: never; }>;


export type RbacReadsAllDeploymentsQuery = { resources: { edges: Array<{ node:
        | { namespace: string | null }
        | { namespace: string | null }
        | { namespace: string | null }
        | { namespace: string | null }
        | { namespace: string | null }
        | { namespace: string | null }
        | { namespace: string | null }
        | { namespace: string | null }
        | { namespace: string | null }
        | { namespace: string | null }
        | { namespace: string | null }
        | { namespace: string | null }
        | { namespace: string | null }
        | { namespace: string | null }
        | { namespace: string | null }
        | { namespace: string | null }
       }> } };

export type RbacReadsClusterScopedQueryVariables = Exact<{ [key: string]: never; }>;


export type RbacReadsClusterScopedQuery = { resources: { totalCount: number } };

export type RbacReadsMetricsQueryVariables = Exact<{
  targets: Array<string | number> | string | number;
}>;


export type RbacReadsMetricsQuery = { metrics: Array<{ name: MetricName }> | null };

export type RbacReadsEventsSubscriptionVariables = Exact<{
  ns: Array<string> | string;
}>;


export type RbacReadsEventsSubscription = { resourceEvents: { resource:
      | { namespace: string | null, name: string }
      | { namespace: string | null, name: string }
      | { namespace: string | null, name: string }
      | { namespace: string | null, name: string }
      | { namespace: string | null, name: string }
      | { namespace: string | null, name: string }
      | { namespace: string | null, name: string }
      | { namespace: string | null, name: string }
      | { namespace: string | null, name: string }
      | { namespace: string | null, name: string }
      | { namespace: string | null, name: string }
      | { namespace: string | null, name: string }
      | { namespace: string | null, name: string }
      | { namespace: string | null, name: string }
      | { namespace: string | null, name: string }
      | { namespace: string | null, name: string }
     } };

export type WebhookPodsQueryVariables = Exact<{
  ns: string;
}>;


export type WebhookPodsQuery = { resources: { totalCount: number, edges: Array<{ node:
        | { id: string, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
        | { id: string, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
        | { id: string, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
        | { id: string, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
        | { id: string, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
        | { id: string, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
        | { id: string, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
        | { id: string, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
        | { id: string, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
        | { id: string, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
        | { id: string, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
        | { id: string, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
        | { id: string, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
        | { id: string, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
        | { id: string, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
        | { id: string, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
       }> } };

export type WebhookPodNamesQueryVariables = Exact<{
  ns: string;
}>;


export type WebhookPodNamesQuery = { resources: { edges: Array<{ node:
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
       }> } };

export type WebhookNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type WebhookNodeQuery = { node:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type WebhookRestartMutationVariables = Exact<{
  id: string | number;
}>;


export type WebhookRestartMutation = { restartResource:
    | { __typename: 'ConflictError' }
    | { __typename: 'ForbiddenError', message: string, requiredPermission: string | null }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ProviderError' }
    | { __typename: 'RestartResourceSuccess' }
    | { __typename: 'UnavailableError' }
    | { __typename: 'ValidationError' }
   };

export type ImpersonationScaleMutationVariables = Exact<{
  id: string | number;
  n: number;
}>;


export type ImpersonationScaleMutation = { scaleResource:
    | { __typename: 'ConflictError' }
    | { __typename: 'ForbiddenError', message: string, requiredRole: Role | null, requiredPermission: string | null }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ProviderError' }
    | { __typename: 'ScaleResourceSuccess', auditEvent: { actor: string, status: AuditStatus } }
    | { __typename: 'UnavailableError' }
    | { __typename: 'ValidationError' }
   };

export type K8sMutFindQueryVariables = Exact<{
  ns: string;
}>;


export type K8sMutFindQuery = { resources: { edges: Array<{ node:
        | { id: string, kind: ResourceKind, name: string }
        | { id: string, kind: ResourceKind, name: string }
        | { id: string, kind: ResourceKind, name: string }
        | { id: string, kind: ResourceKind, name: string }
        | { id: string, kind: ResourceKind, name: string }
        | { id: string, kind: ResourceKind, name: string }
        | { id: string, kind: ResourceKind, name: string }
        | { id: string, kind: ResourceKind, name: string }
        | { id: string, kind: ResourceKind, name: string }
        | { id: string, kind: ResourceKind, name: string }
        | { id: string, kind: ResourceKind, name: string }
        | { id: string, kind: ResourceKind, name: string }
        | { id: string, kind: ResourceKind, name: string }
        | { id: string, kind: ResourceKind, name: string }
        | { id: string, kind: ResourceKind, name: string }
        | { id: string, kind: ResourceKind, name: string }
       }> } };

export type K8sMutScaleMutationVariables = Exact<{
  id: string | number;
  n: number;
  dry?: boolean | null | undefined;
}>;


export type K8sMutScaleMutation = { scaleResource:
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'ScaleResourceSuccess', dryRun: boolean, auditEvent: { id: string, status: AuditStatus, before: unknown, after: unknown } }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type K8sMutStopMutationVariables = Exact<{
  id: string | number;
}>;


export type K8sMutStopMutation = { stopResource:
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'StopResourceSuccess', auditEvent: { id: string, after: unknown } }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type K8sMutRevertMutationVariables = Exact<{
  auditEventId: string | number;
}>;


export type K8sMutRevertMutation = { revertAction:
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'IrreversibleError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'RevertActionSuccess', auditEvent: { status: AuditStatus, after: unknown } }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type K8sDegradedQueryVariables = Exact<{ [key: string]: never; }>;


export type K8sDegradedQuery = { status: Array<{ name: string, state: ComponentState, message: string }>, resources: { totalCount: number, failures: Array<{ provider: string, cluster: string, message: string }> } };

export type K8sNamespaceViewQueryVariables = Exact<{
  ns: string;
}>;


export type K8sNamespaceViewQuery = { resources: { totalCount: number, failures: Array<{ cluster: string }>, edges: Array<{ node:
        | { __typename: 'AutoScalingGroup', id: string, name: string, state: ResourceState, cluster: string }
        | { __typename: 'DaemonSet', id: string, name: string, state: ResourceState, cluster: string }
        | { __typename: 'Deployment', id: string, name: string, state: ResourceState, cluster: string }
        | { __typename: 'EbsVolume', id: string, name: string, state: ResourceState, cluster: string }
        | { __typename: 'Ec2Instance', id: string, name: string, state: ResourceState, cluster: string }
        | { __typename: 'HorizontalPodAutoscaler', id: string, name: string, state: ResourceState, cluster: string }
        | { __typename: 'KubernetesNode', id: string, name: string, state: ResourceState, cluster: string }
        | { __typename: 'Namespace', id: string, name: string, state: ResourceState, cluster: string }
        | { __typename: 'PersistentVolume', id: string, name: string, state: ResourceState, cluster: string }
        | { __typename: 'PersistentVolumeClaim', id: string, name: string, state: ResourceState, cluster: string }
        | { __typename: 'Pod', phase: string | null, ip: string | null, restarts: number, id: string, name: string, state: ResourceState, cluster: string, containers: Array<{ name: string, image: string | null, ready: boolean, requests: { cpu: string | null, cpuCores: number | null, memoryBytes: number | null }, limits: { memory: string | null } }>, node: { name: string, state: ResourceState, unschedulable: boolean } | null, owner:
            | { kind: ResourceKind, name: string }
            | { kind: ResourceKind, name: string }
            | { kind: ResourceKind, name: string }
            | { kind: ResourceKind, name: string }
            | { kind: ResourceKind, name: string }
            | { kind: ResourceKind, name: string }
            | { kind: ResourceKind, name: string }
            | { kind: ResourceKind, name: string }
            | { kind: ResourceKind, name: string }
            | { kind: ResourceKind, name: string }
            | { kind: ResourceKind, name: string }
            | { kind: ResourceKind, name: string }
            | { kind: ResourceKind, name: string }
            | { kind: ResourceKind, name: string }
            | { kind: ResourceKind, name: string }
            | { kind: ResourceKind, name: string }
           | null, workload:
            | { kind: ResourceKind, name: string }
            | { kind: ResourceKind, name: string }
            | { desiredReplicas: number, readyReplicas: number, selector: string | null, strategy: string | null, kind: ResourceKind, name: string }
            | { kind: ResourceKind, name: string }
            | { kind: ResourceKind, name: string }
            | { kind: ResourceKind, name: string }
            | { kind: ResourceKind, name: string }
            | { kind: ResourceKind, name: string }
            | { kind: ResourceKind, name: string }
            | { kind: ResourceKind, name: string }
            | { kind: ResourceKind, name: string }
            | { kind: ResourceKind, name: string }
            | { kind: ResourceKind, name: string }
            | { kind: ResourceKind, name: string }
            | { kind: ResourceKind, name: string }
            | { kind: ResourceKind, name: string }
           | null, events: Array<{ reason: string | null }> }
        | { __typename: 'RdsInstance', id: string, name: string, state: ResourceState, cluster: string }
        | { __typename: 'RemovedResource', id: string, name: string, state: ResourceState, cluster: string }
        | { __typename: 'ReplicaSet', id: string, name: string, state: ResourceState, cluster: string }
        | { __typename: 'Service', id: string, name: string, state: ResourceState, cluster: string }
        | { __typename: 'StatefulSet', id: string, name: string, state: ResourceState, cluster: string }
       }> } };

export type K8sServiceViewQueryVariables = Exact<{
  ns: string;
}>;


export type K8sServiceViewQuery = { resources: { edges: Array<{ node:
        | { __typename: 'AutoScalingGroup', kind: ResourceKind, name: string, actions: Array<ActionVerb> }
        | { __typename: 'DaemonSet', kind: ResourceKind, name: string, actions: Array<ActionVerb> }
        | { __typename: 'Deployment', kind: ResourceKind, name: string, actions: Array<ActionVerb>, pods: Array<{ name: string }>, replicaSets: Array<{ name: string }>, containers: Array<{ name: string, requests: { memory: string | null } }> }
        | { __typename: 'EbsVolume', kind: ResourceKind, name: string, actions: Array<ActionVerb> }
        | { __typename: 'Ec2Instance', kind: ResourceKind, name: string, actions: Array<ActionVerb> }
        | { __typename: 'HorizontalPodAutoscaler', kind: ResourceKind, name: string, actions: Array<ActionVerb> }
        | { __typename: 'KubernetesNode', kind: ResourceKind, name: string, actions: Array<ActionVerb> }
        | { __typename: 'Namespace', kind: ResourceKind, name: string, actions: Array<ActionVerb> }
        | { __typename: 'PersistentVolume', kind: ResourceKind, name: string, actions: Array<ActionVerb> }
        | { __typename: 'PersistentVolumeClaim', kind: ResourceKind, name: string, actions: Array<ActionVerb> }
        | { __typename: 'Pod', kind: ResourceKind, name: string, actions: Array<ActionVerb> }
        | { __typename: 'RdsInstance', kind: ResourceKind, name: string, actions: Array<ActionVerb> }
        | { __typename: 'RemovedResource', kind: ResourceKind, name: string, actions: Array<ActionVerb> }
        | { __typename: 'ReplicaSet', kind: ResourceKind, name: string, actions: Array<ActionVerb> }
        | { __typename: 'Service', type: string, clusterIP: string | null, selector: string | null, kind: ResourceKind, name: string, actions: Array<ActionVerb>, ports: Array<{ port: number, targetPort: string | null }>, pods: Array<{ name: string }> }
        | { __typename: 'StatefulSet', kind: ResourceKind, name: string, actions: Array<ActionVerb> }
       }> } };

export type K8sNodeByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type K8sNodeByIdQuery = { node:
    | { __typename: 'AuditEvent', id: string }
    | { __typename: 'AutoScalingGroup', kind: ResourceKind, name: string, id: string }
    | { __typename: 'DaemonSet', kind: ResourceKind, name: string, id: string }
    | { __typename: 'Deployment', kind: ResourceKind, name: string, id: string }
    | { __typename: 'EbsVolume', kind: ResourceKind, name: string, id: string }
    | { __typename: 'Ec2Instance', kind: ResourceKind, name: string, id: string }
    | { __typename: 'HorizontalPodAutoscaler', kind: ResourceKind, name: string, id: string }
    | { __typename: 'KubernetesNode', kind: ResourceKind, name: string, podCount: number, id: string, capacity: { cpuCores: number | null, pods: number | null }, allocatable: { memoryBytes: number | null }, conditions: Array<{ type: string, status: string }> }
    | { __typename: 'Namespace', kind: ResourceKind, name: string, id: string, resources: Array<
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
      > }
    | { __typename: 'PersistentVolume', kind: ResourceKind, name: string, id: string }
    | { __typename: 'PersistentVolumeClaim', kind: ResourceKind, name: string, id: string }
    | { __typename: 'Pod', kind: ResourceKind, name: string, id: string }
    | { __typename: 'RdsInstance', kind: ResourceKind, name: string, id: string }
    | { __typename: 'Recommendation', id: string }
    | { __typename: 'RemovedResource', kind: ResourceKind, name: string, id: string }
    | { __typename: 'ReplicaSet', kind: ResourceKind, name: string, id: string }
    | { __typename: 'Service', kind: ResourceKind, name: string, id: string }
    | { __typename: 'StatefulSet', kind: ResourceKind, name: string, id: string }
   | null };

export type K8sFirstOfKindQueryVariables = Exact<{
  kind: ResourceKind;
}>;


export type K8sFirstOfKindQuery = { resources: { totalCount: number, edges: Array<{ node:
        | { id: string, kind: ResourceKind, name: string }
        | { id: string, kind: ResourceKind, name: string }
        | { id: string, kind: ResourceKind, name: string }
        | { id: string, kind: ResourceKind, name: string }
        | { id: string, kind: ResourceKind, name: string }
        | { id: string, kind: ResourceKind, name: string }
        | { id: string, kind: ResourceKind, name: string }
        | { id: string, kind: ResourceKind, name: string }
        | { id: string, kind: ResourceKind, name: string }
        | { id: string, kind: ResourceKind, name: string }
        | { id: string, kind: ResourceKind, name: string }
        | { id: string, kind: ResourceKind, name: string }
        | { id: string, kind: ResourceKind, name: string }
        | { id: string, kind: ResourceKind, name: string }
        | { id: string, kind: ResourceKind, name: string }
        | { id: string, kind: ResourceKind, name: string }
       }> } };

export type K8sPodLogsQueryVariables = Exact<{
  id: string | number;
}>;


export type K8sPodLogsQuery = { podLogs:
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'LogsUnavailableError', code: string, message: string, node: string | null }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'PodLogs', text: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type K8sDeploymentEventsSubscriptionVariables = Exact<{
  ns: string;
}>;


export type K8sDeploymentEventsSubscription = { resourceEvents: { type: ResourceEventType, resource:
      | { name: string, state: ResourceState }
      | { name: string, state: ResourceState }
      | { desiredReplicas: number, name: string, state: ResourceState }
      | { name: string, state: ResourceState }
      | { name: string, state: ResourceState }
      | { name: string, state: ResourceState }
      | { name: string, state: ResourceState }
      | { name: string, state: ResourceState }
      | { name: string, state: ResourceState }
      | { name: string, state: ResourceState }
      | { name: string, state: ResourceState }
      | { name: string, state: ResourceState }
      | { name: string, state: ResourceState }
      | { name: string, state: ResourceState }
      | { name: string, state: ResourceState }
      | { name: string, state: ResourceState }
     } };

export type LpViewQueryVariables = Exact<{
  ns: string;
}>;


export type LpViewQuery = { status: Array<{ name: string, state: ComponentState }>, resources: { totalCount: number, edges: Array<{ node:
        | { id: string, name: string, kind: ResourceKind }
        | { id: string, name: string, kind: ResourceKind }
        | { id: string, name: string, kind: ResourceKind }
        | { id: string, name: string, kind: ResourceKind }
        | { id: string, name: string, kind: ResourceKind }
        | { id: string, name: string, kind: ResourceKind }
        | { id: string, name: string, kind: ResourceKind }
        | { id: string, name: string, kind: ResourceKind }
        | { id: string, name: string, kind: ResourceKind }
        | { id: string, name: string, kind: ResourceKind }
        | { id: string, name: string, kind: ResourceKind }
        | { id: string, name: string, kind: ResourceKind }
        | { id: string, name: string, kind: ResourceKind }
        | { id: string, name: string, kind: ResourceKind }
        | { id: string, name: string, kind: ResourceKind }
        | { id: string, name: string, kind: ResourceKind }
       }> } };

export type LpScaleMutationVariables = Exact<{
  id: string | number;
}>;


export type LpScaleMutation = { scaleResource:
    | { __typename: 'ConflictError', message: string }
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ProviderError', message: string }
    | { __typename: 'ScaleResourceSuccess', auditEvent: { status: AuditStatus } }
    | { __typename: 'UnavailableError', message: string }
    | { __typename: 'ValidationError', message: string }
   };

export type MetricsEc2QueryVariables = Exact<{ [key: string]: never; }>;


export type MetricsEc2Query = { resources: { edges: Array<{ node:
        | { id: string, metrics: Array<{ unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
        | { id: string, metrics: Array<{ unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
        | { id: string, metrics: Array<{ unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
        | { id: string, metrics: Array<{ unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
        | { instanceType: string | null, id: string, metrics: Array<{ unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
        | { id: string, metrics: Array<{ unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
        | { id: string, metrics: Array<{ unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
        | { id: string, metrics: Array<{ unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
        | { id: string, metrics: Array<{ unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
        | { id: string, metrics: Array<{ unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
        | { id: string, metrics: Array<{ unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
        | { id: string, metrics: Array<{ unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
        | { id: string, metrics: Array<{ unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
        | { id: string, metrics: Array<{ unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
        | { id: string, metrics: Array<{ unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
        | { id: string, metrics: Array<{ unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
       }> } };

export type OutageStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type OutageStatusQuery = { status: Array<{ name: string, state: ComponentState, message: string }> };

export type OutageHistoryQueryVariables = Exact<{
  targets: Array<string | number> | string | number;
}>;


export type OutageHistoryQuery = { metrics: Array<{ name: MetricName, points: Array<{ value: number }> }> | null };

export type OutagePodsQueryVariables = Exact<{ [key: string]: never; }>;


export type OutagePodsQuery = { resources: { edges: Array<{ node:
        | { id: string, cpuUsage: number | null }
        | { id: string, cpuUsage: number | null }
        | { id: string, cpuUsage: number | null }
        | { id: string, cpuUsage: number | null }
        | { id: string, cpuUsage: number | null }
        | { id: string, cpuUsage: number | null }
        | { id: string, cpuUsage: number | null }
        | { id: string, cpuUsage: number | null }
        | { id: string, cpuUsage: number | null }
        | { id: string, cpuUsage: number | null }
        | { id: string, cpuUsage: number | null }
        | { id: string, cpuUsage: number | null }
        | { id: string, cpuUsage: number | null }
        | { id: string, cpuUsage: number | null }
        | { id: string, cpuUsage: number | null }
        | { id: string, cpuUsage: number | null }
       }> } };

export type OutagePageQueryVariables = Exact<{ [key: string]: never; }>;


export type OutagePageQuery = { resources: { edges: Array<{ node:
        | { id: string, name: string, state: ResourceState, metrics: Array<{ name: MetricName }> | null, auditLog: { totalCount: number } | null, recommendations: { totalCount: number } | null }
        | { id: string, name: string, state: ResourceState, metrics: Array<{ name: MetricName }> | null, auditLog: { totalCount: number } | null, recommendations: { totalCount: number } | null }
        | { id: string, name: string, state: ResourceState, metrics: Array<{ name: MetricName }> | null, auditLog: { totalCount: number } | null, recommendations: { totalCount: number } | null }
        | { id: string, name: string, state: ResourceState, metrics: Array<{ name: MetricName }> | null, auditLog: { totalCount: number } | null, recommendations: { totalCount: number } | null }
        | { id: string, name: string, state: ResourceState, metrics: Array<{ name: MetricName }> | null, auditLog: { totalCount: number } | null, recommendations: { totalCount: number } | null }
        | { id: string, name: string, state: ResourceState, metrics: Array<{ name: MetricName }> | null, auditLog: { totalCount: number } | null, recommendations: { totalCount: number } | null }
        | { id: string, name: string, state: ResourceState, metrics: Array<{ name: MetricName }> | null, auditLog: { totalCount: number } | null, recommendations: { totalCount: number } | null }
        | { id: string, name: string, state: ResourceState, metrics: Array<{ name: MetricName }> | null, auditLog: { totalCount: number } | null, recommendations: { totalCount: number } | null }
        | { id: string, name: string, state: ResourceState, metrics: Array<{ name: MetricName }> | null, auditLog: { totalCount: number } | null, recommendations: { totalCount: number } | null }
        | { id: string, name: string, state: ResourceState, metrics: Array<{ name: MetricName }> | null, auditLog: { totalCount: number } | null, recommendations: { totalCount: number } | null }
        | { id: string, name: string, state: ResourceState, metrics: Array<{ name: MetricName }> | null, auditLog: { totalCount: number } | null, recommendations: { totalCount: number } | null }
        | { id: string, name: string, state: ResourceState, metrics: Array<{ name: MetricName }> | null, auditLog: { totalCount: number } | null, recommendations: { totalCount: number } | null }
        | { id: string, name: string, state: ResourceState, metrics: Array<{ name: MetricName }> | null, auditLog: { totalCount: number } | null, recommendations: { totalCount: number } | null }
        | { id: string, name: string, state: ResourceState, metrics: Array<{ name: MetricName }> | null, auditLog: { totalCount: number } | null, recommendations: { totalCount: number } | null }
        | { id: string, name: string, state: ResourceState, metrics: Array<{ name: MetricName }> | null, auditLog: { totalCount: number } | null, recommendations: { totalCount: number } | null }
        | { id: string, name: string, state: ResourceState, metrics: Array<{ name: MetricName }> | null, auditLog: { totalCount: number } | null, recommendations: { totalCount: number } | null }
       }> } };

export type MetricsCurrentQueryVariables = Exact<{
  filter?: ResourceFilter | null | undefined;
}>;


export type MetricsCurrentQuery = { resources: { edges: Array<{ node:
        | { id: string, kind: ResourceKind, name: string, cpuUsage: number | null, memoryUsage: number | null, usage: { cpuRequest: number | null, cpuLimit: number | null, memoryRequest: number | null, cpuRequestUtilization: number | null, memoryLimitUtilization: number | null, networkReceive: number | null } | null }
        | { id: string, kind: ResourceKind, name: string, cpuUsage: number | null, memoryUsage: number | null, usage: { cpuRequest: number | null, cpuLimit: number | null, memoryRequest: number | null, cpuRequestUtilization: number | null, memoryLimitUtilization: number | null, networkReceive: number | null } | null }
        | { id: string, kind: ResourceKind, name: string, cpuUsage: number | null, memoryUsage: number | null, usage: { cpuRequest: number | null, cpuLimit: number | null, memoryRequest: number | null, cpuRequestUtilization: number | null, memoryLimitUtilization: number | null, networkReceive: number | null } | null }
        | { id: string, kind: ResourceKind, name: string, cpuUsage: number | null, memoryUsage: number | null, usage: { cpuRequest: number | null, cpuLimit: number | null, memoryRequest: number | null, cpuRequestUtilization: number | null, memoryLimitUtilization: number | null, networkReceive: number | null } | null }
        | { id: string, kind: ResourceKind, name: string, cpuUsage: number | null, memoryUsage: number | null, usage: { cpuRequest: number | null, cpuLimit: number | null, memoryRequest: number | null, cpuRequestUtilization: number | null, memoryLimitUtilization: number | null, networkReceive: number | null } | null }
        | { id: string, kind: ResourceKind, name: string, cpuUsage: number | null, memoryUsage: number | null, usage: { cpuRequest: number | null, cpuLimit: number | null, memoryRequest: number | null, cpuRequestUtilization: number | null, memoryLimitUtilization: number | null, networkReceive: number | null } | null }
        | { id: string, kind: ResourceKind, name: string, cpuUsage: number | null, memoryUsage: number | null, usage: { cpuRequest: number | null, cpuLimit: number | null, memoryRequest: number | null, cpuRequestUtilization: number | null, memoryLimitUtilization: number | null, networkReceive: number | null } | null }
        | { id: string, kind: ResourceKind, name: string, cpuUsage: number | null, memoryUsage: number | null, usage: { cpuRequest: number | null, cpuLimit: number | null, memoryRequest: number | null, cpuRequestUtilization: number | null, memoryLimitUtilization: number | null, networkReceive: number | null } | null }
        | { id: string, kind: ResourceKind, name: string, cpuUsage: number | null, memoryUsage: number | null, usage: { cpuRequest: number | null, cpuLimit: number | null, memoryRequest: number | null, cpuRequestUtilization: number | null, memoryLimitUtilization: number | null, networkReceive: number | null } | null }
        | { id: string, kind: ResourceKind, name: string, cpuUsage: number | null, memoryUsage: number | null, usage: { cpuRequest: number | null, cpuLimit: number | null, memoryRequest: number | null, cpuRequestUtilization: number | null, memoryLimitUtilization: number | null, networkReceive: number | null } | null }
        | { id: string, kind: ResourceKind, name: string, cpuUsage: number | null, memoryUsage: number | null, usage: { cpuRequest: number | null, cpuLimit: number | null, memoryRequest: number | null, cpuRequestUtilization: number | null, memoryLimitUtilization: number | null, networkReceive: number | null } | null }
        | { id: string, kind: ResourceKind, name: string, cpuUsage: number | null, memoryUsage: number | null, usage: { cpuRequest: number | null, cpuLimit: number | null, memoryRequest: number | null, cpuRequestUtilization: number | null, memoryLimitUtilization: number | null, networkReceive: number | null } | null }
        | { id: string, kind: ResourceKind, name: string, cpuUsage: number | null, memoryUsage: number | null, usage: { cpuRequest: number | null, cpuLimit: number | null, memoryRequest: number | null, cpuRequestUtilization: number | null, memoryLimitUtilization: number | null, networkReceive: number | null } | null }
        | { id: string, kind: ResourceKind, name: string, cpuUsage: number | null, memoryUsage: number | null, usage: { cpuRequest: number | null, cpuLimit: number | null, memoryRequest: number | null, cpuRequestUtilization: number | null, memoryLimitUtilization: number | null, networkReceive: number | null } | null }
        | { id: string, kind: ResourceKind, name: string, cpuUsage: number | null, memoryUsage: number | null, usage: { cpuRequest: number | null, cpuLimit: number | null, memoryRequest: number | null, cpuRequestUtilization: number | null, memoryLimitUtilization: number | null, networkReceive: number | null } | null }
        | { id: string, kind: ResourceKind, name: string, cpuUsage: number | null, memoryUsage: number | null, usage: { cpuRequest: number | null, cpuLimit: number | null, memoryRequest: number | null, cpuRequestUtilization: number | null, memoryLimitUtilization: number | null, networkReceive: number | null } | null }
       }> } };

export type MetricsPagedQueryVariables = Exact<{
  filter?: ResourceFilter | null | undefined;
}>;


export type MetricsPagedQuery = { resources: { edges: Array<{ node:
        | { id: string, name: string, namespace: string | null, metrics: Array<{ name: MetricName, unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
        | { id: string, name: string, namespace: string | null, metrics: Array<{ name: MetricName, unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
        | { id: string, name: string, namespace: string | null, metrics: Array<{ name: MetricName, unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
        | { id: string, name: string, namespace: string | null, metrics: Array<{ name: MetricName, unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
        | { id: string, name: string, namespace: string | null, metrics: Array<{ name: MetricName, unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
        | { id: string, name: string, namespace: string | null, metrics: Array<{ name: MetricName, unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
        | { id: string, name: string, namespace: string | null, metrics: Array<{ name: MetricName, unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
        | { id: string, name: string, namespace: string | null, metrics: Array<{ name: MetricName, unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
        | { id: string, name: string, namespace: string | null, metrics: Array<{ name: MetricName, unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
        | { id: string, name: string, namespace: string | null, metrics: Array<{ name: MetricName, unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
        | { id: string, name: string, namespace: string | null, metrics: Array<{ name: MetricName, unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
        | { id: string, name: string, namespace: string | null, metrics: Array<{ name: MetricName, unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
        | { id: string, name: string, namespace: string | null, metrics: Array<{ name: MetricName, unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
        | { id: string, name: string, namespace: string | null, metrics: Array<{ name: MetricName, unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
        | { id: string, name: string, namespace: string | null, metrics: Array<{ name: MetricName, unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
        | { id: string, name: string, namespace: string | null, metrics: Array<{ name: MetricName, unit: string, points: Array<{ timestamp: string, value: number }> }> | null }
       }> } };

export type MetricsHistoryQueryVariables = Exact<{
  targets: Array<string | number> | string | number;
  names?: Array<MetricName> | MetricName | null | undefined;
  range?: MetricRangeInput | null | undefined;
  step?: string | null | undefined;
}>;


export type MetricsHistoryQuery = { metrics: Array<{ name: MetricName, unit: string, target:
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
    , points: Array<{ timestamp: string, value: number }> }> | null };

export type MetricsSummaryQueryVariables = Exact<{ [key: string]: never; }>;


export type MetricsSummaryQuery = { clusterSummary: Array<{ cluster: string, cpuUsage: number | null, cpuRequest: number | null, cpuCapacity: number | null, memoryUsage: number | null, memoryCapacity: number | null }>, overview: { metrics: { source: string | null, collectedAt: string | null, clusters: Array<{ cluster: string, cpuUsage: number | null }>, orchestrator: { rssBytes: number } } | null } };

export type MetricsLiveSubscriptionVariables = Exact<{
  targets: Array<string | number> | string | number;
}>;


export type MetricsLiveSubscription = { metrics: { name: MetricName, unit: string, timestamp: string, value: number, target:
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
     } };

export type OidcMeQueryVariables = Exact<{ [key: string]: never; }>;


export type OidcMeQuery = { viewer: { name: string, displayName: string | null, role: Role } };

export type OidcFindQueryVariables = Exact<{
  ns: string;
}>;


export type OidcFindQuery = { resources: { edges: Array<{ node:
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
       }> } };

export type OidcScaleMutationVariables = Exact<{
  id: string | number;
  n: number;
}>;


export type OidcScaleMutation = { scaleResource:
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'ScaleResourceSuccess', auditEvent: { actor: string, actorName: string, actorKind: ActorKind, actorRole: Role | null, status: AuditStatus } }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type PodLogsCappedQueryVariables = Exact<{
  id: string | number;
}>;


export type PodLogsCappedQuery = { podLogs:
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'LogsUnavailableError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'PodLogs', text: string, lines: Array<string>, truncated: boolean }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type PodLogsPodIdsQueryVariables = Exact<{
  ns: string;
}>;


export type PodLogsPodIdsQuery = { resources: { edges: Array<{ node:
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
       }> } };

export type RecEc2RunMutationVariables = Exact<{ [key: string]: never; }>;


export type RecEc2RunMutation = { runRecommendations:
    | { __typename: 'RunRecommendationsSuccess', run: { errors: Array<string>, skips: Array<{ targetId: string, analyzer: string, reason: string }> } }
    | { __typename: 'UnavailableError' }
   };

export type RecEc2ListQueryVariables = Exact<{
  filter?: RecommendationFilter | null | undefined;
}>;


export type RecEc2ListQuery = { recommendations: { edges: Array<{ node: { id: string, type: RecommendationType, status: RecommendationStatus, targetName: string, source: RecommendationSource, sourceName: string, current: unknown, recommended: unknown, evidence: unknown, estimatedMonthlySavings: number | null, risk: RecommendationRisk, action: unknown, target:
          | { __typename: 'AutoScalingGroup', name: string, kind: ResourceKind, state: ResourceState, actions: Array<ActionVerb> }
          | { __typename: 'DaemonSet', name: string, kind: ResourceKind, state: ResourceState, actions: Array<ActionVerb> }
          | { __typename: 'Deployment', name: string, kind: ResourceKind, state: ResourceState, actions: Array<ActionVerb> }
          | { __typename: 'EbsVolume', name: string, kind: ResourceKind, state: ResourceState, actions: Array<ActionVerb> }
          | { __typename: 'Ec2Instance', name: string, kind: ResourceKind, state: ResourceState, actions: Array<ActionVerb> }
          | { __typename: 'HorizontalPodAutoscaler', name: string, kind: ResourceKind, state: ResourceState, actions: Array<ActionVerb> }
          | { __typename: 'KubernetesNode', name: string, kind: ResourceKind, state: ResourceState, actions: Array<ActionVerb> }
          | { __typename: 'Namespace', name: string, kind: ResourceKind, state: ResourceState, actions: Array<ActionVerb> }
          | { __typename: 'PersistentVolume', name: string, kind: ResourceKind, state: ResourceState, actions: Array<ActionVerb> }
          | { __typename: 'PersistentVolumeClaim', name: string, kind: ResourceKind, state: ResourceState, actions: Array<ActionVerb> }
          | { __typename: 'Pod', name: string, kind: ResourceKind, state: ResourceState, actions: Array<ActionVerb> }
          | { __typename: 'RdsInstance', name: string, kind: ResourceKind, state: ResourceState, actions: Array<ActionVerb> }
          | { __typename: 'RemovedResource', name: string, kind: ResourceKind, state: ResourceState, actions: Array<ActionVerb> }
          | { __typename: 'ReplicaSet', name: string, kind: ResourceKind, state: ResourceState, actions: Array<ActionVerb> }
          | { __typename: 'Service', name: string, kind: ResourceKind, state: ResourceState, actions: Array<ActionVerb> }
          | { __typename: 'StatefulSet', name: string, kind: ResourceKind, state: ResourceState, actions: Array<ActionVerb> }
         } }> } | null };

export type RecEc2ApplyMutationVariables = Exact<{
  input: ApplyRecommendationInput;
}>;


export type RecEc2ApplyMutation = { applyRecommendation:
    | { __typename: 'ApplyRecommendationSuccess', dryRun: boolean, auditEvent: { id: string, action: AuditAction, source: AuditSource, status: AuditStatus, verb: ActionVerb | null, parameters: unknown, message: string | null, before: unknown, after: unknown } }
    | { __typename: 'ConfirmationRequiredError', code: string, message: string }
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type RecEc2PredictionsQueryVariables = Exact<{ [key: string]: never; }>;


export type RecEc2PredictionsQuery = { resources: { edges: Array<{ node:
        | { name: string, predictions: { method: string, horizonHours: number, cpu: { unit: string, samples: number, last: number, lastAt: string, points: Array<{ timestamp: string, value: number, lower: number, upper: number }> } | null, memory: { samples: number } | null } | null }
        | { name: string, predictions: { method: string, horizonHours: number, cpu: { unit: string, samples: number, last: number, lastAt: string, points: Array<{ timestamp: string, value: number, lower: number, upper: number }> } | null, memory: { samples: number } | null } | null }
        | { name: string, predictions: { method: string, horizonHours: number, cpu: { unit: string, samples: number, last: number, lastAt: string, points: Array<{ timestamp: string, value: number, lower: number, upper: number }> } | null, memory: { samples: number } | null } | null }
        | { name: string, predictions: { method: string, horizonHours: number, cpu: { unit: string, samples: number, last: number, lastAt: string, points: Array<{ timestamp: string, value: number, lower: number, upper: number }> } | null, memory: { samples: number } | null } | null }
        | { name: string, predictions: { method: string, horizonHours: number, cpu: { unit: string, samples: number, last: number, lastAt: string, points: Array<{ timestamp: string, value: number, lower: number, upper: number }> } | null, memory: { samples: number } | null } | null }
        | { name: string, predictions: { method: string, horizonHours: number, cpu: { unit: string, samples: number, last: number, lastAt: string, points: Array<{ timestamp: string, value: number, lower: number, upper: number }> } | null, memory: { samples: number } | null } | null }
        | { name: string, predictions: { method: string, horizonHours: number, cpu: { unit: string, samples: number, last: number, lastAt: string, points: Array<{ timestamp: string, value: number, lower: number, upper: number }> } | null, memory: { samples: number } | null } | null }
        | { name: string, predictions: { method: string, horizonHours: number, cpu: { unit: string, samples: number, last: number, lastAt: string, points: Array<{ timestamp: string, value: number, lower: number, upper: number }> } | null, memory: { samples: number } | null } | null }
        | { name: string, predictions: { method: string, horizonHours: number, cpu: { unit: string, samples: number, last: number, lastAt: string, points: Array<{ timestamp: string, value: number, lower: number, upper: number }> } | null, memory: { samples: number } | null } | null }
        | { name: string, predictions: { method: string, horizonHours: number, cpu: { unit: string, samples: number, last: number, lastAt: string, points: Array<{ timestamp: string, value: number, lower: number, upper: number }> } | null, memory: { samples: number } | null } | null }
        | { name: string, predictions: { method: string, horizonHours: number, cpu: { unit: string, samples: number, last: number, lastAt: string, points: Array<{ timestamp: string, value: number, lower: number, upper: number }> } | null, memory: { samples: number } | null } | null }
        | { name: string, predictions: { method: string, horizonHours: number, cpu: { unit: string, samples: number, last: number, lastAt: string, points: Array<{ timestamp: string, value: number, lower: number, upper: number }> } | null, memory: { samples: number } | null } | null }
        | { name: string, predictions: { method: string, horizonHours: number, cpu: { unit: string, samples: number, last: number, lastAt: string, points: Array<{ timestamp: string, value: number, lower: number, upper: number }> } | null, memory: { samples: number } | null } | null }
        | { name: string, predictions: { method: string, horizonHours: number, cpu: { unit: string, samples: number, last: number, lastAt: string, points: Array<{ timestamp: string, value: number, lower: number, upper: number }> } | null, memory: { samples: number } | null } | null }
        | { name: string, predictions: { method: string, horizonHours: number, cpu: { unit: string, samples: number, last: number, lastAt: string, points: Array<{ timestamp: string, value: number, lower: number, upper: number }> } | null, memory: { samples: number } | null } | null }
        | { name: string, predictions: { method: string, horizonHours: number, cpu: { unit: string, samples: number, last: number, lastAt: string, points: Array<{ timestamp: string, value: number, lower: number, upper: number }> } | null, memory: { samples: number } | null } | null }
       }> }, overview: { predictions: Array<{ target:
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
        | { name: string }
       | null }>, recommendations: { count: number, totalMonthlySavings: number, top: Array<{ type: RecommendationType }> } | null } };

export type RecEc2RevertMutationVariables = Exact<{
  input: RevertActionInput;
}>;


export type RecEc2RevertMutation = { revertAction:
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'IrreversibleError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'RevertActionSuccess', auditEvent: { id: string } }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type RecRunMutationVariables = Exact<{ [key: string]: never; }>;


export type RecRunMutation = { runRecommendations:
    | { __typename: 'RunRecommendationsSuccess', run: { workloads: number | null, created: number | null, expired: number | null, open: number | null, errors: Array<string>, skips: Array<{ targetId: string, analyzer: string, reason: string }> } }
    | { __typename: 'UnavailableError' }
   };

export type RecListQueryVariables = Exact<{
  filter?: RecommendationFilter | null | undefined;
}>;


export type RecListQuery = { recommendations: { totalCount: number, totalMonthlySavings: number, edges: Array<{ node: { id: string, type: RecommendationType, status: RecommendationStatus, title: string, summary: string, targetName: string, source: RecommendationSource, sourceName: string, customType: string | null, current: unknown, recommended: unknown, evidence: unknown, confidence: number, estimatedMonthlySavings: number | null, risk: RecommendationRisk, action: unknown } }> } | null };

export type RecApplyMutationVariables = Exact<{
  input: ApplyRecommendationInput;
}>;


export type RecApplyMutation = { applyRecommendation:
    | { __typename: 'ApplyRecommendationSuccess', dryRun: boolean, auditEvent: { id: string, action: AuditAction, source: AuditSource, status: AuditStatus, parameters: unknown, before: unknown, after: unknown } }
    | { __typename: 'ConfirmationRequiredError', code: string, message: string }
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type RecRevertMutationVariables = Exact<{
  input: RevertActionInput;
}>;


export type RecRevertMutation = { revertAction:
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'IrreversibleError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'RevertActionSuccess', auditEvent: { id: string, status: AuditStatus } }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type RecRejectMutationVariables = Exact<{
  input: RejectRecommendationInput;
}>;


export type RecRejectMutation = { rejectRecommendation:
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'RejectRecommendationSuccess', dryRun: boolean, recommendation: { status: RecommendationStatus, statusReason: string | null }, auditEvent: { id: string } }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type RecRegisterMutationVariables = Exact<{
  input: RegisterAgentInput;
}>;


export type RecRegisterMutation = { registerAgent:
    | { __typename: 'RegisterAgentSuccess', agent: { name: string } }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type RecSubmitMutationVariables = Exact<{
  input: SubmitRecommendationsInput;
}>;


export type RecSubmitMutation = { submitRecommendations:
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'SubmitRecommendationsSuccess', recommendations: Array<{ id: string, source: RecommendationSource, sourceName: string, type: RecommendationType, customType: string | null }> }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type RecAuditQueryVariables = Exact<{
  filter?: AuditLogFilter | null | undefined;
}>;


export type RecAuditQuery = { auditLog: { edges: Array<{ node: { id: string, action: AuditAction, verb: ActionVerb | null, source: AuditSource, actor: string, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, target: { id: string, name: string } | null } }> } | null };

export type RecChatMutationVariables = Exact<{
  input: ChatInput;
}>;


export type RecChatMutation = { chat:
    | { __typename: 'ChatSuccess', reply: string, requiresConfirmation: boolean, confirmationToken: string | null, plan: Array<{ action: AuditAction, preview: unknown }> }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ValidationError' }
   };

export type RecConfirmPlanMutationVariables = Exact<{
  input: ConfirmChatPlanInput;
}>;


export type RecConfirmPlanMutation = { confirmChatPlan:
    | { __typename: 'ChatPlanIncompleteError', code: string, message: string }
    | { __typename: 'ConfirmChatPlanSuccess', auditEvents: Array<{ action: AuditAction, source: AuditSource, status: AuditStatus, parameters: unknown }> }
    | { __typename: 'ConfirmationRequiredError', code: string, message: string }
    | { __typename: 'ConfirmationTokenError', code: string, message: string }
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'IrreversibleError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type RecPredictQueryVariables = Exact<{
  namespaces?: Array<string> | string | null | undefined;
  names?: Array<string> | string | null | undefined;
}>;


export type RecPredictQuery = { resources: { edges: Array<{ node:
        | { name: string, predictions: { method: string, cpu: { samples: number, unit: string, points: Array<{ value: number, lower: number, upper: number }> } | null, memory: { samples: number, unit: string, points: Array<{ value: number }> } | null } | null }
        | { name: string, predictions: { method: string, cpu: { samples: number, unit: string, points: Array<{ value: number, lower: number, upper: number }> } | null, memory: { samples: number, unit: string, points: Array<{ value: number }> } | null } | null }
        | { name: string, predictions: { method: string, cpu: { samples: number, unit: string, points: Array<{ value: number, lower: number, upper: number }> } | null, memory: { samples: number, unit: string, points: Array<{ value: number }> } | null } | null }
        | { name: string, predictions: { method: string, cpu: { samples: number, unit: string, points: Array<{ value: number, lower: number, upper: number }> } | null, memory: { samples: number, unit: string, points: Array<{ value: number }> } | null } | null }
        | { name: string, predictions: { method: string, cpu: { samples: number, unit: string, points: Array<{ value: number, lower: number, upper: number }> } | null, memory: { samples: number, unit: string, points: Array<{ value: number }> } | null } | null }
        | { name: string, predictions: { method: string, cpu: { samples: number, unit: string, points: Array<{ value: number, lower: number, upper: number }> } | null, memory: { samples: number, unit: string, points: Array<{ value: number }> } | null } | null }
        | { name: string, predictions: { method: string, cpu: { samples: number, unit: string, points: Array<{ value: number, lower: number, upper: number }> } | null, memory: { samples: number, unit: string, points: Array<{ value: number }> } | null } | null }
        | { name: string, predictions: { method: string, cpu: { samples: number, unit: string, points: Array<{ value: number, lower: number, upper: number }> } | null, memory: { samples: number, unit: string, points: Array<{ value: number }> } | null } | null }
        | { name: string, predictions: { method: string, cpu: { samples: number, unit: string, points: Array<{ value: number, lower: number, upper: number }> } | null, memory: { samples: number, unit: string, points: Array<{ value: number }> } | null } | null }
        | { name: string, predictions: { method: string, cpu: { samples: number, unit: string, points: Array<{ value: number, lower: number, upper: number }> } | null, memory: { samples: number, unit: string, points: Array<{ value: number }> } | null } | null }
        | { name: string, predictions: { method: string, cpu: { samples: number, unit: string, points: Array<{ value: number, lower: number, upper: number }> } | null, memory: { samples: number, unit: string, points: Array<{ value: number }> } | null } | null }
        | { name: string, predictions: { method: string, cpu: { samples: number, unit: string, points: Array<{ value: number, lower: number, upper: number }> } | null, memory: { samples: number, unit: string, points: Array<{ value: number }> } | null } | null }
        | { name: string, predictions: { method: string, cpu: { samples: number, unit: string, points: Array<{ value: number, lower: number, upper: number }> } | null, memory: { samples: number, unit: string, points: Array<{ value: number }> } | null } | null }
        | { name: string, predictions: { method: string, cpu: { samples: number, unit: string, points: Array<{ value: number, lower: number, upper: number }> } | null, memory: { samples: number, unit: string, points: Array<{ value: number }> } | null } | null }
        | { name: string, predictions: { method: string, cpu: { samples: number, unit: string, points: Array<{ value: number, lower: number, upper: number }> } | null, memory: { samples: number, unit: string, points: Array<{ value: number }> } | null } | null }
        | { name: string, predictions: { method: string, cpu: { samples: number, unit: string, points: Array<{ value: number, lower: number, upper: number }> } | null, memory: { samples: number, unit: string, points: Array<{ value: number }> } | null } | null }
       }> } };

export type ResponseCacheSourcesPodsQueryVariables = Exact<{
  ns: Array<string> | string;
}>;


export type ResponseCacheSourcesPodsQuery = { resources: { totalCount: number, edges: Array<{ node:
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
       }> } };

export type ResponseCacheDeploymentsQueryVariables = Exact<{
  ns: Array<string> | string;
}>;


export type ResponseCacheDeploymentsQuery = { resources: { totalCount: number, edges: Array<{ node:
        | { id: string, namespace: string | null, name: string }
        | { id: string, namespace: string | null, name: string }
        | { desiredReplicas: number, id: string, namespace: string | null, name: string }
        | { id: string, namespace: string | null, name: string }
        | { id: string, namespace: string | null, name: string }
        | { id: string, namespace: string | null, name: string }
        | { id: string, namespace: string | null, name: string }
        | { id: string, namespace: string | null, name: string }
        | { id: string, namespace: string | null, name: string }
        | { id: string, namespace: string | null, name: string }
        | { id: string, namespace: string | null, name: string }
        | { id: string, namespace: string | null, name: string }
        | { id: string, namespace: string | null, name: string }
        | { id: string, namespace: string | null, name: string }
        | { id: string, namespace: string | null, name: string }
        | { id: string, namespace: string | null, name: string }
       }> } };

export type ResponseCacheEventsSubscriptionVariables = Exact<{
  ns: Array<string> | string;
}>;


export type ResponseCacheEventsSubscription = { resourceEvents: { resource:
      | { desiredReplicas: number }
      | Record<PropertyKey, never>
     } };

export type AuditEventByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type AuditEventByIdQuery = { node:
    | { id: string, status: AuditStatus, before: unknown, after: unknown, message: string | null, error: { code: string, message: string } | null }
    | Record<PropertyKey, never>
   | null };

export type ProvenAuditEventsQueryVariables = Exact<{
  filter?: AuditLogFilter | null | undefined;
}>;


export type ProvenAuditEventsQuery = { auditLogKey: string, auditCheckpoint: { note: string } | null, auditLog: { edges: Array<{ node: { id: string, action: AuditAction, actor: string, actorRole: Role | null, source: AuditSource, status: AuditStatus, parameters: unknown, target: { kind: ResourceKind, name: string } | null, error: { code: string, message: string } | null, inclusionProof: { treeSize: number, rootHash: string, leaves: Array<{ phase: string, leafIndex: number, leafHash: string, record: string, hashes: Array<string> }> } | null } }> } | null };

export type CheckpointNowMutationVariables = Exact<{ [key: string]: never; }>;


export type CheckpointNowMutation = { createAuditCheckpoint: { treeSize: number } | null };

export type ImpersonationDeploymentsQueryVariables = Exact<{
  ns: Array<string> | string;
}>;


export type ImpersonationDeploymentsQuery = { resources: { totalCount: number, edges: Array<{ node:
        | { id: string, namespace: string | null, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
        | { id: string, namespace: string | null, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
        | { id: string, namespace: string | null, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
        | { id: string, namespace: string | null, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
        | { id: string, namespace: string | null, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
        | { id: string, namespace: string | null, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
        | { id: string, namespace: string | null, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
        | { id: string, namespace: string | null, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
        | { id: string, namespace: string | null, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
        | { id: string, namespace: string | null, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
        | { id: string, namespace: string | null, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
        | { id: string, namespace: string | null, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
        | { id: string, namespace: string | null, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
        | { id: string, namespace: string | null, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
        | { id: string, namespace: string | null, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
        | { id: string, namespace: string | null, name: string, can: { allowed: boolean, reason: string | null, requiredPermission: string | null } }
       }> } };

export type ImpersonationScaleDryRunMutationVariables = Exact<{
  id: string | number;
}>;


export type ImpersonationScaleDryRunMutation = { scaleResource:
    | { __typename: 'ConflictError' }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'NotFoundError' }
    | { __typename: 'ProviderError' }
    | { __typename: 'ScaleResourceSuccess' }
    | { __typename: 'UnavailableError' }
    | { __typename: 'ValidationError' }
   };

export type ImpersonationNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type ImpersonationNodeQuery = { node:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type BatchedPageQueryVariables = Exact<{
  first: number;
}>;


export type BatchedPageQuery = { resources: { edges: Array<{ node:
        | { id: string, name: string, auditLog: { totalCount: number, edges: Array<{ node: { id: string, action: AuditAction, reverts: { id: string, action: AuditAction } | null } }> } | null, recommendations: { totalCount: number, totalMonthlySavings: number, edges: Array<{ node: { id: string, status: RecommendationStatus, appliedAuditEvent: { id: string, action: AuditAction } | null } }> } | null }
        | { id: string, name: string, auditLog: { totalCount: number, edges: Array<{ node: { id: string, action: AuditAction, reverts: { id: string, action: AuditAction } | null } }> } | null, recommendations: { totalCount: number, totalMonthlySavings: number, edges: Array<{ node: { id: string, status: RecommendationStatus, appliedAuditEvent: { id: string, action: AuditAction } | null } }> } | null }
        | { id: string, name: string, auditLog: { totalCount: number, edges: Array<{ node: { id: string, action: AuditAction, reverts: { id: string, action: AuditAction } | null } }> } | null, recommendations: { totalCount: number, totalMonthlySavings: number, edges: Array<{ node: { id: string, status: RecommendationStatus, appliedAuditEvent: { id: string, action: AuditAction } | null } }> } | null }
        | { id: string, name: string, auditLog: { totalCount: number, edges: Array<{ node: { id: string, action: AuditAction, reverts: { id: string, action: AuditAction } | null } }> } | null, recommendations: { totalCount: number, totalMonthlySavings: number, edges: Array<{ node: { id: string, status: RecommendationStatus, appliedAuditEvent: { id: string, action: AuditAction } | null } }> } | null }
        | { id: string, name: string, auditLog: { totalCount: number, edges: Array<{ node: { id: string, action: AuditAction, reverts: { id: string, action: AuditAction } | null } }> } | null, recommendations: { totalCount: number, totalMonthlySavings: number, edges: Array<{ node: { id: string, status: RecommendationStatus, appliedAuditEvent: { id: string, action: AuditAction } | null } }> } | null }
        | { id: string, name: string, auditLog: { totalCount: number, edges: Array<{ node: { id: string, action: AuditAction, reverts: { id: string, action: AuditAction } | null } }> } | null, recommendations: { totalCount: number, totalMonthlySavings: number, edges: Array<{ node: { id: string, status: RecommendationStatus, appliedAuditEvent: { id: string, action: AuditAction } | null } }> } | null }
        | { id: string, name: string, auditLog: { totalCount: number, edges: Array<{ node: { id: string, action: AuditAction, reverts: { id: string, action: AuditAction } | null } }> } | null, recommendations: { totalCount: number, totalMonthlySavings: number, edges: Array<{ node: { id: string, status: RecommendationStatus, appliedAuditEvent: { id: string, action: AuditAction } | null } }> } | null }
        | { id: string, name: string, auditLog: { totalCount: number, edges: Array<{ node: { id: string, action: AuditAction, reverts: { id: string, action: AuditAction } | null } }> } | null, recommendations: { totalCount: number, totalMonthlySavings: number, edges: Array<{ node: { id: string, status: RecommendationStatus, appliedAuditEvent: { id: string, action: AuditAction } | null } }> } | null }
        | { id: string, name: string, auditLog: { totalCount: number, edges: Array<{ node: { id: string, action: AuditAction, reverts: { id: string, action: AuditAction } | null } }> } | null, recommendations: { totalCount: number, totalMonthlySavings: number, edges: Array<{ node: { id: string, status: RecommendationStatus, appliedAuditEvent: { id: string, action: AuditAction } | null } }> } | null }
        | { id: string, name: string, auditLog: { totalCount: number, edges: Array<{ node: { id: string, action: AuditAction, reverts: { id: string, action: AuditAction } | null } }> } | null, recommendations: { totalCount: number, totalMonthlySavings: number, edges: Array<{ node: { id: string, status: RecommendationStatus, appliedAuditEvent: { id: string, action: AuditAction } | null } }> } | null }
        | { id: string, name: string, auditLog: { totalCount: number, edges: Array<{ node: { id: string, action: AuditAction, reverts: { id: string, action: AuditAction } | null } }> } | null, recommendations: { totalCount: number, totalMonthlySavings: number, edges: Array<{ node: { id: string, status: RecommendationStatus, appliedAuditEvent: { id: string, action: AuditAction } | null } }> } | null }
        | { id: string, name: string, auditLog: { totalCount: number, edges: Array<{ node: { id: string, action: AuditAction, reverts: { id: string, action: AuditAction } | null } }> } | null, recommendations: { totalCount: number, totalMonthlySavings: number, edges: Array<{ node: { id: string, status: RecommendationStatus, appliedAuditEvent: { id: string, action: AuditAction } | null } }> } | null }
        | { id: string, name: string, auditLog: { totalCount: number, edges: Array<{ node: { id: string, action: AuditAction, reverts: { id: string, action: AuditAction } | null } }> } | null, recommendations: { totalCount: number, totalMonthlySavings: number, edges: Array<{ node: { id: string, status: RecommendationStatus, appliedAuditEvent: { id: string, action: AuditAction } | null } }> } | null }
        | { id: string, name: string, auditLog: { totalCount: number, edges: Array<{ node: { id: string, action: AuditAction, reverts: { id: string, action: AuditAction } | null } }> } | null, recommendations: { totalCount: number, totalMonthlySavings: number, edges: Array<{ node: { id: string, status: RecommendationStatus, appliedAuditEvent: { id: string, action: AuditAction } | null } }> } | null }
        | { id: string, name: string, auditLog: { totalCount: number, edges: Array<{ node: { id: string, action: AuditAction, reverts: { id: string, action: AuditAction } | null } }> } | null, recommendations: { totalCount: number, totalMonthlySavings: number, edges: Array<{ node: { id: string, status: RecommendationStatus, appliedAuditEvent: { id: string, action: AuditAction } | null } }> } | null }
        | { id: string, name: string, auditLog: { totalCount: number, edges: Array<{ node: { id: string, action: AuditAction, reverts: { id: string, action: AuditAction } | null } }> } | null, recommendations: { totalCount: number, totalMonthlySavings: number, edges: Array<{ node: { id: string, status: RecommendationStatus, appliedAuditEvent: { id: string, action: AuditAction } | null } }> } | null }
       }> } };

export type BatchedPerEventSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type BatchedPerEventSubscription = { resourceEvents: { resource:
      | { auditLog: { totalCount: number } | null }
      | { auditLog: { totalCount: number } | null }
      | { auditLog: { totalCount: number } | null }
      | { auditLog: { totalCount: number } | null }
      | { auditLog: { totalCount: number } | null }
      | { auditLog: { totalCount: number } | null }
      | { auditLog: { totalCount: number } | null }
      | { auditLog: { totalCount: number } | null }
      | { auditLog: { totalCount: number } | null }
      | { auditLog: { totalCount: number } | null }
      | { auditLog: { totalCount: number } | null }
      | { auditLog: { totalCount: number } | null }
      | { auditLog: { totalCount: number } | null }
      | { auditLog: { totalCount: number } | null }
      | { auditLog: { totalCount: number } | null }
      | { auditLog: { totalCount: number } | null }
     } };

export type CostPageQueryVariables = Exact<{
  first: number;
  kinds?: Array<ResourceKind> | ResourceKind | null | undefined;
}>;


export type CostPageQuery = { resources: { edges: Array<{ node:
        | { kind: ResourceKind, namespace: string | null, name: string, cost: { totalCost: number | null, hours: number, unpricedReasons: Array<string> } | null }
        | { kind: ResourceKind, namespace: string | null, name: string, cost: { totalCost: number | null, hours: number, unpricedReasons: Array<string> } | null }
        | { kind: ResourceKind, namespace: string | null, name: string, cost: { totalCost: number | null, hours: number, unpricedReasons: Array<string> } | null }
        | { kind: ResourceKind, namespace: string | null, name: string, cost: { totalCost: number | null, hours: number, unpricedReasons: Array<string> } | null }
        | { kind: ResourceKind, namespace: string | null, name: string, cost: { totalCost: number | null, hours: number, unpricedReasons: Array<string> } | null }
        | { kind: ResourceKind, namespace: string | null, name: string, cost: { totalCost: number | null, hours: number, unpricedReasons: Array<string> } | null }
        | { kind: ResourceKind, namespace: string | null, name: string, cost: { totalCost: number | null, hours: number, unpricedReasons: Array<string> } | null }
        | { kind: ResourceKind, namespace: string | null, name: string, cost: { totalCost: number | null, hours: number, unpricedReasons: Array<string> } | null }
        | { kind: ResourceKind, namespace: string | null, name: string, cost: { totalCost: number | null, hours: number, unpricedReasons: Array<string> } | null }
        | { kind: ResourceKind, namespace: string | null, name: string, cost: { totalCost: number | null, hours: number, unpricedReasons: Array<string> } | null }
        | { kind: ResourceKind, namespace: string | null, name: string, cost: { totalCost: number | null, hours: number, unpricedReasons: Array<string> } | null }
        | { kind: ResourceKind, namespace: string | null, name: string, cost: { totalCost: number | null, hours: number, unpricedReasons: Array<string> } | null }
        | { kind: ResourceKind, namespace: string | null, name: string, cost: { totalCost: number | null, hours: number, unpricedReasons: Array<string> } | null }
        | { kind: ResourceKind, namespace: string | null, name: string, cost: { totalCost: number | null, hours: number, unpricedReasons: Array<string> } | null }
        | { kind: ResourceKind, namespace: string | null, name: string, cost: { totalCost: number | null, hours: number, unpricedReasons: Array<string> } | null }
        | { kind: ResourceKind, namespace: string | null, name: string, cost: { totalCost: number | null, hours: number, unpricedReasons: Array<string> } | null }
       }> } };

export type ResourcePermissionsQueryVariables = Exact<{ [key: string]: never; }>;


export type ResourcePermissionsQuery = { resources: { edges: Array<{ node:
        | { kind: ResourceKind, name: string, actions: Array<ActionVerb>, permissions: Array<{ verb: ActionVerb, allowed: boolean, requiredRole: Role, reason: string | null }>, canScale: { allowed: boolean, requiredRole: Role, reason: string | null } }
        | { kind: ResourceKind, name: string, actions: Array<ActionVerb>, permissions: Array<{ verb: ActionVerb, allowed: boolean, requiredRole: Role, reason: string | null }>, canScale: { allowed: boolean, requiredRole: Role, reason: string | null } }
        | { kind: ResourceKind, name: string, actions: Array<ActionVerb>, permissions: Array<{ verb: ActionVerb, allowed: boolean, requiredRole: Role, reason: string | null }>, canScale: { allowed: boolean, requiredRole: Role, reason: string | null } }
        | { kind: ResourceKind, name: string, actions: Array<ActionVerb>, permissions: Array<{ verb: ActionVerb, allowed: boolean, requiredRole: Role, reason: string | null }>, canScale: { allowed: boolean, requiredRole: Role, reason: string | null } }
        | { kind: ResourceKind, name: string, actions: Array<ActionVerb>, permissions: Array<{ verb: ActionVerb, allowed: boolean, requiredRole: Role, reason: string | null }>, canScale: { allowed: boolean, requiredRole: Role, reason: string | null } }
        | { kind: ResourceKind, name: string, actions: Array<ActionVerb>, permissions: Array<{ verb: ActionVerb, allowed: boolean, requiredRole: Role, reason: string | null }>, canScale: { allowed: boolean, requiredRole: Role, reason: string | null } }
        | { kind: ResourceKind, name: string, actions: Array<ActionVerb>, permissions: Array<{ verb: ActionVerb, allowed: boolean, requiredRole: Role, reason: string | null }>, canScale: { allowed: boolean, requiredRole: Role, reason: string | null } }
        | { kind: ResourceKind, name: string, actions: Array<ActionVerb>, permissions: Array<{ verb: ActionVerb, allowed: boolean, requiredRole: Role, reason: string | null }>, canScale: { allowed: boolean, requiredRole: Role, reason: string | null } }
        | { kind: ResourceKind, name: string, actions: Array<ActionVerb>, permissions: Array<{ verb: ActionVerb, allowed: boolean, requiredRole: Role, reason: string | null }>, canScale: { allowed: boolean, requiredRole: Role, reason: string | null } }
        | { kind: ResourceKind, name: string, actions: Array<ActionVerb>, permissions: Array<{ verb: ActionVerb, allowed: boolean, requiredRole: Role, reason: string | null }>, canScale: { allowed: boolean, requiredRole: Role, reason: string | null } }
        | { kind: ResourceKind, name: string, actions: Array<ActionVerb>, permissions: Array<{ verb: ActionVerb, allowed: boolean, requiredRole: Role, reason: string | null }>, canScale: { allowed: boolean, requiredRole: Role, reason: string | null } }
        | { kind: ResourceKind, name: string, actions: Array<ActionVerb>, permissions: Array<{ verb: ActionVerb, allowed: boolean, requiredRole: Role, reason: string | null }>, canScale: { allowed: boolean, requiredRole: Role, reason: string | null } }
        | { kind: ResourceKind, name: string, actions: Array<ActionVerb>, permissions: Array<{ verb: ActionVerb, allowed: boolean, requiredRole: Role, reason: string | null }>, canScale: { allowed: boolean, requiredRole: Role, reason: string | null } }
        | { kind: ResourceKind, name: string, actions: Array<ActionVerb>, permissions: Array<{ verb: ActionVerb, allowed: boolean, requiredRole: Role, reason: string | null }>, canScale: { allowed: boolean, requiredRole: Role, reason: string | null } }
        | { kind: ResourceKind, name: string, actions: Array<ActionVerb>, permissions: Array<{ verb: ActionVerb, allowed: boolean, requiredRole: Role, reason: string | null }>, canScale: { allowed: boolean, requiredRole: Role, reason: string | null } }
        | { kind: ResourceKind, name: string, actions: Array<ActionVerb>, permissions: Array<{ verb: ActionVerb, allowed: boolean, requiredRole: Role, reason: string | null }>, canScale: { allowed: boolean, requiredRole: Role, reason: string | null } }
       }> } };


export const ScaleNothingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScaleNothing"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ScaleResourceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scaleResource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ForbiddenError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requiredRole"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dryRun"}}]}}]}}]}}]} as unknown as DocumentNode<ScaleNothingMutation, ScaleNothingMutationVariables>;
export const AuditLogPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLogPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditLogFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"hash"}},{"kind":"Field","name":{"kind":"Name","value":"prevHash"}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuditLogPageQuery, AuditLogPageQueryVariables>;
export const AuditActorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditActors"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditLogFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"actorKind"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuditActorsQuery, AuditActorsQueryVariables>;
export const VerifyLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VerifyLog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyAuditLog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"checkedEvents"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<VerifyLogQuery, VerifyLogQueryVariables>;
export const OverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Overview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"overview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recentActions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<OverviewQuery, OverviewQueryVariables>;
export const AuditedRegisterAgentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AuditedRegisterAgent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterAgentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerAgent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterAgentSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"auditEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuditedRegisterAgentMutation, AuditedRegisterAgentMutationVariables>;
export const AuditedRemoveAgentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AuditedRemoveAgent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveAgentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeAgent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveAgentSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"auditEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuditedRemoveAgentMutation, AuditedRemoveAgentMutationVariables>;
export const AuditedAgentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditedAgents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recommendationAgents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]} as unknown as DocumentNode<AuditedAgentsQuery, AuditedAgentsQueryVariables>;
export const AuditedSubmitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AuditedSubmit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitRecommendationsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitRecommendations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitRecommendationsSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuditedSubmitMutation, AuditedSubmitMutationVariables>;
export const AuditedHeartbeatDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AuditedHeartbeat"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agentHeartbeat"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AgentHeartbeatSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuditedHeartbeatMutation, AuditedHeartbeatMutationVariables>;
export const AuditedRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AuditedRun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runRecommendations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RunRecommendationsSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"run"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workloads"}}]}},{"kind":"Field","name":{"kind":"Name","value":"auditEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuditedRunMutation, AuditedRunMutationVariables>;
export const AuditPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<AuditPageQuery, AuditPageQueryVariables>;
export const ResourceAuditPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ResourceAuditPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Resource"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ResourceAuditPageQuery, ResourceAuditPageQueryVariables>;
export const CostByNamespaceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CostByNamespace"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"window"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"aggregate"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"shareIdle"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"costAllocation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"window"},"value":{"kind":"Variable","name":{"kind":"Name","value":"window"}}},{"kind":"Argument","name":{"kind":"Name","value":"aggregate"},"value":{"kind":"Variable","name":{"kind":"Name","value":"aggregate"}}},{"kind":"Argument","name":{"kind":"Name","value":"shareIdle"},"value":{"kind":"Variable","name":{"kind":"Name","value":"shareIdle"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CostAllocation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"stepSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"keys"}},{"kind":"Field","name":{"kind":"Name","value":"idle"}},{"kind":"Field","name":{"kind":"Name","value":"totalCost"}},{"kind":"Field","name":{"kind":"Name","value":"cpuCost"}},{"kind":"Field","name":{"kind":"Name","value":"memoryCost"}},{"kind":"Field","name":{"kind":"Name","value":"sharedIdleCost"}},{"kind":"Field","name":{"kind":"Name","value":"efficiency"}},{"kind":"Field","name":{"kind":"Name","value":"unpricedHours"}},{"kind":"Field","name":{"kind":"Name","value":"unpricedReasons"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCost"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<CostByNamespaceQuery, CostByNamespaceQueryVariables>;
export const CostTrendByNamespaceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CostTrendByNamespace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"costTrend"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"window"},"value":{"kind":"StringValue","value":"1h","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"aggregate"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"namespace","block":false}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CostTrend"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"current"}},{"kind":"Field","name":{"kind":"Name","value":"previous"}},{"kind":"Field","name":{"kind":"Name","value":"change"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"overview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monthToDate"}},{"kind":"Field","name":{"kind":"Name","value":"idleMonthToDate"}},{"kind":"Field","name":{"kind":"Name","value":"savingsAvailableMonthly"}}]}}]}}]}}]} as unknown as DocumentNode<CostTrendByNamespaceQuery, CostTrendByNamespaceQueryVariables>;
export const EnumAuditEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnumAuditEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditLogFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"verb"}},{"kind":"Field","name":{"kind":"Name","value":"actorRole"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EnumAuditEventsQuery, EnumAuditEventsQueryVariables>;
export const EnumRecommendationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnumRecommendations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RecommendationFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recommendations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"customType"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"sourceName"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EnumRecommendationsQuery, EnumRecommendationsQueryVariables>;
export const EnumChatDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnumChat"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChatInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chat"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ChatSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EnumChatMutation, EnumChatMutationVariables>;
export const WhoAmIDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WhoAmI"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"health"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"uptime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<WhoAmIQuery, WhoAmIQueryVariables>;
export const ApiTokensDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiTokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiTokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<ApiTokensQuery, ApiTokensQueryVariables>;
export const StoreOutagePartsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StoreOutageParts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"overview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"recommendationAgents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"costAllocation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"window"},"value":{"kind":"StringValue","value":"7d","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}},{"kind":"Field","name":{"kind":"Name","value":"costTrend"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"window"},"value":{"kind":"StringValue","value":"7d","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<StoreOutagePartsQuery, StoreOutagePartsQueryVariables>;
export const StoreOutageProofArgsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StoreOutageProofArgs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"auditConsistencyProof"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"IntValue","value":"5"}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}}]}},{"kind":"Field","name":{"kind":"Name","value":"verifyAuditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"501"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"valid"}}]}}]}}]} as unknown as DocumentNode<StoreOutageProofArgsQuery, StoreOutageProofArgsQueryVariables>;
export const WsViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WsViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<WsViewerQuery, WsViewerQueryVariables>;
export const ActScaleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ActScale"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ScaleResourceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scaleResource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"auditEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ActScaleMutation, ActScaleMutationVariables>;
export const ActRevertDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ActRevert"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevertActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revertAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"reverts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ActRevertMutation, ActRevertMutationVariables>;
export const ActDeleteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ActDelete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteResourceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteResource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ActDeleteMutation, ActDeleteMutationVariables>;
export const ActVerifyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ActVerify"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyAuditLog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"checkedEvents"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<ActVerifyQuery, ActVerifyQueryVariables>;
export const ChangeTypeLaterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangeTypeLater"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangeInstanceTypeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changeInstanceType"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ChangeTypeLaterMutation, ChangeTypeLaterMutationVariables>;
export const AwsDegradedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AwsDegraded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"providers"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"AWS"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"cluster"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AwsDegradedQuery, AwsDegradedQueryVariables>;
export const AwsStopDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AwsStop"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StopResourceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stopResource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"auditEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AwsStopMutation, AwsStopMutationVariables>;
export const AwsStartDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AwsStart"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartResourceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startResource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AwsStartMutation, AwsStartMutationVariables>;
export const AwsRebootDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AwsReboot"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RebootResourceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rebootResource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AwsRebootMutation, AwsRebootMutationVariables>;
export const AwsDeleteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AwsDelete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteResourceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteResource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AwsDeleteMutation, AwsDeleteMutationVariables>;
export const AwsScaleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AwsScale"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ScaleResourceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scaleResource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"auditEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AwsScaleMutation, AwsScaleMutationVariables>;
export const AwsChangeTypeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AwsChangeType"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangeInstanceTypeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changeInstanceType"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"auditEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"verb"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AwsChangeTypeMutation, AwsChangeTypeMutationVariables>;
export const AwsRevertDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AwsRevert"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevertActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revertAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AwsRevertMutation, AwsRevertMutationVariables>;
export const AwsIdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AwsIds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"providers"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"AWS"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ec2Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceId"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AwsIdsQuery, AwsIdsQueryVariables>;
export const AwsAuditLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AwsAuditLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditLogFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"verifyAuditLog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"valid"}}]}}]}}]} as unknown as DocumentNode<AwsAuditLogQuery, AwsAuditLogQueryVariables>;
export const AwsResourcesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AwsResources"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ResourceFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"cluster"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"cluster"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"actions"}},{"kind":"Field","name":{"kind":"Name","value":"labels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ec2Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceId"}},{"kind":"Field","name":{"kind":"Name","value":"instanceType"}},{"kind":"Field","name":{"kind":"Name","value":"availabilityZone"}},{"kind":"Field","name":{"kind":"Name","value":"privateIpAddress"}},{"kind":"Field","name":{"kind":"Name","value":"launchTime"}},{"kind":"Field","name":{"kind":"Name","value":"volumeIds"}},{"kind":"Field","name":{"kind":"Name","value":"volumes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"volumeId"}},{"kind":"Field","name":{"kind":"Name","value":"attached"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hourlyPrice"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyCost"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EbsVolume"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"volumeId"}},{"kind":"Field","name":{"kind":"Name","value":"attached"}},{"kind":"Field","name":{"kind":"Name","value":"sizeGiB"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RdsInstance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dbInstanceIdentifier"}},{"kind":"Field","name":{"kind":"Name","value":"engine"}},{"kind":"Field","name":{"kind":"Name","value":"hourlyPrice"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyCost"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AutoScalingGroup"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"desiredCapacity"}},{"kind":"Field","name":{"kind":"Name","value":"minSize"}},{"kind":"Field","name":{"kind":"Name","value":"maxSize"}},{"kind":"Field","name":{"kind":"Name","value":"instances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceId"}},{"kind":"Field","name":{"kind":"Name","value":"instance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AwsResourcesQuery, AwsResourcesQueryVariables>;
export const AwsNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AwsNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Resource"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]} as unknown as DocumentNode<AwsNodeQuery, AwsNodeQueryVariables>;
export const AwsStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AwsStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<AwsStatusQuery, AwsStatusQueryVariables>;
export const UiCostAnswerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UiCostAnswer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"window"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"aggregate"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"costAllocation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"window"},"value":{"kind":"Variable","name":{"kind":"Name","value":"window"}}},{"kind":"Argument","name":{"kind":"Name","value":"aggregate"},"value":{"kind":"Variable","name":{"kind":"Name","value":"aggregate"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CostAllocation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"cpuCost"}},{"kind":"Field","name":{"kind":"Name","value":"memoryCost"}},{"kind":"Field","name":{"kind":"Name","value":"storageCost"}},{"kind":"Field","name":{"kind":"Name","value":"totalCost"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCost"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"overview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monthToDate"}}]}}]}}]}}]} as unknown as DocumentNode<UiCostAnswerQuery, UiCostAnswerQueryVariables>;
export const UiResilienceNamedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UiResilienceNamed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"namespace"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"namespaces"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"namespace"}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"names"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<UiResilienceNamedQuery, UiResilienceNamedQueryVariables>;
export const UiRegisterAgentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UiRegisterAgent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterAgentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerAgent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<UiRegisterAgentMutation, UiRegisterAgentMutationVariables>;
export const UiSubmitAdviceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UiSubmitAdvice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitRecommendationsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitRecommendations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<UiSubmitAdviceMutation, UiSubmitAdviceMutationVariables>;
export const UiPodCountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UiPodCount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"POD"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<UiPodCountQuery, UiPodCountQueryVariables>;
export const ChatItDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChatIt"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChatInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chat"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ChatSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"conversationId"}},{"kind":"Field","name":{"kind":"Name","value":"reply"}},{"kind":"Field","name":{"kind":"Name","value":"intent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"entities"}}]}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}},{"kind":"Field","name":{"kind":"Name","value":"preview"}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"generatedCode"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"language"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"content"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requiresConfirmation"}},{"kind":"Field","name":{"kind":"Name","value":"confirmationToken"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ChatItMutation, ChatItMutationVariables>;
export const ConfirmItDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmIt"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmChatPlanInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmChatPlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmChatPlanSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reply"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ChatPlanIncompleteError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ChatStepFailed"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ConfirmItMutation, ConfirmItMutationVariables>;
export const ChatAuditDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChatAudit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"sources"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CHATOPS"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ChatAuditQuery, ChatAuditQueryVariables>;
export const AggregatesOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AggregatesOverview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"overview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"byKind"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"recentActions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"namespace"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"recommendations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"totalMonthlySavings"}},{"kind":"Field","name":{"kind":"Name","value":"top"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clusters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cluster"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"cost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"idleMonthToDate"}},{"kind":"Field","name":{"kind":"Name","value":"savingsAvailableMonthly"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<AggregatesOverviewQuery, AggregatesOverviewQueryVariables>;
export const AggregatesReadsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AggregatesReads"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"window"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clusterSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cluster"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recommendations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalMonthlySavings"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"namespace"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"costAllocation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"window"},"value":{"kind":"Variable","name":{"kind":"Name","value":"window"}}},{"kind":"Argument","name":{"kind":"Name","value":"aggregate"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"namespace","block":false}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CostAllocation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"idle"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AggregatesReadsQuery, AggregatesReadsQueryVariables>;
export const AggregatesChatDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AggregatesChat"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"message"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chat"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"message"},"value":{"kind":"Variable","name":{"kind":"Name","value":"message"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ChatSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reply"}}]}}]}}]}}]} as unknown as DocumentNode<AggregatesChatMutation, AggregatesChatMutationVariables>;
export const AuditRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AuditRun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runRecommendations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RunRecommendationsSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"run"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workloads"}},{"kind":"Field","name":{"kind":"Name","value":"open"}}]}},{"kind":"Field","name":{"kind":"Name","value":"auditEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"withheld"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuditRunMutation, AuditRunMutationVariables>;
export const AuditRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"actions"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"RUN_RECOMMENDATIONS"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"withheld"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"inclusionProof"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"treeSize"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withheld"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AuditRunsQuery, AuditRunsQueryVariables>;
export const AuditFailedRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditFailedRuns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"actions"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"RUN_RECOMMENDATIONS"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"statuses"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"FAILED"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"withheld"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuditFailedRunsQuery, AuditFailedRunsQueryVariables>;
export const AuditProofDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditProof"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditInclusionProof"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"eventId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leaves"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"record"}}]}}]}}]}}]} as unknown as DocumentNode<AuditProofQuery, AuditProofQueryVariables>;
export const AuditCheckpointDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AuditCheckpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAuditCheckpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"treeSize"}}]}}]}}]} as unknown as DocumentNode<AuditCheckpointMutation, AuditCheckpointMutationVariables>;
export const DecisionsAdviceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DecisionsAdvice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recommendations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DecisionsAdviceQuery, DecisionsAdviceQueryVariables>;
export const DecisionsRejectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DecisionsReject"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectRecommendation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"reason"},"value":{"kind":"StringValue","value":"not needed","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ForbiddenError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"requiredPermission"}}]}}]}}]}}]} as unknown as DocumentNode<DecisionsRejectMutation, DecisionsRejectMutationVariables>;
export const DecisionsApplyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DecisionsApply"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applyRecommendation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"BooleanValue","value":true}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ForbiddenError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requiredPermission"}}]}}]}}]}}]} as unknown as DocumentNode<DecisionsApplyMutation, DecisionsApplyMutationVariables>;
export const DecisionsRefusalsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DecisionsRefusals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"namespace"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DecisionsRefusalsQuery, DecisionsRefusalsQueryVariables>;
export const DecisionsRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DecisionsRun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recommendationRun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workloads"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"skips"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"targetId"}}]}}]}}]}}]} as unknown as DocumentNode<DecisionsRunQuery, DecisionsRunQueryVariables>;
export const DecisionsForecastsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DecisionsForecasts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"overview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"predictions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"namespace"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DecisionsForecastsQuery, DecisionsForecastsQueryVariables>;
export const DecisionsTrendDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DecisionsTrend"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"window"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"costTrend"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"window"},"value":{"kind":"Variable","name":{"kind":"Name","value":"window"}}},{"kind":"Argument","name":{"kind":"Name","value":"aggregate"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"namespace","block":false}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CostTrend"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DecisionsTrendQuery, DecisionsTrendQueryVariables>;
export const GrantsNodesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GrantsNodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"NODE"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GrantsNodesQuery, GrantsNodesQueryVariables>;
export const GrantsSumsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GrantsSums"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"window"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Resource"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timestamp"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cost"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"window"},"value":{"kind":"Variable","name":{"kind":"Name","value":"window"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GrantsSumsQuery, GrantsSumsQueryVariables>;
export const GrantsHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GrantsHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"targets"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"id"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"names"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CPU_USAGE"}]}},{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"last"},"value":{"kind":"StringValue","value":"PT2M","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<GrantsHistoryQuery, GrantsHistoryQueryVariables>;
export const GrantsPodsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GrantsPods"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ns"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"namespaces"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ns"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"POD"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"namespace"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GrantsPodsQuery, GrantsPodsQueryVariables>;
export const GrantsPodCostDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GrantsPodCost"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"window"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"costAllocation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"window"},"value":{"kind":"Variable","name":{"kind":"Name","value":"window"}}},{"kind":"Argument","name":{"kind":"Name","value":"aggregate"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"pod","block":false}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CostAllocation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GrantsPodCostQuery, GrantsPodCostQueryVariables>;
export const PartialIdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartialIds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ns"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"namespaces"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ns"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"DEPLOYMENT"},{"kind":"EnumValue","value":"POD"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"namespaces"},"name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"names"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ns"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"NAMESPACE"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PartialIdsQuery, PartialIdsQueryVariables>;
export const PartialNamespaceSumsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartialNamespaceSums"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"targets"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"id"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"names"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CPU_USAGE"}]}},{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"last"},"value":{"kind":"StringValue","value":"PT2M","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Namespace"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timestamp"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cost"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"window"},"value":{"kind":"StringValue","value":"24h","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PartialNamespaceSumsQuery, PartialNamespaceSumsQueryVariables>;
export const PartialLogsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartialLogs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"podLogs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"tailLines"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ForbiddenError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"requiredPermission"}}]}}]}}]}}]} as unknown as DocumentNode<PartialLogsQuery, PartialLogsQueryVariables>;
export const PartialNamedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartialNamed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ns"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"web"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"api"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"namespaces"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ns"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"DEPLOYMENT"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"can"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"verb"},"value":{"kind":"EnumValue","value":"SCALE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"requiredPermission"}}]}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"web"},"name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"web"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"api"},"name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"api"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<PartialNamedQuery, PartialNamedQueryVariables>;
export const RbacReadsAllDeploymentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RbacReadsAllDeployments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"DEPLOYMENT"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"namespace"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RbacReadsAllDeploymentsQuery, RbacReadsAllDeploymentsQueryVariables>;
export const RbacReadsClusterScopedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RbacReadsClusterScoped"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"NODE"},{"kind":"EnumValue","value":"NAMESPACE"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<RbacReadsClusterScopedQuery, RbacReadsClusterScopedQueryVariables>;
export const RbacReadsMetricsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RbacReadsMetrics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"targets"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"targets"},"value":{"kind":"Variable","name":{"kind":"Name","value":"targets"}}},{"kind":"Argument","name":{"kind":"Name","value":"names"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CPU_USAGE"}]}},{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"last"},"value":{"kind":"StringValue","value":"PT2M","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<RbacReadsMetricsQuery, RbacReadsMetricsQueryVariables>;
export const RbacReadsEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RbacReadsEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ns"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resourceEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"namespaces"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ns"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"DEPLOYMENT"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"namespace"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<RbacReadsEventsSubscription, RbacReadsEventsSubscriptionVariables>;
export const WebhookPodsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhookPods"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ns"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"namespaces"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"ns"}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"POD"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"can"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"verb"},"value":{"kind":"EnumValue","value":"RESTART"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"requiredPermission"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebhookPodsQuery, WebhookPodsQueryVariables>;
export const WebhookPodNamesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhookPodNames"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ns"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"namespaces"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"ns"}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"POD"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebhookPodNamesQuery, WebhookPodNamesQueryVariables>;
export const WebhookNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhookNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<WebhookNodeQuery, WebhookNodeQueryVariables>;
export const WebhookRestartDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebhookRestart"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restartResource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"force"},"value":{"kind":"BooleanValue","value":true}},{"kind":"ObjectField","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"BooleanValue","value":true}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ForbiddenError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"requiredPermission"}}]}}]}}]}}]} as unknown as DocumentNode<WebhookRestartMutation, WebhookRestartMutationVariables>;
export const ImpersonationScaleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImpersonationScale"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"n"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scaleResource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"replicas"},"value":{"kind":"Variable","name":{"kind":"Name","value":"n"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ForbiddenError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"requiredRole"}},{"kind":"Field","name":{"kind":"Name","value":"requiredPermission"}}]}}]}}]}}]} as unknown as DocumentNode<ImpersonationScaleMutation, ImpersonationScaleMutationVariables>;
export const K8sMutFindDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"K8sMutFind"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ns"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"namespaces"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"ns"}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"DEPLOYMENT"},{"kind":"EnumValue","value":"DAEMONSET"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<K8sMutFindQuery, K8sMutFindQueryVariables>;
export const K8sMutScaleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"K8sMutScale"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"n"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dry"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scaleResource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"replicas"},"value":{"kind":"Variable","name":{"kind":"Name","value":"n"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dry"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"auditEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<K8sMutScaleMutation, K8sMutScaleMutationVariables>;
export const K8sMutStopDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"K8sMutStop"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stopResource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"after"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<K8sMutStopMutation, K8sMutStopMutationVariables>;
export const K8sMutRevertDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"K8sMutRevert"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"auditEventId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revertAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"auditEventId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"auditEventId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"after"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<K8sMutRevertMutation, K8sMutRevertMutationVariables>;
export const K8sDegradedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"K8sDegraded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"NODE"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"cluster"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<K8sDegradedQuery, K8sDegradedQueryVariables>;
export const K8sNamespaceViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"K8sNamespaceView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ns"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"namespaces"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"ns"}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"POD"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cluster"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"cluster"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Pod"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"ip"}},{"kind":"Field","name":{"kind":"Name","value":"restarts"}},{"kind":"Field","name":{"kind":"Name","value":"containers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"image"}},{"kind":"Field","name":{"kind":"Name","value":"ready"}},{"kind":"Field","name":{"kind":"Name","value":"requests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cpu"}},{"kind":"Field","name":{"kind":"Name","value":"cpuCores"}},{"kind":"Field","name":{"kind":"Name","value":"memoryBytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"limits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memory"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"unschedulable"}}]}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"workload"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deployment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"desiredReplicas"}},{"kind":"Field","name":{"kind":"Name","value":"readyReplicas"}},{"kind":"Field","name":{"kind":"Name","value":"selector"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<K8sNamespaceViewQuery, K8sNamespaceViewQueryVariables>;
export const K8sServiceViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"K8sServiceView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ns"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"namespaces"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"ns"}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"SERVICE"},{"kind":"EnumValue","value":"NAMESPACE"},{"kind":"EnumValue","value":"DEPLOYMENT"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"actions"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Service"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"clusterIP"}},{"kind":"Field","name":{"kind":"Name","value":"selector"}},{"kind":"Field","name":{"kind":"Name","value":"ports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"port"}},{"kind":"Field","name":{"kind":"Name","value":"targetPort"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deployment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replicaSets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"containers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"requests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memory"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<K8sServiceViewQuery, K8sServiceViewQueryVariables>;
export const K8sNodeByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"K8sNodeById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Resource"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KubernetesNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"capacity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cpuCores"}},{"kind":"Field","name":{"kind":"Name","value":"pods"}}]}},{"kind":"Field","name":{"kind":"Name","value":"allocatable"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memoryBytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conditions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"podCount"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Namespace"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"DEPLOYMENT"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<K8sNodeByIdQuery, K8sNodeByIdQueryVariables>;
export const K8sFirstOfKindDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"K8sFirstOfKind"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResourceKind"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"kind"}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"providers"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"KUBERNETES"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<K8sFirstOfKindQuery, K8sFirstOfKindQueryVariables>;
export const K8sPodLogsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"K8sPodLogs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"podLogs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"tailLines"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PodLogs"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LogsUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"}}]}}]}}]}}]} as unknown as DocumentNode<K8sPodLogsQuery, K8sPodLogsQueryVariables>;
export const K8sDeploymentEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"K8sDeploymentEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ns"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resourceEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"namespaces"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"ns"}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"DEPLOYMENT"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deployment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"desiredReplicas"}}]}}]}}]}}]}}]} as unknown as DocumentNode<K8sDeploymentEventsSubscription, K8sDeploymentEventsSubscriptionVariables>;
export const LpViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LpView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ns"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"namespaces"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"ns"}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LpViewQuery, LpViewQueryVariables>;
export const LpScaleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LpScale"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scaleResource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"replicas"},"value":{"kind":"IntValue","value":"3"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<LpScaleMutation, LpScaleMutationVariables>;
export const MetricsEc2Document = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MetricsEc2"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"EC2_INSTANCE"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"names"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"web-1","block":false}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ec2Instance"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instanceType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"names"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CPU_USAGE"}]}},{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"last"},"value":{"kind":"StringValue","value":"PT6H","block":false}}]}},{"kind":"Argument","name":{"kind":"Name","value":"step"},"value":{"kind":"StringValue","value":"PT5M","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MetricsEc2Query, MetricsEc2QueryVariables>;
export const OutageStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OutageStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<OutageStatusQuery, OutageStatusQueryVariables>;
export const OutageHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OutageHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"targets"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"targets"},"value":{"kind":"Variable","name":{"kind":"Name","value":"targets"}}},{"kind":"Argument","name":{"kind":"Name","value":"names"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CPU_USAGE"}]}},{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"last"},"value":{"kind":"StringValue","value":"PT2M","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<OutageHistoryQuery, OutageHistoryQueryVariables>;
export const OutagePodsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OutagePods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"POD"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"namespaces"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"lab-demo","block":false}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cpuUsage"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OutagePodsQuery, OutagePodsQueryVariables>;
export const OutagePageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OutagePage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"POD"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"namespaces"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"lab-demo","block":false}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"names"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CPU_USAGE"}]}},{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"last"},"value":{"kind":"StringValue","value":"PT2M","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recommendations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OutagePageQuery, OutagePageQueryVariables>;
export const MetricsCurrentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MetricsCurrent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ResourceFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"cpuUsage"}},{"kind":"Field","name":{"kind":"Name","value":"memoryUsage"}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cpuRequest"}},{"kind":"Field","name":{"kind":"Name","value":"cpuLimit"}},{"kind":"Field","name":{"kind":"Name","value":"memoryRequest"}},{"kind":"Field","name":{"kind":"Name","value":"cpuRequestUtilization"}},{"kind":"Field","name":{"kind":"Name","value":"memoryLimitUtilization"}},{"kind":"Field","name":{"kind":"Name","value":"networkReceive"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MetricsCurrentQuery, MetricsCurrentQueryVariables>;
export const MetricsPagedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MetricsPaged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ResourceFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"names"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CPU_USAGE"},{"kind":"EnumValue","value":"MEMORY_USAGE"}]}},{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"last"},"value":{"kind":"StringValue","value":"PT5M","block":false}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MetricsPagedQuery, MetricsPagedQueryVariables>;
export const MetricsHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MetricsHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"targets"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"names"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MetricName"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MetricRangeInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"step"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Duration"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"targets"},"value":{"kind":"Variable","name":{"kind":"Name","value":"targets"}}},{"kind":"Argument","name":{"kind":"Name","value":"names"},"value":{"kind":"Variable","name":{"kind":"Name","value":"names"}}},{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}},{"kind":"Argument","name":{"kind":"Name","value":"step"},"value":{"kind":"Variable","name":{"kind":"Name","value":"step"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<MetricsHistoryQuery, MetricsHistoryQueryVariables>;
export const MetricsSummaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MetricsSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clusterSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cluster"}},{"kind":"Field","name":{"kind":"Name","value":"cpuUsage"}},{"kind":"Field","name":{"kind":"Name","value":"cpuRequest"}},{"kind":"Field","name":{"kind":"Name","value":"cpuCapacity"}},{"kind":"Field","name":{"kind":"Name","value":"memoryUsage"}},{"kind":"Field","name":{"kind":"Name","value":"memoryCapacity"}}]}},{"kind":"Field","name":{"kind":"Name","value":"overview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"collectedAt"}},{"kind":"Field","name":{"kind":"Name","value":"clusters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cluster"}},{"kind":"Field","name":{"kind":"Name","value":"cpuUsage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"orchestrator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rssBytes"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MetricsSummaryQuery, MetricsSummaryQueryVariables>;
export const MetricsLiveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"MetricsLive"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"targets"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"targets"},"value":{"kind":"Variable","name":{"kind":"Name","value":"targets"}}},{"kind":"Argument","name":{"kind":"Name","value":"names"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CPU_USAGE"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<MetricsLiveSubscription, MetricsLiveSubscriptionVariables>;
export const OidcMeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OidcMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<OidcMeQuery, OidcMeQueryVariables>;
export const OidcFindDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OidcFind"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ns"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"namespaces"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"ns"}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"DEPLOYMENT"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OidcFindQuery, OidcFindQueryVariables>;
export const OidcScaleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OidcScale"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"n"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scaleResource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"replicas"},"value":{"kind":"Variable","name":{"kind":"Name","value":"n"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"actorKind"}},{"kind":"Field","name":{"kind":"Name","value":"actorRole"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<OidcScaleMutation, OidcScaleMutationVariables>;
export const PodLogsCappedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PodLogsCapped"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"podLogs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PodLogs"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"lines"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PodLogsCappedQuery, PodLogsCappedQueryVariables>;
export const PodLogsPodIdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PodLogsPodIds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ns"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"namespaces"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"ns"}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"POD"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PodLogsPodIdsQuery, PodLogsPodIdsQueryVariables>;
export const RecEc2RunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecEc2Run"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runRecommendations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RunRecommendationsSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"run"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errors"}},{"kind":"Field","name":{"kind":"Name","value":"skips"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"targetId"}},{"kind":"Field","name":{"kind":"Name","value":"analyzer"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RecEc2RunMutation, RecEc2RunMutationVariables>;
export const RecEc2ListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RecEc2List"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RecommendationFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recommendations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"targetName"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"sourceName"}},{"kind":"Field","name":{"kind":"Name","value":"current"}},{"kind":"Field","name":{"kind":"Name","value":"recommended"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedMonthlySavings"}},{"kind":"Field","name":{"kind":"Name","value":"risk"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"actions"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RecEc2ListQuery, RecEc2ListQueryVariables>;
export const RecEc2ApplyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecEc2Apply"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApplyRecommendationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applyRecommendation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"auditEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"verb"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RecEc2ApplyMutation, RecEc2ApplyMutationVariables>;
export const RecEc2PredictionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RecEc2Predictions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"EC2_INSTANCE"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"predictions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"horizonHours"}},{"kind":"Field","name":{"kind":"Name","value":"cpu"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"samples"}},{"kind":"Field","name":{"kind":"Name","value":"last"}},{"kind":"Field","name":{"kind":"Name","value":"lastAt"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"memory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"samples"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"overview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"predictions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"recommendations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"totalMonthlySavings"}},{"kind":"Field","name":{"kind":"Name","value":"top"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RecEc2PredictionsQuery, RecEc2PredictionsQueryVariables>;
export const RecEc2RevertDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecEc2Revert"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevertActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revertAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RecEc2RevertMutation, RecEc2RevertMutationVariables>;
export const RecRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecRun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runRecommendations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RunRecommendationsSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"run"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workloads"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"errors"}},{"kind":"Field","name":{"kind":"Name","value":"skips"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"targetId"}},{"kind":"Field","name":{"kind":"Name","value":"analyzer"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RecRunMutation, RecRunMutationVariables>;
export const RecListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RecList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RecommendationFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recommendations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalMonthlySavings"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"targetName"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"sourceName"}},{"kind":"Field","name":{"kind":"Name","value":"customType"}},{"kind":"Field","name":{"kind":"Name","value":"current"}},{"kind":"Field","name":{"kind":"Name","value":"recommended"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedMonthlySavings"}},{"kind":"Field","name":{"kind":"Name","value":"risk"}},{"kind":"Field","name":{"kind":"Name","value":"action"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RecListQuery, RecListQueryVariables>;
export const RecApplyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecApply"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApplyRecommendationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applyRecommendation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"auditEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RecApplyMutation, RecApplyMutationVariables>;
export const RecRevertDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecRevert"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevertActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revertAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ActionResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RecRevertMutation, RecRevertMutationVariables>;
export const RecRejectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecReject"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RejectRecommendationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectRecommendation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RejectRecommendationSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"recommendation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"auditEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RecRejectMutation, RecRejectMutationVariables>;
export const RecRegisterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecRegister"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterAgentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerAgent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterAgentSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RecRegisterMutation, RecRegisterMutationVariables>;
export const RecSubmitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecSubmit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitRecommendationsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitRecommendations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitRecommendationsSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recommendations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"sourceName"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"customType"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RecSubmitMutation, RecSubmitMutationVariables>;
export const RecAuditDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RecAudit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditLogFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"verb"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RecAuditQuery, RecAuditQueryVariables>;
export const RecChatDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecChat"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChatInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chat"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ChatSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reply"}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"preview"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requiresConfirmation"}},{"kind":"Field","name":{"kind":"Name","value":"confirmationToken"}}]}}]}}]}}]} as unknown as DocumentNode<RecChatMutation, RecChatMutationVariables>;
export const RecConfirmPlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecConfirmPlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmChatPlanInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmChatPlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmChatPlanSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RecConfirmPlanMutation, RecConfirmPlanMutationVariables>;
export const RecPredictDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RecPredict"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"namespaces"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"names"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"DEPLOYMENT"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"namespaces"},"value":{"kind":"Variable","name":{"kind":"Name","value":"namespaces"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"names"},"value":{"kind":"Variable","name":{"kind":"Name","value":"names"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"predictions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"cpu"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"samples"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"lower"}},{"kind":"Field","name":{"kind":"Name","value":"upper"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"memory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"samples"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<RecPredictQuery, RecPredictQueryVariables>;
export const ResponseCacheSourcesPodsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ResponseCacheSourcesPods"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ns"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"namespaces"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ns"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"POD"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ResponseCacheSourcesPodsQuery, ResponseCacheSourcesPodsQueryVariables>;
export const ResponseCacheDeploymentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ResponseCacheDeployments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ns"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"namespaces"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ns"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"DEPLOYMENT"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deployment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"desiredReplicas"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ResponseCacheDeploymentsQuery, ResponseCacheDeploymentsQueryVariables>;
export const ResponseCacheEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ResponseCacheEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ns"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resourceEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"namespaces"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ns"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"DEPLOYMENT"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Deployment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"desiredReplicas"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ResponseCacheEventsSubscription, ResponseCacheEventsSubscriptionVariables>;
export const AuditEventByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditEventById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuditEventByIdQuery, AuditEventByIdQueryVariables>;
export const ProvenAuditEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProvenAuditEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditLogFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLogKey"}},{"kind":"Field","name":{"kind":"Name","value":"auditCheckpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"note"}}]}},{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"actorRole"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}},{"kind":"Field","name":{"kind":"Name","value":"target"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inclusionProof"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"treeSize"}},{"kind":"Field","name":{"kind":"Name","value":"rootHash"}},{"kind":"Field","name":{"kind":"Name","value":"leaves"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"leafIndex"}},{"kind":"Field","name":{"kind":"Name","value":"leafHash"}},{"kind":"Field","name":{"kind":"Name","value":"record"}},{"kind":"Field","name":{"kind":"Name","value":"hashes"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProvenAuditEventsQuery, ProvenAuditEventsQueryVariables>;
export const CheckpointNowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CheckpointNow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAuditCheckpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"treeSize"}}]}}]}}]} as unknown as DocumentNode<CheckpointNowMutation, CheckpointNowMutationVariables>;
export const ImpersonationDeploymentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImpersonationDeployments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ns"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"namespaces"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ns"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"DEPLOYMENT"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"can"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"verb"},"value":{"kind":"EnumValue","value":"SCALE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"requiredPermission"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ImpersonationDeploymentsQuery, ImpersonationDeploymentsQueryVariables>;
export const ImpersonationScaleDryRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImpersonationScaleDryRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scaleResource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"replicas"},"value":{"kind":"IntValue","value":"1"}},{"kind":"ObjectField","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"BooleanValue","value":true}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<ImpersonationScaleDryRunMutation, ImpersonationScaleDryRunMutationVariables>;
export const ImpersonationNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImpersonationNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ImpersonationNodeQuery, ImpersonationNodeQueryVariables>;
export const BatchedPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BatchedPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"POD"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"namespaces"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"batch","block":false}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"reverts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"recommendations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"statuses"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"OPEN"},{"kind":"EnumValue","value":"APPLIED"}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"2"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalMonthlySavings"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"appliedAuditEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<BatchedPageQuery, BatchedPageQueryVariables>;
export const BatchedPerEventDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"BatchedPerEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resourceEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BatchedPerEventSubscription, BatchedPerEventSubscriptionVariables>;
export const CostPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CostPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kinds"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResourceKind"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kinds"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"clusters"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"c1","block":false}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"namespace"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"cost"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"window"},"value":{"kind":"StringValue","value":"2h","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCost"}},{"kind":"Field","name":{"kind":"Name","value":"hours"}},{"kind":"Field","name":{"kind":"Name","value":"unpricedReasons"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CostPageQuery, CostPageQueryVariables>;
export const ResourcePermissionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ResourcePermissions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"namespaces"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"prod","block":false}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"kinds"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"DEPLOYMENT"},{"kind":"EnumValue","value":"POD"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"actions"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verb"}},{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"requiredRole"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"canScale"},"name":{"kind":"Name","value":"can"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"verb"},"value":{"kind":"EnumValue","value":"SCALE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"requiredRole"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ResourcePermissionsQuery, ResourcePermissionsQueryVariables>;