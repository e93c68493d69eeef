// @vitest-environment jsdom
// Attack 4 of issue 13: on a page that inserts a differently worded appeal every frame, retained heap climbed from
// 1.6 to 3.2 MB in 60 s, about 660 bytes a collapse, kept by LoopGuard's maps. Every per-page structure is now
// bounded, whatever the page does; the heap itself is measured in Chromium by `npm run bench:hostile`.
import { describe, expect, it, vi } from 'vitest';
import { BoundedMap, EventWindow } from '../../src/bounded';
import { Collapser, MAX_COLLAPSED_BLOCKS } from '../../src/content/collapse';
import { DEFAULT_LOOP_LIMITS, LoopGuard } from '../../src/content/loop-guard';

// Placeholders read their labels through browser.i18n.
vi.mock('../../src/browser', async () => ({ default: (await import('../unit/ui-fake-browser')).createFakeBrowser() }));

function uniqueAppeal(n: number, classes = 'reader-appeal'): HTMLElement {
  const element = document.createElement('aside');
  element.className = classes;
  element.textContent = `Dear readers, appeal number ${n}: please support us from just $2 a month.`;
  return element;
}

describe('bounded per-page structures', () => {
  it(`LoopGuard remembers at most ${DEFAULT_LOOP_LIMITS.signatures} signatures in each record, however many blocks a page makes`, () => {
    const guard = new LoopGuard<string>();
    for (let n = 0; n < 20_000; n += 1) guard.allow(uniqueAppeal(n), `verdict ${n}`, n * 16);
    // A block that keeps coming back is given up on, and that too is remembered within the bound.
    const fighter = uniqueAppeal(-1);
    for (let n = 0; n < 20; n += 1) guard.allow(fighter, 'fighter', 400_000 + n);
    expect(guard.recall(fighter)).toBe('abandoned');
    expect(guard.size).toBeLessThanOrEqual(3 * DEFAULT_LOOP_LIMITS.signatures);
    // The most recent are the ones kept.
    expect(guard.recall(uniqueAppeal(19_999))).toBe('verdict 19999');
    expect(guard.recall(uniqueAppeal(0))).toBeNull();
  });

  it('a signature keeps a bounded part of a megabyte class attribute', () => {
    const guard = new LoopGuard<string>();
    const huge = 'x'.repeat(1_000_000);
    guard.allow(uniqueAppeal(1, huge), 'huge', 0);
    // Same start, different end: the same signature (only the start was kept).
    expect(guard.recall(uniqueAppeal(1, `${huge}y`))).toBe('huge');
  });

  it(`a page keeps at most ${MAX_COLLAPSED_BLOCKS} blocks collapsed at once`, () => {
    document.body.replaceChildren();
    const collapser = new Collapser(document, 'placeholder', { alwaysShow: () => undefined, alwaysShowLabel: () => '', placeholderReasons: () => [], changed: () => undefined });
    for (let n = 0; n < MAX_COLLAPSED_BLOCKS + 200; n += 1) {
      const element = uniqueAppeal(n);
      // Each in a box of its own with the page's text after it: adjacent appeals would share one bar.
      const box = document.createElement('div');
      const text = document.createElement('p');
      text.textContent = `Story paragraph ${n}`;
      box.append(element, text);
      document.body.append(box);
      collapser.collapse({ element, detectorId: 'donation-appeal', kind: 'appeal', reasons: [] });
    }
    expect(collapser.count).toBe(MAX_COLLAPSED_BLOCKS);
    expect(document.querySelectorAll('tidings-placeholder')).toHaveLength(MAX_COLLAPSED_BLOCKS);
  });

  it('the background remembers "Always show" saves of at most a bounded number of tabs', () => {
    const saves = new EventWindow<number>(6, 60_000, 256);
    for (let tab = 0; tab < 10_000; tab += 1) saves.record(tab, tab);
    expect(saves.size).toBe(256);
    const map = new BoundedMap<string, number>(3);
    for (const key of ['a', 'b', 'c', 'a', 'd']) map.set(key, 1);
    expect([...map.keys()]).toEqual(['c', 'a', 'd']);
  });
});
