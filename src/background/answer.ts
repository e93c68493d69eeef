// What the background answers the content scripts (runtime messages): each tab's status on the toolbar
// button (badge count, greyed icon when Tidings is off for the site), the settings for a site, and the
// lexicons a content script does not ship. Keeps no state of its own (it runs as a Chrome service worker
// that may stop at any moment): every message carries all it needs. The one exception is how often each tab
// saved "Always show" lately; forgetting it when the worker stops only gives a tab a fresh allowance.
import type { Runtime } from 'webextension-polyfill';
import browser from '../browser';
import type { DetectorId } from '../core/types';
import { EventWindow } from '../bounded';
import { detectorById } from '../detectors/registry';
import { lexiconOf } from '../lexicons/all';
import { patterns } from '../lexicons/patterns';
import { fittedModels } from '../scan/fitted-weights';
import { stopwordsByLanguage } from '../lexicons/stopwords';
import type { AlwaysShowRequest, ContentRequest, LexiconReply, PageState, SentModels, PickerRuleRequest, LexiconRequest, SiteSettingsReply, SiteSettingsRequest, SlowSelectorMessage, StopwordsReply, StopwordsRequest, TabStatusMessage } from '../messages';
import type { Settings } from '../settings/schema';
import { addToSiteList, canonicalHost, ownEntry, removeFromSiteList, setSiteEnabled, siteSettings, withEntry, type SiteSettings } from '../settings/site';
import { selectorCost } from '../settings/selector-cost';
import { loadSettings, updateSettings } from '../settings/store';
import { isRecord } from '../settings/validate';
import barStyles from '../content/placeholder.css';

/** The fitted weights as a lexicon reply carries them. */
const sentModels: SentModels = { plea: fittedModels.plea, linkList: fittedModels.links };

const BADGE_BACKGROUND = '#1b6ca8';
const BADGE_TEXT = '#ffffff';
const ICON_SIZES = [16, 32, 48, 128] as const;

/**
 * Saves each tab may make per minute from the page ("Always show", its Undo, the picker's rules). A reader clicks
 * them for a block or two on a page; a page that found a way to press them (or a content script gone wrong) must not
 * use up storage.sync's 120 writes per minute, after which the reader's own next change could only be saved on this
 * device.
 */
export const ALWAYS_SHOW_LIMIT = { saves: 6, windowMs: 60_000, tabs: 256 } as const;
const alwaysShowSaves = new EventWindow<number>(ALWAYS_SHOW_LIMIT.saves, ALWAYS_SHOW_LIMIT.windowMs, ALWAYS_SHOW_LIMIT.tabs);

function iconPaths(drawing: 'tidings' | 'tidings-off'): Record<string, string> {
  return Object.fromEntries(ICON_SIZES.map((size) => [String(size), `icons/${drawing}-${size}.png`]));
}

function isTabStatus(message: Partial<TabStatusMessage>): message is TabStatusMessage {
  return (
    message.type === 'tidings:tab-status' &&
    typeof message.count === 'number' &&
    Number.isFinite(message.count) &&
    typeof message.siteEnabled === 'boolean'
  );
}

function isLexiconRequest(message: Partial<LexiconRequest>): message is LexiconRequest {
  return message.type === 'tidings:get-lexicon' && typeof message.lang === 'string';
}

function isStopwordsRequest(message: Partial<StopwordsRequest>): message is StopwordsRequest {
  return message.type === 'tidings:get-stopwords';
}

function isSiteSettingsRequest(message: Partial<SiteSettingsRequest>): message is SiteSettingsRequest {
  return message.type === 'tidings:get-site-settings' && typeof message.host === 'string';
}

function isSlowSelectorMessage(message: Partial<SlowSelectorMessage>): message is SlowSelectorMessage {
  return message.type === 'tidings:slow-selector' && typeof message.host === 'string' && typeof message.selector === 'string';
}

function isAlwaysShowRequest(message: Partial<AlwaysShowRequest>): message is AlwaysShowRequest {
  return (
    message.type === 'tidings:always-show' &&
    typeof message.host === 'string' &&
    Array.isArray(message.detectorIds) &&
    message.detectorIds.every((id: unknown) => typeof id === 'string' && detectorById(id as DetectorId) !== undefined) &&
    (message.selector === undefined || typeof message.selector === 'string') &&
    (message.undo === undefined || typeof message.undo === 'boolean')
  );
}

function isPickerRuleRequest(message: Partial<PickerRuleRequest>): message is PickerRuleRequest {
  return (
    message.type === 'tidings:add-rule' &&
    typeof message.host === 'string' &&
    typeof message.selector === 'string' &&
    (message.rule === 'hide' || message.rule === 'never')
  );
}

async function showTabStatus(tabId: number, status: TabStatusMessage): Promise<void> {
  const count = Math.max(0, Math.floor(status.count));
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' }),
    browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_BACKGROUND }),
    browser.action.setBadgeTextColor({ tabId, color: BADGE_TEXT }),
    browser.action.setIcon({ tabId, path: iconPaths(status.siteEnabled ? 'tidings' : 'tidings-off') }),
  ]);
}

/**
 * The reader's selectors switched off per host for the browser session because they cost too much on a page
 * there (storage.session: gone when the browser closes, so a page that was slow once does not keep a selector off
 * for good). At most SLOW_SELECTOR_HOSTS hosts, each holding only selectors the reader has for it.
 */
