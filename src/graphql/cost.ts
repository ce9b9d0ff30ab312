import { UnavailableError, ValidationError } from '../errors.ts';
import type { CostRow } from '../cost/model.ts';
import { cpuEfficiency, efficiency, ramEfficiency, totalCost } from '../cost/rows.ts';
import type { CostAllocation, CostOverview, CostTrend, CostTrendRow } from '../cost/service.ts';
import type { Resource } from '../providers/provider.ts';
import { seesSums } from '../providers/ids.ts';
import { builder } from './builder.ts';
import { OverviewRef } from './overview.ts';
import { ProviderEnum, ResourceInterface } from './resources.ts';

const USD = 'USD';

export const CostRowRef = builder.objectRef<CostRow>('CostAllocationRow').implement({
  description:
    'What one group (an aggregate value, or idle) cost in one step. Amounts are USD; hours on ' +
    'nodes without a known price are counted in unpricedHours and left out of the amounts.',
  fields: (t) => ({
    name: t.exposeString('name', {
      description:
        'The aggregate values joined by "/"; `__idle__` for idle capacity, `__unmounted__` for volumes no pod mounted, `__unallocated__` for a missing value (e.g. no such label).',
    }),
    keys: t.field({
      type: ['String'],
      nullable: { list: false, items: true },
      description: 'One value per aggregate key, in the order asked; null where a row has none.',
      resolve: (r) => r.values,
    }),
    provider: t.field({
      type: ProviderEnum,
      description:
        'KUBERNETES for pods and idle, AWS for EC2 instances, EBS volumes and RDS instances.',
      resolve: (r) => r.provider,
    }),
    start: t.field({
      type: 'DateTime',
      description: 'Start of the step.',
      resolve: (r) => new Date(r.start),
    }),
    end: t.field({
      type: 'DateTime',
      description: 'End of the step (exclusive).',
      resolve: (r) => new Date(r.end),
    }),
    idle: t.exposeBoolean('idle', {
      description:
        'Node cost no pod was allocated (node cost − allocated), per cluster or per node.',
    }),
    hours: t.exposeFloat('hours', {
      description:
        'Container-hours (pod-hours for a pod collected before its containers were; node-hours for idle; resource-hours for AWS rows).',
    }),
    cpuRequestCoreHours: t.exposeFloat('cpuRequestCoreHours', {
      description: 'Core-hours requested.',
    }),
    cpuUsageCoreHours: t.exposeFloat('cpuUsageCoreHours', {
      description: 'Core-hours used (mean usage × hours).',
    }),
    memoryRequestGibHours: t.exposeFloat('ramRequestGibHours', {
      description: 'GiB-hours requested.',
    }),
    memoryUsageGibHours: t.exposeFloat('ramUsageGibHours', {
      description: 'GiB-hours of working set.',
    }),
    cpuCost: t.exposeFloat('cpuCost', {
      description:
        'max(request, usage) core-hours × the node’s CPU rate (negative idle means usage beyond allocatable).',
    }),
    memoryCost: t.exposeFloat('ramCost', {
      description: 'max(request, usage) GiB-hours × the node’s memory rate.',
    }),
    gpuCost: t.exposeFloat('gpuCost', {
      description: 'GPUs requested × hours × the node’s GPU rate.',
    }),
    storageCost: t.float({
      nullable: true,
      description:
        'PersistentVolumes the row’s pods mount (or, on an `__unmounted__` row, that none mounted): GiB × hours × the GiB-hour price; EBS volumes on AWS rows (size × GiB-month price). Null when every volume behind it has no price (unpricedReasons says so).',
      resolve: (r) => (r.unpricedStorageGibHours > 0 && r.storageCost === 0 ? null : r.storageCost),
    }),
    unpricedStorageGibHours: t.exposeFloat('unpricedStorageGibHours', {
      description: 'PersistentVolume GiB-hours without a price: not in storageCost.',
    }),
    unmounted: t.boolean({
      description:
        'PersistentVolume cost no running pod mounted (`__unmounted__`: unclaimed, or claimed by no running pod), by cluster and claim namespace.',
      resolve: (r) => r.unmounted ?? false,
    }),
    instanceCost: t.exposeFloat('instanceCost', {
      description:
        'AWS EC2 and RDS instance hours at their list price (not split into CPU and memory).',
    }),
    sharedIdleCost: t.exposeFloat('sharedIdleCost', {
      description:
        'With shareIdle: this row’s share of idle, in proportion to its CPU, memory and GPU cost.',
    }),
    totalCost: t.float({
      nullable: true,
      description: 'Sum of the costs above; null when every hour behind the row is unpriced.',
      resolve: (r) => totalCost(r),
    }),
    cpuEfficiency: t.float({
      nullable: true,
      description: 'CPU usage ÷ request; null without requests.',
      resolve: (r) => cpuEfficiency(r),
    }),
    memoryEfficiency: t.float({
      nullable: true,
      description: 'Memory usage ÷ request; null without requests.',
      resolve: (r) => ramEfficiency(r),
    }),
    efficiency: t.float({
      nullable: true,
      description:
        'Cost-weighted usage ÷ request over CPU and memory (OpenCost’s total efficiency).',
      resolve: (r) => efficiency(r),
    }),
    unpricedHours: t.exposeFloat('unpricedHours', {
      description: 'Hours on nodes (or AWS resources) whose price is unknown: not in the amounts.',
    }),
    unpricedReasons: t.exposeStringList('unpricedReasons', {
      description: 'Why those prices are unknown (e.g. "no on-demand price tabled for x in y").',
    }),
  }),
});

