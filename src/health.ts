export type ComponentState = 'UP' | 'DEGRADED' | 'DOWN' | 'DISABLED';

export interface ComponentStatus {
  state: ComponentState;
  message: string;
}

export type ComponentCheck = () => Promise<ComponentStatus>;

export interface ComponentReport extends ComponentStatus {
  name: string;
  latencyMs: number;
}

interface Component {
  name: string;
  check: ComponentCheck;
  /** When present, /ready waits for it (initial cache sync, store reachable). */
  ready?: () => Promise<string | null>;
}

const CHECK_TIMEOUT_MS = 3000;

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Knows every component, answers `status` and decides readiness. */
export class HealthService {
  private readonly components: Component[] = [];
  private shuttingDown = false;
  private readonly startedAt = Date.now();

  register(component: Component): void {
    this.components.push(component);
  }

  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  uptimeSeconds(): number {
    return (Date.now() - this.startedAt) / 1000;
  }

  async status(): Promise<ComponentReport[]> {
    return Promise.all(
      this.components.map(async (c) => {
        const started = performance.now();
        let result: ComponentStatus;
        try {
          result = await withTimeout(c.check(), CHECK_TIMEOUT_MS, c.name);
        } catch (err) {
          result = { state: 'DOWN', message: (err as Error).message };
        }
        return { name: c.name, ...result, latencyMs: Math.round(performance.now() - started) };
      }),
    );
  }

  /** Reasons the process is not ready; empty when it is. */
  async notReadyReasons(): Promise<string[]> {
    if (this.shuttingDown) return ['shutting down'];
    const reasons = await Promise.all(
      this.components.map(async (c) => {
        if (!c.ready) return null;
        try {
          const reason = await withTimeout(c.ready(), CHECK_TIMEOUT_MS, c.name);
          return reason ? `${c.name}: ${reason}` : null;
        } catch (err) {
          return `${c.name}: ${(err as Error).message}`;
        }
      }),
    );
    return reasons.filter((r): r is string => r !== null);
  }
}
