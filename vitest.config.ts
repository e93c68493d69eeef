import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // As build.mjs does: a style sheet a script imports is its text.
  plugins: [
    {
      // Under an id of its own, not ending in .css: vitest empties every style sheet module (its `css` option).
      name: 'css-as-text',
      enforce: 'pre',
      async resolveId(source, importer) {
        if (!source.endsWith('.css')) return null;
        const resolved = await this.resolve(source, importer, { skipSelf: true });
        return resolved && `\0css-text:${resolved.id}.txt`;
      },
      load(id) {
        const path = /^\0css-text:(.*)\.txt$/.exec(id)?.[1];
        return path === undefined ? null : `export default ${JSON.stringify(readFileSync(path, 'utf8'))};`;
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
