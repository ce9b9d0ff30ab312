import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder.ts';
import './base.ts';
import './status.ts';
import './resources.ts';
import './permissions.ts';
import './kubernetes.ts';
import './kubernetes-workloads.ts';
import './kubernetes-services.ts';
import './kubernetes-storage.ts';
import './kubernetes-logs.ts';
import './aws.ts';
import './audit.ts';
import './audit-log.ts';
import './audit-proofs.ts';
import './actions.ts';
import './chat.ts';
import './metrics.ts';
import './metrics-usage.ts';
import './overview.ts';
import './recommendations.ts';
import './recommendation-pages.ts';
import './recommendation-actions.ts';
import './recommendation-agents.ts';
import './cost.ts';
import './cost-prices.ts';

export const schema = builder.toSchema();

export function printSortedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
