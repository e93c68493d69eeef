// Where settings live: storage.sync, or storage.local when sync is unavailable or the settings do not fit
// its quota. The browser edge of the settings; everything read goes through validate.ts. Which item holds which
// field, and watching them change: watch.ts.
//
// Layout (the same keys in either area):
//   "settings.core"      { version, savedAt, detectors, sensitivity, placeholderMode }
//   "settings.sites"     { disabledSites, siteExceptions }
//   "settings.phrases"   { userPhrases }
//   "settings.selectors" { userSelectors, neverHide }
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
import browser from '../browser';
import type { Storage } from 'webextension-polyfill';
import { defaultSettings, type Settings } from './schema';
import { isRecord, migrateAndValidate, parseSettingsImport, validateSettings } from './validate';
import { CORE_KEY, ITEM_OF_FIELD, SETTINGS_KEYS, watchStoredSettings } from './watch';

export type StorageAreaName = 'sync' | 'local';

/** The _locales keys of notices; each key's $1, $2… are the notice's substitutions in this order. */
export type NoticeKey =
  | 'notice_saved_locally' // reason
  | 'notice_sync_unreadable' // reason
  | 'notice_local_unreadable' // browser's error
  | 'notice_unknown_ignored' // validation warnings
  | 'notice_invalid_stored' // "storage.sync" | "storage.local", validation errors
  | 'notice_backup_kept' // backup key
  | 'notice_backup_failed' // browser's error, "storage.sync" | "storage.local"
  | 'notice_using_defaults'
  | 'notice_save_invalid' // validation errors
  | 'notice_save_failed' // sync's reason, local's reason
  | 'notice_reason_no_sync'
  | 'notice_reason_too_large' // item key, its bytes, the per-item limit
  | 'notice_reason_over_quota' // browser's error
  | 'notice_import_not_json'
  | 'notice_import_too_large'; // the largest file's length

/**
 * Something the user should know, translated where it is shown (browser.i18n.getMessage(key, substitutions)).
 * A substitution is either text left untranslated (a browser's error, validation messages that name fields,
 * numbers) or a notice itself, translated first (the reason inside "saved on this device only: <reason>").
 */
export interface Notice {
  key: NoticeKey;
  substitutions?: (string | Notice)[];
}

export interface LoadedSettings {
  settings: Settings;
  /** The area the settings were read from (or would be written to, when nothing is stored yet). */
  area: StorageAreaName;
  /** What the user should know (fallback to local, invalid data replaced by defaults), in order; the UI shows them. */
  notices?: Notice[];
}

export interface SaveResult {
  area: StorageAreaName;
  notices?: Notice[];
}

/**
 * A save that stored nothing. The message is English, for logs (the content script only logs it);
 * the pages show `notice`, translated.
 */
export class SettingsSaveError extends Error {
  constructor(
    message: string,
    readonly notice: Notice,
  ) {
    super(message);
    this.name = 'SettingsSaveError';
  }
}

/** Chrome's storage.sync limit per item (key length + JSON length); Firefox's is the same. */
export const SYNC_QUOTA_BYTES_PER_ITEM = 8192;

export const BACKUP_KEY = 'settings.backup';

interface StoredCopy {
  area: StorageAreaName;
  /** The raw items as read. */
  items: Record<string, unknown>;
  savedAt: number;
}

/** Why a storage area could not be read or written. */
type AreaProblem =
  | { cause: 'no-sync' } // this browser has no storage.sync
  | { cause: 'too-large'; item: string; bytes: number } // an item over sync's per-item quota, found before writing
  | { cause: 'over-quota'; error: string } // the browser refused the write as over a sync quota
  | { cause: 'failed'; error: string }; // anything else, in the browser's words

type AreaRead = { area: StorageAreaName; ok: true; copy?: StoredCopy } | { area: StorageAreaName; ok: false; problem: AreaProblem };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The problem in English, for the message of a SettingsSaveError. */
function problemText(problem: AreaProblem): string {
  switch (problem.cause) {
    case 'no-sync':
      return 'storage.sync is not available in this browser';
    case 'too-large':
      return `the settings are too large for browser sync ("${problem.item}" takes ${problem.bytes} bytes and browser sync allows ${SYNC_QUOTA_BYTES_PER_ITEM} per item)`;
    case 'over-quota':
      return `browser sync refused them as over its quota (${problem.error})`;
    case 'failed':
      return problem.error;
  }
}

