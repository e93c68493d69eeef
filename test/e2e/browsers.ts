// Starts Debian's Chromium or Firefox ESR headless with the built extension loaded, on a fresh (or given)
// profile, and hides the differences between the two behind one ExtensionSession.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser, type Page, type Viewport, type WebWorker } from 'puppeteer-core';
import { browserExecutable, type BrowserName } from '../../src/cli/browser-paths';

export type { BrowserName };

/** A browser that gives a test no way to its keyboard shortcuts (see ExtensionSession.pressShortcut). */
export class ShortcutUnreachable extends Error {}

/** The gecko id in dist/firefox/manifest.json. */
const firefoxExtensionId = 'tidings@tidings.invalid';

const chromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-gpu',
];

/** The subset of the WebExtension API the tests call inside extension contexts (chrome.* in Chromium, browser.* in Firefox). */
export interface ExtensionApi {
  tabs: {
    query(filter: Record<string, unknown>): Promise<{ id?: number; url?: string; active: boolean }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  scripting: { executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown> };
  commands: {
    getAll(): Promise<{ name?: string; shortcut?: string }[]>;
    /** Chromium's own event object, in the service worker: hands the command to the background's listener as a key press does. */
    onCommand: { dispatch?(command: string, tab: { id: number }): void };
  };
  storage: Record<'sync' | 'local', { get(keys: null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void>; clear(): Promise<void> }> & {
    onChanged: { addListener(listener: (changes: Record<string, unknown>, area: string) => void): void };
  };
}

export interface ExtensionSession {
  name: BrowserName;
  browser: Browser;
  userDataDir: string;
  /** Where downloads land (the options page's export). */
  downloadDir: string;
  /** chrome-extension://ID/file or moz-extension://UUID/file */
  extensionUrl(file: string): string;
  /** Opens a web page in a new tab (sized to `viewport` before it loads) and waits for its load event. */
  openPage(url: string, viewport?: Viewport): Promise<Page>;
  /** Opens an extension page (popup.html?tab=N, options.html) in a new tab and waits until it has loaded. */
  openExtensionPage(file: string, viewport?: Viewport): Promise<Page>;
  /** The WebExtension tab id of a page (brings the page to the front). */
  tabIdOf(page: Page): Promise<number>;
  badgeText(tabId: number): Promise<string>;
  /** Evaluates in an extension context: the service worker in Chromium, an extension page in Firefox. */
  extensionEval<T, A extends unknown[]>(fn: (api: ExtensionApi, ...args: A) => Promise<T>, ...args: A): Promise<T>;
  /** Everything the extension keeps in storage.sync and storage.local. */
  storedData(): Promise<{ sync: Record<string, unknown>; local: Record<string, unknown> }>;
  /** Clears storage.sync and storage.local: the next page starts from default settings. */
  clearStorage(): Promise<void>;
  /**
   * Starts the picker in a page's tab as a reader does where the browser lets a test do it. Chromium: the toolbar
   * button is clicked (which grants activeTab), and "Pick a block to hide…" in the popup that opens. Firefox (BiDi has
   * no toolbar click): the extension injects the picker as the popup does; the content script's host permission
   * lets it there without the click.
   */
  startPicker(page: Page): Promise<void>;
  /**
   * Runs one of the extension's keyboard shortcuts (manifest `commands`) on a page's tab, through the browser's own
   * shortcut handling as far as a headless browser lets a test reach it (key presses a test sends go to the page, never
   * to the browser's shortcuts). Chromium: its commands event, dispatched in the service worker with the tab, as
   * Chromium does on the key. Firefox: the <key> element Firefox made for the shortcut in the browser window, pressed
   * (doCommand) over WebDriver BiDi's chrome scope, which --remote-allow-system-access opens. Throws
   * ShortcutUnreachable where the browser gives a test no such way (Firefox ESR 140's BiDi has no chrome scope).
   */
  pressShortcut(page: Page, command: string): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Reuse a profile (to test a restart); a fresh temporary one by default. */
  userDataDir?: string;
  /** Built extension folder; dist/chrome or dist/firefox by default. */
  extensionDir?: string;
  /**
   * The colour scheme pages see (screenshots in light and dark). Firefox takes it as a preference at launch, since
   * WebDriver BiDi cannot emulate media features; Chromium pages are emulated one by one (Page.emulateMediaFeatures).
   */
  firefoxColorScheme?: 'light' | 'dark';
}

function distDir(name: BrowserName): string {
  return path.resolve(name === 'chromium' ? 'dist/chrome' : 'dist/firefox');
}

const snapshots = new Map<string, string>();

/** Removes the private copies of the extension (test files call it when done; the demo at exit). */
export function removeExtensionCopies(): void {
  for (const copy of snapshots.values()) removeDir(path.dirname(copy));
  snapshots.clear();
}
process.once('exit', removeExtensionCopies);

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * A private copy of a built extension, made once per test process: a rebuild of dist/ while a suite runs
 * (npm run watch) must not pull files from under a running browser. The same copy serves every launch,
 * so a restarted Chromium sees the same extension id.
 */
function snapshotOf(extensionDir: string): string {
  let copy = snapshots.get(extensionDir);
  if (copy === undefined) {
    copy = path.join(makeTempDir('extension'), path.basename(extensionDir));
    fs.cpSync(extensionDir, copy, { recursive: true });
    snapshots.set(extensionDir, copy);
  }
  return copy;
}

export function makeTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `tidings-${prefix}-`));
}

