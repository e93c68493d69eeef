// What the tests ask of a page, written once for both browsers. Functions passed to page.evaluate run in
// the page and must be self-contained.
import type { Page, Viewport } from 'puppeteer-core';

/**
 * Polls the predicate from here, every 100 ms for up to 15 s. Not page.waitForFunction: its poller builds the
 * predicate with Function() inside the page, which Firefox ESR 140 refuses on extension pages (their CSP has no
 * 'unsafe-eval'; ESR 153 lets WebDriver BiDi through). page.evaluate passes everywhere, and a timer here
 * also ticks for background tabs, which get no animation frames.
 */
export async function waitUntil<A extends unknown[]>(
  page: Page,
  what: string,
  predicate: (...args: A) => boolean,
  ...args: A
): Promise<void> {
  const deadline = Date.now() + 15_000;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      if (await page.evaluate(predicate as (...values: unknown[]) => boolean, ...args)) return;
      lastError = undefined;
    } catch (error) {
      // A navigation in progress destroys the context; the next poll asks the new document.
      lastError = error;
    }
    await sleep(100);
  }
  const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
  throw new Error(`timed out after 15 s waiting for ${what} on ${await page.evaluate(() => location.href).catch(() => page.url())}${reason}`);
}

/** True when the element (or a wrapper of it) was collapsed by Tidings. */
export function isCollapsed(selector: string): boolean {
  return document.querySelector(selector)?.closest('[data-tidings-collapsed]') != null;
}

/** True when the element exists, is rendered, and nothing above it was collapsed. */
export function isShown(selector: string): boolean {
  const element = document.querySelector(selector);
  return element != null && element.closest('[data-tidings-collapsed]') == null && element.checkVisibility();
}

/** What was collapsed, as "detector: start of text", for messages that say which block went wrong. */
export async function collapsedSummary(page: Page): Promise<string[]> {
  return page.$$eval('[data-tidings-collapsed]', (elements) =>
    elements.map((element) => `${element.getAttribute('data-tidings-collapsed')}: ${(element.textContent ?? '').trim().slice(0, 60)}`),
  );
}

export function collapsedCount(): number {
  return document.querySelectorAll('[data-tidings-collapsed]').length;
}

export function placeholderCount(): number {
  return document.querySelectorAll('tidings-placeholder').length;
}

/**
 * Article text that a reader cannot see: paragraphs and list items under `root` that are not rendered or
 * sit inside a collapsed element. Empty when the article is intact.
 */
export async function hiddenArticleText(page: Page, root = '#story'): Promise<string[]> {
  return page.evaluate((rootSelector) => {
    const items = [...document.querySelectorAll(`${rootSelector} p, ${rootSelector} li, ${rootSelector} h1`)];
    return items
      .filter((item) => item.closest('[data-tidings-collapsed]') != null || !item.checkVisibility())
      .map((item) => (item.textContent ?? '').trim().slice(0, 60));
  }, root);
}

/**
 * Contract of the content script: each collapsed element is display:none and, in placeholder mode,
 * follows a <tidings-placeholder data-tidings-for=ID> with an open shadow root holding the three buttons
 * (for an overlay, the placeholder precedes its hidden backdrop).
 * Returns the breaches found.
 */
export async function collapseContractBreaches(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const breaches: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('[data-tidings-collapsed]')) {
      const id = element.dataset.tidingsId;
      const label = `${element.tagName.toLowerCase()}#${element.id} (${element.dataset.tidingsCollapsed})`;
      if (!id) breaches.push(`${label}: no data-tidings-id`);
      if (getComputedStyle(element).display !== 'none') breaches.push(`${label}: still displayed`);
      // An overlay's placeholder stands before the backdrop that Tidings hid along with it.
      const anchor = element.closest(`[data-tidings-backdrop="${id}"]`) ?? element;
      const placeholder = anchor.previousElementSibling;
      if (placeholder?.localName !== 'tidings-placeholder' || placeholder.getAttribute('data-tidings-for') !== id) {
        breaches.push(`${label}: no tidings-placeholder right before it`);
        continue;
      }
      for (const action of ['show', 'always-show', 'details']) {
        if (!placeholder.shadowRoot?.querySelector(`button[data-action="${action}"]`)) {
          breaches.push(`${label}: placeholder has no open shadow root with button[data-action=${action}]`);
        }
      }
    }
    return breaches;
  });
}

/** Clicks a button inside the placeholder of the collapsed element matched by `selector` (a real mouse click). */
export async function clickPlaceholderButton(page: Page, selector: string, action: 'show' | 'always-show' | 'details'): Promise<void> {
  const id = await page.$eval(selector, (element) => element.closest<HTMLElement>('[data-tidings-collapsed]')?.dataset.tidingsId);
  if (!id) throw new Error(`${selector} is not collapsed`);
  const button = await page.$(`tidings-placeholder[data-tidings-for="${id}"] >>> button[data-action="${action}"]`);
  if (!button) throw new Error(`no button[data-action=${action}] in the placeholder of ${selector}`);
  await button.click();
}

/** The detector id (or 'user-selector') that collapsed the element matched by `selector`. */
export async function collapsedBy(page: Page, selector: string): Promise<string | undefined> {
  return page.$eval(selector, (element) => element.closest<HTMLElement>('[data-tidings-collapsed]')?.dataset.tidingsCollapsed);
}

/** Clicks an input the way a user toggles it (works for visually hidden inputs styled as switches). */
export async function toggle(page: Page, selector: string): Promise<void> {
  await page.$eval(selector, (input) => (input as HTMLInputElement).click());
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * page.setViewport that also works in Firefox ESR 140. Puppeteer sends WebDriver BiDi's
 * browsingContext.setViewport and emulation.setScreenOrientationOverride together; ESR 140 does not know the
 * second (ESR 153 does) but has applied the first, which is the part the tests need, so that one error is
 * tolerated once the new width is confirmed.
 */
export async function setViewport(page: Page, viewport: Viewport): Promise<void> {
  try {
    await page.setViewport(viewport);
  } catch (error) {
    if (!(error instanceof Error && error.message.includes('unknown command emulation.setScreenOrientationOverride'))) throw error;
    const width = await page.evaluate(() => window.innerWidth);
    if (width !== viewport.width) throw new Error(`viewport width ${width} instead of ${viewport.width} after: ${error.message}`);
  }
}
