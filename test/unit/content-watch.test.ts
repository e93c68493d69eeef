// @vitest-environment jsdom
// The batcher on its own: how far apart its batches come while a huge page is parsed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MutationBatcher, type SlicedWork } from '../../src/content/watch';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('a huge page parsed without mutation records', () => {
  it('gives its parser the thread: sliced work runs at most every 250 ms until the page is parsed', async () => {
    const readyState = vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    const getEntriesByName = performance.getEntriesByName.bind(performance);
    vi.spyOn(performance, 'getEntriesByName').mockImplementation((name, type) =>
      name === 'first-contentful-paint' ? [{ name } as PerformanceEntry] : getEntriesByName(name, type));
    // Work that stays busy (a whole-page sweep) and takes no time per slice: nothing here backs off on its own.
    const work: SlicedWork = { busy: true, run: () => {} };
    const batcher = new MutationBatcher(document, () => {}, () => false, () => {}, work);
    batcher.start();
    batcher.setReady(true);
    // The parser makes a record for every node: more than a page of the usual size makes.
    const feed = document.body.appendChild(document.createElement('div'));
    for (let at = 0; at < 50_001; at++) feed.textContent = String(at);
    const batchesIn = async (ms: number): Promise<number> => {
      const before = batcher.stats.batches;
      await new Promise((resolve) => setTimeout(resolve, ms));
      return batcher.stats.batches - before;
    };
    await batchesIn(20);
    const whileParsed = await batchesIn(1000);
    expect(whileParsed).toBeGreaterThanOrEqual(3);
    expect(whileParsed).toBeLessThanOrEqual(5);

    // Parsed: the work goes on at the page's pace again.
    readyState.mockReturnValue('interactive');
    await batchesIn(300);
    expect(await batchesIn(200)).toBeGreaterThan(20);
    batcher.stop();
  });
});
