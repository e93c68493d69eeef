import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { SETTINGS_VERSION, defaultSettings, type Settings } from '../../src/settings/schema';
import {
  BACKUP_KEY,
  SYNC_QUOTA_BYTES_PER_ITEM,
  importSettings,
  loadSettings,
  saveSettings,
  updateSettings,
  watchSettings,
  SettingsSaveError,
  type LoadedSettings,
  type Notice,
} from '../../src/settings/store';
import { serializeSettingsExport } from '../../src/settings/validate';
import { SETTINGS_KEYS } from '../../src/settings/watch';
import { noticeText } from '../../src/ui/i18n';
import { fakeBrowser, listenerCount, resetFakeBrowser, type FakeStorageArea } from './settings-fake-browser';
import { getMessage } from './ui-fake-browser';

vi.mock('../../src/browser', async () => ({ default: (await import('./settings-fake-browser')).fakeBrowser }));

let sync: FakeStorageArea;
let local: FakeStorageArea;

beforeEach(() => {
  ({ sync, local } = resetFakeBrowser());
});

function customSettings(): Settings {
  const settings = defaultSettings();
  settings.sensitivity = 'high';
  settings.disabledSites = ['example.com'];
  settings.siteExceptions = { 'example.org': ['donation-appeal'] };
  settings.userPhrases.appeal = ['chip in today'];
  settings.userSelectors = { 'example.net': ['.promo'] };
  return settings;
}

/** Settings whose selectors alone exceed sync's per-item quota (but are valid). */
function largeSettings(): Settings {
  const settings = customSettings();
  settings.userSelectors = Object.fromEntries(
    Array.from({ length: 80 }, (_, i) => [`site${i}.example.com`, Array.from({ length: 5 }, (_, j) => `.promo-block-${j} > .inner`)]),
  );
  return settings;
}

/** The notices as the pages show them with the en locale: each translated, one after another. */
function english(notices: readonly Notice[] | undefined): string {
  return (notices ?? []).map((notice) => noticeText(notice, getMessage)).join(' ');
}

/** "Saved on this device only", for the reason given. */
function savedLocally(reason: string | Notice): Notice[] {
  return [{ key: 'notice_saved_locally', substitutions: [reason] }];
}

/** Valid-looking stored items with fields replaced, as an older or broken build might have written them. */
function storedItems(fields: Record<string, unknown>, savedAt = 1): Record<string, unknown> {
  const s = { ...defaultSettings(), ...fields };
  return {
    'settings.core': { version: s.version, savedAt, detectors: s.detectors, sensitivity: s.sensitivity, placeholderMode: s.placeholderMode },
    'settings.sites': { disabledSites: s.disabledSites, siteExceptions: s.siteExceptions },
    'settings.phrases': { userPhrases: s.userPhrases },
    'settings.selectors': { userSelectors: s.userSelectors, neverHide: s.neverHide },
  };
}

describe('loadSettings and saveSettings', () => {
  it('gives the defaults from empty storage, without a notice', async () => {
    expect(await loadSettings()).toEqual({ settings: defaultSettings(), area: 'sync' });
  });

  it('saves to sync in four items under the per-item quota, and loads them back', async () => {
    expect(await saveSettings(customSettings())).toEqual({ area: 'sync' });
    const stored = sync.snapshot();
    expect(Object.keys(stored).sort()).toEqual([...SETTINGS_KEYS].sort());
    for (const [key, value] of Object.entries(stored)) {
      expect(key.length + JSON.stringify(value).length).toBeLessThanOrEqual(SYNC_QUOTA_BYTES_PER_ITEM);
    }
    expect(stored['settings.core']).toMatchObject({ version: SETTINGS_VERSION, savedAt: expect.any(Number) });
    expect(local.snapshot()).toEqual({});
    expect(await loadSettings()).toEqual({ settings: customSettings(), area: 'sync' });
  });

  it('refuses to save invalid settings and writes nothing', async () => {
    const bad = { ...customSettings(), sensitivity: 'max' } as unknown as Settings;
    await expect(saveSettings(bad)).rejects.toThrow(
      'Settings were not saved because they are invalid: sensitivity: expected "low", "normal" or "high", got "max"',
    );
    await expect(saveSettings(bad)).rejects.toHaveProperty('notice', {
      key: 'notice_save_invalid',
      substitutions: ['sensitivity: expected "low", "normal" or "high", got "max"'],
    });
    expect(sync.setCalls + local.setCalls).toBe(0);
  });
});

