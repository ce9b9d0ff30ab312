// Takes the DATA_DIR lock in its own process and holds it until killed: the other side of the
// lock tests, run as PID 1 of a fresh PID namespace to collide with another PID 1.
import { acquireDirectoryLock } from '../../src/store/lock.ts';

const [dir, heartbeatMs, staleAfterMs] = process.argv.slice(2);
try {
  acquireDirectoryLock(dir ?? '.', {
    heartbeatMs: Number(heartbeatMs ?? 5000),
    staleAfterMs: Number(staleAfterMs ?? 30000),
  });
  console.log(`locked pid=${process.pid}`);
  setInterval(() => {}, 60_000);
} catch (err) {
  console.log(`refused: ${(err as Error).message}`);
  process.exit(3);
}
