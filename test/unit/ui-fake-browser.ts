// A `browser` (src/browser.ts) stand-in for the popup and options page tests: the settings tests' quota-enforcing
// storage areas (with listeners of our own, so each test starts clean), i18n read from the shipped en
// messages (placeholders substituted the way browsers do), tabs with a scriptable content script, runtime.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { englishMessage, type LocaleMessage } from '../../src/cli/english';
import { createFakeStorage } from './settings-fake-browser';

const SOURCE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

/** A file under src/ (as a path: under jsdom the global URL is jsdom's, which node:fs does not take). */
export function readSource(relativePath: string): string {
  return readFileSync(resolve(SOURCE_DIR, relativePath), 'utf8');
}

export function readLocale(lang: string): Record<string, LocaleMessage> {
  return JSON.parse(readSource(`_locales/${lang}/messages.json`));
}

/** chrome.i18n.getMessage over the shipped English messages. */
export const getMessage = englishMessage;

export interface FakeTab {
  id: number;
  active: boolean;
  lastAccessed: number;
  url?: string;
}

export interface FakeBrowserOptions {
  tabs?: FakeTab[];
  /** The tab the page itself runs in (a popup opened as a tab); undefined for a toolbar popup. */
  currentTabId?: number;
  /** Plays the content script of a tab: the answer to a message, or throws like a tab without one. */
  contentScript?: (tabId: number, message: { type: string; id?: string }) => unknown;
}

export function createFakeBrowser(options: FakeBrowserOptions = {}) {
  const tabs = options.tabs ?? [{ id: 1, active: true, lastAccessed: 1, url: 'https://news.example/story' }];
  const contentScript = options.contentScript ?? (() => {
    throw new Error('Could not establish connection. Receiving end does not exist.');
  });
  return {
    storage: createFakeStorage().storage,
    i18n: { getMessage },
    tabs: {
      getCurrent: async () => tabs.find((tab) => tab.id === options.currentTabId),
      get: async (id: number) => {
        const tab = tabs.find((candidate) => candidate.id === id);
        if (!tab) throw new Error(`No tab with id: ${id}.`);
        return tab;
      },
      query: async (query: { active?: boolean }) => tabs.filter((tab) => query.active === undefined || tab.active === query.active),
      sendMessage: vi.fn(async (tabId: number, message: { type: string; id?: string }) => contentScript(tabId, message)),
    },
    runtime: { openOptionsPage: vi.fn(async () => undefined) },
  };
}

export type FakeBrowser = ReturnType<typeof createFakeBrowser>;

/** Puts a page's HTML (popup.html, options.html) into the jsdom document; its script tag is not run. */
function loadPageHtml(relativePath: string): void {
  const html = readSource(relativePath);
  document.documentElement.innerHTML = html.replace(/^<!doctype html>\s*<html>/i, '').replace(/<\/html>\s*$/, '');
}

/**
 * Opens an extension page under jsdom: its HTML, then its script in a fresh module graph bound to a new fake
 * browser (so timers and listeners of a page opened by an earlier test keep talking to their own fake).
 */
export async function openPage(
  htmlPath: string,
  loadScript: () => Promise<unknown>,
  options: FakeBrowserOptions = {},
  search = '',
): Promise<FakeBrowser> {
  const fake = createFakeBrowser(options);
  vi.resetModules();
  vi.doMock('../../src/browser', () => ({ default: fake }));
  window.history.replaceState(null, '', `/${htmlPath.split('/').pop()}${search}`);
  loadPageHtml(htmlPath);
  await loadScript();
  return fake;
}

/**
 * Resolves once a page's last save has reached its storage watch (the fake's delayed onChanged, then the
 * watch's 50 ms debounce) and rendered. Run after a test file, or that render meets a torn-down jsdom.
 */
export function settleStorageWatch(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 1000));
}

/** The settings module of the current module graph (the one the page under test uses). */
export function settingsStore(): Promise<typeof import('../../src/settings/store')> {
  return import('../../src/settings/store');
}

export async function storedSettings() {
  return (await (await settingsStore()).loadSettings()).settings;
}

export function byTestSelector<T extends Element = HTMLElement>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in the page`);
  return found;
}
