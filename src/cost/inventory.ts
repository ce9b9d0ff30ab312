import { resourceId } from '../providers/kubernetes/kinds.ts';
import type { KubernetesProvider } from '../providers/kubernetes/provider.ts';
import { parseQuantity } from '../providers/kubernetes/quantity.ts';
import type { KubeResource } from '../providers/kubernetes/store.ts';
import type { KubeNode, PersistentVolume, Pod } from '../providers/kubernetes/types.ts';
import { HOUR, MINUTE } from '../metrics/rollups.ts';
import type { Database } from '../store/database.ts';
import { containerTargetId } from '../metrics/aggregate.ts';
import { ebsClassType, GIB, type ClassVolumeType, type PriceBook } from './prices.ts';

/** Where a pod sits, for allocation: kept after the pod is gone, as its rollups are. */
export interface PodPlace {
  targetId: string;
  cluster: string;
  namespace: string;
  name: string;
  nodeId: string | null;
  controllerKind: string | null;
  controllerName: string | null;
  labels: Record<string, string>;
  gpus: number;
  /** The pod's containers and the GPUs each requests (cost's grain). */
  containers?: { name: string; gpus: number }[];
  /** The PersistentVolumeClaims it mounts (names in its namespace). */
  claims?: string[];
}

/** A PersistentVolume, its size and the claim bound to it (Bound only). */
export interface VolumeSpec {
  targetId: string;
  cluster: string;
  name: string;
  labels: Record<string, string>;
  storageClass: string | undefined;
  /** The EBS type its StorageClass provisions, when the class is known and is EBS. */
  classType?: ClassVolumeType | undefined;
  bytes: number;
  claim: { namespace: string; name: string } | null;
}

/** A PersistentVolume as cost allocation sees it, its StorageClass read from `kube`. */
export function volumeSpecOf(
  v: KubeResource,
  kube?: Pick<KubernetesProvider, 'storageClass'>,
): VolumeSpec {
  const pv = v.object as PersistentVolume;
  const ref = pv.spec?.claimRef;
  const sc = pv.spec?.storageClassName || undefined;
  return {
    targetId: v.id,
    cluster: v.cluster,
    name: v.name,
    labels: { ...v.labels },
    storageClass: sc,
    classType: sc ? ebsClassType(kube?.storageClass(v.cluster, sc)) : undefined,
    bytes: parseQuantity(pv.spec?.capacity?.storage) ?? 0,
    claim:
      pv.status?.phase === 'Bound' && ref?.name
        ? { namespace: ref.namespace ?? '', name: ref.name }
        : null,
  };
}

/** A node's capacity and labels; its price is looked up when it is recorded. */
export interface NodeSpec {
  targetId: string;
  cluster: string;
  name: string;
  labels: Record<string, string>;
  cpuCores: number;
  memoryBytes: number;
  gpus: number;
  providerId?: string | undefined;
}

const GPU_RESOURCES = ['nvidia.com/gpu', 'amd.com/gpu'];
const ROWS_PER_STATEMENT = 2000;

const gpusOf = (list: Record<string, string> | undefined) =>
  GPU_RESOURCES.reduce((a, k) => a + (parseQuantity(list?.[k]) ?? 0), 0);

/** A node's labels and allocatable capacity, as its price is looked up by. */
export function nodeSpecOf(n: KubeResource): NodeSpec {
  const node = n.object as KubeNode;
  const alloc = node.status?.allocatable;
  return {
    targetId: n.id,
    cluster: n.cluster,
    name: n.name,
    labels: { ...n.labels },
    cpuCores: parseQuantity(alloc?.cpu) ?? 0,
    memoryBytes: parseQuantity(alloc?.memory) ?? 0,
    gpus: gpusOf(alloc),
    providerId: node.spec?.providerID,
  };
}

/**
 * Records which node, controller and labels each pod has and what each node costs
 * (cost_pods, cost_nodes), writing only what changed since the last call.
 */
export class CostInventory {
  private readonly db: Database;
  private readonly prices: PriceBook;
  /** The last row written per target, so an unchanged pod or node is not written again. */
  private readonly written = new Map<string, string>();
  /** Targets in the last full record; those gone since are forgotten (bounded memory). */
  private present = new Set<string>();

  constructor(db: Database, prices: PriceBook) {
    this.db = db;
    this.prices = prices;
  }

