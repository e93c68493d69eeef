// @vitest-environment jsdom
// The content script on pages we wrote: collapse with placeholder, reveal, live settings, messages.
import { describe, expect, it, vi } from 'vitest';
import type { PageState } from '../../src/messages';
import {
  clickAction,
  collapsed,
  collapsedBy,
  fixture,
  isHidden,
  eachTestsPage,
  placeholderFor,
  placeholders,
  scanned,
  shadowOf,
  type OpenedPage,
} from './content-harness';

// The first page of a file loads and compiles the whole scan core under jsdom: allow for it.
vi.setConfig({ testTimeout: 20_000 });

const pages = eachTestsPage();
const { open } = pages;

function articleParagraphs(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('article > p')];
}

function appeal(): HTMLElement {
  return document.querySelector<HTMLElement>('#support-us')!;
}

function newsletter(): HTMLElement {
  return document.querySelector<HTMLElement>('.newsletter-signup')!;
}

describe('collapsing', () => {
  it('hides the appeal and the newsletter box behind placeholders and leaves the article alone', async () => {
    await open(fixture('news.html'));
    expect(collapsedBy(appeal())).toBe('donation-appeal');
    expect(collapsedBy(newsletter())).toBe('newsletter-nag');
    expect(collapsed()).toHaveLength(2);
    expect(isHidden(appeal())).toBe(true);
    for (const paragraph of articleParagraphs()) {
      expect(paragraph.closest('[data-tidings-collapsed]')).toBeNull();
      expect(paragraph.style.display).toBe('');
    }

    const placeholder = placeholderFor(appeal());
    expect(placeholder.nextElementSibling).toBe(appeal());
    const shadow = shadowOf(placeholder);
    expect(shadow.querySelector('.label')?.textContent).toBe('Donation appeal hidden');
    // Styled by the sheet the background sent with the site's settings.
    expect(shadow.querySelector('style')?.textContent).toMatch(/\.bar\s*\{/);
    expect(shadow.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Tidings: Donation appeal hidden');
    const details = shadow.querySelector('button[data-action="details"]')!;
    expect(details.getAttribute('aria-expanded')).toBe('false');
    clickAction(placeholder, 'details');
    expect(details.getAttribute('aria-expanded')).toBe('true');
    expect(shadow.querySelector('ul')?.hidden).toBe(false);
    expect(shadow.querySelectorAll('li').length).toBeGreaterThan(0);
  });

  it('"Show" reveals the block for this visit, restores its own inline style and keeps it listed', async () => {
    await open(fixture('news.html').replace('id="support-us"', 'id="support-us" style="color: red"'));
    const block = appeal();
    clickAction(placeholderFor(block), 'show');
    expect(block.getAttribute('style')).toBe('color: red;');
    expect(block.hasAttribute('data-tidings-collapsed')).toBe(false);
    expect(block.getAttribute('data-tidings-revealed')).toMatch(/^t\d+$/);
    expect(placeholders()).toHaveLength(1);
    const state = (await pages.opened.fake.deliver({ type: 'tidings:get-page' })) as PageState;
    expect(state.findings.find((finding) => finding.detectorId === 'donation-appeal')?.revealed).toBe(true);
  });

  it('in hide mode leaves no placeholder, and switching the mode live adds them', async () => {
    const { change } = await open(fixture('news.html'), { stored: (s) => ({ ...s, placeholderMode: 'hide' }) });
    expect(collapsed()).toHaveLength(2);
    expect(placeholders()).toHaveLength(0);
    await change((s) => ({ ...s, placeholderMode: 'placeholder' }));
    await vi.waitFor(() => expect(placeholders()).toHaveLength(2));
  });

  it("reads the styles of all the blocks a scan found before it changes the page (one style pass, not one per block)", async () => {
    const computedStyle = window.getComputedStyle.bind(window);
    const collapsedAtRead: number[] = [];
    const spy = vi.spyOn(window, 'getComputedStyle').mockImplementation((element, pseudo) => {
      collapsedAtRead.push(document.querySelectorAll('[data-tidings-collapsed]').length);
      return computedStyle(element, pseudo);
    });
    try {
      await open(fixture('news.html'));
    } finally {
      spy.mockRestore();
    }
    expect(collapsed()).toHaveLength(2);
    expect(collapsedAtRead.length).toBeGreaterThan(0);
    expect(collapsedAtRead.every((count) => count === 0)).toBe(true);
  });

  it('collapses an appeal injected after load, once the mutation batch runs', async () => {
    await open(fixture('news.html'));
    const late = document.createElement('section');
    late.className = 'late-appeal';
    late.innerHTML =
      '<h3>Before you go</h3><p>Dear readers, our independent journalism depends on you. Please support us today from just $2 a month.</p><a href="/donate">Donate now</a>';
    document.querySelector('main')!.append(late);
    await vi.waitFor(() => expect(collapsedBy(late)).toBe('donation-appeal'));
    expect(placeholderFor(late).nextElementSibling).toBe(late);
  });

  it("collapses the reader's own selectors for the site as 'user-selector'", async () => {
    const { change } = await open(fixture('news.html'), {
      stored: (s) => ({ ...s, userSelectors: { 'news.example': ['footer', 'p:nth-of-type(999', 'header nav'] } }),
    });
    // Selectors are matched a slice at a time, in the batches after the settings arrived.
    await vi.waitFor(() => expect(collapsed('user-selector').map((element) => element.localName).sort()).toEqual(['footer', 'nav']));
    await change((s) => ({ ...s, userSelectors: { 'news.example': ['header nav'] } }));
    await vi.waitFor(() => expect(collapsed('user-selector').map((element) => element.localName)).toEqual(['nav']));
  });

  it('"Always show on this site" on a selector\'s block removes that selector for the site, whatever its spelling', async () => {
    const { store } = await open(fixture('news.html'), {
      stored: (s) => ({ ...s, userSelectors: { 'www.news.example': ['footer', 'header nav'], 'other.example': ['footer'] } }),
    });
    const footer = document.querySelector('footer')!;
    await vi.waitFor(() => expect(collapsedBy(footer)).toBe('user-selector'));
    clickAction(placeholderFor(footer), 'always-show');
    await vi.waitFor(() => expect(footer.hasAttribute('data-tidings-collapsed')).toBe(false));
    expect(collapsed('user-selector').map((element) => element.localName)).toEqual(['nav']);
    const { settings } = await store.loadSettings();
    expect(settings.userSelectors).toEqual({ 'www.news.example': ['header nav'], 'other.example': ['footer'] });
  });
});

describe('while the page is parsed', () => {
  /** The page as the parser leaves it mid-way: what it has finished, then the element it is still adding to (no next sibling). */
  const halfParsed = (): string => `${fixture('news.html').replace(/^[\s\S]*<body>|<\/body>[\s\S]*$/g, '')}<div id="still-parsed"><p>More to come</p></div>`;

  it('collapses what the parser has finished at once, without waiting for DOMContentLoaded', async () => {
    const readyState = vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    try {
      await open(halfParsed());
      expect(collapsedBy(appeal())).toBe('donation-appeal');
      expect(collapsedBy(newsletter())).toBe('newsletter-nag');
      expect(articleParagraphs().filter(isHidden)).toEqual([]);
    } finally {
      readyState.mockRestore();
    }
  });

  it('hides no paragraph of a story read part by part before its article is known, even one that asks for help', async () => {
    const readyState = vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    // The parser is still inside the article: each of its finished paragraphs is a part of its own.
    const story = '<main><article><h1>Night buses cut as drivers leave</h1>'
      + '<p>The last night bus to the estates will run at midnight from next month, the operator said on Monday, after it failed to recruit enough drivers for the late shifts.</p>'
      + '<p>The council said it had asked the operator to keep one late route and was looking at whether it could help fund the training of new drivers. Please support us, a driver told the meeting, so that our routes can keep running.</p>'
      + '<p>Residents have started a petition that gathered two thousand signatures in its first week, and its organisers plan to present it at the next council meeting.</p>';
    try {
      await open(story);
      expect(articleParagraphs().filter(isHidden)).toEqual([]);
      expect(collapsed()).toEqual([]);
    } finally {
      readyState.mockRestore();
    }
  });

  it('reads a huge page without mutation records, before its first paint and after, and watches it again once it is parsed', async () => {
    const readyState = vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    const getEntriesByName = performance.getEntriesByName.bind(performance);
    let isPainted = false;
    const painted = vi.spyOn(performance, 'getEntriesByName').mockImplementation((name, type) =>
      name === 'first-contentful-paint' ? (isPainted ? [{ name } as PerformanceEntry] : []) : getEntriesByName(name, type));
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    // jsdom paints no frames: a frame comes as a 0 ms timer.
    const frames = vi.fn((callback: FrameRequestCallback) => Number(setTimeout(() => callback(performance.now()))));
    Object.assign(window, { requestAnimationFrame: frames, cancelAnimationFrame: (id: number) => clearTimeout(id) });
    const signUpBox = (id: string): HTMLElement => {
      const box = document.createElement('aside');
      box.id = id;
      box.innerHTML = '<h3>Sign up for our newsletter</h3><p>Get the best of the week in your inbox every Friday. Subscribe to our free newsletter.</p>'
        + '<form><input type="email" name="email" placeholder="Your email address"> <button type="submit">Sign up</button></form>';
      return box;
    };
    try {
      const { page } = await open(halfParsed());
      await scanned(page);
      const stillParsed = document.querySelector('#still-parsed')!;
      // The parser makes a record for every node it adds: past the records a page of the usual size makes, the page
      // is read without them, painted or not.
      const feed = document.createElement('div');
      stillParsed.before(feed);
      for (let at = 0; at < 10_001; at++) feed.textContent = String(at);
      await Promise.resolve();
      expect(disconnect).toHaveBeenCalled();
      // What the parser finishes meanwhile is still read: before the first paint in the frame that would show it…
      frames.mockClear();
      const beforePaint = signUpBox('before-paint');
      stillParsed.before(beforePaint);
      await vi.waitFor(() => expect(collapsedBy(beforePaint)).toBe('newsletter-nag'), { timeout: 5000 });
      // Frames keep being asked for until the paint; on a busy machine the next one may be asked for only after the
      // pause that follows a batch (nine times its length), so it is waited for rather than expected at once.
      await vi.waitFor(() => expect(frames).toHaveBeenCalled(), { timeout: 5000 });
      // …and after it, every little while.
      isPainted = true;
      const afterPaint = signUpBox('after-paint');
      stillParsed.before(afterPaint);
      await vi.waitFor(() => expect(collapsedBy(afterPaint)).toBe('newsletter-nag'), { timeout: 5000 });

      // Parsed: what a script adds is seen again as it comes.
      readyState.mockReturnValue('interactive');
      document.dispatchEvent(new Event('DOMContentLoaded'));
      await scanned(page);
      const addedBox = signUpBox('added-box');
      document.querySelector('article')!.after(addedBox);
      await vi.waitFor(() => expect(collapsedBy(addedBox)).toBe('newsletter-nag'));
      expect(articleParagraphs().filter(isHidden)).toEqual([]);
    } finally {
      readyState.mockRestore();
      painted.mockRestore();
      disconnect.mockRestore();
      Reflect.deleteProperty(window, 'requestAnimationFrame');
      Reflect.deleteProperty(window, 'cancelAnimationFrame');
    }
  });

  it('reads the parts that came before any words as soon as the words come', async () => {
    const readyState = vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    try {
      const { page, releaseAnswers } = await open(halfParsed(), { holdAnswers: ['tidings:get-lexicon'] });
      await page.ready;
      await scanned(page);
      expect(collapsed()).toEqual([]);

      releaseAnswers();
      await vi.waitFor(() => expect(collapsedBy(appeal())).toBe('donation-appeal'));
      expect(articleParagraphs().filter(isHidden)).toEqual([]);
    } finally {
      readyState.mockRestore();
    }
  });
});

describe('live settings', () => {
  it('a detector switched off reveals its blocks and only those; back on collapses them again', async () => {
    const { change } = await open(fixture('news.html'));
    await change((s) => ({ ...s, detectors: { ...s.detectors, 'donation-appeal': false } }));
    await vi.waitFor(() => expect(appeal().hasAttribute('data-tidings-collapsed')).toBe(false));
    expect(appeal().style.display).toBe('');
    expect(appeal().hasAttribute('data-tidings-revealed')).toBe(false);
    expect(isHidden(newsletter())).toBe(true);
    expect(placeholders()).toHaveLength(1);

    await change((s) => ({ ...s, detectors: { ...s.detectors, 'donation-appeal': true } }));
    await vi.waitFor(() => expect(isHidden(appeal())).toBe(true));
    expect(placeholders()).toHaveLength(2);
  });

  it('once stopped, collapses nothing when the site\'s settings arrive late', async () => {
    const { page, releaseAnswers } = await open(fixture('news.html'), { holdAnswers: ['tidings:get-site-settings'] });
    page.stop();
    expect(collapsed()).toHaveLength(0);

    releaseAnswers();
    await page.ready;
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(collapsed()).toHaveLength(0);
    expect(placeholders()).toHaveLength(0);
  });

  it('the site switched off reveals everything; switched on collapses again', async () => {
    const { change, fake } = await open(fixture('news.html'));
    await change((s) => ({ ...s, disabledSites: ['news.example'] }));
    await vi.waitFor(() => expect(collapsed()).toHaveLength(0));
    expect(placeholders()).toHaveLength(0);
    await vi.waitFor(() =>
      expect(fake.runtime.sendMessage).toHaveBeenLastCalledWith({ type: 'tidings:tab-status', count: 0, siteEnabled: false }),
    );

    await change((s) => ({ ...s, disabledSites: [] }));
    await vi.waitFor(() => expect(collapsed()).toHaveLength(2));
    expect(placeholders()).toHaveLength(2);
  });

  it('"Always show on this site" stores a site exception and reveals every block of that detector', async () => {
    const { store } = await open(fixture('news.html'));
    const second = document.createElement('div');
    second.innerHTML =
      '<p>Dear readers, please support us: independent journalism depends on readers like you. Give $5 a month.</p><a href="/donate">Donate</a>';
    document.querySelector('footer')!.before(second);
    await vi.waitFor(() => expect(collapsed('donation-appeal')).toHaveLength(2));

    clickAction(placeholderFor(appeal()), 'always-show');
    await vi.waitFor(() => expect(collapsed('donation-appeal')).toHaveLength(0));
    expect(collapsed('newsletter-nag')).toHaveLength(1);
    const { settings } = await store.loadSettings();
    expect(settings.siteExceptions['news.example']).toEqual(['donation-appeal']);
  });

  // One plea score per box, claimed by the detector whose evidence weighs most: a box asking for a donation and
  // for membership is that detector's alone, and with it excepted no other detector takes the box over.
  it('"Always show" on a box that asks for donations and membership excepts the detector that claimed it, and the box stays shown', async () => {
    const { store } = await open(fixture('news.html'));
    const box = document.createElement('div');
    box.className = 'reader-box';
    box.innerHTML =
      '<h3>A message to our readers</h3><p>Dear readers, please support us: independent journalism depends on you. Become a member today, from just $2 a month.</p><a href="/membership">Become a member</a> <a href="/donate">Donate</a>';
    document.querySelector('footer')!.before(box);
    await vi.waitFor(() => expect(box.hasAttribute('data-tidings-collapsed')).toBe(true));

    clickAction(placeholderFor(box), 'always-show');
    await vi.waitFor(async () => {
      const { settings } = await store.loadSettings();
      expect(settings.siteExceptions['news.example']).toEqual(['donation-appeal']);
    });
    await vi.waitFor(() => expect(box.hasAttribute('data-tidings-collapsed')).toBe(false));
    expect(box.style.display).toBe('');
  });

  it('a site that was switched off before the page opened ends with nothing collapsed', async () => {
    await open(fixture('news.html'), { stored: (s) => ({ ...s, disabledSites: ['news.example'] }) });
    expect(collapsed()).toHaveLength(0);
    expect(placeholders()).toHaveLength(0);
    expect(document.body.innerHTML).not.toContain('data-tidings');
  });
});

describe('messages', () => {
  it('answers get-page and reveal, and reports the count to the background', async () => {
    const { fake } = await open(fixture('news.html'));
    const state = (await fake.deliver({ type: 'tidings:get-page' })) as PageState;
    expect(state.host).toBe('news.example');
    expect(state.siteEnabled).toBe(true);
    expect(state.findings.map((finding) => [finding.detectorId, finding.kind, finding.revealed])).toEqual([
      ['donation-appeal', 'appeal', false],
      ['newsletter-nag', 'newsletter', false],
    ]);
    expect(state.findings[0]?.snippet).toMatch(/^A note to our readers/);
    expect(state.findings[0]?.snippet.length).toBeLessThanOrEqual(80);
    await vi.waitFor(() =>
      expect(fake.runtime.sendMessage).toHaveBeenLastCalledWith({ type: 'tidings:tab-status', count: 2, siteEnabled: true }),
    );

    const id = state.findings[0]!.id;
    expect(await fake.deliver({ type: 'tidings:reveal', id })).toEqual({ ok: true });
    expect(await fake.deliver({ type: 'tidings:reveal', id })).toEqual({ ok: false });
    expect(await fake.deliver({ type: 'tidings:reveal', id: 'nope' })).toEqual({ ok: false });
    expect(appeal().getAttribute('data-tidings-revealed')).toBe(id);
    await vi.waitFor(() =>
      expect(fake.runtime.sendMessage).toHaveBeenLastCalledWith({ type: 'tidings:tab-status', count: 1, siteEnabled: true }),
    );
  });
});

describe('sensitivity preview', () => {
  const pleasPage = fixture('../pages/shapes/one-line-pleas.html').replace(/^[\s\S]*<body>|<\/body>[\s\S]*$/g, '');

  it('tells the popup how many blocks each sensitivity hides on the page, the blocks hidden now included', async () => {
    const { fake } = await open(pleasPage);
    await vi.waitFor(() => expect(collapsed()).toHaveLength(2));
    expect(await fake.deliver({ type: 'tidings:sensitivity-preview' })).toEqual({ low: 1, normal: 2, high: 2 });
    expect(collapsed()).toHaveLength(2);
  });

  it('a lower sensitivity brings back what it would not hide, and a higher one hides more again', async () => {
    const { change } = await open(pleasPage);
    await vi.waitFor(() => expect(collapsed()).toHaveLength(2));
    await change((s) => ({ ...s, sensitivity: 'low' }));
    await vi.waitFor(() => expect(collapsed()).toHaveLength(1));
    await change((s) => ({ ...s, sensitivity: 'normal' }));
    await vi.waitFor(() => expect(collapsed()).toHaveLength(2));
  });

  it('finds nothing at any level on a site the reader switched off', async () => {
    const { change, fake } = await open(pleasPage);
    await change((s) => ({ ...s, disabledSites: ['news.example'] }));
    await vi.waitFor(() => expect(collapsed()).toHaveLength(0));
    expect(await fake.deliver({ type: 'tidings:sensitivity-preview' })).toEqual({ low: 0, normal: 0, high: 0 });
  });
});

describe('lexicons from the background', () => {
  const germanPage = fixture('../i18n/de-donation.html').replace(/^[\s\S]*<body>|<\/body>[\s\S]*$/g, '');
  const supportBox = (): HTMLElement => document.querySelector<HTMLElement>('.support-box')!;
  const lexiconRequests = (fake: OpenedPage['fake']): unknown[] =>
    fake.runtime.sendMessage.mock.calls.map(([message]) => message).filter((message) => (message as { type: string }).type === 'tidings:get-lexicon');

  it('asks once for English and once for the language the text is in, and collapses the German appeal when its phrases come', async () => {
    const { fake } = await open(germanPage);
    await vi.waitFor(() => expect(collapsedBy(supportBox())).toBe('donation-appeal'));
    document.querySelector('main')!.append(Object.assign(document.createElement('p'), { textContent: 'Die Stadt plant weitere Radwege.' }));
    await vi.waitFor(() => expect(fake.runtime.sendMessage).toHaveBeenCalledWith(expect.objectContaining({ type: 'tidings:tab-status' })));
    expect(lexiconRequests(fake)).toEqual([{ type: 'tidings:get-lexicon', lang: 'en' }, { type: 'tidings:get-lexicon', lang: 'de' }]);
    expect(articleParagraphs().filter(isHidden)).toEqual([]);
  });

  it('without them judges no plea (its words are what make it one), warns once per language and does not ask again', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const { fake } = await open(germanPage, { servesLexicons: false });
      await vi.waitFor(() => expect(warn).toHaveBeenCalledWith('Tidings: could not load the "de" phrases.', expect.any(Error)));
      document.querySelector('main')!.append(Object.assign(document.createElement('p'), { textContent: 'Die Stadt plant weitere Radwege.' }));
      await vi.waitFor(() => expect(fake.runtime.sendMessage).toHaveBeenCalledWith(expect.objectContaining({ type: 'tidings:tab-status' })));
      expect(supportBox().hasAttribute('data-tidings-collapsed')).toBe(false);
      expect(lexiconRequests(fake)).toHaveLength(2);
      expect(warn).toHaveBeenCalledTimes(2);
    } finally {
      warn.mockRestore();
    }
  });

  it('once stopped, scans nothing when a lexicon asked for earlier arrives', async () => {
    const { page, fake, releaseAnswers } = await open(germanPage, { holdAnswers: ['tidings:get-lexicon'] });
    await vi.waitFor(() => expect(lexiconRequests(fake)).toEqual([{ type: 'tidings:get-lexicon', lang: 'en' }, { type: 'tidings:get-lexicon', lang: 'de' }]));
    page.stop();

    releaseAnswers();
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(supportBox().hasAttribute('data-tidings-collapsed')).toBe(false);
    expect(page.stats.collapses).toBe(0);
  });

  it("asks for Bokmål for a reader whose languages are Norwegian or Nynorsk, once", async () => {
    const languages = vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['nn-NO', 'no', 'nb']);
    try {
      const { fake } = await open('');
      expect(lexiconRequests(fake)).toEqual([{ type: 'tidings:get-lexicon', lang: 'en' }, { type: 'tidings:get-lexicon', lang: 'nb' }]);
    } finally {
      languages.mockRestore();
    }
  });

  it("asks for English and the reader's own languages as it starts, before the page has any text", async () => {
    const languages = vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['pl-PL', 'en-GB', 'eu']);
    try {
      const { fake } = await open('');
      expect(lexiconRequests(fake)).toEqual(['en', 'pl', 'eu'].map((lang) => ({ type: 'tidings:get-lexicon', lang })));
    } finally {
      languages.mockRestore();
    }
  });

  it('reads a page in a language Tidings has no lexicon for with English phrases, without a warning, asking once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      document.documentElement.lang = 'eu';
      const { fake } = await open('<main><p>Udalak bidegorri berriak egingo ditu datorren urtean hiriko auzo guztietan zehar.</p></main><div class="support-box"><h3>Dear readers</h3><p>Please support independent journalism with a donation today.</p><a href="/donate">Donate</a></div>');
      await vi.waitFor(() => expect(collapsedBy(supportBox())).toBe('donation-appeal'));
      document.querySelector('main')!.append(Object.assign(document.createElement('p'), { textContent: 'Bidegorriak 2027an amaituko dira.' }));
      await vi.waitFor(() => expect(fake.runtime.sendMessage).toHaveBeenCalledWith(expect.objectContaining({ type: 'tidings:tab-status' })));
      expect(lexiconRequests(fake).filter((message) => (message as { lang: string }).lang === 'eu')).toHaveLength(1);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      document.documentElement.removeAttribute('lang');
      warn.mockRestore();
    }
  });

  it('asks for a dozen languages at most, however many a page or the reader names', async () => {
    const codes = ['pl', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'sv', 'da', 'fi', 'cs', 'tr', 'el', 'hu', 'ro', 'eu', 'ca', 'gl'];
    const languages = vi.spyOn(navigator, 'languages', 'get').mockReturnValue(codes);
    try {
      const { fake } = await open('');
      expect(lexiconRequests(fake)).toEqual(['en', ...codes].slice(0, 12).map((lang) => ({ type: 'tidings:get-lexicon', lang })));
    } finally {
      languages.mockRestore();
    }
  });
});