describe('fallback to storage.local', () => {
  it('saves settings too large for a sync item to local, with a notice, without trying sync', async () => {
    await saveSettings(customSettings());
    const syncBefore = sync.snapshot();
    const callsBefore = sync.setCalls;

    const saved = await saveSettings(largeSettings());
    expect(saved.area).toBe('local');
    expect(saved.notices).toEqual(
      savedLocally({ key: 'notice_reason_too_large', substitutions: ['settings.selectors', expect.stringMatching(/^\d+$/), '8192'] }),
    );
    expect(english(saved.notices)).toMatch(/^Settings were saved on this device only and will not sync to your other browsers: the settings are too large for browser sync \("settings.selectors" takes \d+ bytes and browser sync allows 8192 per item\)\.$/);
    expect(sync.setCalls).toBe(callsBefore);
    expect(sync.snapshot()).toEqual(syncBefore);

    // sync still holds the older settings; the newer local copy must win.
    expect(await loadSettings()).toEqual({ settings: largeSettings(), area: 'local' });
  });

  it('falls back when the browser itself refuses the write over quota (Chrome)', async () => {
    // Other data already fills most of sync, so the total quota (QUOTA_BYTES) is what stops the write.
    sync.seed({ filler: 'x'.repeat(102_000) });
    const saved = await saveSettings(customSettings());
    expect(saved).toEqual({
      area: 'local',
      notices: savedLocally({ key: 'notice_reason_over_quota', substitutions: ['Resource::kQuotaBytes quota exceeded'] }),
    });
    expect(english(saved.notices)).toBe(
      'Settings were saved on this device only and will not sync to your other browsers: browser sync refused them as over its quota (Resource::kQuotaBytes quota exceeded).',
    );
    expect(await loadSettings()).toEqual({ settings: customSettings(), area: 'local' });
  });

  it('falls back on Firefox\'s quota error too (message as Firefox ESR 153 gives it)', async () => {
    sync.failWrites = 'QuotaExceededError: storage.sync API call exceeded its quota limitations.';
    const saved = await saveSettings(customSettings());
    expect(saved.area).toBe('local');
    expect(saved.notices).toEqual(
      savedLocally({ key: 'notice_reason_over_quota', substitutions: ['QuotaExceededError: storage.sync API call exceeded its quota limitations.'] }),
    );
    expect(english(saved.notices)).toContain('over its quota (QuotaExceededError');
  });

  it('uses local when storage.sync does not exist, saying so on save and load', async () => {
    fakeBrowser.storage.sync = undefined;
    const saved = await saveSettings(customSettings());
    expect(saved).toEqual({ area: 'local', notices: savedLocally({ key: 'notice_reason_no_sync' }) });
    expect(english(saved.notices)).toBe(
      'Settings were saved on this device only and will not sync to your other browsers: storage.sync is not available in this browser.',
    );
    const loaded = await loadSettings();
    expect(loaded).toEqual({
      settings: customSettings(),
      area: 'local',
      notices: [{ key: 'notice_sync_unreadable', substitutions: [{ key: 'notice_reason_no_sync' }] }],
    });
    expect(english(loaded.notices)).toBe(
      'Browser sync is unavailable (storage.sync is not available in this browser); settings are kept on this device only.',
    );
  });

  it('uses local when sync fails to read and write (sync switched off)', async () => {
    sync.failReads = sync.failWrites = 'storage.sync is disabled';
    expect((await saveSettings(customSettings())).area).toBe('local');
    const loaded = await loadSettings();
    expect(loaded.settings).toEqual(customSettings());
    expect(loaded.area).toBe('local');
    expect(loaded.notices).toEqual([{ key: 'notice_sync_unreadable', substitutions: ['storage.sync is disabled'] }]);
    expect(english(loaded.notices)).toContain('Browser sync is unavailable (storage.sync is disabled)');
  });

  it('a later save that fits in sync again wins over the local copy', async () => {
    await saveSettings(largeSettings());
    expect((await saveSettings(customSettings())).area).toBe('sync');
    expect(await loadSettings()).toEqual({ settings: customSettings(), area: 'sync' });
  });

  it('orders copies by save, not by the clock: a fallback after the clock stepped back still wins', async () => {
    await saveSettings(customSettings());
    const now = vi.spyOn(Date, 'now').mockReturnValue(1000);
    try {
      expect((await saveSettings(largeSettings())).area).toBe('local');
      expect(await loadSettings()).toEqual({ settings: largeSettings(), area: 'local' });
    } finally {
      now.mockRestore();
    }
  });

  it('throws a clear error when both areas fail, and nothing stored changes', async () => {
    await saveSettings(customSettings());
    const before = { sync: sync.snapshot(), local: local.snapshot() };
    sync.failWrites = 'QUOTA_BYTES quota exceeded';
    local.failWrites = 'disk full';
    const changed = { ...customSettings(), sensitivity: 'low' as const };
    const message =
      'Could not save settings. Browser sync: browser sync refused them as over its quota (QUOTA_BYTES quota exceeded). ' +
      'Local storage: disk full. Nothing was changed; your previous settings are still in place.';
    const error = await saveSettings(changed).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(SettingsSaveError);
    expect(error).toHaveProperty('message', message);
    expect(error).toHaveProperty('notice', {
      key: 'notice_save_failed',
      substitutions: [{ key: 'notice_reason_over_quota', substitutions: ['QUOTA_BYTES quota exceeded'] }, 'disk full'],
    });
    // The pages show the notice; in English it says what the message says.
    expect(english([(error as SettingsSaveError).notice])).toBe(message);
    expect({ sync: sync.snapshot(), local: local.snapshot() }).toEqual(before);
    expect((await loadSettings()).settings).toEqual(customSettings());
  });
});

