// What things are priced at: a node's hourly price and rates, a PersistentVolume's GiB price,
// each with where it comes from or why it is unknown.
import type { NodeRates, VolumeRate } from '../cost/prices.ts';
import { builder, type BuilderTypes } from './builder.ts';
import { NodeRef } from './kubernetes.ts';

type Priced = { known: true; source: string } | { known: false; reason: string };

/** The pair every price type carries: its source when known, else why it is unknown. */
const sourceFields = <T extends Priced>(
  t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, T>,
) => ({
  source: t.string({
    nullable: true,
    description: 'Where the price comes from.',
    resolve: (p) => (p.known ? p.source : null),
  }),
  unknownReason: t.string({
    nullable: true,
    description: 'Why there is no price.',
    resolve: (p) => (p.known ? null : p.reason),
  }),
});

export const VolumePriceRef = builder.objectRef<VolumeRate>('VolumePrice').implement({
  description: 'A PersistentVolume’s price per GiB (USD), or why it is unknown.',
  fields: (t) => ({
    gibHour: t.float({
      nullable: true,
      description: 'USD per GiB-hour; null when unknown.',
      resolve: (p) => (p.known ? p.gibHour : null),
    }),
    gibMonth: t.float({
      nullable: true,
      description: 'USD per GiB-month (730 hours); null when unknown.',
      resolve: (p) => (p.known ? p.gibHour * 730 : null),
    }),
    ...sourceFields(t),
  }),
});

const NodePriceRef = builder.objectRef<NodeRates>('NodePrice').implement({
  description:
    'A node’s hourly price and its split into per-unit rates (USD), or why it is unknown.',
  fields: (t) => ({
    hourly: t.float({
      nullable: true,
      description: 'USD per hour for the whole node; null when its price is unknown.',
      resolve: (p) => (p.known ? p.hourly : null),
    }),
    cpuCoreHour: t.float({
      nullable: true,
      description: 'USD per core-hour.',
      resolve: (p) => (p.known ? p.cpuCoreHour : null),
    }),
    memoryGibHour: t.float({
      nullable: true,
      description: 'USD per GiB-hour.',
      resolve: (p) => (p.known ? p.memoryGibHour : null),
    }),
    gpuHour: t.float({
      nullable: true,
      description: 'USD per GPU-hour.',
      resolve: (p) => (p.known ? p.gpuHour : null),
    }),
    ...sourceFields(t),
  }),
});

builder.objectField(NodeRef, 'price', (t) =>
  t.field({
    type: NodePriceRef,
    description:
      'The price cost allocation uses for this node, from its labels and allocatable capacity.',
    resolve: (r, _args, ctx) => ctx.services.cost.nodePrice(r),
  }),
);