  /** Everything the watch caches know now. */
  async recordFrom(kube: KubernetesProvider, now = Date.now()): Promise<void> {
    const nodes = kube.store.list({ kinds: ['NODE'] }).map(nodeSpecOf);
    const pods: PodPlace[] = [];
    for (const p of kube.store.list({ kinds: ['POD'] })) {
      const spec = (p.object as Pod).spec;
      const top = kube.topOwner(p);
      // Owners we do not watch (Jobs, custom controllers) are named from the reference.
      const ref = p.object.metadata.ownerReferences?.find((o) => o.controller);
      pods.push({
        targetId: p.id,
        cluster: p.cluster,
        namespace: p.namespace ?? '',
        name: p.name,
        nodeId: spec?.nodeName ? resourceId(p.cluster, 'NODE', null, spec.nodeName) : null,
        controllerKind: top ? top.kind.toLowerCase() : (ref?.kind.toLowerCase() ?? null),
        controllerName: top ? top.name : (ref?.name ?? null),
        labels: { ...p.labels },
        gpus: (spec?.containers ?? []).reduce((a, c) => a + gpusOf(c.resources?.requests), 0),
        containers: (spec?.containers ?? []).map((c) => ({
          name: c.name,
          gpus: gpusOf(c.resources?.requests),
        })),
        claims: (spec?.volumes ?? []).flatMap((v) =>
          v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : [],
        ),
      });
    }
    const volumes = kube.store
      .list({ kinds: ['PERSISTENT_VOLUME'] })
      .map((v) => volumeSpecOf(v, kube));
    await this.prices.refreshSpot(nodes);
    await this.recordNodes(nodes, now);
    await this.recordPods(pods, now);
    await this.recordVolumes(volumes, now);
    const present = new Set([...nodes, ...pods, ...volumes].map((x) => x.targetId));
    for (const p of pods) {
      for (const c of p.containers ?? []) present.add(containerTargetId(p.targetId, c.name));
    }
    for (const id of this.present) if (!present.has(id)) this.written.delete(id);
    this.present = present;
  }

  async recordNodes(nodes: NodeSpec[], now = Date.now()): Promise<void> {
    const rows = this.changed(
      nodes.map((n) => {
        const r = this.prices.node(n);
        return {
          id: n.targetId,
          cluster: n.cluster,
          name: n.name,
          labels: n.labels,
          cpu: n.cpuCores,
          mem: n.memoryBytes,
          gpus: n.gpus,
          hourly: r.known ? r.hourly : null,
          cpu_rate: r.known ? r.cpuCoreHour : null,
          ram_rate: r.known ? r.memoryGibHour : null,
          gpu_rate: r.known ? r.gpuHour : null,
          source: r.known ? r.source : null,
          reason: r.known ? null : r.reason,
        };
      }),
    );
    await this.write(
      rows,
      `INSERT INTO cost_nodes (target_id, cluster, name, labels, cpu_cores, memory_bytes, gpus,
              hourly, cpu_rate, ram_rate, gpu_rate, price_source, price_reason, seen_at)
       SELECT x.id, x.cluster, x.name, x.labels, x.cpu, x.mem, x.gpus, x.hourly, x.cpu_rate,
              x.ram_rate, x.gpu_rate, x.source, x.reason, $2::timestamptz
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, cluster text, name text, labels jsonb,
              cpu float8, mem float8, gpus float8, hourly float8, cpu_rate float8, ram_rate float8,
              gpu_rate float8, source text, reason text)
       ON CONFLICT (target_id) DO UPDATE SET labels = EXCLUDED.labels,
         cpu_cores = EXCLUDED.cpu_cores, memory_bytes = EXCLUDED.memory_bytes, gpus = EXCLUDED.gpus,
         hourly = EXCLUDED.hourly, cpu_rate = EXCLUDED.cpu_rate, ram_rate = EXCLUDED.ram_rate,
         gpu_rate = EXCLUDED.gpu_rate, price_source = EXCLUDED.price_source,
         price_reason = EXCLUDED.price_reason, seen_at = EXCLUDED.seen_at`,
      now,
    );
  }

