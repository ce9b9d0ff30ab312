// The rollup store on both databases: minute rows, the hourly fold, pruning, reads.
import { describe, expect, it } from 'vitest';
import { N } from '../../src/metrics/aggregate.ts';
import { HOUR, MINUTE, RollupStore } from '../../src/metrics/rollups.ts';
import { NAME_INDEX } from '../../src/metrics/types.ts';
import { STORES } from '../support/stores.ts';

const row = (targetId: string, cpu: number, mem: number | null) => {
  const avg: (number | null)[] = Array.from({ length: N }, () => null);
  avg[NAME_INDEX.CPU_USAGE] = cpu;
  avg[NAME_INDEX.MEMORY_USAGE] = mem;
  return { targetId, avg, max: avg.map((v) => (v === null ? null : v * 2)), samples: 4 };
};

describe.each(STORES)('metric rollups on $kind', (store) => {
  it(
    'folds minutes into hours, prunes by retention, and reads back per name',
    { timeout: 60_000 },
    async () => {
      const { db, cleanup } = await store.open();
      try {
        const rollups = new RollupStore(db);
        const hour = Math.floor(Date.now() / HOUR) * HOUR - 3 * HOUR;
        // Two minutes of the hour for "a" (cpu 1 then 3), one for "b" without memory.
        await rollups.write(MINUTE, hour, [row('a', 1, 100), row('b', 5, null)]);
        await rollups.write(MINUTE, hour + MINUTE, [row('a', 3, 300)]);
        // Writing the same bucket again replaces it (a restarted collector may redo a minute).
        await rollups.write(MINUTE, hour + MINUTE, [row('a', 3, 300)]);
        expect(await rollups.lastMinute()).toBe(hour + MINUTE);
        await rollups.foldHour(hour);

        const minutes = await rollups.read(
          MINUTE,
          ['a', 'b'],
          ['CPU_USAGE', 'MEMORY_USAGE'],
          hour,
          hour + HOUR,
        );
        expect(minutes.get('a\u0000CPU_USAGE')).toEqual([
          { t: hour, v: 1 },
          { t: hour + MINUTE, v: 3 },
        ]);
        expect(minutes.has('b\u0000MEMORY_USAGE')).toBe(false);
        const hours = await rollups.read(
          HOUR,
          ['a', 'b'],
          ['CPU_USAGE', 'MEMORY_USAGE'],
          hour,
          hour,
        );
        expect(hours.get('a\u0000CPU_USAGE')).toEqual([{ t: hour, v: 2 }]);
        expect(hours.get('a\u0000MEMORY_USAGE')).toEqual([{ t: hour, v: 200 }]);
        expect(hours.get('b\u0000CPU_USAGE')).toEqual([{ t: hour, v: 5 }]);

        // Minutes older than an hour go; hours stay for their longer retention.
        await rollups.prune(hour + HOUR, hour - HOUR);
        expect((await rollups.read(MINUTE, ['a'], ['CPU_USAGE'], hour, hour + HOUR)).size).toBe(0);
        expect((await rollups.read(HOUR, ['a'], ['CPU_USAGE'], hour, hour)).size).toBe(1);
        await rollups.prune(hour + HOUR, hour + HOUR);
        expect((await rollups.read(HOUR, ['a'], ['CPU_USAGE'], hour, hour)).size).toBe(0);
      } finally {
        await cleanup();
      }
    },
  );
});
