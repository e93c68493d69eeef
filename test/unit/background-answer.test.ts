// The background's answers to the content script: the settings for a site, "Always show" saved, lexicons.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { ALWAYS_SHOW_LIMIT, answerMessage, toggleSiteOfTab } from '../../src/background/answer';
import { allLexicons } from '../../src/lexicons/all';
import { de } from '../../src/lexicons/de';
import { patterns } from '../../src/lexicons/patterns';
import { fittedModels } from '../../src/scan/fitted-weights';
import { defaultSettings } from '../../src/settings/schema';
import type { SiteSettingsReply } from '../../src/messages';
import type { SiteSettings } from '../../src/settings/site';
import { loadSettings, saveSettings } from '../../src/settings/store';
import { fakeBrowser, resetFakeBrowser, type FakeStorageArea } from './settings-fake-browser';

vi.mock('../../src/browser', async () => ({ default: (await import('./settings-fake-browser')).fakeBrowser }));

const fromTab = { tab: { id: 7 } } as Runtime.MessageSender;
let sync: FakeStorageArea;
let local: FakeStorageArea;

beforeEach(() => {
  ({ sync, local } = resetFakeBrowser());
});

function ask(message: unknown): Promise<unknown> | undefined {
  return answerMessage(message, fromTab);
}

/** Asked from a tab of its own: each tab has its own allowance of saves, which the background keeps across tests. */
function askFrom(tabId: number, message: unknown): Promise<unknown> | undefined {
  return answerMessage(message, { tab: { id: tabId } } as Runtime.MessageSender);
}

