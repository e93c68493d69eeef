// @vitest-environment jsdom
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SETTINGS_VERSION, defaultSettings } from '../../src/settings/schema';
import { serializeSettingsExport } from '../../src/settings/validate';
import { byTestSelector as $, openPage, settleStorageWatch, settingsStore, storedSettings, type FakeBrowser } from './ui-fake-browser';

let fake: FakeBrowser;

async function openOptions(): Promise<void> {
  fake = await openPage('options/options.html', () => import('../../src/options/options'));
  // Rendered once the detector switches reflect the loaded settings.
  await vi.waitFor(() => expect($<HTMLInputElement>('input[data-detector="donation-appeal"]').checked).toBe(true));
}

/** Reopens the page with the fake browser prepared first (stored data, a locale) as the page starts. */
async function reopenOptions(prepare: (browser: FakeBrowser) => void): Promise<void> {
  document.documentElement.innerHTML = '';
  fake = await openPage('options/options.html', async () => {
    prepare((await import('../../src/browser')).default as unknown as FakeBrowser);
    return import('../../src/options/options');
  });
  await vi.waitFor(() => expect($<HTMLInputElement>('input[data-detector="donation-appeal"]').checked).toBe(true));
}

/** Stands in for a locale: each message shows as «key|substitution|…», so a test sees what was translated and what not. */
function echoMessages(key: string, substitutions?: string | string[]): string {
  return `«${[key, ...[substitutions ?? []].flat()].join('|')}»`;
}

/** The lead sentence and the listed problems of a status element. */
function statusParts(selector: string): { lead: string | null | undefined; items: (string | null)[] } {
  const status = $(selector);
  return { lead: status.querySelector('p')?.textContent, items: [...status.querySelectorAll('li')].map((li) => li.textContent) };
}

/** Chooses a file in #import-file the way a user does (jsdom cannot set files, so the list is defined). */
function chooseImportFile(contents: string): void {
  const input = $<HTMLInputElement>('#import-file');
  Object.defineProperty(input, 'files', { configurable: true, value: [{ name: 'tidings-settings.json', text: async () => contents }] });
  input.dispatchEvent(new Event('change'));
}

function type(selector: string, value: string): void {
  const field = $<HTMLInputElement | HTMLTextAreaElement>(selector);
  field.value = value;
  field.dispatchEvent(new Event('input'));
  field.dispatchEvent(new Event('change'));
}


afterAll(settleStorageWatch);

