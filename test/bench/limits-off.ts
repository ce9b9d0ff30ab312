// Bench only: `node --import ./test/bench/limits-off.ts src/main.ts` runs the orchestrator with
// src/server/limits.ts (GraphQL Armor's limits, the cost rule, strict input) swapped for no-ops,
// so that one bench run can set the same server with and without them side by side
// (kubernetes.ts --limits). Nothing else changes; the product has no switch for this.
import { registerHooks } from 'node:module';

const NOOP = `data:text/javascript,${encodeURIComponent(`
export const armorPlugins = () => [];
export const operationLimitsPlugin = () => ({});
export const checkOperation = () => [];
`)}`;

registerHooks({
  resolve(specifier, context, next) {
    const resolved = next(specifier, context);
    return resolved.url.endsWith('/src/server/limits.ts')
      ? { url: NOOP, shortCircuit: true }
      : resolved;
  },
});
