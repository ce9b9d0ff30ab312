// PersistentVolumes and their claims: what storage cost allocation prices and attributes.
import { parseQuantity } from '../providers/kubernetes/quantity.ts';
import type {
  KubeObject,
  PersistentVolume,
  PersistentVolumeClaim,
} from '../providers/kubernetes/types.ts';
import type { Resource } from '../providers/provider.ts';
import { kubeNode } from './kubernetes.ts';
import { VolumePriceRef } from './cost-prices.ts';

const pv = (r: Resource<KubeObject>) => r.object as PersistentVolume;
const pvc = (r: Resource<KubeObject>) => r.object as PersistentVolumeClaim;
const bytes = (q: string | undefined) => parseQuantity(q) ?? null;

kubeNode('PersistentVolume', 'PERSISTENT_VOLUME', 'A Kubernetes PersistentVolume.', (t) => ({
  phase: t.string({
    nullable: true,
    description: 'status.phase: Available, Bound, Released or Failed.',
    resolve: (r) => pv(r).status?.phase ?? null,
  }),
  capacityBytes: t.float({
    nullable: true,
    description: 'spec.capacity.storage in bytes.',
    resolve: (r) => bytes(pv(r).spec?.capacity?.storage),
  }),
  storageClass: t.string({
    nullable: true,
    description: 'spec.storageClassName; null for none.',
    resolve: (r) => pv(r).spec?.storageClassName || null,
  }),
  claim: t.string({
    nullable: true,
    description: 'The claim bound to it, `namespace/name`; null when unbound.',
    resolve: (r) => {
      const ref = pv(r).spec?.claimRef;
      return ref?.name ? `${ref.namespace ?? ''}/${ref.name}` : null;
    },
  }),
  price: t.field({
    type: VolumePriceRef,
    description:
      'The price cost allocation uses for this volume: custom prices, else the EBS price, in its region, of the volume type its StorageClass provisions (an EBS class’s parameters.type, or its driver’s default) or is named after.',
    resolve: (r, _args, ctx) => ctx.services.cost.volumePrice(r),
  }),
}));

kubeNode(
  'PersistentVolumeClaim',
  'PERSISTENT_VOLUME_CLAIM',
  'A Kubernetes PersistentVolumeClaim.',
  (t) => ({
    phase: t.string({
      nullable: true,
      description: 'status.phase: Pending, Bound or Lost.',
      resolve: (r) => pvc(r).status?.phase ?? null,
    }),
    requestedBytes: t.float({
      nullable: true,
      description: 'spec.resources.requests.storage in bytes.',
      resolve: (r) => bytes(pvc(r).spec?.resources?.requests?.storage),
    }),
    capacityBytes: t.float({
      nullable: true,
      description: 'status.capacity.storage in bytes; null until bound.',
      resolve: (r) => bytes(pvc(r).status?.capacity?.storage),
    }),
    storageClass: t.string({
      nullable: true,
      description: 'spec.storageClassName; null for the default.',
      resolve: (r) => pvc(r).spec?.storageClassName || null,
    }),
    volumeName: t.string({
      nullable: true,
      description: 'The PersistentVolume bound to it; null until bound.',
      resolve: (r) => pvc(r).spec?.volumeName || null,
    }),
  }),
);
