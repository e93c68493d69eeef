// Shared vocabulary of the pure core: no extension APIs here, so detectors run alike
// under jsdom, in the content script and in the CLI.

import type { BlockStats } from '../scan/stats';

/** What a collapsed block is, in the corpus' label vocabulary. */
export type Kind = 'appeal' | 'paywall' | 'newsletter' | 'linkfarm';
/** Every kind, in the order reports and the popup list them. */
export const KINDS: readonly Kind[] = ['appeal', 'paywall', 'newsletter', 'linkfarm'];

/** How the popup and options page group detectors. */
export type Category = 'appeals' | 'clutter';

export type Sensitivity = 'low' | 'normal' | 'high';
/** Every sensitivity, least eager first. */
export const SENSITIVITIES: readonly Sensitivity[] = ['low', 'normal', 'high'];

export type DetectorId =
  | 'donation-appeal'
  | 'membership-plea'
  | 'paywall-nag'
  | 'newsletter-nag'
  | 'link-farm'
  | 'app-promo';

/** A detector's judgement of one candidate block. */
export interface Verdict {
  /** 0..1 (higher means more certain); compared against the sensitivity threshold. */
  score: number;
  /** The evidence, strongest first, for the reader in their language (see Reason). */
  reasons: Reason[];
}

/**
 * One piece of evidence, told in the reader's language: the `_locales` message `key` ("why_" and the rule's
 * id) filled with `values` (counts, quoted phrases), so the content script, the popup and the CLI each say it
 * in theirs (src/core/reason.ts).
 */
export interface Reason {
  key: string;
  values: string[];
}

/** A block that should be collapsed. */
export interface Finding extends Verdict {
  detectorId: DetectorId;
  kind: Kind;
  element: Element;
}

/** Everything a detector may consult besides the block itself. Built once per scan. */
export interface DetectContext {
  /** Low sensitivity is judged as normal, then keeps the findings that reach its thresholds (scan/scan.ts). */
  sensitivity: Exclude<Sensitivity, 'low'>;
  /** Language codes whose lexicons apply (always includes 'en'). */
  langs: string[];
  /** User-supplied phrases per kind (from settings); matched like lexicon phrases. */
  userPhrases: Partial<Record<Kind, string[]>>;
}

/** A rule that judges blocks. Its name and description for readers are the `_locales` messages
 *  `detector_<id>_label` and `detector_<id>_description` (with id's dashes as underscores), in every UI language. */
export interface Detector {
  id: DetectorId;
  category: Category;
  kind: Kind;
  enabledByDefault: boolean;
  /**
   * A cheap test on the block's statistics, false when `detect` could not match it (no phrase of the
   * detector's lists, too few links): a scan scores only the few blocks some detector may match.
   */
  mayMatch(stats: BlockStats): boolean;
  /** Pure: reads only `block` (and its subtree) and `context`. Returns null when not matched. */
  detect(block: Element, context: DetectContext): Verdict | null;
}

/** The elements Tidings itself marked in a page (a WeakSet the content script keeps). */
export interface OwnMarks {
  has(element: Element): boolean;
}

/** Which detectors run and how eagerly: the part of the user's settings the core needs. */
export interface ScanOptions {
  enabled: Partial<Record<DetectorId, boolean>>;
  sensitivity: Sensitivity;
  userPhrases?: Partial<Record<Kind, string[]>>;
  /** Force the page language instead of detecting it. */
  lang?: string;
  /**
   * Which elements carrying data-tidings-collapsed / data-tidings-revealed were really marked by Tidings: only
   * those are skipped, since a page can put the same attributes on its appeal to escape the scan. Without it
   * no element is taken for marked.
   */
  ownMarks?: OwnMarks;
}
