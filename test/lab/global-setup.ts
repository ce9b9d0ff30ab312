// vitest globalSetup for the integration project: brings the lab up once (or reuses a
// running one), seeds it, hands its environment to the tests, and at the end stops it
// only if this run started it. Without a Go toolchain the lab cannot be built: locally the
// lab tests are skipped with a loud message; on CI (CI=true) that is a failure.
import type { TestProject } from 'vitest/node';
import { findGo } from './lib/build.ts';
import { seed } from './lib/seed.ts';
import { down, isRunning, readState } from './lib/state.ts';
import { up } from './lib/up.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The lab's .lab/env as a map, or null when the lab could not be built here. */
    labEnv: Record<string, string> | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!findGo()) {
    const msg =
      'Go toolchain not found: the local Kubernetes lab (test/lab) cannot be built, so every lab test is SKIPPED. Install Go >= 1.26 to run them.';
    if (process.env.CI === 'true') throw new Error(`${msg} (failing because CI=true)`);
    process.stderr.write(`\n${'!'.repeat(100)}\n!! ${msg}\n${'!'.repeat(100)}\n\n`);
    project.provide('labEnv', null);
    return async () => {};
  }
  const reused = await isRunning();
  const state = reused ? readState() : await up({ nodes: Number(process.env.LAB_NODES ?? 3) });
  if (!state) throw new Error('lab state vanished while starting');
  try {
    await seed({ scale: 0 });
  } catch (e) {
    // vitest runs no teardown when setup throws: do not leave a lab we started behind.
    if (!reused) await down();
    throw e;
  }
  Object.assign(process.env, state.env);
  project.provide('labEnv', state.env);
  return async () => {
    if (!reused && process.env.LAB_KEEP !== '1') await down();
  };
}
