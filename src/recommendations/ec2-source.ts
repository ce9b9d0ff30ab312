import type { Instance, Volume } from '@aws-sdk/client-ec2';
import type { Resource } from '../providers/provider.ts';
import type { ProviderRegistry } from '../providers/registry.ts';
import { analyzeInstance, analyzeVolume, type Ec2Profile } from './analyzers/ec2.ts';
import type { Settings } from './analyzers/settings.ts';
import type { DraftSource } from './engine.ts';
import type { AnalyzerResult, HistoryReader } from './types.ts';
import { vcpus } from '../metrics/cloudwatch-source.ts';

const key = (targetId: string, type: string) => `${targetId}\u0000${type}`;

/**
 * The AWS analyzers as one draft source of the engine: EC2 idle and downsize over CloudWatch
 * history (one batched read for every running instance), and unattached EBS volumes from the
 * inventory. See analyzers/ec2.ts for the formulas.
 */
export class Ec2Analyzers implements DraftSource {
  readonly name = 'ec2';
  private readonly deps: {
    providers: ProviderRegistry;
    history: HistoryReader;
    settings: () => Settings;
  };

  constructor(deps: Ec2Analyzers['deps']) {
    this.deps = deps;
  }

  async collect(): Promise<AnalyzerResult> {
    const out: AnalyzerResult = { drafts: [], skips: [], evaluated: new Set() };
    const s = this.deps.settings();
    const { providers } = this.deps;
    const now = Date.now();
    for (const v of providers.list({ providers: ['AWS'], kinds: ['EBS_VOLUME'] })) {
      out.evaluated.add(key(v.id, 'EBS_UNATTACHED'));
      const r = analyzeVolume(v as Resource<Volume>, s, now);
      if (r.draft) out.drafts.push(r.draft);
      if (r.skip) out.skips.push(r.skip);
    }
    const instances = providers.list({ providers: ['AWS'], kinds: ['EC2_INSTANCE'] });
    // A stopped or terminated instance is neither idle nor oversized: its open advice expires.
    for (const i of instances.filter((x) => (x.object as Instance).State?.Name !== 'running')) {
      out.evaluated.add(key(i.id, 'EC2_IDLE'));
      out.evaluated.add(key(i.id, 'EC2_DOWNSIZE'));
    }
    const running = instances.filter((x) => (x.object as Instance).State?.Name === 'running');
    if (running.length === 0) return out;
    const stepMs = s.ec2StepSeconds * 1000;
    const to = Math.floor(now / stepMs) * stepMs;
    const series = await this.deps.history(
      running,
      ['CPU_USAGE', 'NETWORK_RECEIVE', 'NETWORK_TRANSMIT'],
      { from: to - s.windowHours * 3_600_000, to, stepMs },
    );
    const byKey = new Map(series.map((x) => [`${x.targetId}/${x.name}`, x.points]));
    for (const r of running) {
      const cores = vcpus(r.object as Instance);
      // The metrics layer answers CPU in cores (percent × vCPUs); the thresholds are percent.
      const cpu = cores
        ? (byKey.get(`${r.id}/CPU_USAGE`) ?? []).map((p) => ({ t: p.t, v: (p.v / cores) * 100 }))
        : [];
      const rx = byKey.get(`${r.id}/NETWORK_RECEIVE`) ?? [];
      const tx = byKey.get(`${r.id}/NETWORK_TRANSMIT`) ?? [];
      const mean = (xs: { v: number }[]) => xs.reduce((a, p) => a + p.v, 0) / xs.length;
      const profile: Ec2Profile = {
        resource: r as Resource<Instance>,
        cpuPercent: cpu.map((p) => p.v),
        networkBytesPerSecond:
          rx.length + tx.length === 0
            ? null
            : (rx.length ? mean(rx) : 0) + (tx.length ? mean(tx) : 0),
        historyHours: cpu[0] ? (now - cpu[0].t) / 3_600_000 : 0,
      };
      const result = analyzeInstance(profile, s);
      out.drafts.push(...result.drafts);
      out.skips.push(...result.skips);
      for (const t of result.evaluated) out.evaluated.add(key(r.id, t));
    }
    return out;
  }
}