/** The problem as a notice substitution: translated, with the browser's own words left as they are. */
function problemNotice(problem: AreaProblem): string | Notice {
  switch (problem.cause) {
    case 'no-sync':
      return { key: 'notice_reason_no_sync' };
    case 'too-large':
      return { key: 'notice_reason_too_large', substitutions: [problem.item, String(problem.bytes), String(SYNC_QUOTA_BYTES_PER_ITEM)] };
    case 'over-quota':
      return { key: 'notice_reason_over_quota', substitutions: [problem.error] };
    case 'failed':
      return problem.error;
  }
}

function storageArea(area: StorageAreaName): Storage.StorageArea | undefined {
  // storage.sync is missing in some builds (and the polyfill passes that through); storage.local comes with the
  // storage permission, so a missing area is always sync.
  return area === 'sync' ? browser.storage.sync : browser.storage.local;
}

/** The storage items that hold `settings` (see the layout above); exported for tests that store data as a browser would. */
export function toItems(settings: Settings, savedAt: number): Record<string, Record<string, unknown>> {
  const items: Record<string, Record<string, unknown>> = Object.fromEntries(SETTINGS_KEYS.map((key) => [key, {}]));
  items[CORE_KEY]!.savedAt = savedAt;
  for (const [field, key] of Object.entries(ITEM_OF_FIELD)) items[key]![field] = settings[field as keyof Settings];
  return items;
}

/** The settings data spread over the items (savedAt removed); validation judges what is missing or wrong. */
function fromItems(items: Record<string, unknown>): Record<string, unknown> {
  // No prototype: a stored "__proto__" field is then a field like any other, for validation to refuse.
  const data: Record<string, unknown> = Object.create(null);
  for (const key of SETTINGS_KEYS) {
    const item = items[key];
    if (isRecord(item)) for (const [field, value] of Object.entries(item)) data[field] = value;
  }
  delete data.savedAt;
  return data;
}

