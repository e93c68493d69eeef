// What the tests ask of a page, written once for both browsers. Functions passed to page.evaluate run in
// the page and must be self-contained.
import type { Page } from 'puppeteer-core';
import type { PageState } from '../../src/messages';
import type { ExtensionSession } from './browsers';

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

/** What was collapsed, as "id: start of text", for messages that say which block went wrong. */
export async function collapsedSummary(page: Page): Promise<string[]> {
  return page.$$eval('[data-tidings-collapsed]', (elements) =>
    elements.map((element) => `${element.getAttribute('data-tidings-id')}: ${(element.textContent ?? '').trim().slice(0, 60)}`),
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
 * Contract of the content script: each collapsed element is display:none, carries data-tidings-collapsed (naming no
 * detector) and, in placeholder mode, follows a <tidings-placeholder data-tidings-for=ID> whose shadow root is closed
 * to the page (for an overlay, the placeholder precedes its hidden backdrop), or follows a collapsed block whose bar
 * it shares (adjacent blocks of a kind). Returns the breaches found.
 */
export async function collapseContractBreaches(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const breaches: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('[data-tidings-collapsed]')) {
      const id = element.dataset.tidingsId;
      const label = `${element.tagName.toLowerCase()}#${element.id}`;
      if (!id) breaches.push(`${label}: no data-tidings-id`);
      if (element.dataset.tidingsCollapsed !== '') breaches.push(`${label}: data-tidings-collapsed names "${element.dataset.tidingsCollapsed}"`);
      if (getComputedStyle(element).display !== 'none') breaches.push(`${label}: still displayed`);
      // An overlay's placeholder stands before the backdrop that Tidings hid along with it.
      const anchor = element.closest(`[data-tidings-backdrop="${id}"]`) ?? element;
      const placeholder = anchor.previousElementSibling;
      if (placeholder?.hasAttribute('data-tidings-collapsed')) continue;
      if (placeholder?.localName !== 'tidings-placeholder' || placeholder.getAttribute('data-tidings-for') !== id) {
        breaches.push(`${label}: no tidings-placeholder right before it`);
        continue;
      }
      if (placeholder.shadowRoot !== null) breaches.push(`${label}: the page can reach into its placeholder's shadow root`);
      if (placeholder.getBoundingClientRect().height === 0) breaches.push(`${label}: its placeholder shows nothing`);
    }
    return breaches;
  });
}

const PLACEHOLDER_ACTIONS = ['show', 'always-show', 'details'] as const;

type PlaceholderAction = (typeof PLACEHOLDER_ACTIONS)[number];

/**
 * Moves the keyboard focus to a button of the placeholder of the collapsed element matched by `selector`, the way a
 * reader does (its shadow root is closed to scripts): focusing the placeholder focuses its first button ("Show"),
 * Tab the next.
 */
export async function focusPlaceholderButton(page: Page, selector: string, action: PlaceholderAction): Promise<void> {
  // A block in a run of adjacent blocks of its kind shares the bar before the run's first block.
  const id = await page.$eval(selector, (element) => {
    let node: Element | null = element.closest('[data-tidings-collapsed]');
    while (node !== null && node.localName !== 'tidings-placeholder') node = node.previousElementSibling;
    return node?.getAttribute('data-tidings-for');
  });
  if (!id) throw new Error(`${selector} is not collapsed behind a bar`);
  await page.focus(`tidings-placeholder[data-tidings-for="${id}"]`);
  for (let step = 0; step < PLACEHOLDER_ACTIONS.indexOf(action); step += 1) await page.keyboard.press('Tab');
}

/** Presses a placeholder button with the keyboard (trusted key presses; the buttons ignore clicks a script makes). */
export async function clickPlaceholderButton(page: Page, selector: string, action: PlaceholderAction): Promise<void> {
  await focusPlaceholderButton(page, selector, action);
  await page.keyboard.press('Enter');
}

/** The detector id (or 'user-selector') that collapsed the element matched by `selector`, as the content script lists it. */
export async function collapsedBy(session: ExtensionSession, page: Page, selector: string): Promise<string | undefined> {
  const id = await page.$eval(selector, (element) => element.closest<HTMLElement>('[data-tidings-collapsed]')?.dataset.tidingsId);
  const state = (await session.extensionEval((api, tabId) => api.tabs.sendMessage(tabId, { type: 'tidings:get-page' }), await session.tabIdOf(page))) as PageState;
  return state.findings.find((finding) => finding.id === id)?.detectorId;
}

/** Clicks an input the way a user toggles it (works for visually hidden inputs styled as switches). */
export async function toggle(page: Page, selector: string): Promise<void> {
  await page.$eval(selector, (input) => (input as HTMLInputElement).click());
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * What fails a phone-width page (run in the page): scrolling sideways; an element reaching past the viewport's
 * left or right edge (cut off); a tap target smaller than `minimum` CSS px either way. A control's tap target
 * is its own box or, for an input inside a <label>, the label's (a tap on the label works the control). Open
 * shadow roots (the placeholders) are searched too. Hidden elements, and elements inside a box that scrolls or
 * clips on purpose (overflow other than visible), are not judged for their edges. `within` limits the judging
 * to what Tidings adds to a page (its placeholders), whose own links are the site's business.
 */
export function phoneLayoutBreaches(minimum: number, within = 'body'): string[] {
  const breaches: string[] = [];
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width) {
    breaches.push(`scrolls sideways: ${document.documentElement.scrollWidth} px of content in a ${width} px viewport`);
  }
  const describe = (element: Element): string => {
    const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30);
    const name = element.id ? `#${element.id}` : (element.getAttribute('data-detector') ?? element.getAttribute('data-action') ?? '');
    return `${element.localName}${name ? ` ${name}` : ''} "${text}"`;
  };
  /** The parent element, stepping out of a shadow root to its host. */
  const parentOf = (element: Element): Element | null => element.parentElement ?? (element.getRootNode() as ShadowRoot).host ?? null;
  const insideClippingBox = (element: Element): boolean => {
    for (let node = parentOf(element); node && node !== document.body && node !== document.documentElement; node = parentOf(node)) {
      if (getComputedStyle(node).overflowX !== 'visible') return true;
    }
    return false;
  };
  const roots: (Element | ShadowRoot)[] = [...document.querySelectorAll(within)];
  for (let index = 0; index < roots.length; index += 1) {
    const root = roots[index]!;
    for (const element of root instanceof Element ? [root, ...root.querySelectorAll('*')] : root.querySelectorAll('*')) {
      if (element.shadowRoot) roots.push(element.shadowRoot);
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || !element.checkVisibility({ visibilityProperty: true })) continue;
      if ((box.right > width + 0.5 || box.left < -0.5) && !insideClippingBox(element)) {
        breaches.push(`cut off (${Math.round(box.left)}–${Math.round(box.right)} px): ${describe(element)}`);
      }
      if (!element.matches('a[href], button, select, textarea, input:not([type=hidden]), summary, [role=button]')) continue;
      const target = (element.localName === 'input' && element.closest('label')) || element;
      const hit = target.getBoundingClientRect();
      if (hit.width < minimum || hit.height < minimum) {
        breaches.push(`tap target ${Math.round(hit.width)} × ${Math.round(hit.height)} px: ${describe(element)}`);
      }
    }
  }
  return breaches;
}
