/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A verb the action pipeline runs on a resource through its provider (role: operator; delete: admin). */
export const ActionVerb = {
  /** Mark a node unschedulable. */
  Cordon: 'CORDON',
  /** Create objects from manifests inside a namespace (ChatOps templates). */
  Create: 'CREATE',
  /** Delete the resource (needs its name as confirmation; never revertible). */
  Delete: 'DELETE',
  /** Change part of its spec (container resources, an instance type); used by recommendations. */
  Patch: 'PATCH',
  /** Reboot an EC2 instance or RDS instance. */
  Reboot: 'REBOOT',
  /** Rollout-restart a workload, or delete a controller-owned pod. */
  Restart: 'RESTART',
  /** Set replicas (workloads) or desired capacity (Auto Scaling groups). */
  Scale: 'SCALE',
  /** Start: restore the replicas remembered by stop, or start an instance. */
  Start: 'START',
  /** Stop: scale a workload to 0 (remembering its replicas), or stop an instance. */
  Stop: 'STOP',
  /** Mark a node schedulable again. */
  Uncordon: 'UNCORDON'
} as const;

export type ActionVerb = typeof ActionVerb[keyof typeof ActionVerb];
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
export const AuditAction = {
  /** Carry out a recommendation; the verb is the one its advice runs. */
  ApplyRecommendation: 'APPLY_RECOMMENDATION',
  /** Change the type of an EC2 instance (verb PATCH). */
  ChangeInstanceType: 'CHANGE_INSTANCE_TYPE',
  /** Mark a node unschedulable. */
  Cordon: 'CORDON',
  /** Create objects in a namespace from manifests (ChatOps). */
  Create: 'CREATE',
  /** The first admin token, created at start; runs no verb, has no target. */
  CreateToken: 'CREATE_TOKEN',
  /** Delete a resource (never revertible). */
  Delete: 'DELETE',
  /** A name this version does not know, written by another version; the hash-chained record keeps it verbatim. */
  Other: 'OTHER',
  /** A retention run of the leader: the days kept per kind (parameters) and the rows removed (after); runs no verb, has no target. */
  PruneRetention: 'PRUNE_RETENTION',
  /** Reboot an EC2 instance. */
  Reboot: 'REBOOT',
  /** An agent registered or updated; runs no verb, has no target. */
  RegisterAgent: 'REGISTER_AGENT',
  /** Reject a recommendation with a reason; runs no verb. */
  RejectRecommendation: 'REJECT_RECOMMENDATION',
  /** An agent removed; runs no verb, has no target. */
  RemoveAgent: 'REMOVE_AGENT',
  /** Rollout-restart a workload, or delete a controller-owned pod. */
  Restart: 'RESTART',
  /** Restore the recorded before of an earlier action (`reverts` names it). */
  Revert: 'REVERT',
  /** An analysis pass asked for by an admin; runs no verb, has no target. */
  RunRecommendations: 'RUN_RECOMMENDATIONS',
  /** Set the replicas of a workload or the desired capacity of an Auto Scaling group. */
  Scale: 'SCALE',
  /** Start a stopped workload (its remembered replicas) or instance. */
  Start: 'START',
  /** Stop a workload (scale to 0, remembering its replicas) or an instance. */
  Stop: 'STOP',
  /** Advice submitted by an agent; runs no verb, has no target. */
  SubmitRecommendations: 'SUBMIT_RECOMMENDATIONS',
  /** Mark a node schedulable again. */
  Uncordon: 'UNCORDON'
} as const;

export type AuditAction = typeof AuditAction[keyof typeof AuditAction];
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
export const AuditSource = {
  /** A recommendation agent (its registration, heartbeat or submitted advice). */
  Agent: 'AGENT',
  /** A mutation sent by an API client or the dashboard. */
  Api: 'API',
  /** A step of a confirmed ChatOps plan. */
  Chatops: 'CHATOPS',
  /** Applying or rejecting a recommendation, or a recommendation run. */
  Recommendation: 'RECOMMENDATION',
  /** The orchestrator itself (e.g. the first admin token created at start). */
  System: 'SYSTEM'
} as const;

export type AuditSource = typeof AuditSource[keyof typeof AuditSource];
/** Where an action is: recorded before it runs, then again with its outcome. */
export const AuditStatus = {
  /** It ran and failed, or was refused; `error` says why. */
  Failed: 'FAILED',
  /** Recorded before it ran and not finished yet: a long action (an EC2 instance type change) goes on in the background after its mutation answered, and its outcome completes this same event, published again on `auditEvents`. One left by a process that stopped is resumed or reconciled at the next start (README: Actions and the audit log). */
  Pending: 'PENDING',
  /** It ran and the provider accepted it. */
  Succeeded: 'SUCCEEDED'
} as const;

export type AuditStatus = typeof AuditStatus[keyof typeof AuditStatus];
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
export const ChatIntentName = {
  /** Apply a listed recommendation (a plan). */
  ApplyRecommendation: 'APPLY_RECOMMENDATION',
  /** Recent actions from the audit log (by action, actor, status, period). */
  AuditLog: 'AUDIT_LOG',
  /** Drop the plan just shown. */
  Cancel: 'CANCEL',
  /** Confirm the plan just shown. */
  Confirm: 'CONFIRM',
  /** Mark a node unschedulable (a plan). */
  Cordon: 'CORDON',
  /** Create a workload from a template (a plan with generated manifests). */
  Create: 'CREATE',
  /** Delete a resource (a plan; cannot be reverted). */
  Delete: 'DELETE',
  /** One resource in detail. */
  DescribeResource: 'DESCRIBE_RESOURCE',
  /** What the chat can do. */
  Help: 'HELP',
  /** Open recommendations, by savings. */
  ListRecommendations: 'LIST_RECOMMENDATIONS',
  /** A list of resources (by kind, namespace, state, label…). */
  ListResources: 'LIST_RESOURCES',
  /** The dashboard summary of the estate. */
  Overview: 'OVERVIEW',
  /** Reject a listed recommendation (a plan). */
  RejectRecommendation: 'REJECT_RECOMMENDATION',
  /** One resource's CPU and memory usage. */
  ResourceUsage: 'RESOURCE_USAGE',
  /** Restart a workload, or reboot an instance (a plan). */
  Restart: 'RESTART',
  /** Undo the last action on a resource (a plan). */
  Revert: 'REVERT',
  /** Set replicas to a number (a plan). */
  Scale: 'SCALE',
  /** Add or remove replicas (a plan). */
  ScaleRelative: 'SCALE_RELATIVE',
  /** Start a workload or instance (a plan). */
  Start: 'START',
  /** The health of the orchestrator and its components. */
  Status: 'STATUS',
  /** Stop a workload or instance (a plan). */
  Stop: 'STOP',
  /** The resources using the most CPU or memory. */
  TopUsage: 'TOP_USAGE',
  /** Mark a node schedulable again (a plan). */
  Uncordon: 'UNCORDON',
  /** Not understood; the reply says what the chat can do. */
  Unknown: 'UNKNOWN'
} as const;

export type ChatIntentName = typeof ChatIntentName[keyof typeof ChatIntentName];
/** What became of one step of a confirmed plan. */
export const ChatStepStatus = {
  /** It ran and failed; the steps after it did not run. */
  Failed: 'FAILED',
  /** An earlier step failed, so it was not run. */
  NotRun: 'NOT_RUN',
  /** It ran and succeeded. */
  Succeeded: 'SUCCEEDED'
} as const;

