// A held-out set: multi-turn phrasings written in one sitting (issue 22, second session)
// before any tuning for them, and never tuned against one by one. Its accuracy is reported
// next to the evaluation set's (README, docs/chatops.md) and kept above a floor, as a check
// that the understanding generalises rather than memorises the evaluation set.
// First run, before any change for it: 41/48 = 85.4%. The misses were phrasal verbs split by
// their object ("shut it off"), "hmm no, 2", "the redis one" after a list of one namespace,
// a misspelt name in a list request, and several names in one message; each was fixed as a
// rule of the understanding (see docs/chatops.md), after which it reads 48/48.
import type { EvalCase } from './chat-eval.ts';

export const HELD_OUT: EvalCase[] = [
  [
    ['what is in the shop namespace', 'bump the storefront one to 3'],
    'scale',
    { replicas: 3, target: 'shop/storefront' },
  ],
  [
    ['get me the checkout deployment', 'give it 4 replicas'],
    'scale',
    { replicas: 4, target: 'prod/checkout' },
  ],
  [['describe payments-api in shop', 'bounce it'], 'restart', { target: 'shop/payments-api' }],
  [
    ['show me the storefront deployment in shop', 'take it down to 0'],
    'scale',
    { replicas: 0, target: 'shop/storefront' },
  ],
  [
    ['show me the storefront deployment in shop', 'add one more replica to it'],
    'scale_relative',
    { delta: 1, target: 'shop/storefront' },
  ],
  [['look at cart', 'shut it off'], 'stop', { target: 'prod/cart' }],
  [['info on worker-a', 'turn that back on'], 'start', { target: 'dev/worker-a' }],
  [['tell me about node-2', 'cordon it'], 'cordon', { target: 'node-2' }],
  [['tell me about node-2', 'ok now uncordon it'], 'uncordon', { target: 'node-2' }],
  [['list the statefulsets in prod', 'restart the redis one'], 'restart', { target: 'prod/redis' }],
  [
    ['list deployments in dev', 'stop all of them except web'],
    'stop',
    { targets: ['dev/worker-a', 'dev/worker-b'] },
  ],
  [
    ['list deployments in shop', 'scale each of them to 2'],
    'scale',
    { replicas: 2, targets: ['shop/payments-api', 'shop/storefront'] },
  ],
  [['show me deployments in dev', 'restart worker-b'], 'restart', { target: 'dev/worker-b' }],
  [['scale cart to 3', 'actually, make it 5'], 'scale', { replicas: 5, target: 'prod/cart' }],
  [['scale cart to 3', 'hmm no, 2'], 'scale', { replicas: 2, target: 'prod/cart' }],
  [['restart checkout', 'and the backend as well'], 'restart', { target: 'prod/backend' }],
  [['restart checkout', 'do the same for cart'], 'restart', { target: 'prod/cart' }],
  [['stop worker-a', 'same with worker-b'], 'stop', { target: 'dev/worker-b' }],
  [
    ['scale storefront in shop to 2', 'payments-api too'],
    'scale',
    { replicas: 2, target: 'shop/payments-api' },
  ],
  [
    ['scale storefront in shop to 2', 'and payments-api to 4'],
    'scale',
    { replicas: 4, target: 'shop/payments-api' },
  ],
  [
    ['describe redis in staging', 'what about the prod one'],
    'describe_resource',
    { target: 'prod/redis' },
  ],
  [
    ['cpu of backend', 'and its memory?'],
    'resource_usage',
    { metric: 'memory', target: 'prod/backend' },
  ],
  [
    ['describe backend', 'what is its cpu usage'],
    'resource_usage',
    { metric: 'cpu', target: 'prod/backend' },
  ],
  [
    ['describe backend', 'scale it up by 2'],
    'scale_relative',
    { delta: 2, target: 'prod/backend' },
  ],
  [
    ['describe backend', 'one fewer replica please'],
    'scale_relative',
    { delta: -1, target: 'prod/backend' },
  ],
  [
    ['list pods in prod', 'just the failed ones', 'delete them'],
    'delete',
    { target: 'prod/frontend-7d9f8-fghij' },
  ],
  [
    ['show me the storefront deployment in shop', 'scale it to 2', 'now undo that'],
    'revert',
    { target: 'shop/storefront' },
  ],
  [
    ['scale frontend to 2', 'the staging one'],
    'scale',
    { replicas: 2, target: 'staging/frontend' },
  ],
  [['restart frontend', 'prod please'], 'restart', { target: 'prod/frontend' }],
  [['restart redis', 'the one in staging'], 'restart', { target: 'staging/redis' }],
  [
    ['show me the storefront deployment in shop', 'restart it', 'and scale it to 3'],
    'scale',
    { replicas: 3, target: 'shop/storefront' },
  ],
  [
    ['show me the storefront deployment in shop', 'can you set it to 2 replicas'],
    'scale',
    { replicas: 2, target: 'shop/storefront' },
  ],
  [
    ['show me the storefront deployment in shop', 'please restart this deployment'],
    'restart',
    { target: 'shop/storefront' },
  ],
  [
    ['show me the storefront deployment in shop', 'restart that deployment'],
    'restart',
    { target: 'shop/storefront' },
  ],
  [
    ['show me the storefront deployment in shop', 'delete it'],
    'delete',
    { target: 'shop/storefront' },
  ],
  [
    ['whats running in dev', 'stop worker-a and worker-b'],
    'stop',
    { targets: ['dev/worker-a', 'dev/worker-b'] },
  ],
  [
    ['list deployments in prod', 'scale frontend and payments-worker to 3'],
    'scale',
    { replicas: 3, targets: ['prod/frontend', 'prod/payments-worker'] },
  ],
  [['list nodes', 'cordon node 3'], 'cordon', { target: 'node-3' }],
  [['list nodes', 'cordon the last one'], 'cordon', { target: 'node-3' }],
  [
    ['scale backend to 2', 'wait, not backend, checkout'],
    'scale',
    { replicas: 2, target: 'prod/checkout' },
  ],
  [['scale backend to 2', 'never mind'], 'cancel'],
  [['restart the cart', 'no dont'], 'cancel'],
  [['describe worker-a', 'and worker-b?'], 'describe_resource', { target: 'dev/worker-b' }],
  [['describe the reports instance', 'reboot it'], 'restart', { target: 'reports' }],
  [['how is the orders database', 'stop it'], 'stop', { target: 'orders' }],
  [
    ['scale workers asg to 4', 'bump it by 2 more'],
    'scale_relative',
    { delta: 2, target: 'workers' },
  ],
  [['list deployments in shop', 'restart storefrnt'], 'restart', { target: 'shop/storefront' }],
  [
    ['show me the storefrnt deploymnt in shop', 'scael it to 2'],
    'scale',
    { replicas: 2, target: 'shop/storefront' },
  ],
];

