import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Node loads graphql's CommonJS build (no "exports" map); Vite must load the same file, or
  // there would be two GraphQLSchema classes ("from another module or realm").
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          testTimeout: 15_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Real processes and databases on a 2-core machine: generous, not timing assertions.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'security',
          include: ['test/security/**/*.test.ts'],
          // Spawned servers under attack on a shared 2-core machine: generous, like e2e.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // The lab (kube-apiserver, kwok, Prometheus, moto) is brought up once for all files.
          globalSetup: ['test/lab/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          // Files share one cluster; running them one at a time keeps their effects apart.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'deploy',
          include: ['test/deploy/**/*.test.ts'],
          // Builds the container image (buildah, niced) while the other projects run. Cold on
          // 2 shared cores: the base ~5 min, the image ~5.5 min; cached afterwards (docs/deploy.md).
          testTimeout: 180_000,
          hookTimeout: 60 * 60_000,
        },
      },
    ],
    coverage: { include: ['src/**/*.ts'], reporter: ['text-summary', 'html'] },
  },
});