export type ChatStepStatus = typeof ChatStepStatus[keyof typeof ChatStepStatus];
/** How one component of the orchestrator is doing. */
export const ComponentState = {
  /** Working in part (e.g. one cluster of several unreachable). */
  Degraded: 'DEGRADED',
  /** Not configured, on purpose. */
  Disabled: 'DISABLED',
  /** Not working; the fields it backs fail or come back empty. */
  Down: 'DOWN',
  /** Working. */
  Up: 'UP'
} as const;

export type ComponentState = typeof ComponentState[keyof typeof ComponentState];
/** The plan to run. */
export type ConfirmChatPlanInput = {
  /** The plan's confirmationToken. */
  token: string;
};

/** CPU in cores, memory in bytes, network in bytes/s. Requests and limits are summed over a target's pods; capacity is node allocatable (nodes and clusters only). */
export const MetricName = {
  /** Allocatable CPU, cores (nodes and clusters only). */
  CpuCapacity: 'CPU_CAPACITY',
  /** CPU limit, cores, summed over pods whose every container has a limit. */
  CpuLimit: 'CPU_LIMIT',
  /** CPU requested, cores, summed over the target's pods. */
  CpuRequest: 'CPU_REQUEST',
  /** CPU in use, cores (a rate over the scrape window). */
  CpuUsage: 'CPU_USAGE',
  /** Allocatable memory, bytes (nodes and clusters only). */
  MemoryCapacity: 'MEMORY_CAPACITY',
  /** Memory limit, bytes, summed over pods whose every container has a limit. */
  MemoryLimit: 'MEMORY_LIMIT',
  /** Memory requested, bytes, summed over the target's pods. */
  MemoryRequest: 'MEMORY_REQUEST',
  /** Memory working set, bytes. */
  MemoryUsage: 'MEMORY_USAGE',
  /** Bytes received per second. */
  NetworkReceive: 'NETWORK_RECEIVE',
  /** Bytes sent per second. */
  NetworkTransmit: 'NETWORK_TRANSMIT'
} as const;

export type MetricName = typeof MetricName[keyof typeof MetricName];
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
export const Provider = {
  /** An AWS account, one region at a time. */
  Aws: 'AWS',
  /** A Kubernetes cluster (a kubeconfig context). */
  Kubernetes: 'KUBERNETES'
} as const;

export type Provider = typeof Provider[keyof typeof Provider];
/** What happened to a piece of advice. */
export const RecommendationEventType = {
  /** New advice. */
  Created: 'CREATED',
  /** It was applied, rejected, expired, superseded or failed. */
  StatusChanged: 'STATUS_CHANGED',
  /** A pass refreshed it (new evidence or setting); still OPEN. */
  Updated: 'UPDATED'
} as const;

export type RecommendationEventType = typeof RecommendationEventType[keyof typeof RecommendationEventType];
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
export const RecommendationRisk = {
  /** Could cause an outage or lose data; needs a careful look. */
  High: 'HIGH',
  /** Unlikely to be noticed (e.g. ample headroom kept). */
  Low: 'LOW',
  /** Could be noticed under peaks; watch after applying. */
  Medium: 'MEDIUM'
} as const;

export type RecommendationRisk = typeof RecommendationRisk[keyof typeof RecommendationRisk];
/** Where advice comes from; `sourceName` says which analyzer or agent. */
export const RecommendationSource = {
  /** A registered agent (an external engine), by submission or analyze. */
  Agent: 'AGENT',
  /** One of the orchestrator's own analyzers. */
  Analyzer: 'ANALYZER',
  /** A stored source of neither form (written by another version); `sourceName` holds it verbatim. */
  Other: 'OTHER'
} as const;

export type RecommendationSource = typeof RecommendationSource[keyof typeof RecommendationSource];
/** Where advice is in its life: OPEN until applied, rejected or outdated. */
export const RecommendationStatus = {
  /** Carried out; `appliedAuditEvent` is the action. */
  Applied: 'APPLIED',
  /** No longer holds (the condition passed, or the target is gone). */
  Expired: 'EXPIRED',
  /** Applying it failed; `statusReason` says why. */
  Failed: 'FAILED',
  /** Current advice, waiting for a decision; refreshed by each analysis pass. */
  Open: 'OPEN',
  /** Rejected by a person, with a reason (`statusReason`). */
  Rejected: 'REJECTED',
  /** Replaced by other advice on the same target (e.g. stop an idle workload). */
  Superseded: 'SUPERSEDED'
} as const;

export type RecommendationStatus = typeof RecommendationStatus[keyof typeof RecommendationStatus];
/** What kind of advice it is: one of the built-in analyses, or an agent's own. */
export const RecommendationType = {
  /** Set a workload's CPU requests and limits to what it uses (verb PATCH). */
  CpuRightsize: 'CPU_RIGHTSIZE',
  /** An agent's own type; `customType` names it. */
  Custom: 'CUSTOM',
  /** An EBS volume attached to nothing: delete it (by a person only, confirmed). */
  EbsUnattached: 'EBS_UNATTACHED',
  /** An EC2 instance larger than its load needs: a smaller type (verb PATCH). */
  Ec2Downsize: 'EC2_DOWNSIZE',
  /** An EC2 instance idle for the window: stop it (verb STOP). */
  Ec2Idle: 'EC2_IDLE',
  /** A workload that has done nothing for the window: stop it (verb STOP). */
  IdleWorkload: 'IDLE_WORKLOAD',
  /** Set a workload's memory requests and limits to what it uses (verb PATCH). */
  MemoryRightsize: 'MEMORY_RIGHTSIZE',
  /** Run fewer (or more) replicas for the load seen (verb SCALE). */
  Replicas: 'REPLICAS'
} as const;

export type RecommendationType = typeof RecommendationType[keyof typeof RecommendationType];
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

/** What happened to a resource in the watch cache. */
export const ResourceEventType = {
  /** It appeared (created, or first seen). */
  Added: 'ADDED',
  /** It is gone; `resource` is its last known form. */
  Deleted: 'DELETED',
  /** It changed (spec, status, labels or state). */
  Modified: 'MODIFIED'
} as const;

export type ResourceEventType = typeof ResourceEventType[keyof typeof ResourceEventType];
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
export const ResourceKind = {
  /** An EC2 Auto Scaling group. */
  AutoScalingGroup: 'AUTO_SCALING_GROUP',
  /** A Kubernetes DaemonSet. */
  Daemonset: 'DAEMONSET',
  /** A Kubernetes Deployment. */
  Deployment: 'DEPLOYMENT',
  /** An EBS volume. */
  EbsVolume: 'EBS_VOLUME',
  /** An EC2 instance. */
  Ec2Instance: 'EC2_INSTANCE',
  /** A Kubernetes HorizontalPodAutoscaler (autoscaling/v2). */
  HorizontalPodAutoscaler: 'HORIZONTAL_POD_AUTOSCALER',
  /** A Kubernetes namespace. */
  Namespace: 'NAMESPACE',
  /** A Kubernetes node. */
  Node: 'NODE',
  /** A Kubernetes PersistentVolume. */
  PersistentVolume: 'PERSISTENT_VOLUME',
  /** A Kubernetes PersistentVolumeClaim. */
  PersistentVolumeClaim: 'PERSISTENT_VOLUME_CLAIM',
  /** A Kubernetes pod. */
  Pod: 'POD',
  /** An RDS database instance. */
  RdsInstance: 'RDS_INSTANCE',
  /** A Kubernetes ReplicaSet. */
  Replicaset: 'REPLICASET',
  /** A Kubernetes Service. */
  Service: 'SERVICE',
  /** A Kubernetes StatefulSet. */
  Statefulset: 'STATEFULSET'
} as const;