const SLOW_SELECTORS_KEY = 'slowSelectors';
const SLOW_SELECTOR_HOSTS = 200;

async function slowSelectorsByHost(): Promise<Record<string, string[]>> {
  const stored = (await browser.storage.session.get(SLOW_SELECTORS_KEY))[SLOW_SELECTORS_KEY];
  return isRecord(stored) ? (stored as Record<string, string[]>) : {};
}

/** The selectors switched off for `host` (a canonical host). */
function slowSelectorsOf(byHost: Record<string, string[]>, host: string): string[] {
  const slow = ownEntry(byHost, host);
  return Array.isArray(slow) ? slow : [];
}

/** The site's settings as the content script uses them: without the selectors switched off there this session. */
async function siteSettingsFor(settings: Settings, host: string): Promise<SiteSettings> {
  const site = siteSettings(settings, host);
  const slow = slowSelectorsOf(await slowSelectorsByHost(), canonicalHost(host) ?? host);
  return {
    ...site,
    userSelectors: site.userSelectors.filter((selector) => !slow.includes(selector)),
    slowSelectors: site.userSelectors.filter((selector) => slow.includes(selector)),
  };
}

async function rememberSlowSelector({ host, selector }: SlowSelectorMessage): Promise<void> {
  const key = canonicalHost(host);
  const { settings } = await loadSettings();
  if (key === null || !siteSettings(settings, key).userSelectors.includes(selector)) return;
  const byHost = await slowSelectorsByHost();
  const slow = slowSelectorsOf(byHost, key);
  if (slow.includes(selector)) return;
  // Set again last, and the hosts set longest ago go first.
  const kept = Object.entries(withEntry<string[]>(byHost, key, undefined)).slice(-(SLOW_SELECTOR_HOSTS - 1));
  await browser.storage.session.set({ [SLOW_SELECTORS_KEY]: Object.fromEntries([...kept, [key, [...slow, selector]]]) });
}

/** Counts a save from a page's tab against its allowance; throws when the allowance is used up. */
function spendPageSave(tabId: number | undefined): void {
  if (tabId === undefined || !alwaysShowSaves.record(tabId, Date.now())) {
    throw new Error(`not saved: at most ${ALWAYS_SHOW_LIMIT.saves} saves a minute from one tab`);
  }
}

async function alwaysShow({ host, detectorIds, selector, undo }: AlwaysShowRequest, tabId: number | undefined): Promise<SiteSettings> {
  spendPageSave(tabId);
  const { settings } = await updateSettings((current) => {
    if (selector !== undefined) {
      return undo ? addToSiteList(current, 'userSelectors', host, selector) : removeFromSiteList(current, 'userSelectors', host, selector);
    }
    const edit = undo ? removeFromSiteList : addToSiteList;
    return detectorIds.reduce((edited, id) => edit(edited, 'siteExceptions', host, id), current);
  });
  return siteSettingsFor(settings, host);
}

/** The picker's rule, once its selector is one the settings accept (parsing is checked in the page, which has a DOM). */
async function addPickerRule({ host, selector, rule }: PickerRuleRequest, tabId: number | undefined): Promise<{ ok: true }> {
  if (canonicalHost(host) === null || selector.trim() === '' || /[{}]/.test(selector) || selectorCost(selector) !== null) {
    throw new Error(`not a rule Tidings keeps: ${selector}`);
  }
  spendPageSave(tabId);
  await updateSettings((current) => addToSiteList(current, rule === 'hide' ? 'userSelectors' : 'neverHide', host, selector));
  return { ok: true };
}

/**
 * The keyboard shortcut: Tidings off on the tab's site, or on again. The site is the one the tab's content script
 * reports (no `tabs` permission is needed for the tab's URL); a tab without one (a browser page) is left alone.
 */
export async function toggleSiteOfTab(tabId: number): Promise<void> {
  const request: ContentRequest = { type: 'tidings:get-page' };
  const { host } = (await browser.tabs.sendMessage(tabId, request)) as PageState;
  await updateSettings((current) => setSiteEnabled(current, host, !siteSettings(current, host).siteEnabled));
}

/** The answer to one runtime message, or undefined when it is not one of ours (another listener may answer). */
export function answerMessage(message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  if (isLexiconRequest(message)) {
    const lexicon = lexiconOf(message.lang);
    return Promise.resolve<LexiconReply>(lexicon && { lexicon, patterns, models: sentModels });
  }
  if (isStopwordsRequest(message)) return Promise.resolve<StopwordsReply>(stopwordsByLanguage);
  if (isSiteSettingsRequest(message)) {
    return loadSettings().then(async ({ settings }): Promise<SiteSettingsReply> => ({ ...(await siteSettingsFor(settings, message.host)), barStyles }));
  }
  if (isSlowSelectorMessage(message)) return rememberSlowSelector(message).then(() => ({ ok: true }));
  const tabId = sender.tab?.id;
  if (isAlwaysShowRequest(message)) return alwaysShow(message, tabId);
  if (isPickerRuleRequest(message)) return addPickerRule(message, tabId);
  if (!isTabStatus(message) || tabId === undefined) return undefined;
  // The tab may close between the message and the update; that is not an error worth reporting.
  return showTabStatus(tabId, message).then(
    () => ({ ok: true }),
    () => ({ ok: false }),
  );
}
