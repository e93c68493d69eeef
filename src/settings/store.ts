// Where settings live: storage.sync, or storage.local when sync is unavailable or the settings do not fit
// its quota. The browser edge of the settings; everything read goes through validate.ts.
//
// Layout (the same keys in either area):
//   "settings.core"      { version, savedAt, detectors, sensitivity, placeholderMode }
//   "settings.sites"     { disabledSites, siteExceptions }
//   "settings.phrases"   { userPhrases }
//   "settings.selectors" { userSelectors }
//   "settings.backup"    (local only) a copy of stored data that failed validation, kept before defaults
//                        were used: { keptAt, area, errors, items }
// Split in four so ordinary settings fit sync's 8 KB per-item quota (four items also stay far below its
// 100 KB total and 512 items). All four keys are written in one `set` call, which the browser applies
// whole or not at all, and which fires one onChanged event.
//
// Which area is current: `savedAt` (in "settings.core") orders the copies; load takes the newer one, sync
// on a tie. A save always stamps a savedAt above both stored ones, so a save that falls back to local is
// the newer copy on the next load even if sync still holds older settings, and a later save that fits in
// sync again (or a save on another device that syncs here) wins over the local copy in turn.
import browser from 'webextension-polyfill';
import type { Storage } from 'webextension-polyfill';
import { defaultSettings, type Settings } from './schema';
import { isRecord, migrateAndValidate, parseSettingsImport, validateSettings } from './validate';

export type StorageAreaName = 'sync' | 'local';

export interface LoadedSettings {
  settings: Settings;
  /** The area the settings were read from (or would be written to, when nothing is stored yet). */
  area: StorageAreaName;
  /** Something the user should know (fallback to local, invalid data replaced by defaults); the UI shows it. */
  notice?: string;
}

export interface SaveResult {
  area: StorageAreaName;
  notice?: string;
}

/** Chrome's storage.sync limit per item (key length + JSON length); Firefox's is the same. */
export const SYNC_QUOTA_BYTES_PER_ITEM = 8192;

const CORE_KEY = 'settings.core';
export const BACKUP_KEY = 'settings.backup';

/** Which stored item holds each field. A Record over keyof Settings, so a new field must be placed. */
const ITEM_OF_FIELD: Record<keyof Settings, string> = {
  version: CORE_KEY,
  detectors: CORE_KEY,
  sensitivity: CORE_KEY,
  placeholderMode: CORE_KEY,
  disabledSites: 'settings.sites',
  siteExceptions: 'settings.sites',
  userPhrases: 'settings.phrases',
  userSelectors: 'settings.selectors',
};

/** The storage keys that hold settings (not the backup). */
export const SETTINGS_KEYS: readonly string[] = [...new Set(Object.values(ITEM_OF_FIELD))];

interface StoredCopy {
  area: StorageAreaName;
  /** The raw items as read. */
  items: Record<string, unknown>;
  savedAt: number;
}

type AreaRead = { area: StorageAreaName; ok: true; copy?: StoredCopy } | { area: StorageAreaName; ok: false; error: string };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function storageArea(area: StorageAreaName): Storage.StorageArea | undefined {
  // storage.sync is missing in some builds (and the polyfill passes that through).
  return area === 'sync' ? browser.storage.sync : browser.storage.local;
}

function toItems(settings: Settings, savedAt: number): Record<string, Record<string, unknown>> {
  const items: Record<string, Record<string, unknown>> = Object.fromEntries(SETTINGS_KEYS.map((key) => [key, {}]));
  items[CORE_KEY]!.savedAt = savedAt;
  for (const [field, key] of Object.entries(ITEM_OF_FIELD)) items[key]![field] = settings[field as keyof Settings];
  return items;
}

/** The settings data spread over the items (savedAt removed); validation judges what is missing or wrong. */
function fromItems(items: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const key of SETTINGS_KEYS) {
    const item = items[key];
    if (isRecord(item)) Object.assign(data, item);
  }
  delete data.savedAt;
  return data;
}

