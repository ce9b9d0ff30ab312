import { PermissionService } from './auth/permissions.ts';
import { recordTokenCreated } from './auth/token-audit.ts';
import { TokenAuthenticator } from './auth/tokens.ts';
import type { Config } from './config.ts';
import { HealthService } from './health.ts';
import { SINGLE_REPLICA } from './leader.ts';
import { createElector, leaderStatus } from './leader-setup.ts';
import type { Logger } from './logger.ts';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { ActionPipeline } from './actions/pipeline.ts';
import { AuditMaintenance } from './actions/reconcile.ts';
import type { AuditLedger } from './audit/ledger.ts';
import { createAudit } from './audit/setup.ts';
import type { AuditStore } from './audit/store.ts';
import { LlmInterpreter } from './chat/llm.ts';
import { ChatService } from './chat/service.ts';
import { ChatStore } from './chat/store.ts';
import { KubernetesManifests } from './providers/kubernetes/manifests.ts';
import { OverviewService } from './overview.ts';
import { createPubSubService, TopicFanout, type AppPubSub } from './pubsub.ts';
import { createEventLog, logResourceEvents } from './eventlog-setup.ts';
import type { EventLog } from './eventlog.ts';
import type { BrowserPages } from './server/browser.ts';
import { createEdge } from './server/edge.ts';
import { AwsProvider } from './providers/aws/provider.ts';
import { KubeAccess } from './providers/kubernetes/access.ts';
import { KubernetesProvider } from './providers/kubernetes/provider.ts';
import type { KubernetesReads } from './providers/kubernetes/reads.ts';
import type { ReadScope } from './providers/provider.ts';
import { ProviderRegistry } from './providers/registry.ts';
import { openDatabase, type Database } from './store/database.ts';
import { migrate } from './store/migrate.ts';
import { Retention } from './store/retention.ts';
import { AgentService } from './recommendations/agent-service.ts';
import { AgentRegistry } from './recommendations/agents.ts';
import { RecommendationsChatSource } from './recommendations/chat-source.ts';
import { RecommendationEngine } from './recommendations/engine.ts';
import { Ec2Analyzers } from './recommendations/ec2-source.ts';
import { PredictionService } from './recommendations/predictions.ts';
import { SETTINGS } from './recommendations/analyzers/settings.ts';
import { RecommendationStore } from './recommendations/store.ts';
import type { WorkloadProfile } from './recommendations/workloads.ts';
import { PrometheusUsage } from './recommendations/usage.ts';
import { PrometheusClient } from './metrics/prometheus-client.ts';
import { CostAllocator } from './cost/allocation.ts';
import { CostInventory } from './cost/inventory.ts';
import { PriceBook } from './cost/prices.ts';
import { SpotPrices } from './cost/spot.ts';
import { CostService } from './cost/service.ts';
import { MetricsChatSource } from './metrics/chat-source.ts';
import { createMetrics } from './metrics/setup.ts';
import type { MetricsService } from './metrics/service.ts';

/** Everything a resolver may reach, built once per process. */
export interface Services {
  version: string;
  config: Config;
  log: Logger;
  db: Database;
  pubsub: AppPubSub;
  /** The replayable log behind the cursor-bearing subscriptions. */
  events: EventLog;
  health: HealthService;
  auth: TokenAuthenticator;
  providers: ProviderRegistry;
  /** Kubernetes's relations, events and logs; undefined when no cluster is configured. */
  kubernetes: KubernetesReads | undefined;
  audit: AuditStore;
  ledger: AuditLedger;
  actions: ActionPipeline;
  fanout: TopicFanout;
  chat: ChatService;
  overview: OverviewService;
  recommendations: RecommendationEngine;
  predictions: PredictionService;
  agents: AgentRegistry;
  agentService: AgentService;
  metrics: MetricsService;
  cost: CostService;
  /** What a viewer may do to a resource, and why not. */
  permissions: PermissionService;
  /** The cluster's RBAC for people under KUBE_IMPERSONATION; undefined when it is off. */
  access: KubeAccess | undefined;
}

export interface App {
  services: Services;
  browser: BrowserPages;
  /**
   * Binds the port; then, on a first start, creates the admin token (`bootstrapSecret`, to be
   * shown once): a start that cannot listen creates none.
   */
  listen(): Promise<{ port: number; host: string; bootstrapSecret: string | undefined }>;
  shutdown(): Promise<void>;
}

/** What shutdown keeps for closing everything after the long actions' grace. */
const SHUTDOWN_RESERVE_MS = 2000;