describe('invalid stored data', () => {
  it('is replaced by defaults for use, backed up in local, named in a notice, and left in place', async () => {
    const items = storedItems({ sensitivity: 'max' });
    sync.seed(items);
    const loaded = await loadSettings();
    expect(loaded.settings).toEqual(defaultSettings());
    expect(loaded.area).toBe('sync');
    expect(loaded.notices).toEqual([
      { key: 'notice_invalid_stored', substitutions: ['storage.sync', 'sensitivity: expected "low", "normal" or "high", got "max"'] },
      { key: 'notice_backup_kept', substitutions: ['settings.backup'] },
      { key: 'notice_using_defaults' },
    ]);
    expect(english(loaded.notices)).toBe(
      'The stored settings (storage.sync) are invalid and were not applied: sensitivity: expected "low", "normal" or "high", got "max". ' +
        'A copy was kept in local storage under "settings.backup". Tidings uses the default settings until you save.',
    );
    expect(local.snapshot()[BACKUP_KEY]).toEqual({
      keptAt: expect.any(Number),
      area: 'sync',
      errors: ['sensitivity: expected "low", "normal" or "high", got "max"'],
      items,
    });
    expect(sync.snapshot()).toEqual(items);
  });

  it('is backed up once, not rewritten on every load', async () => {
    sync.seed(storedItems({ placeholderMode: 'fade' }));
    await loadSettings();
    const writes = local.setCalls;
    await loadSettings();
    expect(local.setCalls).toBe(writes);
  });

  it('from a newer version of Tidings is refused, not downgraded', async () => {
    const items = storedItems({ version: SETTINGS_VERSION + 1 });
    sync.seed(items);
    const loaded = await loadSettings();
    expect(loaded.settings).toEqual(defaultSettings());
    expect(loaded.notices?.[0]?.key).toBe('notice_invalid_stored');
    expect(english(loaded.notices)).toContain('these settings come from a newer version of Tidings');
    expect(local.snapshot()[BACKUP_KEY]).toMatchObject({ items });
  });

  it('with a corrupt item (not an object) is refused with the missing fields named', async () => {
    sync.seed({ ...storedItems({}), 'settings.sites': 'garbage' });
    const loaded = await loadSettings();
    expect(loaded.settings).toEqual(defaultSettings());
    expect(loaded.notices?.[0]?.key).toBe('notice_invalid_stored');
    expect(english(loaded.notices)).toContain('disabledSites: expected a list, got nothing (the field is missing)');
  });

  it('says so when even the backup cannot be written', async () => {
    sync.seed(storedItems({ sensitivity: 'max' }));
    local.failWrites = 'disk full';
    const loaded = await loadSettings();
    expect(loaded.settings).toEqual(defaultSettings());
    expect(loaded.notices).toContainEqual({ key: 'notice_backup_failed', substitutions: ['disk full', 'storage.sync'] });
    expect(english(loaded.notices)).toContain('Keeping a backup copy failed (disk full); the invalid data stays in storage.sync until you save.');
  });

  it('unknown detectors (synced from a newer Tidings) are ignored with a notice; the rest applies', async () => {
    const settings = customSettings();
    sync.seed(storedItems({ ...settings, detectors: { ...settings.detectors, 'cookie-wall': true } }));
    const loaded = await loadSettings();
    expect(loaded.settings).toEqual(settings);
    expect(loaded.notices).toEqual([
      { key: 'notice_unknown_ignored', substitutions: [expect.stringMatching(/^detectors\.cookie-wall: unknown detector .*; ignored$/)] },
    ]);
    expect(english(loaded.notices)).toMatch(
      /^Some stored settings are not known to this version of Tidings \(perhaps saved by a newer one\) and were ignored: detectors\.cookie-wall: unknown detector .*; ignored\.$/,
    );
    expect(local.snapshot()).toEqual({});
  });

  it('gives defaults with a notice when neither area can be read', async () => {
    sync.failReads = 'sync broken';
    local.failReads = 'local broken';
    const loaded = await loadSettings();
    expect(loaded).toEqual({
      settings: defaultSettings(),
      area: 'local',
      notices: [
        { key: 'notice_sync_unreadable', substitutions: ['sync broken'] },
        { key: 'notice_local_unreadable', substitutions: ['local broken'] },
      ],
    });
    expect(english(loaded.notices)).toBe(
      'Browser sync is unavailable (sync broken); settings are kept on this device only. Could not read local storage (local broken).',
    );
  });
});

