// The content script as build.mjs bundles it: what serves only the command line's plain-text reader is left out.
import { describe, expect, it } from 'vitest';
import { contentScript } from '../../src/cli/bench-bundle';

const text = async (define: Record<string, string> = {}): Promise<string> => new TextDecoder().decode(await contentScript(define));

describe('the content script', () => {
  it('honours no line-wall mark: a page cannot have its own lists read as plain text\'s walls of short lines', async () => {
    // The rule's reason is the mark's only use: where it is missing, the mark is read by nothing.
    expect(await text()).not.toContain('why_lineWall');
    // The same sources built for plain text hold it (the command line and the tests run them unbundled).
    expect(await text({ TIDINGS_PLAIN_TEXT: 'true' })).toContain('why_lineWall');
    // Two bundles, each minified by esbuild and terser's four passes: seconds each on a busy two-core machine.
  }, 60_000);
});
