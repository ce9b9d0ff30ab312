// The Service kind and its ports.
import type { KubeResource } from '../providers/kubernetes/store.ts';
import type { KubeObject, Service } from '../providers/kubernetes/types.ts';
import type { Resource } from '../providers/provider.ts';
import { builder } from './builder.ts';
import { kubeNode, podList } from './kubernetes.ts';
import { kube, selectorString } from './kubernetes-parts.ts';

const ServicePortRef = builder
  .objectRef<NonNullable<NonNullable<Service['spec']>['ports']>[number]>('ServicePort')
  .implement({
    description: 'One port a Service exposes.',
    fields: (t) => ({
      name: t.string({
        nullable: true,
        description: 'Its name; null when the Service has a single unnamed port.',
        resolve: (p) => p.name ?? null,
      }),
      port: t.exposeInt('port', { description: 'The port the Service listens on (1-65535).' }),
      targetPort: t.string({
        nullable: true,
        description:
          "The pods' port, a number or a named container port; null means the same as `port`.",
        resolve: (p) => (p.targetPort === undefined ? null : String(p.targetPort)),
      }),
      protocol: t.string({
        description: 'TCP, UDP or SCTP (TCP when unset).',
        resolve: (p) => p.protocol ?? 'TCP',
      }),
      nodePort: t.int({
        nullable: true,
        description: 'The port on every node (NodePort and LoadBalancer types); null otherwise.',
        resolve: (p) => p.nodePort ?? null,
      }),
    }),
  });

const svc = (r: Resource<KubeObject>) => r.object as Service;
/** A Service selects by equality only; an empty selector selects nothing (endpoints are manual). */
const serviceSelector = (s: Service) => {
  const sel = s.spec?.selector;
  return sel && Object.keys(sel).length > 0 ? selectorString({ matchLabels: sel }) : null;
};
kubeNode('Service', 'SERVICE', 'A Kubernetes Service.', (t) => ({
  type: t.string({
    description: 'ClusterIP, NodePort, LoadBalancer or ExternalName.',
    resolve: (r) => svc(r).spec?.type ?? 'ClusterIP',
  }),
  clusterIP: t.string({
    nullable: true,
    description: 'spec.clusterIP ("None" for a headless Service); null when not allocated.',
    resolve: (r) => svc(r).spec?.clusterIP ?? null,
  }),
  clusterIPs: t.stringList({
    description: 'spec.clusterIPs (one per IP family); empty when none.',
    resolve: (r) => svc(r).spec?.clusterIPs ?? [],
  }),
  externalIPs: t.stringList({
    description: 'spec.externalIPs followed by the load balancer ingress IPs or hostnames.',
    resolve: (r) => [
      ...(svc(r).spec?.externalIPs ?? []),
      ...(svc(r).status?.loadBalancer?.ingress ?? [])
        .map((i) => i.ip ?? i.hostname ?? '')
        .filter(Boolean),
    ],
  }),
  ports: t.field({
    type: [ServicePortRef],
    description: 'The ports it exposes.',
    resolve: (r) => svc(r).spec?.ports ?? [],
  }),
  selector: t.string({
    nullable: true,
    description: 'In label-selector syntax; null selects nothing.',
    resolve: (r) => serviceSelector(svc(r)),
  }),
  pods: podList(t, 'The pods its selector selects.', (r, ctx) => {
    const selector = serviceSelector(svc(r));
    if (!selector) return [];
    return (kube(ctx)?.list({
      clusters: [r.cluster],
      namespaces: [r.namespace ?? ''],
      kinds: ['POD'],
      labelSelector: selector,
    }) ?? []) as KubeResource[];
  }),
}));
