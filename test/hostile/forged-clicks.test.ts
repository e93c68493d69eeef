// @vitest-environment jsdom
// Attack 1 of issue 13: the placeholder's shadow root was open and its buttons took any click, so a page script ran
// `document.querySelector('tidings-placeholder').shadowRoot.querySelector('[data-action=always-show]').click()` and
// stored a permanent, synced "Always show" for its site; on a block of the reader's own selector the same click
// deleted the selector. Here the page gets further than it can in a browser (jsdom shares one world, so the test
// hands it the closed root) and its clicks must still do nothing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  clickAction,
  collapsed,
  fixture,
  openPage,
  placeholderButton,
  placeholderFor,
  placeholders,
  type OpenedPage,
} from '../unit/content-harness';

vi.setConfig({ testTimeout: 20_000 });

let opened: OpenedPage | undefined;

afterEach(() => {
  opened?.page.stop();
  opened = undefined;
});

const appeal = (): HTMLElement => document.querySelector<HTMLElement>('#support-us')!;
const writes = (): number => opened!.fake.storage.sync.setCalls + opened!.fake.storage.local.setCalls;

/** Lets a save the content script started (content script → background → storage) finish. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 200));

describe('forged clicks on the placeholder', () => {
  it('a page script finds no shadow root to reach the buttons through', async () => {
    opened = await openPage(fixture('news.html'));
    expect(placeholders().length).toBeGreaterThan(0);
    for (const placeholder of placeholders()) expect(placeholder.shadowRoot).toBeNull();
  });

  it('400 forged clicks on "Always show", "Show" and "Why?" store nothing, reveal nothing and show no reasons', async () => {
    opened = await openPage(fixture('news.html'));
    const placeholder = placeholderFor(appeal());
    const before = writes();
    for (let click = 0; click < 400; click += 1) placeholderButton(placeholder, 'always-show').click();
    placeholderButton(placeholder, 'show').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    placeholderButton(placeholder, 'details').click();
    placeholder.click();
    await settle();
    expect(writes()).toBe(before);
    expect((await opened.store.loadSettings()).settings.siteExceptions).toEqual({});
    expect(collapsed()).toContain(appeal());
    expect(placeholderButton(placeholder, 'details').getAttribute('aria-expanded')).toBe('false');
  });

  it("a forged click on a block of the reader's selector leaves the selector in place", async () => {
    opened = await openPage(fixture('news.html'), { stored: (s) => ({ ...s, userSelectors: { 'news.example': ['footer'] } }) });
    const footer = document.querySelector('footer')!;
    await vi.waitFor(() => expect(collapsed()).toContain(footer));
    placeholderButton(placeholderFor(footer), 'always-show').click();
    await settle();
    expect((await opened.store.loadSettings()).settings.userSelectors).toEqual({ 'news.example': ['footer'] });
    expect(collapsed()).toContain(footer);
  });

  it("the reader's own click still saves \"Always show\"", async () => {
    opened = await openPage(fixture('news.html'));
    clickAction(placeholderFor(appeal()), 'always-show');
    await vi.waitFor(async () => expect((await opened!.store.loadSettings()).settings.siteExceptions['news.example']).toContain('donation-appeal'));
    expect(collapsed()).not.toContain(appeal());
  });
});