export type ResourceKind = typeof ResourceKind[keyof typeof ResourceKind];
/** A resource's condition, the same scale for every provider and kind. */
export const ResourceState = {
  /** Running with fewer ready replicas (or members) than asked for. */
  Degraded: 'DEGRADED',
  /** Broken: a failed pod, a NotReady node, an instance or database in an error state. */
  Failed: 'FAILED',
  /** On its way: starting, scheduling, rolling out, or an instance booting. */
  Pending: 'PENDING',
  /** Serving as asked: a ready workload, a running pod or instance, a Ready node, an available volume. */
  Running: 'RUNNING',
  /** Stopped on purpose: a workload at 0 replicas, a stopped instance. */
  Stopped: 'STOPPED',
  /** A pod whose containers all completed successfully. */
  Succeeded: 'SUCCEEDED',
  /** Being deleted or shut down. */
  Terminating: 'TERMINATING',
  /** The provider does not say (or the resource is gone: RemovedResource). */
  Unknown: 'UNKNOWN'
} as const;

export type ResourceState = typeof ResourceState[keyof typeof ResourceState];
/** The workload or pod to restart. */
export type RestartResourceInput = {
  /** Validate and preview through the provider; change nothing. */
  dryRun?: boolean | null | undefined;
  /** Allow deleting a pod no controller will recreate. */
  force?: boolean | null | undefined;
  /** The global id of the resource. */
  id: string | number;
  /** Same key and same input: the stored result, executed once. Different input: ValidationError. 1 to 128 characters of A-Z a-z 0-9 . _ : ~ -. */
  idempotencyKey?: string | null | undefined;
};

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
export const Role = {
  /** Everything: delete, tokens, agents, recommendation runs. */
  Admin: 'ADMIN',
  /** A recommendation agent: reads, and submits advice for its own analyzers. */
  Agent: 'AGENT',
  /** Reads and runs actions (scale, restart, stop, …), except delete. */
  Operator: 'OPERATOR',
  /** Reads everything except secrets and the token list. */
  Viewer: 'VIEWER'
} as const;

export type Role = typeof Role[keyof typeof Role];
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

type ActionOutcome_ApplyRecommendationSuccess_Fragment = { dryRun: boolean, auditEvent: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } };

type ActionOutcome_ChangeInstanceTypeSuccess_Fragment = { dryRun: boolean, auditEvent: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } };

type ActionOutcome_CordonNodeSuccess_Fragment = { dryRun: boolean, auditEvent: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } };

type ActionOutcome_DeleteResourceSuccess_Fragment = { dryRun: boolean, auditEvent: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } };

type ActionOutcome_RebootResourceSuccess_Fragment = { dryRun: boolean, auditEvent: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } };

type ActionOutcome_RegisterAgentSuccess_Fragment = { dryRun: boolean, auditEvent: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } };

type ActionOutcome_RejectRecommendationSuccess_Fragment = { dryRun: boolean, auditEvent: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } };

type ActionOutcome_RemoveAgentSuccess_Fragment = { dryRun: boolean, auditEvent: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } };

type ActionOutcome_RestartResourceSuccess_Fragment = { dryRun: boolean, auditEvent: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } };

type ActionOutcome_RevertActionSuccess_Fragment = { dryRun: boolean, auditEvent: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } };

type ActionOutcome_RunRecommendationsSuccess_Fragment = { dryRun: boolean, auditEvent: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } };

type ActionOutcome_ScaleResourceSuccess_Fragment = { dryRun: boolean, auditEvent: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } };

type ActionOutcome_StartResourceSuccess_Fragment = { dryRun: boolean, auditEvent: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } };

type ActionOutcome_StopResourceSuccess_Fragment = { dryRun: boolean, auditEvent: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } };

type ActionOutcome_SubmitRecommendationsSuccess_Fragment = { dryRun: boolean, auditEvent: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } };

type ActionOutcome_UncordonNodeSuccess_Fragment = { dryRun: boolean, auditEvent: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } };

export type ActionOutcomeFragment =
  | ActionOutcome_ApplyRecommendationSuccess_Fragment
  | ActionOutcome_ChangeInstanceTypeSuccess_Fragment
  | ActionOutcome_CordonNodeSuccess_Fragment
  | ActionOutcome_DeleteResourceSuccess_Fragment
  | ActionOutcome_RebootResourceSuccess_Fragment
  | ActionOutcome_RegisterAgentSuccess_Fragment
  | ActionOutcome_RejectRecommendationSuccess_Fragment
  | ActionOutcome_RemoveAgentSuccess_Fragment
  | ActionOutcome_RestartResourceSuccess_Fragment
  | ActionOutcome_RevertActionSuccess_Fragment
  | ActionOutcome_RunRecommendationsSuccess_Fragment
  | ActionOutcome_ScaleResourceSuccess_Fragment
  | ActionOutcome_StartResourceSuccess_Fragment
  | ActionOutcome_StopResourceSuccess_Fragment
  | ActionOutcome_SubmitRecommendationsSuccess_Fragment
  | ActionOutcome_UncordonNodeSuccess_Fragment
;

export type DashScaleMutationVariables = Exact<{
  input: ScaleResourceInput;
}>;


