import type { ResourceKind, ResourceState } from '../providers/provider.ts';
import type { TemplateName } from './intents.ts';

/** Words for kinds, singular and plural, with the abbreviations kubectl users type. */
export const KIND_WORDS: Record<string, ResourceKind> = {
  deployment: 'DEPLOYMENT',
  deployments: 'DEPLOYMENT',
  deploy: 'DEPLOYMENT',
  deploys: 'DEPLOYMENT',
  statefulset: 'STATEFULSET',
  statefulsets: 'STATEFULSET',
  sts: 'STATEFULSET',
  daemonset: 'DAEMONSET',
  daemonsets: 'DAEMONSET',
  ds: 'DAEMONSET',
  replicaset: 'REPLICASET',
  replicasets: 'REPLICASET',
  rs: 'REPLICASET',
  pod: 'POD',
  pods: 'POD',
  po: 'POD',
  container: 'POD',
  containers: 'POD',
  node: 'NODE',
  nodes: 'NODE',
  service: 'SERVICE',
  services: 'SERVICE',
  svc: 'SERVICE',
  namespace: 'NAMESPACE',
  namespaces: 'NAMESPACE',
  hpa: 'HORIZONTAL_POD_AUTOSCALER',
  hpas: 'HORIZONTAL_POD_AUTOSCALER',
  autoscaler: 'HORIZONTAL_POD_AUTOSCALER',
  autoscalers: 'HORIZONTAL_POD_AUTOSCALER',
  pv: 'PERSISTENT_VOLUME',
  pvs: 'PERSISTENT_VOLUME',
  pvc: 'PERSISTENT_VOLUME_CLAIM',
  pvcs: 'PERSISTENT_VOLUME_CLAIM',
  instance: 'EC2_INSTANCE',
  instances: 'EC2_INSTANCE',
  ec2: 'EC2_INSTANCE',
  vm: 'EC2_INSTANCE',
  vms: 'EC2_INSTANCE',
  volume: 'EBS_VOLUME',
  volumes: 'EBS_VOLUME',
  ebs: 'EBS_VOLUME',
  disk: 'EBS_VOLUME',
  disks: 'EBS_VOLUME',
  rds: 'RDS_INSTANCE',
  database: 'RDS_INSTANCE',
  databases: 'RDS_INSTANCE',
  db: 'RDS_INSTANCE',
  asg: 'AUTO_SCALING_GROUP',
  asgs: 'AUTO_SCALING_GROUP',
};

/** Multi-word kind phrases, replaced by a single kind word before anything else. */
export const KIND_PHRASES: [RegExp, string][] = [
  [/\bstateful ?sets?\b/g, 'statefulset'],
  [/\bdaemon ?sets?\b/g, 'daemonset'],
  [/\breplica ?sets\b/g, 'replicasets'],
  [/\bauto ?scaling groups?\b/g, 'asg'],
  [/\bec2 instances?\b/g, 'ec2'],
  [/\brds instances?\b/g, 'rds'],
  [/\bebs volumes?\b/g, 'ebs'],
  [/\bpod autoscalers?\b/g, 'hpa'],
];

/** Words that mean "workloads", i.e. any of the kinds that run pods by a controller. */
export const WORKLOAD_WORDS = new Set([
  'workload',
  'workloads',
  'app',
  'apps',
  'application',
  'applications',
]);

export const STATE_WORDS: Record<string, ResourceState> = {
  failed: 'FAILED',
  failing: 'FAILED',
  crashing: 'FAILED',
  crashlooping: 'FAILED',
  broken: 'FAILED',
  erroring: 'FAILED',
  pending: 'PENDING',
  waiting: 'PENDING',
  unscheduled: 'PENDING',
  running: 'RUNNING',
  healthy: 'RUNNING',
  stopped: 'STOPPED',
  idle: 'STOPPED',
  degraded: 'DEGRADED',
  unhealthy: 'DEGRADED',
  terminating: 'TERMINATING',
  completed: 'SUCCEEDED',
  succeeded: 'SUCCEEDED',
};

