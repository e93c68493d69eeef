// Messages between the content script, the background worker and the popup.
// Types only: each edge sends and answers them with webextension-polyfill's runtime/tabs messaging.
import type { DetectorId, Kind } from './core/types';
import type { Lexicon } from './lexicons/types';

/** One collapsed block as the popup lists it. */
export interface FindingSummary {
  /** Stable within the page visit; used to reveal it. */
  id: string;
  detectorId: DetectorId | 'user-selector';
  kind: Kind;
  reasons: string[];
  /** First 80 characters of the block's text. */
  snippet: string;
  revealed: boolean;
}

export interface PageState {
  host: string;
  siteEnabled: boolean;
  findings: FindingSummary[];
}

/** Popup → content script (browser.tabs.sendMessage). */
export type ContentRequest =
  | { type: 'tidings:get-page' } // answered with PageState
  | { type: 'tidings:reveal'; id: string }; // answered with { ok: boolean }

/**
 * Content script → background (browser.runtime.sendMessage): the lexicon of a language the content script
 * does not ship (it carries English only); answered with a LexiconReply.
 */
export interface LexiconRequest {
  type: 'tidings:get-lexicon';
  /** A primary subtag: 'de'. */
  lang: string;
}

/** The requested lexicon, or null when Tidings has none for that language. */
export type LexiconReply = Lexicon | null;

/** Content script → background (browser.runtime.sendMessage): drives the toolbar badge and icon. */
export interface TabStatusMessage {
  type: 'tidings:tab-status';
  count: number;
  siteEnabled: boolean;
}