describe('background answers', () => {
  it("gives a site's settings, loaded and checked: its exceptions and selectors, not other sites'", async () => {
    const settings = defaultSettings();
    settings.siteExceptions = { 'www.news.example': ['link-farm'], 'other.example': ['paywall-nag'] };
    settings.userSelectors = { 'news.example': ['.promo'] };
    await saveSettings(settings);
    const site = (await ask({ type: 'tidings:get-site-settings', host: 'news.example' })) as SiteSettingsReply;
    expect(site.siteEnabled).toBe(true);
    // The bars' style sheet comes with them: the content script carries none.
    expect(site.barStyles).toMatch(/\.bar\s*\{/);
    expect(site.userSelectors).toEqual(['.promo']);
    expect(site.scanOptions.enabled).toMatchObject({ 'link-farm': false, 'paywall-nag': true });
  });

  it('saves "Always show" as site exceptions, or drops the selector, and answers with the site as saved', async () => {
    await saveSettings({ ...defaultSettings(), userSelectors: { 'news.example': ['.promo', '.ad'] } });
    const excepted = (await ask({ type: 'tidings:always-show', host: 'news.example', detectorIds: ['donation-appeal', 'membership-plea'] })) as SiteSettings;
    expect(excepted.scanOptions.enabled).toMatchObject({ 'donation-appeal': false, 'membership-plea': false, 'link-farm': true });
    const unselected = (await ask({ type: 'tidings:always-show', host: 'news.example', detectorIds: [], selector: '.promo' })) as SiteSettings;
    expect(unselected.userSelectors).toEqual(['.ad']);
    const { settings } = await loadSettings();
    expect(settings.siteExceptions).toEqual({ 'news.example': ['donation-appeal', 'membership-plea'] });
    expect(settings.userSelectors).toEqual({ 'news.example': ['.ad'] });
  });

  it('rejects "Always show" when storage fails, and the stored settings stay as they were', async () => {
    sync.failWrites = 'sync is down';
    local.failWrites = 'local is down';
    await expect(ask({ type: 'tidings:always-show', host: 'news.example', detectorIds: ['link-farm'] })).rejects.toThrow(/Could not save settings/);
    sync.failWrites = undefined;
    local.failWrites = undefined;
    expect((await loadSettings()).settings).toEqual(defaultSettings());
  });

  it('hands out a lexicon by language with the patterns and fitted weights, and null for a language it has none for', async () => {
    expect(await ask({ type: 'tidings:get-lexicon', lang: 'de' })).toEqual({ lexicon: de, patterns, models: { plea: fittedModels.plea, linkList: fittedModels.links } });
    expect(await ask({ type: 'tidings:get-lexicon', lang: 'xx' })).toBeNull();
    expect(await ask({ type: 'tidings:get-lexicon', lang: 'constructor' })).toBeNull();
  });

  it('hands out every language\'s stop words, which the content script tells a page\'s language by', async () => {
    const stopwords = (await ask({ type: 'tidings:get-stopwords' })) as Record<string, string>;
    expect(Object.keys(stopwords).sort()).toEqual(Object.keys(allLexicons).sort());
    expect(stopwords.de!.split(' ')).toContain('und');
  });

  it('sets the badge and icon from a tab status', async () => {
    const action = { setBadgeText: vi.fn(), setBadgeBackgroundColor: vi.fn(), setBadgeTextColor: vi.fn(), setIcon: vi.fn() };
    Object.assign(fakeBrowser, { action });
    try {
      expect(await ask({ type: 'tidings:tab-status', count: 3, siteEnabled: false })).toEqual({ ok: true });
      expect(action.setBadgeText).toHaveBeenCalledWith({ tabId: 7, text: '3' });
      expect(action.setIcon).toHaveBeenCalledWith({ tabId: 7, path: expect.objectContaining({ 16: 'icons/tidings-off-16.png' }) });
    } finally {
      Reflect.deleteProperty(fakeBrowser, 'action');
    }
  });

  it('leaves malformed and foreign messages unanswered, so nothing is saved from them', async () => {
    for (const message of [
      null, 'tidings:get-site-settings', { type: 'tidings:get-site-settings' }, { type: 'tidings:get-lexicon', lang: 5 },
      { type: 'tidings:always-show', host: 'news.example', detectorIds: ['no-such-detector'] },
      { type: 'tidings:always-show', host: 'news.example', detectorIds: 'link-farm' },
      { type: 'tidings:always-show', host: 'news.example', detectorIds: [], selector: 42 },
      { type: 'tidings:always-show', host: 'news.example', detectorIds: [], undo: 'yes' },
      { type: 'tidings:add-rule', host: 'news.example', selector: '.promo', rule: 'show' },
      { type: 'tidings:add-rule', host: 'news.example', selector: ['.promo'], rule: 'hide' },
      { type: 'tidings:tab-status', count: Number.NaN, siteEnabled: true }, { type: 'someone-else' },
    ]) {
      expect(ask(message), JSON.stringify(message)).toBeUndefined();
    }
    expect(sync.setCalls + local.setCalls).toBe(0);
  });

  it('"Undo" takes back exactly the exceptions "Always show" added, and puts a dropped selector back', async () => {
    await saveSettings({ ...defaultSettings(), userSelectors: { 'news.example': ['.promo'] } });
    const before = (await loadSettings()).settings;
    await askFrom(8, { type: 'tidings:always-show', host: 'www.news.example', detectorIds: ['donation-appeal', 'membership-plea'] });
    await askFrom(8, { type: 'tidings:always-show', host: 'www.news.example', detectorIds: ['donation-appeal', 'membership-plea'], undo: true });
    await askFrom(8, { type: 'tidings:always-show', host: 'news.example', detectorIds: [], selector: '.promo' });
    await askFrom(8, { type: 'tidings:always-show', host: 'news.example', detectorIds: [], selector: '.promo', undo: true });
    expect((await loadSettings()).settings).toEqual(before);
  });

  it("keeps the picker's rules per site, refuses a selector the settings would not take, and counts them with Always show", async () => {
    await askFrom(9, { type: 'tidings:add-rule', host: 'news.example', selector: 'div#widget', rule: 'hide' });
    await askFrom(9, { type: 'tidings:add-rule', host: 'news.example', selector: 'aside#support', rule: 'never' });
    const { settings } = await loadSettings();
    expect(settings.userSelectors).toEqual({ 'news.example': ['div#widget'] });
    expect(settings.neverHide).toEqual({ 'news.example': ['aside#support'] });
    for (const selector of ['a:has(b)', 'a { color: red }', ' ']) {
      await expect(askFrom(9, { type: 'tidings:add-rule', host: 'news.example', selector, rule: 'hide' })).rejects.toThrow(/not a rule/);
    }
    // One allowance per tab for everything a page can ask to save.
    for (let save = 2; save < ALWAYS_SHOW_LIMIT.saves; save += 1) {
      await askFrom(9, { type: 'tidings:add-rule', host: 'news.example', selector: `.rule-${save}`, rule: 'hide' });
    }
    await expect(askFrom(9, { type: 'tidings:always-show', host: 'news.example', detectorIds: ['link-farm'] })).rejects.toThrow(/at most 6 saves/);
  });

  it("the shortcut switches the tab's site, as its content script names it, off and on", async () => {
    Object.assign(fakeBrowser, { tabs: { sendMessage: vi.fn(async () => ({ host: 'www.news.example', siteEnabled: true, findings: [], slowSelectors: [] })) } });
    try {
      await toggleSiteOfTab(7);
      expect((await loadSettings()).settings.disabledSites).toEqual(['www.news.example']);
      await toggleSiteOfTab(7);
      expect((await loadSettings()).settings.disabledSites).toEqual([]);
    } finally {
      Reflect.deleteProperty(fakeBrowser, 'tabs');
    }
  });
});
