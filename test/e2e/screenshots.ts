// npm run screenshots: the README's pictures of each state of issue 12's controls, taken from the built extension in
// headless Chromium and Firefox, light and dark, at desktop and phone width, into docs/screenshots/states/. Not a
// test: it drives the same pages and keys as the e2e scenarios and saves what they show.
import fs from 'node:fs';
import path from 'node:path';
import type { Page, Viewport } from 'puppeteer-core';
import { launchWithExtension, removeExtensionCopies, type BrowserName, type ExtensionSession } from './browsers';
import { isCollapsed, isShown, sleep, waitUntil, focusPlaceholderButton } from './page-checks';
import { startPageServer, type PageServer } from './server';

const outDir = path.resolve('docs/screenshots/states');
const WIDTHS: Record<string, Viewport> = {
  desktop: { width: 800, height: 600 },
  phone: { width: 360, height: 640, hasTouch: true, isMobile: true },
};
type Scheme = 'light' | 'dark';

async function shoot(page: Page, file: string): Promise<void> {
  await sleep(300);
  await page.screenshot({ path: path.join(outDir, `${file}.png`) });
  console.log(`screenshots: ${file}.png`);
}

/** Chromium's pages are told the scheme one by one; Firefox was launched with it (see LaunchOptions). */
async function setScheme(page: Page, scheme: Scheme, browser: BrowserName): Promise<void> {
  if (browser === 'chromium') await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
}

/** Scrolls an element to the middle of the window; a collapsed one, its bar (hidden, it has no box to scroll to). */
async function centre(page: Page, selector: string): Promise<void> {
  await page.$eval(selector, (element) => {
    let target: Element | null = element.closest('[data-tidings-collapsed]');
    while (target !== null && target.localName !== 'tidings-placeholder') target = target.previousElementSibling;
    (target ?? element).scrollIntoView({ block: 'center', behavior: 'instant' });
  });
}

async function states(session: ExtensionSession, server: PageServer, browser: BrowserName, scheme: Scheme, width: string): Promise<void> {
  const viewport = WIDTHS[width]!;
  const name = (state: string) => `${browser}-${width}-${scheme}-${state}`;
  const open = async (file: string): Promise<Page> => {
    const page = await session.openPage(server.url(file), viewport);
    await setScheme(page, scheme, browser);
    return page;
  };
  await session.clearStorage();

  // A bar, and three adjacent link lists (added by the test) behind one bar.
  const runs = await open('news.html');
  await runs.evaluate(() => {
    const topics = 'Tides Boats Bridges Markets Schools Trains Parks Museums Cafés Ferries Harbours Piers Docks Canals Beaches Lighthouses Festivals Concerts Theatres Galleries Libraries Stadiums Gardens Zoos'.split(' ');
    for (const [index, heading] of ['Most read', 'Trending now', 'Around the web'].entries()) {
      const list = document.createElement('section');
      list.id = `more-${index + 1}`;
      const title = document.createElement('h3');
      title.textContent = heading;
      list.append(title);
      for (const topic of topics) {
        const link = document.createElement('a');
        link.href = `/${index}/${topic}`;
        link.textContent = topic;
        list.append(link, ' · ');
      }
      document.querySelector('main')!.append(list);
    }
  });
  await waitUntil(runs, 'the link lists to collapse', isCollapsed, '#more-3');
  await centre(runs, '#support-box');
  await shoot(runs, name('1-bar'));
  await centre(runs, 'tidings-placeholder:last-of-type');
  await runs.$eval('#more-1', (element) => element.previousElementSibling?.scrollIntoView({ block: 'center', behavior: 'instant' }));
  await shoot(runs, name('2-merged-bar'));
  await runs.close();

  // Shown, with "Hide again" above it; then "Always show" with its Undo.
  const news = await open('news.html');
  await waitUntil(news, 'the appeal to collapse', isCollapsed, '#support-box');
  await focusPlaceholderButton(news, '#support-box', 'show');
  await news.keyboard.press('Enter');
  await waitUntil(news, 'the appeal to be shown', isShown, '#support-box');
  await centre(news, '#support-box');
  await shoot(news, name('3-shown-hide-again'));
  await news.keyboard.down('Shift');
  await news.keyboard.press('Tab');
  await news.keyboard.up('Shift');
  await news.keyboard.press('Enter');
  await waitUntil(news, 'the appeal to collapse again', isCollapsed, '#support-box');
  await focusPlaceholderButton(news, '#support-box', 'always-show');
  await news.keyboard.press('Enter');
  await waitUntil(news, 'the appeal to be shown', isShown, '#support-box');
  await centre(news, '#support-box');
  await shoot(news, name('4-always-shown-undo'));
  await news.keyboard.press('Enter');
  await waitUntil(news, 'the appeal to collapse again', isCollapsed, '#support-box');

  // The popup: this site's box apart from the switches for every site.
  const tabId = await session.tabIdOf(news);
  await news.$eval('#footer-links', (element) => element.scrollIntoView({ block: 'center', behavior: 'instant' }));
  const popup = await session.openExtensionPage(`popup.html?tab=${tabId}`, width === 'phone' ? viewport : { width: 380, height: 760 });
  await setScheme(popup, scheme, browser);
  await waitUntil(popup, 'the popup to hear from the page', () => /^\d+$/.test(document.querySelector('#finding-count')?.textContent ?? ''));
  await shoot(popup, name('5-popup'));
  // The sensitivity, each level with what it hides on this page.
  await waitUntil(popup, 'the sensitivity levels to show their counts', () =>
    [...document.querySelectorAll('#sensitivity option')].every((option) => /\d/.test(option.textContent ?? '')));
  await centre(popup, '#sensitivity');
  await shoot(popup, name('8-sensitivity'));
  await popup.close();

  // The picker on the widget page, one step wider than the collapsed header.
  const widget = await open('widget.html');
  await waitUntil(widget, 'the header to collapse', () => document.querySelector('#widget-header')?.hasAttribute('data-tidings-collapsed') === true);
  await session.startPicker(widget);
  await waitUntil(widget, 'the picker to open', () => document.querySelector('tidings-picker') !== null);
  await centre(widget, 'tidings-placeholder');
  const box = await widget.$eval('tidings-placeholder', (element) => {
    const rect = element.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + Math.min(rect.height / 2, 12) };
  });
  await widget.mouse.move(box.x, box.y);
  await widget.keyboard.press('ArrowUp');
  await shoot(widget, name('6-picker'));
  await widget.keyboard.press('Enter');
  await waitUntil(widget, 'the widget to collapse by the rule', () => document.querySelector('#widget')?.hasAttribute('data-tidings-collapsed') === true);
  await widget.close();
  await news.close();

  // The options page with the picker's rule listed with its site.
  const options = await session.openExtensionPage('options.html', viewport);
  await setScheme(options, scheme, browser);
  await waitUntil(options, 'the options form to be filled', () => document.querySelector('main')?.getAttribute('aria-busy') === 'false');
  await options.$eval('#selectors-list', (element) => element.scrollIntoView({ block: 'center', behavior: 'instant' }));
  await shoot(options, name('7-options-rules'));
  await options.close();
}

async function main(): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  const server = await startPageServer('test/e2e/pages');
  try {
    for (const browser of ['chromium', 'firefox'] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        const session = await launchWithExtension(browser, { firefoxColorScheme: scheme });
        try {
          for (const width of Object.keys(WIDTHS)) await states(session, server, browser, scheme, width);
        } finally {
          await session.close();
        }
      }
    }
  } finally {
    await server.close();
    removeExtensionCopies();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
