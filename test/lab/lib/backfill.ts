// `lab backfill --namespace NS --hours H`: H hours of simulated history for the pods now in
// NS. labtool computes the samples from the same usage model the live exporter uses and
// writes OpenMetrics; promtool turns that into TSDB blocks inside Prometheus' data
// directory, which Prometheus picks up on its next block reload (at most a minute).
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt } from './build.ts';
import { requireLab } from './seed.ts';
import { ensurePrometheus } from './tools.ts';
import { KUBECONFIG, LAB_DIR, LabError, log, request, run, sleep } from './util.ts';

export async function backfill(opts: {
  namespace: string;
  hours: number;
  step: string;
}): Promise<void> {
  const s = requireLab();
  if (!(opts.hours > 0)) throw new LabError('--hours must be a positive number');
  const t0 = Date.now();
  const dir = join(LAB_DIR, 'backfill', `${opts.namespace}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  const end = Math.floor(Date.now() / 1000);
  // Stop short of "now" by a scrape interval so backfilled and scraped samples interleave
  // only where both exist anyway; the model makes them agree either way.
  // The current build rather than the one the lab started with: labtool may be newer.
  const summary = await run(join(await ensureBuilt(), 'labtool'), [
    'backfill',
    `--kubeconfig=${KUBECONFIG}`,
    `--namespace=${opts.namespace}`,
    `--hours=${opts.hours}`,
    `--step=${opts.step}`,
    `--end=${end - 10}`,
    `--out=${dir}`,
  ]);
  log(summary.trim());
  if (/^backfill: 0 pods/.test(summary)) {
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  const [, promtool] = await ensurePrometheus();
  // One file per 2h block; two promtools at a time (the machines have two cores).
  const files = readdirSync(dir).filter((f) => f.endsWith('.om'));
  const worker = async () => {
    for (let f = files.pop(); f !== undefined; f = files.pop()) {
      await run(promtool, [
        'tsdb',
        'create-blocks-from',
        'openmetrics',
        '--quiet',
        join(dir, f),
        join(LAB_DIR, 'prometheus'),
      ]);
    }
  };
  await Promise.all([worker(), worker()]);
  rmSync(dir, { recursive: true, force: true });
  log(
    `blocks written in ${Math.round((Date.now() - t0) / 1000)}s; waiting for Prometheus to load them`,
  );
  await waitForHistory(s.env.PROMETHEUS_URL ?? '', opts.namespace, end - opts.hours * 3600 + 300);
  log(
    `backfilled ${opts.hours}h for namespace ${opts.namespace} in ${Math.round((Date.now() - t0) / 1000)}s`,
  );
}

/** Prometheus reloads on-disk blocks every minute; poll until the oldest sample is visible. */
async function waitForHistory(promUrl: string, namespace: string, at: number): Promise<void> {
  const q = encodeURIComponent(
    `count(container_cpu_usage_seconds_total{namespace="${namespace}"})`,
  );
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    const r = await request(`${promUrl}/api/v1/query?query=${q}&time=${at}`).catch(() => undefined);
    if (
      r?.status === 200 &&
      (JSON.parse(r.body) as { data: { result: unknown[] } }).data.result.length > 0
    )
      return;
    await sleep(2000);
  }
  throw new LabError(
    `Prometheus did not load the backfilled blocks within 150s (see ${join(LAB_DIR, 'logs', 'prometheus.log')})`,
  );
}
