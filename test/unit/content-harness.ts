// Runs the content script on a page under jsdom: the UI tests' fake browser (quota-enforcing storage with
// onChanged, i18n from the shipped en messages) plus the runtime messaging the content script uses.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, vi } from 'vitest';
import type { Settings } from '../../src/settings/schema';
import type { TidingsPage } from '../../src/content/page';
import type { Runtime } from 'webextension-polyfill';
import { createFakeBrowser } from './ui-fake-browser';

type MessageListener = (message: unknown, sender: unknown) => Promise<unknown> | undefined;

/**
 * Under jsdom the page and the content script share one world, so the tests keep every shadow root made — the
 * placeholders' closed ones too — to press their buttons the way a reader does (a page cannot do this in a browser,
 * where the content script's prototypes are its own).
 */
const shadowRoots = new WeakMap<Element, ShadowRoot>();
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function keepShadowRoot(this: Element, init: ShadowRootInit): ShadowRoot {
  const root = attachShadow.call(this, init);
  shadowRoots.set(this, root);
  return root;
};

/** The shadow root of `host`, open or closed. */
export function shadowOf(host: Element): ShadowRoot {
  const root = shadowRoots.get(host);
  if (root === undefined) throw new Error(`<${host.localName}> has no shadow root`);
  return root;
}

/** jsdom's implementation object behind a DOM object: the only way to dispatch an event that isTrusted. */
function jsdomImpl(wrapper: object): { isTrusted: boolean; _dispatch(event: unknown): boolean } {
  const symbol = Object.getOwnPropertySymbols(wrapper).find((candidate) => candidate.description === 'impl');
  if (symbol === undefined) throw new Error('not a jsdom object');
  return (wrapper as Record<symbol, ReturnType<typeof jsdomImpl>>)[symbol]!;
}

/** A click as the reader's mouse makes it (isTrusted), which dispatchEvent and click() never make. */
export function trustedClick(target: Element): void {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  const eventImpl = jsdomImpl(event);
  eventImpl.isTrusted = true;
  jsdomImpl(target)._dispatch(eventImpl);
}

let current: TidingsPage | undefined;

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/content');

export function fixture(name: string): string {
  return readFileSync(resolve(FIXTURES, name), 'utf8');
}

function createContentBrowser() {
  const messageListeners = new Set<MessageListener>();
  return {
    ...createFakeBrowser(),
    /** The toolbar button the background sets from the content script's status. */
    action: {
      setBadgeText: vi.fn(async () => undefined),
      setBadgeBackgroundColor: vi.fn(async () => undefined),
      setBadgeTextColor: vi.fn(async () => undefined),
      setIcon: vi.fn(async () => undefined),
    },
    runtime: {
      /** Content script → background: answered by the real background (see openPage). */
      sendMessage: vi.fn(async (_message: unknown): Promise<unknown> => undefined),
      onMessage: {
        addListener: (listener: MessageListener) => void messageListeners.add(listener),
        removeListener: (listener: MessageListener) => void messageListeners.delete(listener),
        hasListener: (listener: MessageListener) => messageListeners.has(listener),
      },
    },
    /** A popup's tabs.sendMessage as the browser delivers it: the first listener that answers. */
    async deliver(message: unknown): Promise<unknown> {
      for (const listener of messageListeners) {
        const answer = listener(message, {});
        if (answer !== undefined) return answer;
      }
      throw new Error('no listener answered');
    },
  };
}

export interface OpenedPage {
  page: TidingsPage;
  fake: ReturnType<typeof createContentBrowser>;
  store: typeof import('../../src/settings/store');
  change(edit: (settings: Settings) => Settings): Promise<void>;
  /** With `holdAnswers`: lets the background answer the held requests made so far. */
  releaseAnswers(): void;
}

/**
 * Puts `bodyHtml` in the document and starts the content script for `host` in a fresh module graph.
 * `stored` edits the defaults before the page opens (as if the reader had set them earlier);
 * `servesLexicons: false` makes the background answer a lexicon request with nothing (as one that does not answer);
 * `holdAnswers` keeps its answers to those message types on their way until `releaseAnswers()` (when the site's
 * settings are held, the page is handed over before they arrive).
 */