  async recordPods(pods: PodPlace[], now = Date.now()): Promise<void> {
    const rows = this.changed(
      pods.map((p) => ({
        id: p.targetId,
        cluster: p.cluster,
        ns: p.namespace,
        name: p.name,
        node: p.nodeId,
        ck: p.controllerKind,
        cn: p.controllerName,
        labels: p.labels,
        gpus: p.gpus,
        claims: p.claims ?? [],
      })),
    );
    await this.write(
      rows,
      `INSERT INTO cost_pods (target_id, cluster, namespace, name, node_id, controller_kind,
              controller_name, labels, gpus, seen_at, claims)
       SELECT x.id, x.cluster, x.ns, x.name, x.node, x.ck, x.cn, x.labels, x.gpus, $2::timestamptz,
              x.claims
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, cluster text, ns text, name text,
              node text, ck text, cn text, labels jsonb, gpus float8, claims text[])
       ON CONFLICT (target_id) DO UPDATE SET node_id = coalesce(EXCLUDED.node_id, cost_pods.node_id),
         controller_kind = EXCLUDED.controller_kind, controller_name = EXCLUDED.controller_name,
         labels = EXCLUDED.labels, gpus = EXCLUDED.gpus, seen_at = EXCLUDED.seen_at,
         claims = EXCLUDED.claims`,
      now,
    );
    const containers = this.changed(
      pods.flatMap((p) =>
        (p.containers ?? []).map((c) => ({
          id: containerTargetId(p.targetId, c.name),
          pod: p.targetId,
          name: c.name,
          gpus: c.gpus,
        })),
      ),
    );
    await this.write(
      containers,
      `INSERT INTO cost_containers (target_id, pod_id, name, gpus, seen_at)
       SELECT x.id, x.pod, x.name, x.gpus, $2::timestamptz
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, pod text, name text, gpus float8)
       ON CONFLICT (target_id) DO UPDATE SET gpus = EXCLUDED.gpus, seen_at = EXCLUDED.seen_at`,
      now,
    );
  }

  /**
   * Each volume's size and price (when changed), and that it existed in the minute `now`
   * falls in: a bit per minute of its hour, with the claim bound to it then.
   */
  async recordVolumes(volumes: VolumeSpec[], now = Date.now()): Promise<void> {
    const rows = this.changed(
      volumes.map((v) => {
        const r = this.prices.volume(v);
        return {
          id: v.targetId,
          cluster: v.cluster,
          name: v.name,
          sc: v.storageClass ?? null,
          gib: v.bytes / GIB,
          rate: r.known ? r.gibHour : null,
          source: r.known ? r.source : null,
          reason: r.known ? null : r.reason,
        };
      }),
    );
    await this.write(
      rows,
      `INSERT INTO cost_volumes (target_id, cluster, name, storage_class, gib, gib_hour_rate,
              price_source, price_reason, seen_at)
       SELECT x.id, x.cluster, x.name, x.sc, x.gib, x.rate, x.source, x.reason, $2::timestamptz
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, cluster text, name text, sc text,
              gib float8, rate float8, source text, reason text)
       ON CONFLICT (target_id) DO UPDATE SET storage_class = EXCLUDED.storage_class,
         gib = EXCLUDED.gib, gib_hour_rate = EXCLUDED.gib_hour_rate,
         price_source = EXCLUDED.price_source, price_reason = EXCLUDED.price_reason,
         seen_at = EXCLUDED.seen_at`,
      now,
    );
    if (!volumes.length) return;
    const hour = Math.floor(now / HOUR) * HOUR;
    const bit = 2n ** BigInt(Math.floor((now - hour) / MINUTE));
    await this.db.query(
      `INSERT INTO cost_volume_hours (bucket, volume_id, claim_namespace, claim_name, minutes)
       SELECT $2::timestamptz, x.id, x.ns, x.claim, $3::bigint
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, ns text, claim text)
       ON CONFLICT (bucket, volume_id) DO UPDATE SET
         claim_namespace = EXCLUDED.claim_namespace, claim_name = EXCLUDED.claim_name,
         minutes = cost_volume_hours.minutes | EXCLUDED.minutes`,
      [
        JSON.stringify(
          volumes.map((v) => ({
            id: v.targetId,
            ns: v.claim?.namespace ?? null,
            claim: v.claim?.name ?? null,
          })),
        ),
        new Date(hour).toISOString(),
        bit.toString(),
      ],
    );
  }

  private changed<T extends { id: string }>(rows: T[]): T[] {
    const out: T[] = [];
    for (const r of rows) {
      const key = JSON.stringify(r);
      if (this.written.get(r.id) === key) continue;
      out.push(r);
    }
    return out;
  }

  private async write(rows: { id: string }[], sql: string, now: number): Promise<void> {
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
      await this.db.query(sql, [JSON.stringify(chunk), new Date(now).toISOString()]);
      for (const r of chunk) this.written.set(r.id, JSON.stringify(r));
    }
  }
}
