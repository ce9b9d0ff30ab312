// The parts of Kubernetes objects we read, as the API server sends them (raw JSON: times are
// RFC 3339 strings). Everything is optional where the API allows it to be absent.

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid: string;
  resourceVersion?: string;
  generation?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  creationTimestamp?: string;
  deletionTimestamp?: string;
  managedFields?: unknown;
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
}

export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

export type Quantities = Record<string, string>;

export interface ContainerSpec {
  name: string;
  image?: string;
  resources?: { requests?: Quantities; limits?: Quantities };
}

export interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: { containers?: ContainerSpec[]; initContainers?: ContainerSpec[] };
}

export interface ContainerStatus {
  name: string;
  image?: string;
  ready: boolean;
  restartCount: number;
  state?: {
    waiting?: { reason?: string; message?: string };
    running?: { startedAt?: string };
    terminated?: { reason?: string; exitCode?: number; message?: string };
  };
}

export interface Pod extends KubeObject {
  spec?: {
    nodeName?: string;
    containers?: ContainerSpec[];
    initContainers?: ContainerSpec[];
    volumes?: { name: string; persistentVolumeClaim?: { claimName: string } }[];
  };
  status?: {
    phase?: string;
    reason?: string;
    message?: string;
    podIP?: string;
    hostIP?: string;
    qosClass?: string;
    startTime?: string;
    conditions?: Condition[];
    containerStatuses?: ContainerStatus[];
    initContainerStatuses?: ContainerStatus[];
  };
}

export interface LabelSelectorSpec {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** Deployment, StatefulSet, ReplicaSet and DaemonSet share these. */
export interface Workload extends KubeObject {
  spec?: {
    replicas?: number;
    selector?: LabelSelectorSpec;
    template?: PodTemplate;
    strategy?: { type?: string };
    updateStrategy?: { type?: string };
    paused?: boolean;
  };
  status?: {
    replicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    updatedReplicas?: number;
    currentReplicas?: number;
    observedGeneration?: number;
    conditions?: Condition[];
    // DaemonSet
    desiredNumberScheduled?: number;
    currentNumberScheduled?: number;
    numberReady?: number;
    numberAvailable?: number;
    updatedNumberScheduled?: number;
  };
}

export interface Service extends KubeObject {
  spec?: {
    type?: string;
    clusterIP?: string;
    clusterIPs?: string[];
    externalIPs?: string[];
    selector?: Record<string, string>;
    ports?: {
      name?: string;
      port: number;
      targetPort?: number | string;
      protocol?: string;
      nodePort?: number;
    }[];
  };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

export interface KubeNode extends KubeObject {
  spec?: {
    unschedulable?: boolean;
    taints?: { key: string; value?: string; effect: string }[];
    providerID?: string;
  };
  status?: {
    capacity?: Quantities;
    allocatable?: Quantities;
    conditions?: Condition[];
    addresses?: { type: string; address: string }[];
    nodeInfo?: { kubeletVersion?: string; osImage?: string; architecture?: string };
  };
}

export interface Namespace extends KubeObject {
  status?: { phase?: string };
}

export interface Hpa extends KubeObject {
  spec?: {
    scaleTargetRef?: { apiVersion?: string; kind: string; name: string };
    minReplicas?: number;
    maxReplicas?: number;
    metrics?: unknown[];
  };
  status?: {
    currentReplicas?: number;
    desiredReplicas?: number;
    currentMetrics?: unknown[];
    conditions?: Condition[];
    lastScaleTime?: string;
  };
}

export interface KubeEvent extends KubeObject {
  involvedObject?: { kind?: string; namespace?: string; name?: string; uid?: string };
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
  eventTime?: string;
  source?: { component?: string; host?: string };
  reportingComponent?: string;
  series?: { count?: number; lastObservedTime?: string };
}

export interface ListResponse<T> {
  metadata: { resourceVersion?: string; continue?: string };
  items: T[];
}

export interface PersistentVolume extends KubeObject {
  spec?: {
    capacity?: Quantities;
    storageClassName?: string;
    claimRef?: { namespace?: string; name?: string };
    persistentVolumeReclaimPolicy?: string;
    /** EBS through the CSI driver: volumeHandle is the volume id (vol-…). */
    csi?: { driver?: string; volumeHandle?: string };
    /** The in-tree EBS plugin: `aws://<zone>/vol-…` or `vol-…`. */
    awsElasticBlockStore?: { volumeID?: string };
  };
  status?: { phase?: string };
}

/** storage.k8s.io/v1 StorageClass: what its volumes are provisioned as (e.g. EBS `type`). */
export interface StorageClass extends KubeObject {
  provisioner?: string;
  parameters?: Record<string, string>;
}

export interface PersistentVolumeClaim extends KubeObject {
  spec?: {
    storageClassName?: string;
    volumeName?: string;
    resources?: { requests?: Quantities };
  };
  status?: { phase?: string; capacity?: Quantities };
}
