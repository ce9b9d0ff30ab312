import { defineConfig } from 'vitest/config';

// `npm run test:deploy`: the chart and its least privilege on the lab, and (image.test.ts)
// builds and runs the container image (cold: ~20 min for the Debian
// base and ~12 min for the build on 2 shared cores; cached afterwards). Kept out of `npm test`
// so CI's time stays for the rest of the suite.
export default defineConfig({
  // As in vitest.config.ts: one graphql module for the app the least-privilege test starts.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['test/deploy/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 60 * 60_000,
    fileParallelism: false,
  },
});