export type DashScaleMutation = { scaleResource:
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'ScaleResourceSuccess', dryRun: boolean, auditEvent: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type DashStartMutationVariables = Exact<{
  input: StartResourceInput;
}>;


export type DashStartMutation = { startResource:
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'StartResourceSuccess', dryRun: boolean, auditEvent: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type DashStopMutationVariables = Exact<{
  input: StopResourceInput;
}>;


export type DashStopMutation = { stopResource:
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'StopResourceSuccess', dryRun: boolean, auditEvent: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type DashRestartMutationVariables = Exact<{
  input: RestartResourceInput;
}>;


export type DashRestartMutation = { restartResource:
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'RestartResourceSuccess', dryRun: boolean, auditEvent: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type DashApplyRecommendationMutationVariables = Exact<{
  input: ApplyRecommendationInput;
}>;


export type DashApplyRecommendationMutation = { applyRecommendation:
    | { __typename: 'ApplyRecommendationSuccess', dryRun: boolean, auditEvent: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } }
    | { __typename: 'ConfirmationRequiredError', code: string, message: string }
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type DashRejectRecommendationMutationVariables = Exact<{
  input: RejectRecommendationInput;
}>;


export type DashRejectRecommendationMutation = { rejectRecommendation:
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'RejectRecommendationSuccess', dryRun: boolean, auditEvent: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type DashRevertMutationVariables = Exact<{
  input: RevertActionInput;
}>;


export type DashRevertMutation = { revertAction:
    | { __typename: 'ConflictError', code: string, message: string }
    | { __typename: 'ForbiddenError', code: string, message: string }
    | { __typename: 'IrreversibleError', code: string, message: string }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ProviderError', code: string, message: string }
    | { __typename: 'RevertActionSuccess', dryRun: boolean, auditEvent: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } }
    | { __typename: 'UnavailableError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

export type DashChatMutationVariables = Exact<{
  input: ChatInput;
}>;


export type DashChatMutation = { chat:
    | { __typename: 'ChatSuccess', conversationId: string, reply: string, requiresConfirmation: boolean, confirmationToken: string | null, intent: { name: ChatIntentName, confidence: number }, plan: Array<{ action: AuditAction, parameters: unknown, preview: unknown, target:
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
         | null }>, generatedCode: Array<{ language: string, filename: string | null, content: string }> }
    | { __typename: 'NotFoundError', code: string, message: string }
    | { __typename: 'ValidationError', code: string, message: string }
   };

type ChatStepFields_ChatStepFailed_Fragment = { __typename: 'ChatStepFailed', code: string, message: string, index: number, action: AuditAction, status: ChatStepStatus, target:
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
   | null };

type ChatStepFields_ChatStepNotRun_Fragment = { __typename: 'ChatStepNotRun', index: number, action: AuditAction, status: ChatStepStatus, target:
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
   | null };

type ChatStepFields_ChatStepSucceeded_Fragment = { __typename: 'ChatStepSucceeded', index: number, action: AuditAction, status: ChatStepStatus, target:
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
    | { kind: ResourceKind, namespace: string | null, name: string }
   | null };

export type ChatStepFieldsFragment =
  | ChatStepFields_ChatStepFailed_Fragment
  | ChatStepFields_ChatStepNotRun_Fragment
  | ChatStepFields_ChatStepSucceeded_Fragment
;

export type DashConfirmChatPlanMutationVariables = Exact<{
  input: ConfirmChatPlanInput;
}>;


export type DashConfirmChatPlanMutation = { confirmChatPlan:
    | { __typename: 'ChatPlanIncompleteError', reply: string, code: string, message: string, steps: Array<
        | { __typename: 'ChatStepFailed', code: string, message: string, index: number, action: AuditAction, status: ChatStepStatus, target:
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
           | null }
        | { __typename: 'ChatStepNotRun', index: number, action: AuditAction, status: ChatStepStatus, target:
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
           | null }
        | { __typename: 'ChatStepSucceeded', index: number, action: AuditAction, status: ChatStepStatus, target:
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
           | null }
      >, auditEvents: Array<{ id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null }> }
    | { __typename: 'ConfirmChatPlanSuccess', reply: string, steps: Array<
        | { __typename: 'ChatStepFailed', code: string, message: string, index: number, action: AuditAction, status: ChatStepStatus, target:
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
           | null }
        | { __typename: 'ChatStepNotRun', index: number, action: AuditAction, status: ChatStepStatus, target:
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
           | null }
        | { __typename: 'ChatStepSucceeded', index: number, action: AuditAction, status: ChatStepStatus, target:
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
            | { kind: ResourceKind, namespace: string | null, name: string }
           | null }
      >, auditEvents: Array<{ id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null }> }
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

type ResourceRowFields_AutoScalingGroup_Fragment = { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null };

type ResourceRowFields_DaemonSet_Fragment = { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null };

type ResourceRowFields_Deployment_Fragment = { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null };

type ResourceRowFields_EbsVolume_Fragment = { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null };

type ResourceRowFields_Ec2Instance_Fragment = { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null };

type ResourceRowFields_HorizontalPodAutoscaler_Fragment = { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null };

type ResourceRowFields_KubernetesNode_Fragment = { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null };

type ResourceRowFields_Namespace_Fragment = { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null };

type ResourceRowFields_PersistentVolume_Fragment = { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null };

type ResourceRowFields_PersistentVolumeClaim_Fragment = { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null };

type ResourceRowFields_Pod_Fragment = { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null };

type ResourceRowFields_RdsInstance_Fragment = { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null };

type ResourceRowFields_RemovedResource_Fragment = { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null };

type ResourceRowFields_ReplicaSet_Fragment = { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null };

type ResourceRowFields_Service_Fragment = { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null };

type ResourceRowFields_StatefulSet_Fragment = { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null };

export type ResourceRowFieldsFragment =
  | ResourceRowFields_AutoScalingGroup_Fragment
  | ResourceRowFields_DaemonSet_Fragment
  | ResourceRowFields_Deployment_Fragment
  | ResourceRowFields_EbsVolume_Fragment
  | ResourceRowFields_Ec2Instance_Fragment
  | ResourceRowFields_HorizontalPodAutoscaler_Fragment
  | ResourceRowFields_KubernetesNode_Fragment
  | ResourceRowFields_Namespace_Fragment
  | ResourceRowFields_PersistentVolume_Fragment
  | ResourceRowFields_PersistentVolumeClaim_Fragment
  | ResourceRowFields_Pod_Fragment
  | ResourceRowFields_RdsInstance_Fragment
  | ResourceRowFields_RemovedResource_Fragment
  | ResourceRowFields_ReplicaSet_Fragment
  | ResourceRowFields_Service_Fragment
  | ResourceRowFields_StatefulSet_Fragment
;

export type AuditRowFieldsFragment = { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null };

export type RecommendationRowFieldsFragment = { id: string, type: RecommendationType, status: RecommendationStatus, statusReason: string | null, title: string, summary: string, targetId: string, targetName: string, source: RecommendationSource, sourceName: string, customType: string | null, risk: RecommendationRisk, confidence: number, estimatedMonthlySavings: number | null, current: unknown, recommended: unknown, evidence: unknown, action: unknown, createdAt: string, appliedAuditEvent: { id: string } | null };

export type DashViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type DashViewerQuery = { viewer: { name: string, displayName: string | null, role: Role } };

export type OverviewFieldsFragment = { generatedAt: string, status: Array<{ name: string, state: ComponentState, message: string }>, resources: { total: number, byKind: Array<{ key: string, count: number }>, byState: Array<{ key: string, count: number }>, byProvider: Array<{ key: string, count: number }> }, metrics: { collectedAt: string | null, clusters: Array<{ cluster: string, cpuUsage: number | null, cpuRequest: number | null, cpuCapacity: number | null, memoryUsage: number | null, memoryRequest: number | null, memoryCapacity: number | null }> } | null, recommendations: { count: number, totalMonthlySavings: number, top: Array<{ id: string, title: string, targetName: string, estimatedMonthlySavings: number | null }> } | null, recentActions: Array<{ id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null }> | null };

export type DashOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type DashOverviewQuery = { overview: { generatedAt: string, status: Array<{ name: string, state: ComponentState, message: string }>, resources: { total: number, byKind: Array<{ key: string, count: number }>, byState: Array<{ key: string, count: number }>, byProvider: Array<{ key: string, count: number }> }, metrics: { collectedAt: string | null, clusters: Array<{ cluster: string, cpuUsage: number | null, cpuRequest: number | null, cpuCapacity: number | null, memoryUsage: number | null, memoryRequest: number | null, memoryCapacity: number | null }> } | null, recommendations: { count: number, totalMonthlySavings: number, top: Array<{ id: string, title: string, targetName: string, estimatedMonthlySavings: number | null }> } | null, recentActions: Array<{ id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null }> | null } };

export type DashOverviewLiveSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type DashOverviewLiveSubscription = { overview: { generatedAt: string, status: Array<{ name: string, state: ComponentState, message: string }>, resources: { total: number, byKind: Array<{ key: string, count: number }>, byState: Array<{ key: string, count: number }>, byProvider: Array<{ key: string, count: number }> }, metrics: { collectedAt: string | null, clusters: Array<{ cluster: string, cpuUsage: number | null, cpuRequest: number | null, cpuCapacity: number | null, memoryUsage: number | null, memoryRequest: number | null, memoryCapacity: number | null }> } | null, recommendations: { count: number, totalMonthlySavings: number, top: Array<{ id: string, title: string, targetName: string, estimatedMonthlySavings: number | null }> } | null, recentActions: Array<{ id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null }> | null } };

export type DashResourcesQueryVariables = Exact<{
  filter?: ResourceFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DashResourcesQuery = { resources: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, failures: Array<{ provider: string, cluster: string, message: string }>, edges: Array<{ node:
        | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
        | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
        | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
        | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
        | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
        | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
        | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
        | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
        | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
        | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
        | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
        | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
        | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
        | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
        | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
        | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
       }> } };

export type DashResourceEventsSubscriptionVariables = Exact<{
  filter?: ResourceFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type DashResourceEventsSubscription = { resourceEvents: { cursor: string, type: ResourceEventType, timestamp: string, gap: { skipped: number } | null, resource:
      | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
      | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
      | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
      | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
      | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
      | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
      | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
      | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
      | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
      | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
      | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
      | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
      | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
      | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
      | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
      | { id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null }
     } };

export type DashResourceQueryVariables = Exact<{
  id: string | number;
}>;


export type DashResourceQuery = { node:
    | { actions: Array<ActionVerb>, id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null, permissions: Array<{ verb: ActionVerb, allowed: boolean, reason: string | null }>, labels: Array<{ key: string, value: string }>, usage: { cpuRequest: number | null, cpuLimit: number | null, cpuCapacity: number | null, memoryRequest: number | null, memoryLimit: number | null, memoryCapacity: number | null } | null, recommendations: { edges: Array<{ node: { id: string, type: RecommendationType, status: RecommendationStatus, statusReason: string | null, title: string, summary: string, targetId: string, targetName: string, source: RecommendationSource, sourceName: string, customType: string | null, risk: RecommendationRisk, confidence: number, estimatedMonthlySavings: number | null, current: unknown, recommended: unknown, evidence: unknown, action: unknown, createdAt: string, appliedAuditEvent: { id: string } | null } }> } | null, auditLog: { edges: Array<{ node: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } }> } | null }
    | { actions: Array<ActionVerb>, id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null, permissions: Array<{ verb: ActionVerb, allowed: boolean, reason: string | null }>, labels: Array<{ key: string, value: string }>, usage: { cpuRequest: number | null, cpuLimit: number | null, cpuCapacity: number | null, memoryRequest: number | null, memoryLimit: number | null, memoryCapacity: number | null } | null, recommendations: { edges: Array<{ node: { id: string, type: RecommendationType, status: RecommendationStatus, statusReason: string | null, title: string, summary: string, targetId: string, targetName: string, source: RecommendationSource, sourceName: string, customType: string | null, risk: RecommendationRisk, confidence: number, estimatedMonthlySavings: number | null, current: unknown, recommended: unknown, evidence: unknown, action: unknown, createdAt: string, appliedAuditEvent: { id: string } | null } }> } | null, auditLog: { edges: Array<{ node: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } }> } | null }
    | { actions: Array<ActionVerb>, desiredReplicas: number, readyReplicas: number, id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null, permissions: Array<{ verb: ActionVerb, allowed: boolean, reason: string | null }>, labels: Array<{ key: string, value: string }>, usage: { cpuRequest: number | null, cpuLimit: number | null, cpuCapacity: number | null, memoryRequest: number | null, memoryLimit: number | null, memoryCapacity: number | null } | null, recommendations: { edges: Array<{ node: { id: string, type: RecommendationType, status: RecommendationStatus, statusReason: string | null, title: string, summary: string, targetId: string, targetName: string, source: RecommendationSource, sourceName: string, customType: string | null, risk: RecommendationRisk, confidence: number, estimatedMonthlySavings: number | null, current: unknown, recommended: unknown, evidence: unknown, action: unknown, createdAt: string, appliedAuditEvent: { id: string } | null } }> } | null, auditLog: { edges: Array<{ node: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } }> } | null }
    | { actions: Array<ActionVerb>, id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null, permissions: Array<{ verb: ActionVerb, allowed: boolean, reason: string | null }>, labels: Array<{ key: string, value: string }>, usage: { cpuRequest: number | null, cpuLimit: number | null, cpuCapacity: number | null, memoryRequest: number | null, memoryLimit: number | null, memoryCapacity: number | null } | null, recommendations: { edges: Array<{ node: { id: string, type: RecommendationType, status: RecommendationStatus, statusReason: string | null, title: string, summary: string, targetId: string, targetName: string, source: RecommendationSource, sourceName: string, customType: string | null, risk: RecommendationRisk, confidence: number, estimatedMonthlySavings: number | null, current: unknown, recommended: unknown, evidence: unknown, action: unknown, createdAt: string, appliedAuditEvent: { id: string } | null } }> } | null, auditLog: { edges: Array<{ node: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } }> } | null }
    | { actions: Array<ActionVerb>, id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null, permissions: Array<{ verb: ActionVerb, allowed: boolean, reason: string | null }>, labels: Array<{ key: string, value: string }>, usage: { cpuRequest: number | null, cpuLimit: number | null, cpuCapacity: number | null, memoryRequest: number | null, memoryLimit: number | null, memoryCapacity: number | null } | null, recommendations: { edges: Array<{ node: { id: string, type: RecommendationType, status: RecommendationStatus, statusReason: string | null, title: string, summary: string, targetId: string, targetName: string, source: RecommendationSource, sourceName: string, customType: string | null, risk: RecommendationRisk, confidence: number, estimatedMonthlySavings: number | null, current: unknown, recommended: unknown, evidence: unknown, action: unknown, createdAt: string, appliedAuditEvent: { id: string } | null } }> } | null, auditLog: { edges: Array<{ node: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } }> } | null }
    | { actions: Array<ActionVerb>, id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null, permissions: Array<{ verb: ActionVerb, allowed: boolean, reason: string | null }>, labels: Array<{ key: string, value: string }>, usage: { cpuRequest: number | null, cpuLimit: number | null, cpuCapacity: number | null, memoryRequest: number | null, memoryLimit: number | null, memoryCapacity: number | null } | null, recommendations: { edges: Array<{ node: { id: string, type: RecommendationType, status: RecommendationStatus, statusReason: string | null, title: string, summary: string, targetId: string, targetName: string, source: RecommendationSource, sourceName: string, customType: string | null, risk: RecommendationRisk, confidence: number, estimatedMonthlySavings: number | null, current: unknown, recommended: unknown, evidence: unknown, action: unknown, createdAt: string, appliedAuditEvent: { id: string } | null } }> } | null, auditLog: { edges: Array<{ node: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } }> } | null }
    | { actions: Array<ActionVerb>, id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null, permissions: Array<{ verb: ActionVerb, allowed: boolean, reason: string | null }>, labels: Array<{ key: string, value: string }>, usage: { cpuRequest: number | null, cpuLimit: number | null, cpuCapacity: number | null, memoryRequest: number | null, memoryLimit: number | null, memoryCapacity: number | null } | null, recommendations: { edges: Array<{ node: { id: string, type: RecommendationType, status: RecommendationStatus, statusReason: string | null, title: string, summary: string, targetId: string, targetName: string, source: RecommendationSource, sourceName: string, customType: string | null, risk: RecommendationRisk, confidence: number, estimatedMonthlySavings: number | null, current: unknown, recommended: unknown, evidence: unknown, action: unknown, createdAt: string, appliedAuditEvent: { id: string } | null } }> } | null, auditLog: { edges: Array<{ node: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } }> } | null }
    | { actions: Array<ActionVerb>, id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null, permissions: Array<{ verb: ActionVerb, allowed: boolean, reason: string | null }>, labels: Array<{ key: string, value: string }>, usage: { cpuRequest: number | null, cpuLimit: number | null, cpuCapacity: number | null, memoryRequest: number | null, memoryLimit: number | null, memoryCapacity: number | null } | null, recommendations: { edges: Array<{ node: { id: string, type: RecommendationType, status: RecommendationStatus, statusReason: string | null, title: string, summary: string, targetId: string, targetName: string, source: RecommendationSource, sourceName: string, customType: string | null, risk: RecommendationRisk, confidence: number, estimatedMonthlySavings: number | null, current: unknown, recommended: unknown, evidence: unknown, action: unknown, createdAt: string, appliedAuditEvent: { id: string } | null } }> } | null, auditLog: { edges: Array<{ node: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } }> } | null }
    | { actions: Array<ActionVerb>, id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null, permissions: Array<{ verb: ActionVerb, allowed: boolean, reason: string | null }>, labels: Array<{ key: string, value: string }>, usage: { cpuRequest: number | null, cpuLimit: number | null, cpuCapacity: number | null, memoryRequest: number | null, memoryLimit: number | null, memoryCapacity: number | null } | null, recommendations: { edges: Array<{ node: { id: string, type: RecommendationType, status: RecommendationStatus, statusReason: string | null, title: string, summary: string, targetId: string, targetName: string, source: RecommendationSource, sourceName: string, customType: string | null, risk: RecommendationRisk, confidence: number, estimatedMonthlySavings: number | null, current: unknown, recommended: unknown, evidence: unknown, action: unknown, createdAt: string, appliedAuditEvent: { id: string } | null } }> } | null, auditLog: { edges: Array<{ node: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } }> } | null }
    | { actions: Array<ActionVerb>, id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null, permissions: Array<{ verb: ActionVerb, allowed: boolean, reason: string | null }>, labels: Array<{ key: string, value: string }>, usage: { cpuRequest: number | null, cpuLimit: number | null, cpuCapacity: number | null, memoryRequest: number | null, memoryLimit: number | null, memoryCapacity: number | null } | null, recommendations: { edges: Array<{ node: { id: string, type: RecommendationType, status: RecommendationStatus, statusReason: string | null, title: string, summary: string, targetId: string, targetName: string, source: RecommendationSource, sourceName: string, customType: string | null, risk: RecommendationRisk, confidence: number, estimatedMonthlySavings: number | null, current: unknown, recommended: unknown, evidence: unknown, action: unknown, createdAt: string, appliedAuditEvent: { id: string } | null } }> } | null, auditLog: { edges: Array<{ node: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } }> } | null }
    | { actions: Array<ActionVerb>, id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null, permissions: Array<{ verb: ActionVerb, allowed: boolean, reason: string | null }>, labels: Array<{ key: string, value: string }>, usage: { cpuRequest: number | null, cpuLimit: number | null, cpuCapacity: number | null, memoryRequest: number | null, memoryLimit: number | null, memoryCapacity: number | null } | null, recommendations: { edges: Array<{ node: { id: string, type: RecommendationType, status: RecommendationStatus, statusReason: string | null, title: string, summary: string, targetId: string, targetName: string, source: RecommendationSource, sourceName: string, customType: string | null, risk: RecommendationRisk, confidence: number, estimatedMonthlySavings: number | null, current: unknown, recommended: unknown, evidence: unknown, action: unknown, createdAt: string, appliedAuditEvent: { id: string } | null } }> } | null, auditLog: { edges: Array<{ node: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } }> } | null }
    | { actions: Array<ActionVerb>, id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null, permissions: Array<{ verb: ActionVerb, allowed: boolean, reason: string | null }>, labels: Array<{ key: string, value: string }>, usage: { cpuRequest: number | null, cpuLimit: number | null, cpuCapacity: number | null, memoryRequest: number | null, memoryLimit: number | null, memoryCapacity: number | null } | null, recommendations: { edges: Array<{ node: { id: string, type: RecommendationType, status: RecommendationStatus, statusReason: string | null, title: string, summary: string, targetId: string, targetName: string, source: RecommendationSource, sourceName: string, customType: string | null, risk: RecommendationRisk, confidence: number, estimatedMonthlySavings: number | null, current: unknown, recommended: unknown, evidence: unknown, action: unknown, createdAt: string, appliedAuditEvent: { id: string } | null } }> } | null, auditLog: { edges: Array<{ node: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } }> } | null }
    | { actions: Array<ActionVerb>, id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null, permissions: Array<{ verb: ActionVerb, allowed: boolean, reason: string | null }>, labels: Array<{ key: string, value: string }>, usage: { cpuRequest: number | null, cpuLimit: number | null, cpuCapacity: number | null, memoryRequest: number | null, memoryLimit: number | null, memoryCapacity: number | null } | null, recommendations: { edges: Array<{ node: { id: string, type: RecommendationType, status: RecommendationStatus, statusReason: string | null, title: string, summary: string, targetId: string, targetName: string, source: RecommendationSource, sourceName: string, customType: string | null, risk: RecommendationRisk, confidence: number, estimatedMonthlySavings: number | null, current: unknown, recommended: unknown, evidence: unknown, action: unknown, createdAt: string, appliedAuditEvent: { id: string } | null } }> } | null, auditLog: { edges: Array<{ node: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } }> } | null }
    | { actions: Array<ActionVerb>, desiredReplicas: number, readyReplicas: number, id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null, permissions: Array<{ verb: ActionVerb, allowed: boolean, reason: string | null }>, labels: Array<{ key: string, value: string }>, usage: { cpuRequest: number | null, cpuLimit: number | null, cpuCapacity: number | null, memoryRequest: number | null, memoryLimit: number | null, memoryCapacity: number | null } | null, recommendations: { edges: Array<{ node: { id: string, type: RecommendationType, status: RecommendationStatus, statusReason: string | null, title: string, summary: string, targetId: string, targetName: string, source: RecommendationSource, sourceName: string, customType: string | null, risk: RecommendationRisk, confidence: number, estimatedMonthlySavings: number | null, current: unknown, recommended: unknown, evidence: unknown, action: unknown, createdAt: string, appliedAuditEvent: { id: string } | null } }> } | null, auditLog: { edges: Array<{ node: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } }> } | null }
    | { actions: Array<ActionVerb>, id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null, permissions: Array<{ verb: ActionVerb, allowed: boolean, reason: string | null }>, labels: Array<{ key: string, value: string }>, usage: { cpuRequest: number | null, cpuLimit: number | null, cpuCapacity: number | null, memoryRequest: number | null, memoryLimit: number | null, memoryCapacity: number | null } | null, recommendations: { edges: Array<{ node: { id: string, type: RecommendationType, status: RecommendationStatus, statusReason: string | null, title: string, summary: string, targetId: string, targetName: string, source: RecommendationSource, sourceName: string, customType: string | null, risk: RecommendationRisk, confidence: number, estimatedMonthlySavings: number | null, current: unknown, recommended: unknown, evidence: unknown, action: unknown, createdAt: string, appliedAuditEvent: { id: string } | null } }> } | null, auditLog: { edges: Array<{ node: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } }> } | null }
    | { actions: Array<ActionVerb>, desiredReplicas: number, readyReplicas: number, id: string, provider: Provider, kind: ResourceKind, cluster: string, namespace: string | null, name: string, state: ResourceState, cpuUsage: number | null, memoryUsage: number | null, createdAt: string | null, permissions: Array<{ verb: ActionVerb, allowed: boolean, reason: string | null }>, labels: Array<{ key: string, value: string }>, usage: { cpuRequest: number | null, cpuLimit: number | null, cpuCapacity: number | null, memoryRequest: number | null, memoryLimit: number | null, memoryCapacity: number | null } | null, recommendations: { edges: Array<{ node: { id: string, type: RecommendationType, status: RecommendationStatus, statusReason: string | null, title: string, summary: string, targetId: string, targetName: string, source: RecommendationSource, sourceName: string, customType: string | null, risk: RecommendationRisk, confidence: number, estimatedMonthlySavings: number | null, current: unknown, recommended: unknown, evidence: unknown, action: unknown, createdAt: string, appliedAuditEvent: { id: string } | null } }> } | null, auditLog: { edges: Array<{ node: { id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } }> } | null }
    | Record<PropertyKey, never>
   | null };

