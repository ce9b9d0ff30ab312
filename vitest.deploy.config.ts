import { defineConfig } from 'vitest/config';

// `npm run test:deploy`: builds and runs the container image (cold: ~20 min for the Debian
// base and ~12 min for the build on 2 shared cores; cached afterwards). Kept out of `npm test`
// so CI's time stays for the rest of the suite.
export default defineConfig({
  test: {
    include: ['test/deploy/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 60 * 60_000,
    fileParallelism: false,
  },
});
