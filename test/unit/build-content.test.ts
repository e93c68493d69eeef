// The content script as build.mjs bundles it: what serves only the command line's plain-text reader is left out.
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';

interface BuildScript {
  ENTRIES: Record<string, string>;
  bundleOptions: esbuild.BuildOptions;
}

async function contentScript(define: Record<string, string>): Promise<string> {
  const build = (await import(new URL('../../build.mjs', import.meta.url).href)) as BuildScript;
  const result = await esbuild.build({
    ...build.bundleOptions,
    define: { ...build.bundleOptions.define, ...define },
    entryPoints: [build.ENTRIES.content!],
    write: false,
  });
  return new TextDecoder().decode(result.outputFiles![0]!.contents);
}

describe('the content script', () => {
  it('honours no line-wall mark: a page cannot have its own lists read as plain text\'s walls of short lines', async () => {
    // The rule's reason is the mark's only use: where it is missing, the mark is read by nothing.
    expect(await contentScript({})).not.toContain('why_lineWall');
    // The same sources built for plain text hold it (the command line and the tests run them unbundled).
    expect(await contentScript({ TIDINGS_PLAIN_TEXT: 'true' })).toContain('why_lineWall');
    // Two bundles, each minified by esbuild and terser's four passes: seconds each on a busy two-core machine.
  }, 60_000);
});
