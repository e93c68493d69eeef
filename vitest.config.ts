import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // As build.mjs does: a style sheet a script imports is its text.
  plugins: [
    {
      name: 'css-as-text',
      enforce: 'pre',
      load(id) {
        return id.endsWith('.css') ? `export default ${JSON.stringify(readFileSync(id, 'utf8'))};` : null;
      },
    },
  ],
  // As build.mjs does: the bench's timing of batches is off (content/watch.ts).
  define: { TIDINGS_BENCH: 'false' },
  test: {
    // test/hostile holds the attacks of issue 13: those that jsdom can run are unit tests, the rest (*.browser.test.ts)
    // drive the browsers with the end-to-end suites.
    include: ['test/unit/**/*.test.ts', 'test/hostile/**/*.test.ts'],
    exclude: ['test/hostile/**/*.browser.test.ts'],
    environment: 'node',
  },
});
