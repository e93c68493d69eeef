import { describe, expect, it } from 'vitest';
import { run } from './cli-run';

const positiveFinite = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value) && value > 0;

// Measures four fixture pages under jsdom (each sample runs ≥ 20 ms) and bundles the content script: seconds.
describe('tidings bench', { timeout: 60_000 }, () => {
  it('measures the fixture pages under jsdom and prints one JSON object', async () => {
    const { code, out } = await run('bench', '--no-stress', '--runs', '1', '--browser', 'jsdom', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual(['runs', 'dirs', 'jsdom', 'chromium', 'skipped', 'contentScriptBytes', 'budget']);
    expect(report).toMatchObject({ runs: 1, dirs: [expect.stringMatching(/test\/fixtures\/pages$/)], chromium: null, skipped: {}, budget: null });
    expect(positiveFinite(report.contentScriptBytes)).toBe(true);
    const jsdom = report.jsdom;
    expect(jsdom.pages.map((page: { name: string }) => page.name)).toEqual([
      'appeals-around-article.html', 'charity-article.html', 'donation-in-article.html', 'hard-negatives.html',
    ]);
    for (const page of jsdom.pages) {
      expect(Object.keys(page)).toEqual(['name', 'stress', 'elements', 'depth', 'findings', 'coldScanMs', 'floorMs', 'scanMs', 'ratio', 'walkMs', 'walkRatio', 'incrementalMs', 'forcedLayouts']);
      expect(page.stress).toBe(false);
      for (const key of ['elements', 'depth', 'coldScanMs', 'floorMs', 'scanMs', 'ratio', 'walkMs', 'walkRatio', 'incrementalMs']) {
        expect(positiveFinite(page[key]), `${page.name} ${key}`).toBe(true);
      }
      expect(page.ratio).toBeCloseTo(page.scanMs / page.floorMs);
      expect(page.forcedLayouts).toBe(0);
    }
    // The fixture with the appeals around the article has findings; the charity's own article none.
    expect(jsdom.pages[0].findings).toBeGreaterThan(0);
    expect(jsdom.pages[1].findings).toBe(0);
    for (const key of ['medianRatio', 'p95Ratio', 'medianWalkRatio', 'p95WalkRatio', 'medianScanMs', 'p95ScanMs', 'medianIncrementalMs']) {
      expect(positiveFinite(jsdom[key]), key).toBe(true);
    }
    expect(jsdom.p95Ratio).toBeGreaterThanOrEqual(jsdom.medianRatio);
    expect(jsdom).toMatchObject({ maxForcedLayouts: 0, slope: null, longestTaskMs: null, loadDelayRatio: null, endless: null, stress: null });
  });

  it('refuses a bad --browser, --runs and a missing folder', async () => {
    expect((await run('bench', '--browser', 'safari')).err).toContain('--browser: expected one of jsdom, chromium, both');
    expect((await run('bench', '--runs', '0')).err).toContain('--runs: expected a whole number of at least 1');
    const missing = await run('bench', '/nonexistent/pages', '--browser', 'jsdom');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('/nonexistent/pages: no such directory');
  });
});