export type DashMetricsHistoryQueryVariables = Exact<{
  targets: Array<string | number> | string | number;
  names?: Array<MetricName> | MetricName | null | undefined;
  range?: MetricRangeInput | null | undefined;
}>;


export type DashMetricsHistoryQuery = { metrics: Array<{ name: MetricName, unit: string, points: Array<{ timestamp: string, value: number }> }> | null };

export type DashMetricSamplesSubscriptionVariables = Exact<{
  targets: Array<string | number> | string | number;
  names?: Array<MetricName> | MetricName | null | undefined;
}>;


export type DashMetricSamplesSubscription = { metrics: { name: MetricName, unit: string, timestamp: string, value: number } };

export type DashRecommendationsQueryVariables = Exact<{
  filter?: RecommendationFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DashRecommendationsQuery = { recommendations: { totalCount: number, totalMonthlySavings: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, type: RecommendationType, status: RecommendationStatus, statusReason: string | null, title: string, summary: string, targetId: string, targetName: string, source: RecommendationSource, sourceName: string, customType: string | null, risk: RecommendationRisk, confidence: number, estimatedMonthlySavings: number | null, current: unknown, recommended: unknown, evidence: unknown, action: unknown, createdAt: string, appliedAuditEvent: { id: string } | null } }> } | null };