/**
 * A second held-out set, written after the first had been used for tuning (so the first is no
 * longer held out). First run 18/24 = 75.0%, and no change was made for it afterwards. The
 * misses: "give it one more" (a bare count as a delta), "take it out of rotation", "the last
 * two", "scale all but web to 0" (the exclusion swallows "to 0"), "another 2" after an
 * absolute scale, "the failed one" (a state as a pick among shown rows).
 */
export const HELD_OUT_2: EvalCase[] = [
  [
    ['which deployments are in shop', 'bump payments-api to 3'],
    'scale',
    { replicas: 3, target: 'shop/payments-api' },
  ],
  [['check on the storefront in shop', 'roll it'], 'restart', { target: 'shop/storefront' }],
  [
    ['get deployment storefront -n shop', 'scale that to four'],
    'scale',
    { replicas: 4, target: 'shop/storefront' },
  ],
  [
    ['show me the storefront deployment in shop', 'give it one more'],
    'scale_relative',
    { delta: 1, target: 'shop/storefront' },
  ],
  [
    ['show me the storefront deployment in shop', 'pause it'],
    'stop',
    { target: 'shop/storefront' },
  ],
  [
    ['show me the storefront deployment in shop', 'get rid of it'],
    'delete',
    { target: 'shop/storefront' },
  ],
  [['what is node-1 doing', 'take it out of rotation'], 'cordon', { target: 'node-1' }],
  [['list deployments in dev', 'start the first one'], 'start', { target: 'dev/web' }],
  [
    ['list deployments in dev', 'restart the last two'],
    'restart',
    { targets: ['dev/worker-a', 'dev/worker-b'] },
  ],
  [
    ['list deployments in dev', 'scale all but web to 0'],
    'scale',
    { replicas: 0, targets: ['dev/worker-a', 'dev/worker-b'] },
  ],
  [
    ['restart api-gateway', 'and cart and checkout as well'],
    'restart',
    { targets: ['prod/cart', 'prod/checkout'] },
  ],
  [['stop cart', 'oops, i meant checkout'], 'stop', { target: 'prod/checkout' }],
  [
    ['scale search in staging to 2', 'make that 5'],
    'scale',
    { replicas: 5, target: 'staging/search' },
  ],
  [
    ['scale search in staging to 2', 'no wait, do 1'],
    'scale',
    { replicas: 1, target: 'staging/search' },
  ],
  [['scale search in staging to 2', 'forget it'], 'cancel'],
  [
    ['describe postgres', 'how much cpu is it using'],
    'resource_usage',
    { metric: 'cpu', target: 'prod/postgres' },
  ],
  [['describe postgres', 'restart the thing'], 'restart', { target: 'prod/postgres' }],
  [['restart redis', 'prod'], 'restart', { target: 'prod/redis' }],
  [['restart redis', 'staging one please'], 'restart', { target: 'staging/redis' }],
  [['describe the orders db', 'reboot it'], 'restart', { target: 'orders' }],
  [
    ['scale the workers group to 2', 'another 2 please'],
    'scale_relative',
    { delta: 2, target: 'workers' },
  ],
  [
    ['list pods in prod', 'restart the failed one'],
    'restart',
    { target: 'prod/frontend-7d9f8-fghij' },
  ],
  [
    ['show deployments in shop', 'scale both to 3'],
    'scale',
    { replicas: 3, targets: ['shop/payments-api', 'shop/storefront'] },
  ],
  [
    ['show deployments in shop', 'restart payments-api and storefront'],
    'restart',
    { targets: ['shop/payments-api', 'shop/storefront'] },
  ],
];
