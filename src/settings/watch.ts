// Which storage items hold the settings (the layout is described in store.ts), and watching them change. Apart
// from store.ts because the content script watches settings but never loads, saves or validates them itself (it
// asks the background): its bundle takes this file alone.
import browser from '../browser';
import type { Storage } from 'webextension-polyfill';
import type { Settings } from './schema';

export const CORE_KEY = 'settings.core';

/** Which stored item holds each field. A Record over keyof Settings, so a new field must be placed. */
export const ITEM_OF_FIELD: Record<keyof Settings, string> = {
  version: CORE_KEY,
  detectors: CORE_KEY,
  sensitivity: CORE_KEY,
  placeholderMode: CORE_KEY,
  disabledSites: 'settings.sites',
  siteExceptions: 'settings.sites',
  userPhrases: 'settings.phrases',
  userSelectors: 'settings.selectors',
  neverHide: 'settings.selectors',
};

/** The storage keys that hold settings (not the backup). */
export const SETTINGS_KEYS: readonly string[] = [...new Set(Object.values(ITEM_OF_FIELD))];

/**
 * Calls `listener` with what `load` gives whenever settings change in either area (this page's saves
 * included). A burst of changes within `debounceMs` gives one call. Returns the function that stops watching.
 * `load` is loadSettings in the extension's pages; the content script asks the background instead.
 */
export function watchStoredSettings<T>(
  load: () => Promise<T>,
  listener: (value: T) => void,
  { debounceMs = 50 }: { debounceMs?: number } = {},
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;
  let watching = true;
  const reload = (): void => {
    const call = ++latest;
    load().then(
      (value) => {
        // A slower earlier load must not overwrite the result of a later one.
        if (watching && call === latest) listener(value);
      },
      (error: unknown) => console.warn('Tidings: could not reload the changed settings.', error),
    );
  };
  const onChanged = (changes: Record<string, Storage.StorageChange>, areaName: string): void => {
    if (areaName !== 'sync' && areaName !== 'local') return;
    // The backup key is left out: load writes it, and reacting to it would reload in a loop.
    if (!Object.keys(changes).some((key) => SETTINGS_KEYS.includes(key))) return;
    clearTimeout(timer);
    timer = setTimeout(reload, debounceMs);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => {
    watching = false;
    clearTimeout(timer);
    browser.storage.onChanged.removeListener(onChanged);
  };
}
