// The content script's requests to the background (see background/answer.ts): the settings for the page's
// site and the lexicons it does not ship are read there, so the code that loads, checks and saves settings
// and the other languages' phrases are not injected into every page the reader opens.
import browser from '../browser';
import type { DetectorId } from '../core/types';
import type { AlwaysShowRequest, LexiconReply, LexiconRequest, SiteSettingsReply, SiteSettingsRequest, SlowSelectorMessage, StopwordsRequest } from '../messages';
import type { SiteSettings } from '../settings/site';
import { useBarStyles } from './placeholder';

/**
 * Waits before asking again when the background did not answer: at browser start-up and right after an
 * update, content scripts can run before the background listens ("Receiving end does not exist").
 */
const RETRY_DELAYS_MS = [100, 400, 1600];

async function ask(message: SiteSettingsRequest | LexiconRequest | StopwordsRequest): Promise<unknown> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await browser.runtime.sendMessage(message);
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

function isSiteSettings(reply: unknown): reply is SiteSettings {
  const candidate = reply as Partial<SiteSettings> | null;
  return typeof candidate?.siteEnabled === 'boolean' && typeof candidate.scanOptions === 'object' && Array.isArray(candidate.userSelectors);
}

/** The error of an answer from the background that is not what was asked for. */
function sentNo(what: string): Error {
  return new Error(`the background sent no ${what}`);
}

function siteSettingsOf(reply: unknown): SiteSettings {
  if (!isSiteSettings(reply)) throw sentNo('settings');
  return reply;
}

/** The settings for `host`, loaded and checked by the background; the bars' styles come with them. */
export async function requestSiteSettings(host: string): Promise<SiteSettings> {
  const reply = siteSettingsOf(await ask({ type: 'tidings:get-site-settings', host })) as Partial<SiteSettingsReply>;
  if (typeof reply.barStyles === 'string') useBarStyles(reply.barStyles);
  return reply as SiteSettings;
}

/**
 * Saves "Always show" for a block (`undo`: takes it back); resolves with the site's settings as saved. Not retried:
 * it writes.
 */
export async function requestAlwaysShow(host: string, detectorIds: DetectorId[], selector?: string, undo?: true): Promise<SiteSettings> {
  const request: AlwaysShowRequest = { type: 'tidings:always-show', host, detectorIds, ...(selector === undefined ? {} : { selector }), ...(undo ? { undo } : {}) };
  return siteSettingsOf(await browser.runtime.sendMessage(request));
}

/** Tells the background that one of the reader's selectors for `host` cost too much on this page. */
export async function reportSlowSelector(host: string, selector: string): Promise<void> {
  const message: SlowSelectorMessage = { type: 'tidings:slow-selector', host, selector };
  await browser.runtime.sendMessage(message);
}

/**
 * The lexicon of `lang` (a primary subtag) and the patterns and weights sent with it; null when Tidings has no lexicon
 * for that language; rejects on any other answer.
 */
export async function requestLexicon(lang: string): Promise<LexiconReply> {
  const reply = (await ask({ type: 'tidings:get-lexicon', lang })) as LexiconReply;
  if (reply !== null && (reply?.lexicon?.lang !== lang || !reply.patterns?.hints || !reply.models?.linkList)) throw sentNo(`lexicon for "${lang}"`);
  return reply;
}

/** Every language's stop words, to tell a page's language by; rejects when the background sent something else. */
export async function requestStopwords(): Promise<Readonly<Record<string, string>>> {
  const reply = await ask({ type: 'tidings:get-stopwords' });
  const valid = typeof reply === 'object' && reply !== null && Object.values(reply).every((words) => typeof words === 'string');
  if (!valid) throw sentNo('stop words');
  return reply as Readonly<Record<string, string>>;
}
