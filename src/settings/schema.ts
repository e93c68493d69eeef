// The settings schema: one typed shape, its defaults and version. Pure (no extension APIs).
// Validation, migration and storage live beside it (validate.ts, store.ts).
import type { DetectorId, Kind, Sensitivity } from '../core/types';

export const SETTINGS_VERSION = 1;

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
}
