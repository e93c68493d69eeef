// The settings schema: one typed shape, its defaults and version. Pure (no extension APIs).
// Validation, migration and storage live beside it (validate.ts, store.ts).
import type { DetectorId, Kind, Sensitivity } from '../core/types';
import { detectors } from '../detectors/registry';

export const SETTINGS_VERSION = 2;

/** 'placeholder' leaves a slim "… hidden · Show" bar; 'hide' removes the block without a trace. */
export type PlaceholderMode = 'placeholder' | 'hide';

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Per-detector on/off, keyed by detector id. */
  detectors: Record<DetectorId, boolean>;
  sensitivity: Sensitivity;
  placeholderMode: PlaceholderMode;
  /** Hostnames (lower-case, as in location.hostname) where Tidings does nothing. */
  disabledSites: string[];
  /** Hostname → detectors switched off on that site only ("Always show on this site"). */
  siteExceptions: Record<string, DetectorId[]>;
  /** Extra phrases per kind, matched like lexicon phrases. */
  userPhrases: Record<Kind, string[]>;
  /** Hostname → CSS selectors the user wants collapsed on that site. */
  userSelectors: Record<string, string[]>;
  /** Hostname → CSS selectors of blocks Tidings must never collapse on that site ("Never hide this here"). */
  neverHide: Record<string, string[]>;
}

/** No user phrases; the literal's type check keeps it complete when a Kind is added. */
function emptyUserPhrases(): Record<Kind, string[]> {
  return { appeal: [], paywall: [], newsletter: [], linkfarm: [] };
}

/** The kinds users may add phrases for, in the order the options page lists them. */
export const PHRASE_KINDS = Object.keys(emptyUserPhrases()) as readonly Kind[];

/** Fresh defaults: every registered detector with its `enabledByDefault`, nothing site-specific. */
export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    detectors: Object.fromEntries(detectors.map((d) => [d.id, d.enabledByDefault])) as Record<DetectorId, boolean>,
    sensitivity: 'normal',
    placeholderMode: 'placeholder',
    disabledSites: [],
    siteExceptions: {},
    userPhrases: emptyUserPhrases(),
    userSelectors: {},
    neverHide: {},
  };
}