const CostAllocationRef = builder.objectRef<CostAllocation>('CostAllocation').implement({
  description:
    'Cost by group and step over a window, OpenCost’s model: workload cost = max(request, usage) × hours × the node’s rate; idle = node cost − allocated.',
  fields: (t) => ({
    from: t.field({
      type: 'DateTime',
      description: 'Inclusive; the start of the window as resolved.',
      resolve: (a) => new Date(a.window.from),
    }),
    to: t.field({
      type: 'DateTime',
      description: 'Exclusive; the end of the last complete hour.',
      resolve: (a) => new Date(a.window.to),
    }),
    stepSeconds: t.int({
      description: 'Length of each step.',
      resolve: (a) => a.window.stepMs / 1000,
    }),
    aggregate: t.stringList({
      description: 'The aggregate keys, as validated.',
      resolve: (a) => a.aggregate,
    }),
    currency: t.string({ description: 'Always USD.', resolve: () => USD }),
    rows: t.field({
      type: [CostRowRef],
      description: 'By step, then by total cost (highest first); idle rows unless shareIdle.',
      resolve: (a) => a.rows,
    }),
    total: t.field({ type: CostRowRef, description: 'Every row summed.', resolve: (a) => a.total }),
  }),
});

const CostLabelInput = builder.inputType('CostLabelInput', {
  description: 'A label (a tag for AWS rows) that must have this value.',
  fields: (t) => ({
    key: t.string({ required: true, description: 'The label (or tag) key, e.g. `team`.' }),
    value: t.string({ required: true, description: 'The value it must have (exact).' }),
  }),
});

const list = { required: false } as const;

const CostFilterInput = builder.inputType('CostFilterInput', {
  description:
    'Narrows the pods (and AWS resources) counted; values ORed within a list, lists ANDed. Idle stays the whole cluster’s (or node’s): only clusters and nodes narrow it.',
  fields: (t) => ({
    clusters: t.stringList({
      ...list,
      description: 'Kubernetes contexts; AWS regions for AWS rows.',
    }),
    nodes: t.stringList({ ...list, description: 'Node names.' }),
    namespaces: t.stringList({ ...list, description: 'Namespace names (exact).' }),
    controllerKinds: t.stringList({
      ...list,
      description: 'deployment, statefulset, daemonset, job, replicaset, …',
    }),
    controllers: t.stringList({ ...list, description: '`kind:name`, e.g. `deployment:checkout`.' }),
    pods: t.stringList({ ...list, description: '`namespace/name`.' }),
    containers: t.stringList({
      ...list,
      description: 'Container names as in the pod spec (e.g. `app`).',
    }),
    labels: t.field({
      type: [CostLabelInput],
      required: false,
      description: 'Labels (tags for AWS rows) that must all have these values.',
    }),
  }),
});

const WINDOW =
  '`24h` (last complete hours), `7d` or `30d` (UTC days, today so far included), `today`, `month`, or `from,to` in RFC 3339.';
const AGGREGATE =
  'Up to 4 of cluster, node, namespace, controllerKind, controller, pod, container, label:<key>; none: one row per provider.';
const FILTER = 'Which pods and AWS resources to count; all when absent.';
const SHARE_IDLE =
  'Spread idle over the rows in proportion to their cost instead of an `__idle__` row.';

const CostTrendRowRef = builder.objectRef<CostTrendRow>('CostTrendRow').implement({
  description: 'One group’s cost in the window and in the window of the same length before it.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'As in CostAllocationRow.name.' }),
    current: t.exposeFloat('current', { description: 'USD in the window.' }),
    previous: t.exposeFloat('previous', { description: 'USD in the window before.' }),
    change: t.float({
      description: 'current − previous, USD.',
      resolve: (r) => r.current - r.previous,
    }),
    changeRatio: t.float({
      nullable: true,
      description: '(current − previous) ÷ previous; null when previous is 0.',
      resolve: (r) => (r.previous !== 0 ? (r.current - r.previous) / r.previous : null),
    }),
  }),
});

const CostTrendRef = builder.objectRef<CostTrend>('CostTrend').implement({
  description: 'Cost per group in a window against the window of the same length just before it.',
  fields: (t) => ({
    from: t.field({
      type: 'DateTime',
      description: 'Start of the window (inclusive).',
      resolve: (x) => new Date(x.current.from),
    }),
    to: t.field({
      type: 'DateTime',
      description: 'End of the window (exclusive).',
      resolve: (x) => new Date(x.current.to),
    }),
    previousFrom: t.field({
      type: 'DateTime',
      description: 'Start of the window before; it ends at `from`.',
      resolve: (x) => new Date(x.previous.from),
    }),
    rows: t.field({
      type: [CostTrendRowRef],
      description: 'Highest current cost first.',
      resolve: (x) => x.rows,
    }),
  }),
});