/** The composition root: builds every service from config, nothing else. */
export async function createApp(config: Config, log: Logger): Promise<App> {
  const kubernetes = await KubernetesProvider.open(config.kubernetes, log);
  // Names this process in PENDING audit events, so only a dead process's are reconciled.
  const instanceId = randomUUID();
  // The periodic jobs run on one replica: the holder of a Kubernetes Lease when one is named
  // (checked before anything is opened: without a cluster that is a configuration error).
  const elector = config.leaderElection
    ? createElector(config.leaderElection, kubernetes, `${hostname()}_${instanceId}`, log)
    : undefined;
  const leader = elector ?? SINGLE_REPLICA;

  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrate(db);
  if (applied.length > 0) log.info({ applied }, 'database migrations applied');

  const auth = new TokenAuthenticator(config.auth);
  await auth.init(db, log);
  const bus = createPubSubService(config.redisUrl);

  const health = new HealthService();
  health.register({
    name: 'database',
    check: async () => {
      await db.ping();
      return { state: 'UP', message: db.kind === 'pglite' ? 'embedded PGlite' : 'PostgreSQL' };
    },
    ready: async () => {
      await db.ping();
      return null;
    },
  });
  health.register({ name: 'pubsub', check: bus.check });
  const events = createEventLog(config);
  health.register({ name: 'event-log', check: events.check });

  // Each provider reports in `status` (DISABLED when not configured) and gates /ready.
  const aws = new AwsProvider({ ...config.aws, log: log.child({ provider: 'aws' }) });
  const providers = new ProviderRegistry([kubernetes, aws]);
  const access =
    kubernetes.enabled && config.kubernetes.impersonation
      ? new KubeAccess(kubernetes, log, config.kubernetes.reviewTtl)
      : undefined;
  const stopResourceLog = logResourceEvents(providers, events, log);
  health.register({
    name: 'leader-election',
    check: async () => leaderStatus(elector),
  });
  for (const provider of providers.providers) {
    health.register({
      name: provider.name.toLowerCase(),
      check: () => providers.health(provider),
      ...(provider.enabled ? { ready: async () => provider.notReadyReason() } : {}),
    });
  }

  const { audit, ledger } = await createAudit(config, db, leader, log);
  const fanout = new TopicFanout(bus.pubsub);
  const actions = new ActionPipeline({
    audit,
    providers,
    events,
    log,
    instanceId,
    pauseAfterExecuteMs: config.testPauseAfterExecuteMs,
  });
  const maintenance = new AuditMaintenance({
    db,
    audit,
    providers,
    log,
    instanceId,
    retentionDays: config.auditRetentionDays,
    ledger,
    actions,
    events,
    leader,
  });

  // Recommendations: built-in analyzers over Prometheus history, plus registered agents.
  const agents = new AgentRegistry({
    db,
    log: log.child({ component: 'agents' }),
    providers,
    staleSeconds: Math.max(300, 3 * config.recommender.intervalSeconds),
    timeoutMs: 10_000,
  });
  if (config.aiEngineUrl) {
    await agents.register({
      name: 'ai-engine',
      url: config.aiEngineUrl,
      capabilities: ['analyze'],
    });
  }
  // One Prometheus client for live metrics and the recommender's usage history.
  const prometheus = config.prometheusUrl ? new PrometheusClient(config.prometheusUrl) : undefined;
  const recommendationStore = new RecommendationStore(db);
  const recommendations = new RecommendationEngine({
    store: recommendationStore,
    providers,
    actions,
    events,
    log: log.child({ component: 'recommender' }),
    usage: prometheus ? new PrometheusUsage(prometheus) : undefined,
    settings: {
      ...SETTINGS,
      windowHours: config.recommender.windowHours,
      minHistoryHours: config.recommender.minHistoryHours,
    },
    intervalSeconds: config.recommender.intervalSeconds,
    suppressHours: config.recommender.rejectSuppressHours,
    sources: [agents],
    leader,
    // The cost model's rates (the same price book), read when the engine runs.
    rates: (workload): WorkloadProfile['rates'] => cost.workloadRates(workload),
    access,
    clusters: () => (kubernetes.enabled ? kubernetes.contexts : []),
  });
  health.register({ name: 'ai-engine', check: () => agents.health() });
  const retention = new Retention({
    days: config.retentionDays,
    chat: new ChatStore(db),
    recommendations: recommendationStore,
    audit,
    actions,
    leader,
    log: log.child({ component: 'retention' }),
  });

  // Cost: one price book for allocation, AWS rows and recommendations' savings.
  // Spot nodes are priced from EC2's spot price history when AWS is configured.
  const prices = new PriceBook(
    config.cost.customPrices,
    new SpotPrices(aws.enabled ? aws : undefined),
  );
  const cost: CostService = new CostService({
    allocator: new CostAllocator(db),
    inventory: new CostInventory(db, prices),
    prices,
    providers,
    kube: kubernetes.enabled ? kubernetes : undefined,
    openSavings: async (scope?: ReadScope): Promise<number> =>
      (await recommendations.store.list({ statuses: ['OPEN'], scope })).reduce(
        (a, r) => a + Math.max(0, r.estimatedMonthlySavings ?? 0),
        0,
      ),
  });

  // Metrics: one collector (the leader, when replicas elect one) feeds every replica's hub.
  const metricsRuntime = createMetrics({
    prometheus,
    settings: {
      intervalSeconds: config.metricsIntervalSeconds,
      ...config.metrics,
    },
    providers,
    kube: kubernetes,
    aws,
    db,
    pubsub: bus.pubsub,
    fanout,
    log,
    leader,
    cost,
  });
  const metricsService = metricsRuntime.service;
  health.register({ name: 'prometheus', check: () => metricsService.health() });
  if (aws.enabled) {
    recommendations.addSource(
      new Ec2Analyzers({
        providers,
        history: (targets, names, w) => metricsService.series(targets, names, w),
        settings: () => recommendations.settings,
      }),
    );
  }

  const predictions = new PredictionService({
    providers,
    history: (targets, names, w) => metricsService.series(targets, names, w),
  });

  const services: Services = {
    version: config.version,
    config,
    log,
    db,
    pubsub: bus.pubsub,
    events,
    health,
    auth,
    providers,
    kubernetes: kubernetes.enabled ? kubernetes : undefined,
    audit,
    ledger,
    actions,
    fanout,
    chat: new ChatService({
      db,
      actions,
      audit,
      providers,
      health,
      log: log.child({ component: 'chat' }),
      tokenTtlSeconds: config.chat.tokenTtlSeconds,
      llm: config.chat.llm
        ? new LlmInterpreter(config.chat.llm, log.child({ component: 'llm' }))
        : undefined,
      manifests: kubernetes.enabled ? new KubernetesManifests(kubernetes) : undefined,
      metrics: new MetricsChatSource(metricsService),
      recommendations: new RecommendationsChatSource(recommendations, providers),
    }),
    overview: new OverviewService({
      providers,
      audit,
      health,
      metrics: metricsService,
      recommendations: {
        open: (scope) => recommendations.store.list({ statuses: ['OPEN'], scope }),
      },
      predictions,
    }),
    recommendations,
    predictions,
    agents,
    agentService: new AgentService({ agents, recommendations, actions, providers }),
    metrics: metricsService,
    cost,
    permissions: new PermissionService({ providers, access }),
    access,
  };

  const edge = createEdge(services, leader);

  let shuttingDown: Promise<void> | undefined;
  async function drain(): Promise<void> {
    const began = Date.now();
    health.markShuttingDown();
    await edge.drain();
    // Long actions get what is left of the shutdown timeout but 2 s (for closing the rest);
    // those still running then stay PENDING and the next start (or another replica) resumes
    // them, at once: this process is marked gone.
    const graceMs =
      config.shutdownTimeoutSeconds * 1000 - SHUTDOWN_RESERVE_MS - (Date.now() - began);
    const left = await actions.drain(Math.max(0, graceMs));
    if (left.length > 0) log.warn({ auditEventIds: left }, 'long actions left PENDING by shutdown');
    maintenance.stop();
    await audit.retire(instanceId).catch((err: unknown) => log.warn({ err }, 'retire failed'));
    retention.stop();
    ledger.stop();
    recommendations.stop();
    await metricsRuntime.stop();
    // Released only once this replica's jobs have stopped: a follower takes over at once.
    await elector?.stop();
    fanout.close();
    stopResourceLog();
    await access?.stop();
    await providers.stop();
    await bus.close();
    await events.close();
    edge.close();
    await db.close();
  }

  // Caches fill in the background; /ready answers 503 until every provider has synced.
  providers.start().catch((err: unknown) => log.error({ err }, 'a provider failed to start'));
  access?.start();
  elector?.start();
  maintenance.start();
  retention.start();
  ledger.start();
  recommendations.start();
  metricsRuntime.start();

  return {
    services,
    browser: edge.browser,
    listen: async () => {
      const addr = await edge.listen();
      const bootstrapSecret = await auth.bootstrap(db);
      if (bootstrapSecret) await recordTokenCreated(actions, { name: 'admin', role: 'admin' });
      return { port: addr.port, host: addr.address, bootstrapSecret };
    },
    shutdown: () => (shuttingDown ??= drain()),
  };
}
