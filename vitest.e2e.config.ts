import { defineConfig } from 'vitest/config';

// End-to-end suites drive real browsers: one file at a time, generous timeouts. test/hostile's *.browser.test.ts are
// the attacks of issue 13 that need a browser.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts', 'test/hostile/**/*.browser.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
