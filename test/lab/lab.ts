// The lab controller: `node test/lab/lab.ts up|down|status|seed|backfill|build`.
// See test/lab/README.md for what each command does and how.
import { parseArgs } from 'node:util';
import { ensureBuilt } from './lib/build.ts';
import { down, status } from './lib/state.ts';
import { up } from './lib/up.ts';
import { LabError } from './lib/util.ts';

async function main(argv: string[]): Promise<void> {
  const [cmd, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      namespace: { type: 'string', short: 'n' },
      hours: { type: 'string' },
      step: { type: 'string' },
      scale: { type: 'string' },
      nodes: { type: 'string' },
    },
  });
  switch (cmd) {
    case 'build':
      process.stdout.write(`${await ensureBuilt()}\n`);
      return;
    case 'up':
      await up({ nodes: Number(values.nodes ?? process.env.LAB_NODES ?? 3) });
      return;
    case 'down':
      await down();
      return;
    case 'status':
      process.exitCode = (await status()) ? 0 : 1;
      return;
    case 'seed': {
      const { seed } = await import('./lib/seed.ts');
      await seed({ scale: values.scale ? Number(values.scale) : 0 });
      return;
    }
    case 'backfill': {
      const { backfill } = await import('./lib/backfill.ts');
      if (!values.namespace)
        throw new LabError('backfill needs --namespace NS [--hours H] [--step 60s]');
      await backfill({
        namespace: values.namespace,
        hours: Number(values.hours ?? 24),
        step: values.step ?? '60s',
      });
      return;
    }
    default:
      throw new LabError(
        'usage: node test/lab/lab.ts up|down|status|seed [--scale N]|backfill --namespace NS --hours H|build',
      );
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(
    `[lab] ${e instanceof LabError ? e.message : e instanceof Error ? e.stack : String(e)}\n`,
  );
  process.exit(1);
});
