// The usage model's cpu formulas, mirrored from internal/usage/usage.go for tests that
// check what Prometheus reports. README.md documents them; usage.go is authoritative.
const DAY = 86400;

export type Pattern = 'steady' | 'diurnal' | 'spiky' | 'idle';

/** Parses a Kubernetes cpu quantity ("250m", "1.5", "2") into cores. */
export function parseCpu(q: string): number {
  return q.endsWith('m') ? Number(q.slice(0, -1)) / 1000 : Number(q);
}

/** Instantaneous usage in cores at unix time t for a pod annotated with `cores`. */
export function cpuAt(cores: number, pattern: Pattern, t: number): number {
  switch (pattern) {
    case 'diurnal':
      return cores * (1 - 0.6 * Math.cos((2 * Math.PI * t) / DAY));
    case 'spiky':
      return cores * (t % 600 < 60 ? 5.5 : 0.5);
    case 'idle':
      return cores * 0.02;
    default:
      return cores;
  }
}