/** Fails with the reason rather than skipping: a suite that cannot start a browser is broken, not optional. */
function assertRunnable(name: BrowserName, extensionDir: string): void {
  const executable = browserExecutable(name);
  if (!fs.existsSync(executable.path)) {
    throw new Error(
      executable.overridden
        ? `${executable.path} (${executable.variable}) is missing`
        : `${executable.path} is missing: install the Debian package (${executable.debianPackage})`,
    );
  }
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`${extensionDir}/manifest.json is missing: run npm run build first`);
  }
}

export async function launchWithExtension(name: BrowserName, options: LaunchOptions = {}): Promise<ExtensionSession> {
  const builtDir = options.extensionDir ?? distDir(name);
  assertRunnable(name, builtDir);
  const extensionDir = snapshotOf(builtDir);
  const userDataDir = options.userDataDir ?? makeTempDir(`${name}-profile`);
  const downloadDir = makeTempDir(`${name}-downloads`);
  // A profile we made goes with the browser; one passed in belongs to the caller (a restart test).
  const ownDirs = options.userDataDir === undefined ? [userDataDir, downloadDir] : [downloadDir];
  const removeOwnDirs = () => ownDirs.forEach(removeDir);
  try {
    const session = await (name === 'chromium'
      ? launchChromium(extensionDir, userDataDir, downloadDir)
      : launchFirefox(extensionDir, userDataDir, downloadDir, options.firefoxColorScheme));
    return {
      ...session,
      close: async () => {
        await session.close();
        removeOwnDirs();
      },
    };
  } catch (error) {
    removeOwnDirs();
    throw error;
  }
}

/**
 * A new tab, sized before anything loads in it: switching touch on reloads a page, and a reload of a Firefox
 * extension page, like its first navigation, never reports its load.
 */
async function newPage(browser: Browser, viewport: Viewport | undefined): Promise<Page> {
  const page = await browser.newPage();
  if (viewport) await setViewport(page, viewport);
  return page;
}
/**
 * page.setViewport that also works in Firefox ESR 140. Puppeteer sends WebDriver BiDi's
 * browsingContext.setViewport and emulation.setScreenOrientationOverride together; ESR 140 does not know the
 * second (ESR 153 does) and refuses it, maybe before the first, the part the tests need, has been applied. So
 * that one error is tolerated once the new width shows in the page.
 */
export async function setViewport(page: Page, viewport: Viewport): Promise<void> {
  try {
    await page.setViewport(viewport);
  } catch (error) {
    if (!(error instanceof Error && error.message.includes('unknown command emulation.setScreenOrientationOverride'))) throw error;
    const deadline = Date.now() + 5_000;
    let width = await page.evaluate(() => window.innerWidth);
    while (width !== viewport.width && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      width = await page.evaluate(() => window.innerWidth);
    }
    if (width !== viewport.width) throw new Error(`viewport width ${width} instead of ${viewport.width} after: ${error.message}`);
  }
}