describe('importSettings', () => {
  it('saves a valid export', async () => {
    const result = await importSettings(serializeSettingsExport(customSettings()));
    expect(result).toEqual({ ok: true, area: 'sync', settings: customSettings() });
    expect((await loadSettings()).settings).toEqual(customSettings());
  });

  it.each([
    ['malformed JSON', '{"format": "tidings-settings", "version": 1, settings: {}}', /^Not valid JSON: /],
    [
      'a bad field',
      JSON.stringify({ format: 'tidings-settings', version: 1, settings: { ...defaultSettings(), userSelectors: { 'example.com': ['.a', '.b', 3] } } }),
      /^userSelectors\["example\.com"\]\[2\]: expected a string, got 3$/,
    ],
  ])('loses nothing on %s', async (_case, json, message) => {
    await saveSettings(customSettings());
    const before = { sync: sync.snapshot(), local: local.snapshot() };
    const result = await importSettings(json);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatch(message);
    expect({ sync: sync.snapshot(), local: local.snapshot() }).toEqual(before);
    expect((await loadSettings()).settings).toEqual(customSettings());
  });

  it('reports a failed save as an error instead of throwing', async () => {
    sync.failWrites = 'broken';
    local.failWrites = 'broken too';
    const result = await importSettings(serializeSettingsExport(customSettings()));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatch(/^Could not save settings\./);
    expect(!result.ok && result.notice).toEqual({ key: 'notice_save_failed', substitutions: ['broken', 'broken too'] });
  });
});

describe('updateSettings', () => {
  it('applies a change to the stored settings and returns what was saved', async () => {
    await saveSettings(customSettings());
    const result = await updateSettings((s) => ({ ...s, placeholderMode: 'hide' }));
    expect(result).toEqual({ settings: { ...customSettings(), placeholderMode: 'hide' }, area: 'sync' });
    expect((await loadSettings()).settings.placeholderMode).toBe('hide');
  });

  it('runs quick successive updates one after another, so none is lost', async () => {
    await Promise.all([
      updateSettings((s) => ({ ...s, disabledSites: [...s.disabledSites, 'a.example'] })),
      updateSettings((s) => ({ ...s, disabledSites: [...s.disabledSites, 'b.example'] })),
      updateSettings((s) => ({ ...s, sensitivity: 'low' })),
    ]);
    const { settings } = await loadSettings();
    expect(settings.disabledSites).toEqual(['a.example', 'b.example']);
    expect(settings.sensitivity).toBe('low');
  });

  it('reads each storage area once per update', async () => {
    await saveSettings(customSettings());
    const [syncReads, localReads] = [sync.getCalls, local.getCalls];
    await updateSettings((s) => ({ ...s, sensitivity: 'low' }));
    expect([sync.getCalls - syncReads, local.getCalls - localReads]).toEqual([1, 1]);
  });

  it('passes the fallback notice on, and a failed update does not block the next', async () => {
    const large = await updateSettings(() => largeSettings());
    expect(large.area).toBe('local');
    expect(large.notices?.map((notice) => notice.key)).toEqual(['notice_saved_locally']);
    expect(english(large.notices)).toContain('saved on this device only');
    await expect(updateSettings(() => ({ ...customSettings(), sensitivity: 'max' }) as unknown as Settings)).rejects.toThrow(
      'invalid',
    );
    expect((await updateSettings(() => customSettings())).area).toBe('sync');
  });
});

