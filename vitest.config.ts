import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // test/hostile holds the attacks of issue 13: those that jsdom can run are unit tests, the rest (*.browser.test.ts)
    // drive the browsers with the end-to-end suites.
    include: ['test/unit/**/*.test.ts', 'test/hostile/**/*.test.ts'],
    exclude: ['test/hostile/**/*.browser.test.ts'],
    environment: 'node',
  },
});