async function readArea(area: StorageAreaName): Promise<AreaRead> {
  const storage = storageArea(area);
  if (!storage) return { area, ok: false, error: `storage.${area} is not available in this browser` };
  try {
    const items = await storage.get([...SETTINGS_KEYS]);
    if (!SETTINGS_KEYS.some((key) => key in items)) return { area, ok: true };
    const core = items[CORE_KEY];
    const savedAt = isRecord(core) && typeof core.savedAt === 'number' ? core.savedAt : 0;
    return { area, ok: true, copy: { area, items, savedAt } };
  } catch (error) {
    return { area, ok: false, error: messageOf(error) };
  }
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Why these items cannot go to sync without trying (so no doomed write is attempted), or undefined. */
function syncQuotaProblem(items: Record<string, unknown>): string | undefined {
  for (const [key, value] of Object.entries(items)) {
    const bytes = utf8Length(key) + utf8Length(JSON.stringify(value));
    if (bytes > SYNC_QUOTA_BYTES_PER_ITEM) {
      return `"${key}" takes ${bytes} bytes and browser sync allows ${SYNC_QUOTA_BYTES_PER_ITEM} per item`;
    }
  }
  return undefined;
}

/**
 * Chromium 156 says "Resource::kQuotaBytesPerItem quota exceeded" (older Chrome "QUOTA_BYTES_PER_ITEM quota
 * exceeded", and "MAX_WRITE_OPERATIONS_PER_MINUTE quota" when writing too often); Firefox ESR 153 says
 * "QuotaExceededError: storage.sync API call exceeded its quota limitations.".
 */
function isQuotaError(message: string): boolean {
  return /quota/i.test(message);
}

/** Writes all items in one call. Returns why it failed, or undefined on success. */
async function writeArea(area: StorageAreaName, items: Record<string, unknown>): Promise<string | undefined> {
  const storage = storageArea(area);
  if (!storage) return `storage.${area} is not available in this browser`;
  if (area === 'sync') {
    const tooBig = syncQuotaProblem(items);
    if (tooBig) return `the settings are too large for browser sync (${tooBig})`;
  }
  try {
    await storage.set(items);
    return undefined;
  } catch (error) {
    const message = messageOf(error);
    return isQuotaError(message) ? `browser sync refused them as over its quota (${message})` : message;
  }
}

/** Keeps invalid stored data before defaults are used in its place; skips the write when already kept. */
async function keepBackup(copy: StoredCopy, errors: string[]): Promise<string | undefined> {
  try {
    const existing = (await browser.storage.local.get(BACKUP_KEY))[BACKUP_KEY];
    const sameCopy =
      isRecord(existing) &&
      existing.area === copy.area &&
      JSON.stringify(existing.items) === JSON.stringify(copy.items);
    if (!sameCopy) {
      await browser.storage.local.set({ [BACKUP_KEY]: { keptAt: Date.now(), area: copy.area, errors, items: copy.items } });
    }
    return undefined;
  } catch (error) {
    return messageOf(error);
  }
}

function joinNotices(...notices: (string | undefined)[]): string | undefined {
  const present = notices.filter((n): n is string => n !== undefined && n !== '');
  return present.length > 0 ? present.join(' ') : undefined;
}

/**
 * Reads the newest stored settings and validates them. Never throws: unreadable storage and invalid data
 * give the defaults plus a notice; invalid data is first copied to "settings.backup" in storage.local and
 * is itself left in place until the next save.
 */
export async function loadSettings(): Promise<LoadedSettings> {
  const reads = await Promise.all([readArea('sync'), readArea('local')]);
  const failed = reads.filter((read): read is Extract<AreaRead, { ok: false }> => !read.ok);
  const readNotice = joinNotices(
    ...failed.map((read) =>
      read.area === 'sync'
        ? `Browser sync is unavailable (${read.error}); settings are kept on this device only.`
        : `Could not read local storage (${read.error}).`,
    ),
  );
  const copies = reads.flatMap((read) => (read.ok && read.copy ? [read.copy] : []));
  // Newest first; sort is stable, so on a tie sync (read first) stays first.
  const newest = copies.sort((a, b) => b.savedAt - a.savedAt)[0];
  if (!newest) {
    const area = reads[0].ok ? 'sync' : 'local';
    return { settings: defaultSettings(), area, notice: readNotice };
  }
  const result = migrateAndValidate(fromItems(newest.items), { unknown: 'ignore' });
  if (result.ok) {
    const ignored = result.warnings
      ? `Some stored settings are not known to this version of Tidings (perhaps saved by a newer one) and were ignored: ${result.warnings.join('; ')}.`
      : undefined;
    return { settings: result.settings, area: newest.area, notice: joinNotices(readNotice, ignored) };
  }
  const backupError = await keepBackup(newest, result.errors);
  const kept = backupError
    ? `Keeping a backup copy failed (${backupError}); the invalid data stays in storage.${newest.area} until you save.`
    : `A copy was kept in local storage under "${BACKUP_KEY}".`;
  return {
    settings: defaultSettings(),
    area: newest.area,
    notice: joinNotices(
      readNotice,
      `The stored settings (storage.${newest.area}) are invalid and were not applied: ${result.errors.join('; ')}.`,
      kept,
      'Tidings uses the default settings until you save.',
    ),
  };
}

/** A savedAt above every stored copy's, so the copy being written is the newest even if the clock stepped back. */
async function nextSavedAt(): Promise<number> {
  const reads = await Promise.all([readArea('sync'), readArea('local')]);
  const stored = reads.map((read) => (read.ok && read.copy ? read.copy.savedAt : 0));
  return Math.max(Date.now(), ...stored.map((savedAt) => savedAt + 1));
}

async function writeSettings(settings: Settings): Promise<SaveResult & { settings: Settings }> {
  const checked = validateSettings(settings);
  if (!checked.ok) throw new Error(`Settings were not saved because they are invalid: ${checked.errors.join('; ')}`);
  const items = toItems(checked.settings, await nextSavedAt());
  const syncProblem = await writeArea('sync', items);
  if (syncProblem === undefined) return { settings: checked.settings, area: 'sync' };
  const localProblem = await writeArea('local', items);
  if (localProblem === undefined) {
    return {
      settings: checked.settings,
      area: 'local',
      notice: `Settings were saved on this device only and will not sync to your other browsers: ${syncProblem}.`,
    };
  }
  throw new Error(
    `Could not save settings. Browser sync: ${syncProblem}. Local storage: ${localProblem}. Nothing was changed; your previous settings are still in place.`,
  );
}

/**
 * Saves to storage.sync, or to storage.local (with a notice) when sync is unavailable or over quota.
 * Throws an Error with a clear message when the settings are invalid or both areas fail; then nothing stored changed.
 */
export async function saveSettings(settings: Settings): Promise<SaveResult> {
  const { area, notice } = await writeSettings(settings);
  return notice === undefined ? { area } : { area, notice };
}

/**
 * Reads an export file and, only if it is valid as a whole, saves it. On any problem nothing is
 * written and the errors name the field; when saving fails, the Error's message is the one error.
 */
export async function importSettings(json: string): Promise<(SaveResult & { ok: true; settings: Settings }) | { ok: false; errors: string[] }> {
  const parsed = parseSettingsImport(json);
  if (!parsed.ok) return parsed;
  try {
    const saved = await writeSettings(parsed.settings);
    return { ok: true, ...saved };
  } catch (error) {
    return { ok: false, errors: [messageOf(error)] };
  }
}

// Read-modify-write cycles from this page run one after another, so two quick toggles both land.
let updateQueue: Promise<unknown> = Promise.resolve();

/** Loads the current settings, applies `change` and saves the result (see saveSettings for failures). */
export function updateSettings(change: (current: Settings) => Settings): Promise<LoadedSettings> {
  const run = updateQueue.then(async (): Promise<LoadedSettings> => {
    const loaded = await loadSettings();
    const saved = await writeSettings(change(loaded.settings));
    const notice = joinNotices(loaded.notice, saved.notice);
    return notice === undefined ? { settings: saved.settings, area: saved.area } : { settings: saved.settings, area: saved.area, notice };
  });
  updateQueue = run.catch(() => undefined);
  return run;
}

/**
 * Calls `listener` with freshly loaded, validated settings whenever settings change in either area
 * (this page's saves included). A burst of changes within `debounceMs` gives one call. Returns the
 * function that stops watching.
 */
export function watchSettings(
  listener: (settings: Settings, loaded: LoadedSettings) => void,
  { debounceMs = 50 }: { debounceMs?: number } = {},
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;
  let watching = true;
  const reload = (): void => {
    const call = ++latest;
    void loadSettings().then((loaded) => {
      // A slower earlier load must not overwrite the result of a later one.
      if (watching && call === latest) listener(loaded.settings, loaded);
    });
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
