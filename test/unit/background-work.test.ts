import { describe, expect, it } from 'vitest';
import {
  BackgroundWork,
  ShutdownInterrupt,
  throwIfShuttingDown,
} from '../../src/actions/background.ts';

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new ShutdownInterrupt());
    });
  });

describe('background work', () => {
  it('runs one piece of work per id and forgets it when done', async () => {
    const work = new BackgroundWork();
    let runs = 0;
    expect(work.run('a', async () => void (await sleep(20), runs++))).toBe(true);
    expect(work.run('a', async () => void runs++)).toBe(false);
    expect(work.has('a')).toBe(true);
    await sleep(60);
    expect(runs).toBe(1);
    expect(work.size).toBe(0);
  });

  it('drain waits for work within the grace, then aborts the rest and refuses new work', async () => {
    const work = new BackgroundWork();
    const ended: string[] = [];
    work.run('quick', async () => {
      await sleep(30);
      ended.push('quick');
    });
    work.run('long', async (signal) => {
      try {
        await sleep(60_000, signal);
      } catch (err) {
        ended.push(err instanceof ShutdownInterrupt ? 'long interrupted' : 'long failed');
      }
    });
    const started = Date.now();
    expect(await work.drain(300)).toEqual(['long']);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(ended).toEqual(['quick', 'long interrupted']);
    expect(work.run('late', async () => undefined)).toBe(false);
  });

  it('throwIfShuttingDown throws only once aborted', () => {
    const c = new AbortController();
    expect(() => throwIfShuttingDown(c.signal)).not.toThrow();
    c.abort();
    expect(() => throwIfShuttingDown(c.signal)).toThrow(ShutdownInterrupt);
  });
});