async function readArea(area: StorageAreaName): Promise<AreaRead> {
  const storage = storageArea(area);
  if (!storage) return { area, ok: false, problem: { cause: 'no-sync' } };
  try {
    const items = await storage.get([...SETTINGS_KEYS]);
    if (!SETTINGS_KEYS.some((key) => key in items)) return { area, ok: true };
    const core = items[CORE_KEY];
    const savedAt = isRecord(core) && typeof core.savedAt === 'number' ? core.savedAt : 0;
    return { area, ok: true, copy: { area, items, savedAt } };
  } catch (error) {
    return { area, ok: false, problem: { cause: 'failed', error: messageOf(error) } };
  }
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Why these items cannot go to sync without trying (so no doomed write is attempted), or undefined. */
function syncQuotaProblem(items: Record<string, unknown>): AreaProblem | undefined {
  for (const [key, value] of Object.entries(items)) {
    const bytes = utf8Length(key) + utf8Length(JSON.stringify(value));
    if (bytes > SYNC_QUOTA_BYTES_PER_ITEM) return { cause: 'too-large', item: key, bytes };
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
async function writeArea(area: StorageAreaName, items: Record<string, unknown>): Promise<AreaProblem | undefined> {
  const storage = storageArea(area);
  if (!storage) return { cause: 'no-sync' };
  if (area === 'sync') {
    const tooBig = syncQuotaProblem(items);
    if (tooBig) return tooBig;
  }
  try {
    await storage.set(items);
    return undefined;
  } catch (error) {
    const message = messageOf(error);
    return isQuotaError(message) ? { cause: 'over-quota', error: message } : { cause: 'failed', error: message };
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

/** `{ notices }` when there are any, else nothing: results without notices have no notices field. */
function withNotices(notices: readonly Notice[]): { notices?: Notice[] } {
  return notices.length > 0 ? { notices: [...notices] } : {};
}

/**
 * Reads the newest stored settings and validates them. Never throws: unreadable storage and invalid data
 * give the defaults plus a notice; invalid data is first copied to "settings.backup" in storage.local and
 * is itself left in place until the next save.
 */
export async function loadSettings(): Promise<LoadedSettings> {
  return settingsOf(await readBothAreas());
}

/** Both areas, sync first (load prefers it on a tie). */
type AreaReads = [sync: AreaRead, local: AreaRead];

function readBothAreas(): Promise<AreaReads> {
  return Promise.all([readArea('sync'), readArea('local')]);
}

/** The copy a load uses: the newest; on a tie sync's (read first; sort is stable). */
function newestCopy(reads: AreaReads): StoredCopy | undefined {
  const copies = reads.flatMap((read) => (read.ok && read.copy ? [read.copy] : []));
  return copies.sort((a, b) => b.savedAt - a.savedAt)[0];
}

/** The settings that reads of both areas give (see loadSettings). */
async function settingsOf(reads: AreaReads): Promise<LoadedSettings> {
  const readNotices = reads.flatMap((read): Notice[] => {
    if (read.ok) return [];
    return read.area === 'sync'
      ? [{ key: 'notice_sync_unreadable', substitutions: [problemNotice(read.problem)] }]
      : [{ key: 'notice_local_unreadable', substitutions: [problemNotice(read.problem)] }];
  });
  const newest = newestCopy(reads);
  if (!newest) {
    const area = reads[0].ok ? 'sync' : 'local';
    return { settings: defaultSettings(), area, ...withNotices(readNotices) };
  }
  const result = migrateAndValidate(fromItems(newest.items), { unknown: 'ignore' });
  if (result.ok) {
    const ignored: Notice[] = result.warnings
      ? [{ key: 'notice_unknown_ignored', substitutions: [result.warnings.join('; ')] }]
      : [];
    return { settings: result.settings, area: newest.area, ...withNotices([...readNotices, ...ignored]) };
  }
  const storedIn = `storage.${newest.area}`;
  const backupError = await keepBackup(newest, result.errors);
  const kept: Notice = backupError
    ? { key: 'notice_backup_failed', substitutions: [backupError, storedIn] }
    : { key: 'notice_backup_kept', substitutions: [BACKUP_KEY] };
  return {
    settings: defaultSettings(),
    area: newest.area,
    ...withNotices([
      ...readNotices,
      { key: 'notice_invalid_stored', substitutions: [storedIn, result.errors.join('; ')] },
      kept,
      { key: 'notice_using_defaults' },
    ]),
  };
}

/** A savedAt above every stored copy's, so the copy being written is the newest even if the clock stepped back. */
function nextSavedAt(reads: AreaReads): number {
  const stored = reads.map((read) => (read.ok && read.copy ? read.copy.savedAt : 0));
  return Math.max(Date.now(), ...stored.map((savedAt) => savedAt + 1));
}

/** Whether two JSON values are the same data (objects compared by their keys, whatever their order). */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bRecord = b as Record<string, unknown>;
  return (
    aKeys.length === Object.keys(b).length &&
    aKeys.every((key) => Object.hasOwn(bRecord, key) && sameData((a as Record<string, unknown>)[key], bRecord[key]))
  );
}

/**
 * The area whose newest stored copy already holds exactly `settings` (valid as stored, nothing in it this
 * version would drop), or undefined when a write would change something.
 */
function areaHolding(reads: AreaReads, settings: Settings): StorageAreaName | undefined {
  const newest = newestCopy(reads);
  if (!newest) return undefined;
  const stored = migrateAndValidate(fromItems(newest.items), { unknown: 'ignore' });
  return stored.ok && !stored.warnings && sameData(stored.settings, settings) ? newest.area : undefined;
}

/**
 * Validates and writes; `reads` are this save's reads of both areas when it has just made them. Settings
 * identical to the stored ones are not written: every write counts against storage.sync's quotas of writes
 * per minute and per hour, and a burst of saves that change nothing must not use them up.
 */
async function writeSettings(settings: Settings, reads?: AreaReads): Promise<SaveResult & { settings: Settings }> {
  const checked = validateSettings(settings);
  if (!checked.ok) {
    const errors = checked.errors.join('; ');
    throw new SettingsSaveError(`Settings were not saved because they are invalid: ${errors}`, {
      key: 'notice_save_invalid',
      substitutions: [errors],
    });
  }
  const current = reads ?? (await readBothAreas());
  const holding = areaHolding(current, checked.settings);
  if (holding !== undefined) return { settings: checked.settings, area: holding };
  const items = toItems(checked.settings, nextSavedAt(current));
  const syncProblem = await writeArea('sync', items);
  if (syncProblem === undefined) return { settings: checked.settings, area: 'sync' };
  const localProblem = await writeArea('local', items);
  if (localProblem === undefined) {
    return {
      settings: checked.settings,
      area: 'local',
      notices: [{ key: 'notice_saved_locally', substitutions: [problemNotice(syncProblem)] }],
    };
  }
  throw new SettingsSaveError(
    `Could not save settings. Browser sync: ${problemText(syncProblem)}. Local storage: ${problemText(localProblem)}. Nothing was changed; your previous settings are still in place.`,
    { key: 'notice_save_failed', substitutions: [problemNotice(syncProblem), problemNotice(localProblem)] },
  );
}

/**
 * Saves to storage.sync, or to storage.local (with a notice) when sync is unavailable or over quota.
 * Throws a SettingsSaveError (a clear English message, and the notice to show) when the settings are invalid or
 * both areas fail; then nothing stored changed.
 */
export async function saveSettings(settings: Settings): Promise<SaveResult> {
  const { area, notices } = await oneAtATime(() => writeSettings(settings));
  return { area, ...withNotices(notices ?? []) };
}

/**
 * Reads an export file and, only if it is valid as a whole, saves it. On any problem nothing is
 * written and the errors name the field; when saving fails, the Error's message is the one error
 * and `notice` says the same for the page to show translated.
 */
export async function importSettings(
  json: string,
): Promise<(SaveResult & { ok: true; settings: Settings }) | { ok: false; errors: string[]; notice?: Notice }> {
  const parsed = parseSettingsImport(json);
  if (!parsed.ok) return parsed;
  try {
    const saved = await oneAtATime(() => writeSettings(parsed.settings));
    return { ok: true, ...saved };
  } catch (error) {
    const errors = [messageOf(error)];
    return error instanceof SettingsSaveError ? { ok: false, errors, notice: error.notice } : { ok: false, errors };
  }
}

/** The Web Lock every save of the extension takes: its pages and its background share one origin, and so the lock. */
const SAVE_LOCK = 'tidings-settings-save';
let pageQueue: Promise<unknown> = Promise.resolve();

/**
 * Runs a save when no other is running: in this page (a queue) and in the extension's other pages and background
 * (a Web Lock), so a toggle in the popup and an "always show" click in a tab at the same moment both land.
 * Node and jsdom have no lock manager; there the queue alone serialises.
 */
function oneAtATime<T>(save: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  const run = pageQueue.then(async () => (locks ? await locks.request(SAVE_LOCK, save) : save()));
  pageQueue = run.catch(() => undefined);
  return run;
}

/** Loads the current settings, applies `change` and saves the result (see saveSettings for failures). */
export function updateSettings(change: (current: Settings) => Settings): Promise<LoadedSettings> {
  return oneAtATime(async (): Promise<LoadedSettings> => {
    const reads = await readBothAreas();
    const loaded = await settingsOf(reads);
    const saved = await writeSettings(change(loaded.settings), reads);
    return { settings: saved.settings, area: saved.area, ...withNotices([...(loaded.notices ?? []), ...(saved.notices ?? [])]) };
  });
}

/** Calls `listener` with freshly loaded, validated settings whenever they change (see watchStoredSettings). */
export function watchSettings(
  listener: (settings: Settings, loaded: LoadedSettings) => void,
  options?: { debounceMs?: number },
): () => void {
  return watchStoredSettings(loadSettings, (loaded) => listener(loaded.settings, loaded), options);
}
