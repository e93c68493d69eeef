// @vitest-environment jsdom
// Attacks 8 and 9 of issue 13, as far as jsdom runs them. 8: "Why?" sat in an open shadow root and quoted the
// matched phrases, the reader's private ones included, so a page that planted bait text learned them; the marks on
// collapsed blocks named the detectors the reader has on. 9: an element carrying data-tidings-revealed, or inside a
// <tidings-placeholder> the page made itself, was never scanned.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageState } from '../../src/messages';
import { detectors } from '../../src/detectors/registry';
import { clickAction, collapsed, collapsedBy, fixture, openPage, placeholderFor, shadowOf, type OpenedPage } from '../unit/content-harness';

vi.setConfig({ testTimeout: 20_000 });

let opened: OpenedPage | undefined;

afterEach(() => {
  opened?.page.stop();
  opened = undefined;
});

const SECRET = 'velvet lantern fund';
/** Bait: a box of candidate phrases, one of which is the reader's own; without that one it is no appeal. */
const bait = `<aside id="bait"><h3>Our friends</h3><p>The ${SECRET}, the copper kettle fund and the quiet harbour fund all need
  you today.</p><a href="/donate">Donate</a></aside>`;

/** Everything of Tidings' a page script can read in the light DOM: our elements and attributes, as markup. */
function whatThePageSees(): string {
  const marked = [...document.querySelectorAll('*')].filter((element) =>
    element.getAttributeNames().some((name) => name.startsWith('data-tidings')) || element.localName === 'tidings-placeholder');
  return marked.map((element) => element.cloneNode(false) instanceof Element ? (element.cloneNode(false) as Element).outerHTML : '').join('\n');
}

describe('what a page can read of Tidings', () => {
  it("names no detector in its marks, and shows the reader's own phrase only as \"one of your phrases\"", async () => {
    opened = await openPage(fixture('news.html').replace('<footer', `${bait}<footer`), {
      stored: (s) => ({ ...s, userPhrases: { ...s.userPhrases, appeal: [SECRET] } }),
    });
    const box = document.querySelector<HTMLElement>('#bait')!;
    await vi.waitFor(() => expect(collapsedBy(box)).toBe('donation-appeal'));
    const seen = whatThePageSees();
    expect(seen).toContain('data-tidings-collapsed');
    for (const { id } of detectors) expect(seen).not.toContain(id);
    expect(seen).not.toContain('user-selector');
    const placeholder = placeholderFor(box);
    expect(placeholder.shadowRoot).toBeNull();
    expect(document.documentElement.outerHTML.split(SECRET)).toHaveLength(2); // the bait's own text, nothing more

    // Not even the closed root holds the reasons until the reader asks "Why?"; then the phrase is not quoted.
    const reasons = shadowOf(placeholder).querySelector('ul')!;
    expect(reasons.textContent).toBe('');
    clickAction(placeholder, 'details');
    expect(reasons.textContent).toContain('one of your phrases');
    expect(reasons.textContent).not.toContain(SECRET);
    // The popup, an extension page, still lists the reasons whole.
    const state = (await opened.fake.deliver({ type: 'tidings:get-page' })) as PageState;
    expect(state.findings.find((finding) => finding.detectorId === 'donation-appeal' && finding.reasons.some((reason) => reason.values.join().includes(SECRET)))).toBeDefined();
  });
});

describe('forged marks', () => {
  const appeal = (id: string): string => `<section id="${id}"><h3>Before you go</h3><p>Dear readers, our independent journalism depends on
    you. Please support us today from just $2 a month.</p><a href="/donate">Donate now</a></section>`;

  it('an appeal carrying data-tidings-revealed or data-tidings-collapsed of its own is collapsed all the same', async () => {
    opened = await openPage(fixture('news.html').replace('<footer',
      `${appeal('revealed').replace('<section', '<section data-tidings-revealed="t1"')}${appeal('collapsed').replace('<section', '<section data-tidings-collapsed="donation-appeal"')}<footer`));
    expect(collapsedBy(document.querySelector('#revealed')!)).toBe('donation-appeal');
    expect(collapsedBy(document.querySelector('#collapsed')!)).toBe('donation-appeal');
  });

  it("an appeal inside the page's own <tidings-placeholder> is collapsed, and so is one added there later", async () => {
    opened = await openPage(fixture('news.html').replace('<footer', `<tidings-placeholder data-tidings-for="t1">${appeal('inside')}</tidings-placeholder><footer`));
    expect(collapsedBy(document.querySelector('#inside')!)).toBe('donation-appeal');
    const fake = document.createElement('tidings-placeholder');
    document.querySelector('main')!.append(fake);
    fake.innerHTML = appeal('later');
    await vi.waitFor(() => expect(collapsedBy(document.querySelector('#later')!)).toBe('donation-appeal'));
    expect(collapsed().length).toBeGreaterThanOrEqual(4);
  });
});
