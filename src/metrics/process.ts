import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface ProcessUsage {
  /** Cores used by this process since the previous reading. */
  cpuCores: number;
  rssBytes: number;
  heapUsedBytes: number;
  /** p99 event-loop delay since the previous reading, milliseconds. */
  eventLoopDelayP99Ms: number;
}

/** The orchestrator's own usage: always available, whatever else is configured. */
export class ProcessMetrics {
  private last = { at: performance.now(), cpu: process.cpuUsage() };
  private readonly loop = monitorEventLoopDelay({ resolution: 10 });

  constructor() {
    this.loop.enable();
  }

  read(): ProcessUsage {
    const now = performance.now();
    const cpu = process.cpuUsage();
    const usedMicros = cpu.user + cpu.system - (this.last.cpu.user + this.last.cpu.system);
    const elapsedMs = Math.max(1, now - this.last.at);
    // Readings closer than a second apart would be noise: keep the baseline until then.
    if (elapsedMs >= 1000) this.last = { at: now, cpu };
    const mem = process.memoryUsage();
    const p99 = this.loop.percentile(99) / 1e6;
    if (elapsedMs >= 1000) this.loop.reset();
    return {
      cpuCores: usedMicros / 1000 / elapsedMs,
      rssBytes: mem.rss,
      heapUsedBytes: mem.heapUsed,
      eventLoopDelayP99Ms: Number.isFinite(p99) ? p99 : 0,
    };
  }

  stop(): void {
    this.loop.disable();
  }
}