export const METRIC_WORDS: Record<string, 'cpu' | 'memory' | 'network'> = {
  cpu: 'cpu',
  cpus: 'cpu',
  processor: 'cpu',
  compute: 'cpu',
  cores: 'cpu',
  memory: 'memory',
  mem: 'memory',
  ram: 'memory',
  network: 'network',
  bandwidth: 'network',
  traffic: 'network',
};

export const TEMPLATE_WORDS: Record<string, TemplateName> = {
  redis: 'redis',
  postgres: 'postgres',
  postgresql: 'postgres',
  pg: 'postgres',
  nginx: 'nginx',
};

/** Verbs and other words worth correcting when misspelled (never resource names). */
export const KEYWORDS = [
  'scale',
  'resize',
  'replicas',
  'replica',
  'increase',
  'decrease',
  'restart',
  'reboot',
  'bounce',
  'delete',
  'remove',
  'destroy',
  'terminate',
  'start',
  'stop',
  'pause',
  'resume',
  'shutdown',
  'cordon',
  'uncordon',
  'revert',
  'undo',
  'rollback',
  'create',
  'deploy',
  'launch',
  'provision',
  'install',
  'list',
  'show',
  'display',
  'describe',
  'details',
  'status',
  'health',
  'overview',
  'summary',
  'recommendations',
  'recommendation',
  'suggestions',
  'savings',
  'audit',
  'history',
  'memory',
  'namespace',
  'help',
  'apply',
  'reject',
  'dismiss',
  'image',
  'cluster',
  'label',
  'labelled',
  'labeled',
  'scaled',
  'restarted',
  'deleted',
  'stopped',
  'started',
  'redeploy',
  'recycle',
  'bounce',
  'rollout',
  ...Object.keys(KIND_WORDS).filter((w) => w.length >= 4),
  ...Object.keys(STATE_WORDS),
  ...Object.keys(TEMPLATE_WORDS).filter((w) => w.length >= 4),
];

/** Words that never name a resource. */
export const FILLER = new Set(
  `the a an please pls plz can could would will you me my our us i we to of for on in at with all
  every each some any now right just quickly kindly is are be was were its it what whats which how
  much many those these there here thanks thank hey hi ok okay go ahead lets let want need like
  should do does did make get set currently so and or up down by from then also too one ones
  named called current currently existing thing stuff guy whole entire again back off out into
  replicas replica copies copy pods instances more fewer less number count total using use used
  have has had being been that this them same over last past during within across onto instead
  s t don dont isn about only exactly around things`
    .split(/\s+/)
    .filter(Boolean),
);

/** Periods as ISO 8601 durations. */
export function periodOf(text: string): string | undefined {
  const m =
    /\b(?:last|past|previous|over(?: the)?(?: last| past)?|in the last|for the last)\s+(?:(\d{1,4}|an?|one|two|three|six|twelve|twenty-four|24|seven|thirty)\s+)?(minute|min|hour|hr|day|week|month)s?\b/.exec(
      text,
    );
  if (m) {
    const words: Record<string, number> = {
      a: 1,
      an: 1,
      one: 1,
      two: 2,
      three: 3,
      six: 6,
      seven: 7,
      twelve: 12,
      'twenty-four': 24,
      thirty: 30,
    };
    const raw = m[1];
    const n = raw === undefined ? 1 : (words[raw] ?? Number(raw));
    switch (m[2]) {
      case 'minute':
      case 'min':
        return `PT${n}M`;
      case 'hour':
      case 'hr':
        return `PT${n}H`;
      case 'day':
        return `P${n}D`;
      case 'week':
        return `P${n * 7}D`;
      default:
        return `P${n * 30}D`;
    }
  }
  if (/\btoday\b/.test(text)) return 'P1D';
  if (/\bthis week\b/.test(text)) return 'P7D';
  if (/\byesterday\b/.test(text)) return 'P2D';
  return undefined;
}