const errors = (name: string) => ({
  types: [ValidationError, UnavailableError],
  directResult: true,
  union: {
    name,
    description:
      'The answer, or why there is none: a bad window, aggregate or filter (ValidationError), or no usage history to cost (UnavailableError).',
  },
});

builder.queryFields((t) => ({
  costAllocation: t.field({
    type: CostAllocationRef,
    errors: errors('CostAllocationResult'),
    description:
      'What each group cost over a window, cut into steps: pods by cluster, node, namespace, controller, pod, container or label (any combination), AWS resources by region and tag beside them, and idle.',
    args: {
      window: t.arg.string({ required: true, description: WINDOW }),
      aggregate: t.arg.stringList({ required: false, description: AGGREGATE }),
      filter: t.arg({ type: CostFilterInput, required: false, description: FILTER }),
      shareIdle: t.arg.boolean({ required: false, defaultValue: false, description: SHARE_IDLE }),
      step: t.arg.string({ required: false, description: 'e.g. `1h`, `1d`; none: one step.' }),
    },
    resolve: (_root, args, ctx) => ctx.services.cost.allocation(args, ctx.scope),
  }),
  costTrend: t.field({
    type: CostTrendRef,
    errors: errors('CostTrendResult'),
    description: 'Each group’s cost over a window against the window of the same length before it.',
    args: {
      window: t.arg.string({ required: true, description: WINDOW }),
      aggregate: t.arg.stringList({ required: false, description: AGGREGATE }),
      filter: t.arg({ type: CostFilterInput, required: false, description: FILTER }),
      shareIdle: t.arg.boolean({ required: false, defaultValue: false, description: SHARE_IDLE }),
    },
    resolve: (_root, args, ctx) => ctx.services.cost.trend(args, ctx.scope),
  }),
}));

interface CostKey {
  resource: Resource;
  window: string;
}

builder.interfaceField(ResourceInterface, 'cost', (t) =>
  t.loadable({
    type: CostRowRef,
    nullable: true,
    description:
      'What this resource cost over a window (namespace, node incl. its idle, pod, workload, PersistentVolume (its GiB-hours × its price), PersistentVolumeClaim (the hours a volume was bound to it), EC2/EBS/RDS); null for kinds without a cost of their own.',
    args: { window: t.arg.string({ required: true, defaultValue: '7d', description: WINDOW }) },
    // Every resource of a page with the same window: one allocation per kind of resource.
    resolve: (r, args) => ({ resource: r, window: args.window }),
    loaderOptions: { cacheKeyFn: (k: CostKey) => `${k.window}\u0000${k.resource.id}` },
    load: async (keys: CostKey[], ctx) => {
      const byWindow = new Map<string, number[]>();
      keys.forEach((k, i) => byWindow.set(k.window, [...(byWindow.get(k.window) ?? []), i]));
      const out: (CostRow | null | Error)[] = new Array<CostRow | null | Error>(keys.length);
      await Promise.all(
        [...byWindow].map(async ([window, indexes]) => {
          const rows = await ctx.services.cost
            .resourceCosts(
              indexes.map((i) => (keys[i] as CostKey).resource),
              window,
            )
            .catch((err: unknown) => indexes.map(() => err as Error));
          // A namespace whose pods the viewer may not list shows no cost of theirs.
          indexes.forEach((i, j) => {
            const r = (keys[i] as CostKey).resource;
            out[i] = seesSums(ctx.scope, r) ? (rows[j] ?? null) : null;
          });
        }),
      );
      return out;
    },
  }),
);

const CostOverviewRef = builder.objectRef<CostOverview>('CostOverview').implement({
  description: 'Spending this month (USD), all clusters and AWS regions.',
  fields: (t) => ({
    monthToDate: t.exposeFloat('monthToDate', {
      description: 'Complete hours of this month, idle included.',
    }),
    projectedMonth: t.exposeFloat('projectedMonth', {
      description: 'monthToDate at its hourly rate over the whole month.',
    }),
    idleMonthToDate: t.exposeFloat('idleMonthToDate', {
      description: 'The part of monthToDate no pod was allocated.',
    }),
    savingsAvailableMonthly: t.exposeFloat('savingsAvailableMonthly', {
      description: 'Sum of the OPEN recommendations’ estimated monthly savings.',
    }),
    unpricedHours: t.exposeFloat('unpricedHours', {
      description: 'Hours left out for want of a price.',
    }),
  }),
});

builder.objectField(OverviewRef, 'cost', (t) =>
  t.field({
    type: CostOverviewRef,
    nullable: true,
    description:
      'Month to date, projected month, idle, savings available; null when the cost store fails.',
    resolve: (_o, _args, ctx) => ctx.services.cost.overview(ctx.scope),
  }),
);