async function openAndLoad(browser: Browser, url: string, viewport?: Viewport): Promise<Page> {
  const page = await newPage(browser, viewport);
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

async function launchChromium(extensionDir: string, userDataDir: string, downloadDir: string): Promise<ExtensionSession> {
  const browser = await puppeteer.launch({
    executablePath: browserExecutable('chromium').path,
    headless: true,
    pipe: true,
    enableExtensions: [extensionDir],
    userDataDir,
    args: chromiumArgs,
    downloadBehavior: { policy: 'allow', downloadPath: downloadDir },
  });
  try {
    const workerTarget = await browser.waitForTarget((t) => t.type() === 'service_worker', { timeout: 20_000 });
    const origin = `chrome-extension://${new URL(workerTarget.url()).host}`;
    // An idle MV3 worker may be stopped and restarted; look it up afresh for every call. A worker target
    // can be listed before its extension API is bound (or while it is going away): CI once met one without
    // browser or chrome right after launch, so wait until the API is there.
    const worker = async (): Promise<WebWorker> => {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(origin), { timeout: 20_000 });
        const found = await target.worker();
        const bound = await found?.evaluate(() => {
          const scope = globalThis as unknown as { browser?: { storage?: unknown }; chrome?: { storage?: unknown } };
          return (scope.browser ?? scope.chrome)?.storage !== undefined;
        }).catch(() => false);
        if (found && bound) return found;
        if (Date.now() > deadline) throw new Error('the extension service worker has no extension API after 20 s');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const extensionEval: ExtensionSession['extensionEval'] = async (fn, ...args) => evaluateWithApi(await worker(), fn, args);
    const startPicker = async (page: Page): Promise<void> => {
      const extension = [...(await browser.extensions()).values()].find((candidate) => origin.endsWith(candidate.id));
      if (!extension) throw new Error('Chromium does not list the extension');
      await page.bringToFront();
      await page.triggerExtensionAction(extension);
      const popupTarget = await browser.waitForTarget((t) => t.url().startsWith(`${origin}/popup.html`), { timeout: 20_000 });
      const popup = await popupTarget.asPage();
      // Shown once the popup has heard from the page; the popup closes itself once the picker is in.
      await popup.waitForSelector('#pick', { visible: true, timeout: 20_000 });
      await popup.click('#pick');
    };
    const session = makeSession('chromium', browser, userDataDir, downloadDir, origin, extensionEval, (url, viewport) => openAndLoad(browser, url, viewport), {
      startPicker,
      async pressShortcut(page, command) {
        const tabId = await session.tabIdOf(page);
        await extensionEval(async (api, name, id) => api.commands.onCommand.dispatch?.(name, { id }), command, tabId);
      },
    });
    return session;
  } catch (error) {
    await browser.close();
    throw error;
  }
}

async function launchFirefox(extensionDir: string, userDataDir: string, downloadDir: string, colorScheme?: 'light' | 'dark'): Promise<ExtensionSession> {
  // Pinning the UUID gives moz-extension:// URLs we know before the add-on is installed, and the
  // same URLs after a restart with the same profile.
  const uuid = readOrCreateFirefoxUuid(userDataDir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: browserExecutable('firefox').path,
    headless: true,
    userDataDir,
    // Without it Firefox refuses BiDi navigation to moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [firefoxExtensionId]: uuid }),
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      // 0: dark, 1: light, 2: as the system (the default).
      'layout.css.prefers-color-scheme.content-override': colorScheme === undefined ? 2 : colorScheme === 'dark' ? 0 : 1,
    },
  });
  try {
    // A temporary add-on: gone when the browser closes, so it is installed again on every launch.
    await browser.installExtension(extensionDir);
    const origin = `moz-extension://${uuid}`;
    const openExtension = (url: string, viewport?: Viewport) => openFirefoxExtensionPage(browser, url, viewport);
    // Firefox's background page is not reachable over BiDi; an inert extension page has the same APIs.
    const control = await openExtension(`${origin}/manifest.json`);
    const extensionEval: ExtensionSession['extensionEval'] = (fn, ...args) => evaluateWithApi(control, fn, args);
    const session = makeSession('firefox', browser, userDataDir, downloadDir, origin, extensionEval, (url, viewport) =>
      url.startsWith('moz-extension:') ? openExtension(url, viewport) : openAndLoad(browser, url, viewport),
      {
        async startPicker(page) {
          const tabId = await session.tabIdOf(page);
          await extensionEval((api, id) => api.scripting.executeScript({ target: { tabId: id }, files: ['picker.js'] }), tabId);
        },
        async pressShortcut(page, command) {
          await page.bringToFront();
          const shortcut = (await extensionEval((api) => api.commands.getAll())).find((entry) => entry.name === command)?.shortcut;
          const key = shortcut?.split('+').pop();
          if (!key) throw new Error(`no key is set for the ${command} shortcut`);
          const bidi = (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: unknown }> } }).connection;
          const tree = (await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string; url: string }[] };
          const window = tree.contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml');
          // ESR 140 answers with the content tabs: its BiDi has no chrome scope yet.
          if (!window) throw new ShortcutUnreachable(`this Firefox's WebDriver BiDi has no chrome scope, where its shortcuts are`);
          const keyset = `ext-keyset-id-${firefoxExtensionId.replace(/[^a-z0-9_-]/gi, '_')}`;
          const pressed = (await bidi.send('script.evaluate', {
            expression: `(() => { const key = document.querySelector('keyset#${keyset} > key[key="${key}"]'); key?.doCommand(); return key != null; })()`,
            target: { context: window.context },
            awaitPromise: false,
          })).result as { result?: { value?: boolean } };
          if (pressed.result?.value !== true) throw new Error(`Firefox has no <key> for ${shortcut} in ${keyset}`);
        },
      },
    );
    return session;
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** Runs fn in an extension context with its API object (browser.* where it exists, else chrome.*, both promise-based) as first argument. */
async function evaluateWithApi<T, A extends unknown[]>(
  context: Page | WebWorker,
  fn: (api: ExtensionApi, ...args: A) => Promise<T>,
  args: A,
): Promise<T> {
  const api = await context.evaluateHandle(() => {
    const scope = globalThis as unknown as { browser?: ExtensionApi; chrome: ExtensionApi };
    return scope.browser ?? scope.chrome;
  });
  try {
    return (await context.evaluate(fn as (api: unknown, ...args: unknown[]) => Promise<unknown>, api, ...args)) as T;
  } finally {
    await api.dispose();
  }
}