export type DashRecommendationEventsSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type DashRecommendationEventsSubscription = { recommendationEvents: { cursor: string, type: RecommendationEventType, timestamp: string, gap: { skipped: number } | null, recommendation: { id: string, status: RecommendationStatus } } };

export type DashAuditLogQueryVariables = Exact<{
  filter?: AuditLogFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DashAuditLogQuery = { auditLog: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { hash: string, prevHash: string, id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } }> } | null };

export type DashAuditEventsSubscriptionVariables = Exact<{
  filter?: AuditLogFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type DashAuditEventsSubscription = { auditEvents: { cursor: string | null, hash: string, prevHash: string, id: string, timestamp: string, actor: string, actorName: string, actorRole: Role | null, source: AuditSource, action: AuditAction, verb: ActionVerb | null, status: AuditStatus, dryRun: boolean, parameters: unknown, before: unknown, after: unknown, withheld: boolean, durationMs: number | null, gap: { skipped: number } | null, error: { code: string, message: string } | null, target: { id: string, kind: ResourceKind, namespace: string | null, name: string } | null } };

export type DashVerifyAuditQueryVariables = Exact<{ [key: string]: never; }>;


export type DashVerifyAuditQuery = { verifyAuditLog: { valid: boolean, checkedEvents: number, checkedRecords: number, firstInvalidEventId: string | null, reason: string | null } | null };

export type CostQueryVariables = Exact<{
  window: string;
  aggregate?: Array<string> | string | null | undefined;
}>;


export type CostQuery = { costAllocation:
    | { __typename: 'CostAllocation', from: string, to: string, rows: Array<{ name: string, idle: boolean, unmounted: boolean, cpuCost: number, memoryCost: number, gpuCost: number, storageCost: number | null, instanceCost: number, totalCost: number | null, efficiency: number | null, unpricedReasons: Array<string> }>, total: { totalCost: number | null } }
    | { __typename: 'UnavailableError', message: string }
    | { __typename: 'ValidationError', message: string }
  , overview: { cost: { monthToDate: number, projectedMonth: number, idleMonthToDate: number, savingsAvailableMonthly: number } | null } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const AuditRowFieldsFragmentDoc = new TypedDocumentString(`
    fragment AuditRowFields on AuditEvent {
  id
  timestamp
  actor
  actorName
  actorRole
  source
  action
  verb
  status
  dryRun
  parameters
  before
  after
  withheld
  durationMs
  error {
    code
    message
  }
  target {
    id
    kind
    namespace
    name
  }
}
    `, {"fragmentName":"AuditRowFields"}) as unknown as TypedDocumentString<AuditRowFieldsFragment, unknown>;
export const ActionOutcomeFragmentDoc = new TypedDocumentString(`
    fragment ActionOutcome on ActionResult {
  dryRun
  auditEvent {
    ...AuditRowFields
  }
}
    fragment AuditRowFields on AuditEvent {
  id
  timestamp
  actor
  actorName
  actorRole
  source
  action
  verb
  status
  dryRun
  parameters
  before
  after
  withheld
  durationMs
  error {
    code
    message
  }
  target {
    id
    kind
    namespace
    name
  }
}`, {"fragmentName":"ActionOutcome"}) as unknown as TypedDocumentString<ActionOutcomeFragment, unknown>;
export const ChatStepFieldsFragmentDoc = new TypedDocumentString(`
    fragment ChatStepFields on ChatStepOutcome {
  __typename
  index
  action
  status
  target {
    kind
    namespace
    name
  }
  ... on ChatStepFailed {
    code
    message
  }
}
    `, {"fragmentName":"ChatStepFields"}) as unknown as TypedDocumentString<ChatStepFieldsFragment, unknown>;
export const ResourceRowFieldsFragmentDoc = new TypedDocumentString(`
    fragment ResourceRowFields on Resource {
  id
  provider
  kind
  cluster
  namespace
  name
  state
  cpuUsage
  memoryUsage
  createdAt
}
    `, {"fragmentName":"ResourceRowFields"}) as unknown as TypedDocumentString<ResourceRowFieldsFragment, unknown>;
export const RecommendationRowFieldsFragmentDoc = new TypedDocumentString(`
    fragment RecommendationRowFields on Recommendation {
  id
  type
  status
  statusReason
  title
  summary
  targetId
  targetName
  source
  sourceName
  customType
  risk
  confidence
  estimatedMonthlySavings
  current
  recommended
  evidence
  action
  createdAt
  appliedAuditEvent {
    id
  }
}
    `, {"fragmentName":"RecommendationRowFields"}) as unknown as TypedDocumentString<RecommendationRowFieldsFragment, unknown>;
export const OverviewFieldsFragmentDoc = new TypedDocumentString(`
    fragment OverviewFields on Overview {
  generatedAt
  status {
    name
    state
    message
  }
  resources {
    total
    byKind {
      key
      count
    }
    byState {
      key
      count
    }
    byProvider {
      key
      count
    }
  }
  metrics {
    collectedAt
    clusters {
      cluster
      cpuUsage
      cpuRequest
      cpuCapacity
      memoryUsage
      memoryRequest
      memoryCapacity
    }
  }
  recommendations {
    count
    totalMonthlySavings
    top {
      id
      title
      targetName
      estimatedMonthlySavings
    }
  }
  recentActions {
    ...AuditRowFields
  }
}
    fragment AuditRowFields on AuditEvent {
  id
  timestamp
  actor
  actorName
  actorRole
  source
  action
  verb
  status
  dryRun
  parameters
  before
  after
  withheld
  durationMs
  error {
    code
    message
  }
  target {
    id
    kind
    namespace
    name
  }
}`, {"fragmentName":"OverviewFields"}) as unknown as TypedDocumentString<OverviewFieldsFragment, unknown>;
export const DashScaleDocument = {"__meta__":{"hash":"sha256:05aab2c042e5ce62945e0e07385bbd8ea0598fad5d4832c7bdb3adc0b8a394b5"}} as unknown as TypedDocumentString<DashScaleMutation, DashScaleMutationVariables>;
export const DashStartDocument = {"__meta__":{"hash":"sha256:c09b78a161b61313215f740904e3e532eca7b57dbeb49eefebccca3ec10e4b75"}} as unknown as TypedDocumentString<DashStartMutation, DashStartMutationVariables>;
export const DashStopDocument = {"__meta__":{"hash":"sha256:9f43ae371e8f085dddb5565d83ab95fba3d14609c4708d9ff55f41a9c4004866"}} as unknown as TypedDocumentString<DashStopMutation, DashStopMutationVariables>;
export const DashRestartDocument = {"__meta__":{"hash":"sha256:681264bedc0ccaa5d8bc551faea4a5904a2a78b5a7ee0aa444b67949fb1d374b"}} as unknown as TypedDocumentString<DashRestartMutation, DashRestartMutationVariables>;
export const DashApplyRecommendationDocument = {"__meta__":{"hash":"sha256:0fbcd0d06c34d7a4905fb804d6077e037a1df0d54e331c29e81b67634162aef6"}} as unknown as TypedDocumentString<DashApplyRecommendationMutation, DashApplyRecommendationMutationVariables>;
export const DashRejectRecommendationDocument = {"__meta__":{"hash":"sha256:c9152fc1cda0d65607b4ca6e1af0cab18e23076d710b24fca88690c0c2822e1f"}} as unknown as TypedDocumentString<DashRejectRecommendationMutation, DashRejectRecommendationMutationVariables>;
export const DashRevertDocument = {"__meta__":{"hash":"sha256:5c0a967664c3089080fab95afbad784690b8b3e0412660aa8f18a0a2e4f10b83"}} as unknown as TypedDocumentString<DashRevertMutation, DashRevertMutationVariables>;
export const DashChatDocument = {"__meta__":{"hash":"sha256:282e98fe10840aea97c311c9fd9e7c19240db36906c7fe37252dd27cd3c2d202"}} as unknown as TypedDocumentString<DashChatMutation, DashChatMutationVariables>;
export const DashConfirmChatPlanDocument = {"__meta__":{"hash":"sha256:0aec25ef1a89ca770f883a8e9d0ebde8136773986f71529e20bdcc89656f1503"}} as unknown as TypedDocumentString<DashConfirmChatPlanMutation, DashConfirmChatPlanMutationVariables>;
export const DashViewerDocument = {"__meta__":{"hash":"sha256:817363a616d0ff2c20e6270df07252a90ed64b98c9d6fa5b3655e9e047f54fe2"}} as unknown as TypedDocumentString<DashViewerQuery, DashViewerQueryVariables>;
export const DashOverviewDocument = {"__meta__":{"hash":"sha256:9bbc32d05064a9fa1d21e985f10092689a60cc57cc94b3508a9bff67922c65d3"}} as unknown as TypedDocumentString<DashOverviewQuery, DashOverviewQueryVariables>;
export const DashOverviewLiveDocument = {"__meta__":{"hash":"sha256:e6bef9e1fd730bc98452791269a65b06552fdbed84e367436d1b8b75414e63f4"}} as unknown as TypedDocumentString<DashOverviewLiveSubscription, DashOverviewLiveSubscriptionVariables>;
export const DashResourcesDocument = {"__meta__":{"hash":"sha256:713d8374f88663ce21350bbbcb52cdbe4e493e34d8e25cd2f3195948f1e66306"}} as unknown as TypedDocumentString<DashResourcesQuery, DashResourcesQueryVariables>;
export const DashResourceEventsDocument = {"__meta__":{"hash":"sha256:21eaf1787a0b8b79f6f6cae4269c85353bf4befc76101c3564a6ec0e04218b8e"}} as unknown as TypedDocumentString<DashResourceEventsSubscription, DashResourceEventsSubscriptionVariables>;
export const DashResourceDocument = {"__meta__":{"hash":"sha256:bc07c47e77f4a036fbaf6f8d16ae455b34cab6af8e20467a7c4d793555596907"}} as unknown as TypedDocumentString<DashResourceQuery, DashResourceQueryVariables>;
export const DashMetricsHistoryDocument = {"__meta__":{"hash":"sha256:48eefc806a05244a46d46a0e66dfe87d42c4b027c6997176b45adf7ab1226fd3"}} as unknown as TypedDocumentString<DashMetricsHistoryQuery, DashMetricsHistoryQueryVariables>;
export const DashMetricSamplesDocument = {"__meta__":{"hash":"sha256:7ea3bf8ae70c0b828326ac6b4db9bbd22f051d0c462bd3d46a0a5996232450bf"}} as unknown as TypedDocumentString<DashMetricSamplesSubscription, DashMetricSamplesSubscriptionVariables>;
export const DashRecommendationsDocument = {"__meta__":{"hash":"sha256:93f75586c0602f13ab8748a38ac9d0a134826c40d676c45e7a2b4817bf6f143a"}} as unknown as TypedDocumentString<DashRecommendationsQuery, DashRecommendationsQueryVariables>;
export const DashRecommendationEventsDocument = {"__meta__":{"hash":"sha256:2039bdee3866165344e381b29d29c019e3ac442d65783aa5146a8390058e405e"}} as unknown as TypedDocumentString<DashRecommendationEventsSubscription, DashRecommendationEventsSubscriptionVariables>;
export const DashAuditLogDocument = {"__meta__":{"hash":"sha256:6fca03f15e462b5fe177ec0617a17ba501d714c4d8e5fc5d2730dd992ab3d0a2"}} as unknown as TypedDocumentString<DashAuditLogQuery, DashAuditLogQueryVariables>;
export const DashAuditEventsDocument = {"__meta__":{"hash":"sha256:25292c27bf8679b9434c9902f8119f462b6106ba642d74e83e3cb9e4ffe79e0b"}} as unknown as TypedDocumentString<DashAuditEventsSubscription, DashAuditEventsSubscriptionVariables>;
export const DashVerifyAuditDocument = {"__meta__":{"hash":"sha256:e21dd965a89cd2fc2e764bb2c78ea022534173963482445672ffc018958c2abb"}} as unknown as TypedDocumentString<DashVerifyAuditQuery, DashVerifyAuditQueryVariables>;
export const CostDocument = {"__meta__":{"hash":"sha256:ead86c6cec5c5cf3d2ddeae3c6c34c79a18166dfc58baa4a889e4bb88fccfb90"}} as unknown as TypedDocumentString<CostQuery, CostQueryVariables>;