export async function openPage(
  bodyHtml: string,
  { host = 'news.example', stored, servesLexicons = true, holdAnswers = [] }: {
    host?: string; stored?: (settings: Settings) => Settings; servesLexicons?: boolean;
    holdAnswers?: readonly ('tidings:get-lexicon' | 'tidings:get-site-settings')[];
  } = {},
): Promise<OpenedPage> {
  const fake = createContentBrowser();
  vi.resetModules();
  vi.doMock('../../src/browser', () => ({ default: fake }));
  document.documentElement.innerHTML = `<head><title>test</title></head><body>${bodyHtml}</body>`;
  const store = await import('../../src/settings/store');
  // The background answers over the same fake storage; told it serves no lexicons, it answers their requests with nothing.
  const { answerMessage } = await import('../../src/background/answer');
  const heldAnswers: (() => void)[] = [];
  fake.runtime.sendMessage.mockImplementation(async (message: unknown) => {
    const type = (message as { type?: string }).type;
    const lexiconRequest = type === 'tidings:get-lexicon';
    if (holdAnswers.some((held) => held === type)) await new Promise<void>((release) => heldAnswers.push(release));
    return lexiconRequest && !servesLexicons ? undefined : answerMessage(message, { tab: { id: 1 } } as Runtime.MessageSender);
  });
  if (stored !== undefined) await store.updateSettings(stored);
  const { startTidings } = await import('../../src/content/page');
  const page = startTidings(document, host);
  current = page;
  if (!holdAnswers.includes('tidings:get-site-settings')) {
    await page.ready;
    await scanned(page);
  }
  return {
    page,
    fake,
    store,
    async change(edit) {
      await store.updateSettings(edit);
    },
    releaseAnswers() {
      heldAnswers.splice(0).forEach((release) => release());
    },
  };
}

/** Resolves once the page's scans are done: a whole scan goes a slice at a time, with the page's turn in between. */
export async function scanned(page: TidingsPage): Promise<void> {
  await vi.waitFor(() => {
    if (page.batcher.busy) throw new Error('Tidings is still scanning the page');
  }, { timeout: 10_000, interval: 5 });
}

/**
 * The page each test of a file opens, stopped after the test: `open` starts the content script on it (see openPage),
 * `opened` is the running test's page.
 */
export function eachTestsPage(): { open: typeof openPage; readonly opened: OpenedPage } {
  let page: OpenedPage | undefined;
  afterEach(() => {
    page?.page.stop();
    page = undefined;
  });
  return {
    async open(...args) {
      page = await openPage(...args);
      return page;
    },
    get opened() {
      if (page === undefined) throw new Error('no page was opened in this test');
      return page;
    },
  };
}

/** What collapsed `element`, a detector id or 'user-selector', as the content script lists it (its marks in the page name none). */
export function collapsedBy(element: Element): string | undefined {
  const id = element.getAttribute('data-tidings-id');
  return current?.collapser.summaries().find((finding) => finding.id === id && !finding.revealed)?.detectorId;
}

export function collapsed(detectorId?: string): HTMLElement[] {
  const all = [...document.querySelectorAll<HTMLElement>('[data-tidings-collapsed]')];
  return detectorId === undefined ? all : all.filter((element) => collapsedBy(element) === detectorId);
}

export function placeholders(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('tidings-placeholder')];
}

export function placeholderFor(element: Element): HTMLElement {
  const id = element.getAttribute('data-tidings-id');
  const found = document.querySelector<HTMLElement>(`tidings-placeholder[data-tidings-for="${id}"]`);
  if (found === null) throw new Error(`no placeholder for ${id}`);
  return found;
}

export function placeholderButton(placeholder: HTMLElement, action: string): HTMLButtonElement {
  const button = shadowOf(placeholder).querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
  if (button === null) throw new Error(`no ${action} button`);
  return button;
}

/** Clicks a placeholder button as the reader does. */
export function clickAction(placeholder: HTMLElement, action: string): void {
  trustedClick(placeholderButton(placeholder, action));
}

export function isHidden(element: HTMLElement): boolean {
  return element.style.getPropertyValue('display') === 'none' && element.style.getPropertyPriority('display') === 'important';
}