function readOrCreateFirefoxUuid(userDataDir: string): string {
  const file = path.join(userDataDir, 'tidings-e2e-uuid');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const uuid = randomUUID();
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.writeFileSync(file, uuid);
  return uuid;
}

/**
 * Over BiDi a navigation to moz-extension:// never reports load events (the goto ends in "Frame
 * detached"), so it is fired without waiting and the document is polled until it has loaded.
 */
async function openFirefoxExtensionPage(browser: Browser, url: string, viewport?: Viewport): Promise<Page> {
  const page = await newPage(browser, viewport);
  page.goto(url).catch(() => undefined);
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const state = await page.evaluate(() => [location.href, document.readyState]).catch(() => undefined);
    if (state?.[0] === url && state[1] === 'complete') return page;
  }
  throw new Error(`Firefox did not load ${url} within 20 s`);
}

function makeSession(
  name: BrowserName,
  browser: Browser,
  userDataDir: string,
  downloadDir: string,
  origin: string,
  extensionEval: ExtensionSession['extensionEval'],
  open: (url: string, viewport?: Viewport) => Promise<Page>,
  edges: Pick<ExtensionSession, 'startPicker' | 'pressShortcut'>,
): ExtensionSession {
  return {
    name,
    browser,
    userDataDir,
    downloadDir,
    extensionUrl: (file) => `${origin}/${file}`,
    extensionEval,
    openPage: open,
    openExtensionPage: (file, viewport) => open(`${origin}/${file}`, viewport),
    async tabIdOf(page) {
      await page.bringToFront();
      const url = page.url();
      const active = await extensionEval((api) => api.tabs.query({ active: true }));
      // Tab URLs are visible only with host permissions; when they are, they must agree.
      const candidates = active.filter((tab) => tab.url === undefined || tab.url === url);
      const id = candidates[0]?.id;
      if (candidates.length !== 1 || id === undefined) {
        throw new Error(`cannot tell the tab id of ${url}: active tabs ${JSON.stringify(active)}`);
      }
      return id;
    },
    badgeText: (tabId) => extensionEval((api, id) => api.action.getBadgeText({ tabId: id }), tabId),
    storedData: () =>
      extensionEval(async (api) => ({ sync: await api.storage.sync.get(null), local: await api.storage.local.get(null) })),
    clearStorage: () => extensionEval(async (api) => {
      await api.storage.sync.clear();
      await api.storage.local.clear();
    }),
    ...edges,
    close: () => browser.close(),
  };
}

/** Chromium without the extension, for the demo's "before" picture. */
export async function launchPlainChromium(): Promise<Browser> {
  const { path: executablePath } = browserExecutable('chromium');
  if (!fs.existsSync(executablePath)) throw new Error(`${executablePath} is missing`);
  return puppeteer.launch({
    executablePath,
    headless: true,
    pipe: true,
    // Puppeteer makes a temporary profile and removes it on close.
    args: chromiumArgs,
  });
}