describe('saves from several of the extension\'s pages', () => {
  /** navigator.locks as browsers give it to pages of one origin: exclusive locks, granted first come, first served. */
  function sharedLockManager(): Pick<LockManager, 'request'> {
    const held = new Map<string, Promise<unknown>>();
    const request = (name: string, task: () => unknown) => {
      const granted = (held.get(name) ?? Promise.resolve()).then(() => task());
      held.set(name, granted.catch(() => undefined));
      return granted;
    };
    return { request } as Pick<LockManager, 'request'>;
  }

  /** The store as another page (popup, options page, background) has it: a module instance of its own. */
  async function storeOfAnotherPage(): Promise<typeof import('../../src/settings/store')> {
    vi.resetModules();
    vi.doMock('../../src/browser', () => ({ default: fakeBrowser }));
    return import('../../src/settings/store');
  }

  it('run one after another through a Web Lock, so a save in one page does not undo another\'s', async () => {
    vi.stubGlobal('navigator', { locks: sharedLockManager() });
    onTestFinished(() => {
      vi.unstubAllGlobals();
    });
    const [popup, options, background] = [await storeOfAnotherPage(), await storeOfAnotherPage(), await storeOfAnotherPage()];
    await Promise.all([
      popup.updateSettings((s) => ({ ...s, disabledSites: [...s.disabledSites, 'a.example'] })),
      background.updateSettings((s) => ({ ...s, siteExceptions: { ...s.siteExceptions, 'b.example': ['link-farm'] } })),
      options.updateSettings((s) => ({ ...s, sensitivity: 'low' })),
      popup.updateSettings((s) => ({ ...s, disabledSites: [...s.disabledSites, 'c.example'] })),
    ]);
    const { settings } = await loadSettings();
    expect(settings.disabledSites).toEqual(['a.example', 'c.example']);
    expect(settings.siteExceptions).toEqual({ 'b.example': ['link-farm'] });
    expect(settings.sensitivity).toBe('low');
  });
});

describe('watchSettings', () => {
  let stop: (() => void) | undefined;
  afterEach(() => {
    stop?.();
    stop = undefined;
  });

  function nextCall(): Promise<LoadedSettings> {
    return new Promise((resolve) => {
      stop = watchSettings((_settings, loaded) => resolve(loaded), { debounceMs: 5 });
    });
  }

  it('calls back once per multi-item write, with the validated new settings', async () => {
    const calls: Settings[] = [];
    stop = watchSettings((settings) => calls.push(settings), { debounceMs: 5 });
    await saveSettings(customSettings());
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(calls).toEqual([customSettings()]);
  });

  it('notices a fallback write to local', async () => {
    const next = nextCall();
    await saveSettings(largeSettings());
    expect(await next).toMatchObject({ settings: largeSettings(), area: 'local' });
  });

  it('ignores writes of other keys, including the backup it makes itself', async () => {
    const calls: Settings[] = [];
    stop = watchSettings((settings) => calls.push(settings), { debounceMs: 5 });
    await fakeBrowser.storage.local.set({ [BACKUP_KEY]: { items: {} }, unrelated: 1 });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(calls).toEqual([]);
  });

  it('stops when asked', async () => {
    const calls: Settings[] = [];
    const before = listenerCount();
    const unwatch = watchSettings((settings) => calls.push(settings), { debounceMs: 5 });
    expect(listenerCount()).toBe(before + 1);
    await saveSettings(customSettings());
    unwatch();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(calls).toEqual([]);
    expect(listenerCount()).toBe(before);
  });
});
