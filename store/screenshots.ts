// The store screenshots, 1280 × 800 as both stores ask: the built extension in headless Chromium on the e2e pages
// (the same harness and pages as the end-to-end tests). Pictures holding more than one view (the popup over its
// page, three phone screens) are put together as an HTML page of the separate screenshots and shot again.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page, Viewport } from 'puppeteer-core';
import { launchWithExtension, removeExtensionCopies, type ExtensionSession } from '../test/e2e/browsers';
import { isCollapsed, waitUntil } from '../test/e2e/page-checks';
import { startPageServer } from '../test/e2e/server';

const STORE_SIZE = { width: 1280, height: 800 };
const PHONE: Viewport = { width: 360, height: 640, hasTouch: true, isMobile: true };
/** The popup's width on desktop; its screenshot is as tall as its content, as the browser sizes a popup. */
const POPUP: Viewport = { width: 360, height: 600 };

const popupLoaded = () => /^\d+$/.test(document.querySelector('#finding-count')?.textContent?.trim() ?? '');
const optionsLoaded = () => document.querySelector('main')?.getAttribute('aria-busy') === 'false';

async function shot(page: Page, fullPage = false): Promise<string> {
  return Buffer.from(await page.screenshot({ fullPage })).toString('base64');
}

/** Lays PNGs (base64) out on a 1280 × 800 page in `html` and returns that page's screenshot. */
async function compose(session: ExtensionSession, html: string): Promise<Uint8Array> {
  const page = await session.browser.newPage();
  try {
    await page.setViewport(STORE_SIZE);
    await page.setContent(`<!doctype html><body style="margin:0;width:1280px;height:800px;overflow:hidden;background:#e8eaed">${html}</body>`);
    return await page.screenshot();
  } finally {
    await page.close();
  }
}

const image = (png: string, style: string) => `<img src="data:image/png;base64,${png}" style="display:block;${style}">`;

/** The news page with its appeal and link-farm footer collapsed behind placeholders. */
async function openNews(session: ExtensionSession, url: string, viewport: Viewport): Promise<Page> {
  const page = await session.openPage(url, viewport);
  await waitUntil(page, 'the appeal to collapse', isCollapsed, '#support-box');
  await waitUntil(page, 'the link-farm footer to collapse', isCollapsed, '#footer-links');
  // Until the stored settings arrive the content script hides without placeholders.
  await waitUntil(page, 'both placeholders', () => document.querySelectorAll('tidings-placeholder').length === 2);
  return page;
}

/** Opens the reasons of the appeal's placeholder and scrolls it to the middle of the window. */
async function showWhy(page: Page): Promise<void> {
  await page.evaluate(() => {
    const id = document.querySelector('#support-box')?.closest<HTMLElement>('[data-tidings-collapsed]')?.dataset.tidingsId;
    const placeholder = document.querySelector(`tidings-placeholder[data-tidings-for="${id}"]`);
    placeholder?.shadowRoot?.querySelector<HTMLButtonElement>('button[data-action="details"]')?.click();
    placeholder?.scrollIntoView({ block: 'center' });
  });
}

/** Writes the screenshots into outDir; returns their paths. */
export async function writeStoreScreenshots(outDir: string): Promise<string[]> {
  const server = await startPageServer(resolve('test/e2e/pages'));
  const session = await launchWithExtension('chromium');
  const pictures: [string, Uint8Array][] = [];
  try {
    const news = await openNews(session, server.url('news.html'), STORE_SIZE);
    await showWhy(news);
    pictures.push(['1-placeholders.png', await news.screenshot()]);

    await news.evaluate(() => window.scrollTo(0, 0));
    const tabId = await session.tabIdOf(news);
    const popup = await session.openExtensionPage(`popup.html?tab=${tabId}`, POPUP);
    await waitUntil(popup, 'the popup to list the findings', popupLoaded);
    pictures.push(['2-popup.png', await compose(session,
      image(await shot(news), 'position:absolute;inset:0;filter:brightness(0.92)') +
      image(await shot(popup, true), 'position:absolute;top:8px;right:24px;border:1px solid #b0b4ba;border-radius:8px;box-shadow:0 8px 28px rgb(0 0 0/35%)'))]);

    const options = await session.openExtensionPage('options.html', STORE_SIZE);
    await waitUntil(options, 'the options form to be filled', optionsLoaded);
    pictures.push(['3-options.png', await options.screenshot()]);

    // Phone width, as Firefox for Android shows the page, the popup and the options page.
    const phoneNews = await openNews(session, server.url('news.html'), PHONE);
    await showWhy(phoneNews);
    const phonePopup = await session.openExtensionPage(`popup.html?tab=${await session.tabIdOf(phoneNews)}`, PHONE);
    await waitUntil(phonePopup, 'the popup to list the findings', popupLoaded);
    const phoneOptions = await session.openExtensionPage('options.html', PHONE);
    await waitUntil(phoneOptions, 'the options form to be filled', optionsLoaded);
    const phones = await Promise.all([phoneNews, phonePopup, phoneOptions].map((page) => shot(page)));
    pictures.push(['4-phone.png', await compose(session,
      `<div style="display:flex;justify-content:center;gap:40px;padding-top:70px">${phones
        .map((png) => image(png, 'border:10px solid #202124;border-radius:18px'))
        .join('')}</div>`)]);
  } finally {
    await session.close();
    await server.close();
    removeExtensionCopies();
  }
  return pictures.map(([file, png]) => {
    const path = join(outDir, file);
    writeFileSync(path, png);
    return path;
  });
}
