// @vitest-environment jsdom
// A page that puts back every block we collapse must not drag the content script into an endless loop.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LOOP_LIMITS } from '../../src/content/loop-guard';
import { collapsed, collapsedBy, fixture, openPage, placeholders, type OpenedPage } from './content-harness';

vi.setConfig({ testTimeout: 20_000 });

let opened: OpenedPage | undefined;
let fighter: MutationObserver | undefined;

afterEach(() => {
  fighter?.disconnect();
  opened?.page.stop();
  opened = undefined;
});

describe('a page that fights back', () => {
  it('re-inserted appeals are collapsed a bounded number of times, then left alone', async () => {
    opened = await openPage(fixture('news.html'));
    const original = document.querySelector<HTMLElement>('#support-us')!;
    const pristine = original.cloneNode(true) as HTMLElement;
    for (const attribute of ['style', 'data-tidings-collapsed', 'data-tidings-id']) pristine.removeAttribute(attribute);

    // The page's script: whenever its appeal gets collapsed, throw it away and insert a fresh copy.
    let reinserts = 0;
    fighter = new MutationObserver((records) => {
      for (const record of records) {
        const target = record.target as HTMLElement;
        if (target.id !== 'support-us' || !target.hasAttribute('data-tidings-collapsed') || !target.isConnected) continue;
        target.replaceWith(pristine.cloneNode(true));
        reinserts += 1;
      }
    });
    fighter.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-tidings-collapsed'] });
    document.querySelector('#support-us')!.replaceWith(pristine.cloneNode(true));

    // Batches space out after slow (jsdom) scans: wait generously, asserting only what happened.
    await vi.waitFor(() => expect(opened!.page.stats.loopRefusals).toBe(1), { timeout: 15_000 });
    // maxRepeats collapses of the appeal (the original, then copies) and the newsletter box; then the refusal.
    expect(opened.page.stats.collapses).toBe(DEFAULT_LOOP_LIMITS.maxRepeats + 1);
    expect(reinserts).toBe(DEFAULT_LOOP_LIMITS.maxRepeats - 1);

    // Nothing more happens: the last copy stays, no placeholder is left behind for the thrown-away copies.
    const scanned = opened.page.batcher.stats.rootsScanned;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(opened.page.batcher.stats.rootsScanned).toBe(scanned);
    expect(document.querySelectorAll('#support-us')).toHaveLength(1);
    expect(document.querySelector('#support-us')!.hasAttribute('data-tidings-collapsed')).toBe(false);
    expect(collapsed().map(collapsedBy)).toEqual(['newsletter-nag']);
    expect(placeholders()).toHaveLength(1);
  });
});
