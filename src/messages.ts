// Messages between the content script, the background worker and the popup.
// Types only: each edge sends and answers them with the browser's runtime/tabs messaging (src/browser.ts).
import type { DetectorId, Kind, Reason, Sensitivity } from './core/types';
import type { Lexicon } from './lexicons/types';
import type { Patterns } from './lexicons/patterns';
import type { ModelWeights } from './scan/model';
import type { SiteSettings } from './settings/site';

/** One collapsed block as the popup lists it. */
export interface FindingSummary {
  /** Stable within the page visit; used to reveal it. */
  id: string;
  detectorId: DetectorId | 'user-selector';
  kind: Kind;
  reasons: Reason[];
  /** First 80 characters of the block's text. */
  snippet: string;
  revealed: boolean;
}

export interface PageState {
  host: string;
  siteEnabled: boolean;
  findings: FindingSummary[];
  /** The reader's selectors switched off on this site because matching them cost too much. */
  slowSelectors: string[];
}

/** Popup → content script (browser.tabs.sendMessage). */
export type ContentRequest =
  | { type: 'tidings:get-page' } // answered with PageState
  | { type: 'tidings:reveal'; id: string } // answered with { ok: boolean }
  | { type: 'tidings:hide'; id: string } // a block the reader showed, hidden again; answered with { ok: boolean }
  | { type: 'tidings:sensitivity-preview' }; // answered with SensitivityPreview

/** How many blocks the detectors find on the page at each sensitivity (the reader's own rules aside). */
export type SensitivityPreview = Record<Sensitivity, number>;

/**
 * Content script → background (browser.runtime.sendMessage): the settings for the page's site. The
 * background loads and checks them (settings/store.ts), so the content script carries none of that code;
 * answered with a SiteSettingsReply.
 */
export interface SiteSettingsRequest {
  type: 'tidings:get-site-settings';
  /** location.hostname */
  host: string;
}

/**
 * The site's settings, and the style sheet of the bars Tidings leaves in the page (content/placeholder.css): a bar is
 * drawn only once the settings have come, so the content script, injected into every page, carries no styles.
 */
export type SiteSettingsReply = SiteSettings & { barStyles: string };

/**
 * Content script → background: "Always show on this site" on a block — except its detectors on the
 * site, or drop the reader's selector that caught it. Answered with the site's SiteSettings as saved;
 * rejected with the reason when nothing could be saved.
 */
export interface AlwaysShowRequest {
  type: 'tidings:always-show';
  host: string;
  detectorIds: DetectorId[];
  /** Set when the block was the reader's own selector's: that selector is removed instead. */
  selector?: string;
  /** The reader's "Undo" right after: the same exceptions taken back (or the selector put back). */
  undo?: boolean;
}

/**
 * Picker (injected into the page on the reader's gesture) → background: keep a rule for `host`, made of the block
 * the reader pointed at: collapse what `selector` matches ('hide'), or never collapse it ('never'). Answered with
 * { ok: true }; rejected with the reason when it was not saved.
 */
export interface PickerRuleRequest {
  type: 'tidings:add-rule';
  host: string;
  selector: string;
  rule: 'hide' | 'never';
}

/**
 * Content script → background: matching `selector`, one of the reader's selectors for `host`, cost too much on a
 * page there; the background keeps it switched off on that site for the browser session (storage.session).
 */
export interface SlowSelectorMessage {
  type: 'tidings:slow-selector';
  host: string;
  selector: string;
}

/**
 * Content script → background (browser.runtime.sendMessage): the lexicon of a language the content script
 * does not ship (it carries English only); answered with a LexiconReply.
 */
export interface LexiconRequest {
  type: 'tidings:get-lexicon';
  /** A primary subtag: 'de'. */
  lang: string;
}

/**
 * The requested lexicon with the patterns of class names and link addresses and the models' fitted weights (the same
 * for every language, sent with each so that words never come without them), or null when Tidings has no lexicon for
 * that language.
 */
export type LexiconReply = { lexicon: Lexicon; patterns: Patterns; models: SentModels } | null;

/** The models' weights as a message carries them: inside a bundle `links` is a minified name (build.mjs), so not here. */
export interface SentModels {
  plea: ModelWeights;
  linkList: ModelWeights;
}

/** Content script → background: every language's stop words, to tell a page's language by; answered with StopwordsReply. */
export interface StopwordsRequest {
  type: 'tidings:get-stopwords';
}

/** Each language's stop words, separated by spaces (lexicons/stopwords.ts). */
export type StopwordsReply = Readonly<Record<string, string>>;

/** Content script → background (browser.runtime.sendMessage): drives the toolbar badge and icon. */
export interface TabStatusMessage {
  type: 'tidings:tab-status';
  count: number;
  siteEnabled: boolean;
}