describe('options page', () => {
  beforeEach(async () => {
    document.documentElement.innerHTML = '';
    await openOptions();
  });

  it('shows every detector with its description, grouped appeals / clutter', () => {
    const groups = [...document.querySelectorAll<HTMLElement>('#detector-list fieldset')];
    expect(groups.map((group) => group.dataset.category)).toEqual(['appeals', 'clutter']);
    expect(document.querySelectorAll('input[type=checkbox][data-detector]').length).toBe(6);
    const linkFarm = $('input[data-detector="link-farm"]').closest('label');
    expect(linkFarm?.textContent).toContain('Link farm');
    expect(linkFarm?.textContent).toContain('Walls of short unrelated links');
    expect($('#privacy').textContent).toContain('no network requests');
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Tidings settings');
  });

  it('a detector switch writes the setting', async () => {
    $<HTMLInputElement>('input[data-detector="newsletter-nag"]').click();
    await vi.waitFor(async () => expect((await storedSettings()).detectors['newsletter-nag']).toBe(false));
    expect((await storedSettings()).detectors['donation-appeal']).toBe(true);
  });

  it('keeps a second change as made while the first one is still being saved', async () => {
    const sync = fake.storage.sync;
    sync.holdWrites();
    const appPromo = $<HTMLInputElement>('input[data-detector="app-promo"]');

    type('#sensitivity', 'high');
    await vi.waitFor(() => expect(sync.waitingWrites).toBe(1));
    appPromo.click();
    sync.releaseWrite(); // the first save lands, and its storage event with it; the second waits
    await vi.waitFor(async () => expect((await storedSettings()).sensitivity).toBe('high'));
    await vi.waitFor(() => expect(sync.waitingWrites).toBe(1));
    await settleStorageWatch();

    expect([$<HTMLSelectElement>('#sensitivity').value, appPromo.checked]).toEqual(['high', false]);
    sync.releaseWrite();
    await vi.waitFor(async () => expect((await storedSettings()).detectors['app-promo']).toBe(false));
    expect([$<HTMLSelectElement>('#sensitivity').value, appPromo.checked]).toEqual(['high', false]);
  });

  it('importing malformed JSON shows the error and leaves stored settings unchanged', async () => {
    const { saveSettings } = await settingsStore();
    await saveSettings({ ...defaultSettings(), sensitivity: 'high', disabledSites: ['example.com'] });
    const before = { sync: fake.storage.sync.snapshot(), local: fake.storage.local.snapshot() };

    chooseImportFile('{ "format": "tidings-settings", "settings": { ');

    await vi.waitFor(() => expect($('#import-status').dataset.state).toBe('error'));
    expect($('#import-status').textContent).toContain('Nothing was changed');
    expect($('#import-status').textContent).toMatch(/JSON/);
    expect({ sync: fake.storage.sync.snapshot(), local: fake.storage.local.snapshot() }).toEqual(before);
    expect((await storedSettings()).sensitivity).toBe('high');
  });

  it('importing a file with a bad field names the field and changes nothing', async () => {
    const bad = JSON.parse(serializeSettingsExport(defaultSettings()));
    bad.settings.sensitivity = 'max';
    const before = fake.storage.sync.snapshot();

    chooseImportFile(JSON.stringify(bad));

    await vi.waitFor(() => expect($('#import-status').dataset.state).toBe('error'));
    expect($('#import-status').textContent).toContain('sensitivity');
    expect(fake.storage.sync.snapshot()).toEqual(before);
  });

  it('an import refused by validation leads with a translated sentence and lists the field-naming messages', async () => {
    const bad = JSON.parse(serializeSettingsExport(defaultSettings()));
    bad.settings.sensitivity = 'max';

    chooseImportFile(JSON.stringify(bad));

    await vi.waitFor(() => expect($('#import-status').dataset.state).toBe('error'));
    expect(statusParts('#import-status')).toEqual({
      lead: 'Nothing was changed. The file could not be imported:',
      items: ['sensitivity: expected "low", "normal" or "high", got "max"'],
    });
  });

  it('an import that neither storage area takes says so in the locale\'s words, under the same lead', async () => {
    fake.storage.sync.failWrites = 'Sync is off';
    fake.storage.local.failWrites = 'Disk is full';

    chooseImportFile(serializeSettingsExport({ ...defaultSettings(), sensitivity: 'low' }));

    await vi.waitFor(() => expect($('#import-status').dataset.state).toBe('error'));
    expect(statusParts('#import-status')).toEqual({
      lead: 'Nothing was changed. The file could not be imported:',
      items: [
        'Could not save settings. Browser sync: Sync is off. Local storage: Disk is full. Nothing was changed; your previous settings are still in place.',
      ],
    });
    expect((await storedSettings()).sensitivity).toBe('normal');
  });

  it('shows notices and import errors through i18n by key, leaving browser errors and field messages as they are', async () => {
    await reopenOptions((browser) => {
      browser.i18n.getMessage = echoMessages;
    });
    fake.storage.sync.failWrites = 'QUOTA_BYTES quota exceeded';

    $<HTMLSelectElement>('#sensitivity').value = 'high';
    $<HTMLSelectElement>('#sensitivity').dispatchEvent(new Event('change'));

    await vi.waitFor(() => expect($('#notice').hidden).toBe(false));
    expect($('#notice').textContent).toBe('«notice_saved_locally|«notice_reason_over_quota|QUOTA_BYTES quota exceeded»»');

    fake.storage.local.failWrites = 'Disk is full';
    chooseImportFile(serializeSettingsExport(defaultSettings()));

    await vi.waitFor(() => expect($('#import-status').dataset.state).toBe('error'));
    expect(statusParts('#import-status')).toEqual({
      lead: '«options_import_error»',
      items: ['«notice_save_failed|«notice_reason_over_quota|QUOTA_BYTES quota exceeded»|Disk is full»'],
    });

    $<HTMLInputElement>('#placeholder-mode input[value="hide"]').click();

    await vi.waitFor(() => expect($('#notice').dataset.state).toBe('error'));
    expect($('#notice').textContent).toBe('«error_save|«notice_save_failed|«notice_reason_over_quota|QUOTA_BYTES quota exceeded»|Disk is full»»');

    chooseImportFile('{ "format": "tidings-settings", "version": 1, "settings": { "sensitivity": "max" } }');

    await vi.waitFor(() => expect($('#import-status li').textContent).toContain('sensitivity: expected'));
    expect(statusParts('#import-status').lead).toBe('«options_import_error»');
  });

  it('on opening, says why stored settings were not applied and that defaults are in use', async () => {
    const defaults = defaultSettings();
    await reopenOptions((browser) => browser.storage.sync.seed({
      'settings.core': { version: SETTINGS_VERSION, savedAt: 1, detectors: defaults.detectors, sensitivity: 'max', placeholderMode: 'hide' },
      'settings.sites': { disabledSites: [], siteExceptions: {} },
      'settings.phrases': { userPhrases: defaults.userPhrases },
      'settings.selectors': { userSelectors: {}, neverHide: {} },
    }));

    await vi.waitFor(() => expect($('#notice').hidden).toBe(false));
    expect($('#notice').textContent).toBe(
      'The stored settings (storage.sync) are invalid and were not applied: sensitivity: expected "low", "normal" or "high", got "max". ' +
        'A copy was kept in local storage under "settings.backup". Tidings uses the default settings until you save.',
    );
    expect($<HTMLInputElement>('#placeholder-mode input:checked').value).toBe('placeholder');
  });

  it('stays aria-busy until the stored settings are shown, so nobody acts on the initial form values', async () => {
    const defaults = defaultSettings();
    await reopenOptions((browser) => {
      browser.storage.sync.seed({
        'settings.core': { version: SETTINGS_VERSION, savedAt: 1, detectors: defaults.detectors, sensitivity: 'high', placeholderMode: 'hide' },
        'settings.sites': { disabledSites: [], siteExceptions: {} },
        'settings.phrases': { userPhrases: defaults.userPhrases },
        'settings.selectors': { userSelectors: {}, neverHide: {} },
      });
      expect(document.querySelector('main')?.getAttribute('aria-busy')).toBe('true');
    });

    await vi.waitFor(() => expect(document.querySelector('main')?.getAttribute('aria-busy')).toBe('false'));
    expect($<HTMLSelectElement>('#sensitivity').value).toBe('high');
    expect($<HTMLInputElement>('#placeholder-mode input:checked').value).toBe('hide');
  });

  it('importing a valid export saves it and shows it', async () => {
    const wanted = { ...defaultSettings(), placeholderMode: 'hide' as const, disabledSites: ['news.example'] };

    chooseImportFile(serializeSettingsExport(wanted));

    await vi.waitFor(() => expect($('#import-status').dataset.state).toBe('ok'));
    expect(await storedSettings()).toEqual(wanted);
    expect($<HTMLInputElement>('#placeholder-mode input:checked').value).toBe('hide');
    expect($('#site-off-list li[data-host="news.example"]')).toBeTruthy();
  });

  it('adds a site to the off list through normalizeHost, and refuses what is not a host', async () => {
    type('#site-off-input', 'not a host/..');
    $<HTMLButtonElement>('#site-off-add').click();
    expect($('#site-off-error').dataset.state).toBe('error');
    expect($('#site-off-error').textContent).toContain('not a site address');
    expect((await storedSettings()).disabledSites).toEqual([]);

    type('#site-off-input', 'https://www.Example.com/news/today');
    $<HTMLButtonElement>('#site-off-add').click();
    await vi.waitFor(() => expect($('#site-off-list li[data-host="www.example.com"]')).toBeTruthy());
    expect((await storedSettings()).disabledSites).toEqual(['www.example.com']);
    expect($('#site-off-error').hidden).toBe(true);

    $<HTMLButtonElement>('#site-off-list li[data-host="www.example.com"] button[data-action="remove"]').click();
    await vi.waitFor(async () => expect((await storedSettings()).disabledSites).toEqual([]));
  });

  it('names every bad selector line and saves nothing; valid selectors are saved per site when the field is left', async () => {
    type('#selectors-host', 'news.example');
    type('#selectors-input', '.promo-box\n\ndiv[data-x=\n#footer-links\na:has(b)');
    expect($('#selectors-status').dataset.state).toBe('error');
    expect([...document.querySelectorAll('#selectors-status li')].map((item) => item.textContent)).toEqual([
      'Line 3: “div[data-x=” is not a valid CSS selector.',
      'Line 5: “a:has(b)” would slow down every page of the site: it uses :has(), which makes every element search everything inside it.',
    ]);
    expect((await storedSettings()).userSelectors).toEqual({});

    type('#selectors-input', '.promo-box\n#footer-links\n.promo-box');
    await vi.waitFor(() => expect($('#selectors-status').dataset.state).toBe('ok'));
    expect((await storedSettings()).userSelectors).toEqual({ 'news.example': ['.promo-box', '#footer-links'] });
    expect($('#selectors-list li[data-host="news.example"]').textContent).toContain('#footer-links');
  });

  it('asks before the page is left while typed text is not saved yet, and not once it is', async () => {
    const area = $<HTMLTextAreaElement>('textarea[data-phrases-kind="appeal"]');
    area.value = 'chip in today';
    area.dispatchEvent(new Event('input'));
    const leaving = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leaving()).toBe(true);
    area.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect($('#phrases-status').dataset.state).toBe('ok'));
    expect(leaving()).toBe(false);
    expect((await storedSettings()).userPhrases.appeal).toEqual(['chip in today']);
  });

  it('says a site typed in another spelling is listed as it is; one filter finds a site in every list, sorted', async () => {
    const { saveSettings } = await settingsStore();
    await saveSettings({ ...defaultSettings(), disabledSites: ['www.example.com', 'b.example', 'a.example'], neverHide: { 'news.example': ['div#keep'] } });
    await vi.waitFor(() => expect(document.querySelectorAll('#site-off-list li')).toHaveLength(3));
    expect([...document.querySelectorAll<HTMLElement>('#site-off-list li')].map((item) => item.dataset.host)).toEqual(['a.example', 'b.example', 'www.example.com']);
    expect($('#never-list li[data-host="news.example"]').textContent).toContain('div#keep');

    type('#site-off-input', 'EXAMPLE.com');
    $<HTMLFormElement>('#site-off-form').requestSubmit();
    await vi.waitFor(() => expect($('#site-off-error').textContent).toBe('example.com is already in the list, as www.example.com (the same site).'));

    type('#site-filter', 'b.ex');
    expect([...document.querySelectorAll<HTMLElement>('#site-off-list li:not([hidden])')].map((item) => item.dataset.host)).toEqual(['b.example']);
    expect($('#never-list li[data-host="news.example"]').hidden).toBe(true);
  });

  it('saves user phrases per kind, and refuses a phrase over the validator limit', async () => {
    type('textarea[data-phrases-kind="appeal"]', 'keep us independent\n  chip in today  \n');
    await vi.waitFor(() => expect($('#phrases-status').dataset.state).toBe('ok'));
    expect((await storedSettings()).userPhrases.appeal).toEqual(['keep us independent', 'chip in today']);

    type('textarea[data-phrases-kind="newsletter"]', 'x'.repeat(5000));
    expect($('#phrases-status').dataset.state).toBe('error');
    expect($('#phrases-status').textContent).toContain('userPhrases.newsletter');
    expect((await storedSettings()).userPhrases.newsletter).toEqual([]);
  });

  it('lists site exceptions and removes them', async () => {
    const { saveSettings } = await settingsStore();
    await saveSettings({ ...defaultSettings(), siteExceptions: { 'news.example': ['link-farm', 'app-promo'] } });

    await vi.waitFor(() => expect($('#exceptions-list li[data-host="news.example"]').textContent).toContain('Link farm, App promo'));
    $<HTMLButtonElement>('#exceptions-list li[data-host="news.example"] button[data-action="remove"]').click();
    await vi.waitFor(async () => expect((await storedSettings()).siteExceptions).toEqual({}));
    await vi.waitFor(() => expect(document.querySelector('#exceptions-list li')).toBeNull());
  });

  it('reflects changes made elsewhere (popup, other device) live', async () => {
    const { updateSettings } = await settingsStore();
    await updateSettings((current) => ({ ...current, sensitivity: 'low', detectors: { ...current.detectors, 'app-promo': false } }));
    await vi.waitFor(() => expect($<HTMLSelectElement>('#sensitivity').value).toBe('low'));
    expect($<HTMLInputElement>('input[data-detector="app-promo"]').checked).toBe(false);
  });

  it('exports the settings as tidings-settings.json', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => (blobs.push(blob), 'blob:tidings-test');
    URL.revokeObjectURL = () => undefined;
    let downloaded = '';
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloaded = this.download;
    });

    $<HTMLButtonElement>('#export').click();

    expect(downloaded).toBe('tidings-settings.json');
    expect(blobs).toHaveLength(1);
    expect(blobs[0]?.type).toBe('application/json');
    click.mockRestore();
  });

  it('resets to defaults only after confirming in the dialog', async () => {
    // jsdom has <dialog> without its modal methods; these stand in for the browser's.
    HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) { this.open = true; };
    HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) { this.open = false; };
    const { saveSettings } = await settingsStore();
    const custom = { ...defaultSettings(), sensitivity: 'high' as const, disabledSites: ['news.example'] };
    await saveSettings(custom);
    const dialog = $<HTMLDialogElement>('#reset-dialog');

    $<HTMLButtonElement>('#reset').click();
    expect(dialog.open).toBe(true);
    $<HTMLButtonElement>('#reset-cancel').click();
    expect(dialog.open).toBe(false);
    expect(await storedSettings()).toEqual(custom);

    $<HTMLButtonElement>('#reset').click();
    $<HTMLButtonElement>('#reset-confirm').click();
    await vi.waitFor(async () => expect(await storedSettings()).toEqual(defaultSettings()));
    expect(dialog.open).toBe(false);
    await vi.waitFor(() => expect($('#notice').textContent).toContain('reset to defaults'));
  });
});
