// Pure edits of the Settings object made by the options page (the per-site switch is settings/site.ts' setSiteEnabled).
// Each returns a new Settings (updateSettings stores whatever the change returns) and leaves its input untouched.
import type { DetectorId, Kind } from '../core/types';
import type { Settings } from '../settings/schema';
import { withEntry } from '../settings/site';

/** Global on/off of one detector (popup and options page). */
export function setDetectorEnabled(settings: Settings, id: DetectorId, enabled: boolean): Settings {
  return { ...settings, detectors: { ...settings.detectors, [id]: enabled } };
}

/** Removes one entry exactly as listed (the options page lists entries as stored). */
export function removeDisabledSite(settings: Settings, host: string): Settings {
  return { ...settings, disabledSites: settings.disabledSites.filter((entry) => entry !== host) };
}

export function removeSiteExceptions(settings: Settings, host: string): Settings {
  return { ...settings, siteExceptions: withEntry<DetectorId[]>(settings.siteExceptions, host, undefined) };
}

export function setUserPhrases(settings: Settings, userPhrases: Record<Kind, string[]>): Settings {
  return { ...settings, userPhrases };
}

/** An empty list removes the host's entry rather than storing an empty array. */
export function setUserSelectors(settings: Settings, host: string, selectors: string[]): Settings {
  return { ...settings, userSelectors: withEntry(settings.userSelectors, host, selectors.length > 0 ? selectors : undefined) };
}

/** The lines of a text area that carry something: trimmed, blank lines dropped, repeats dropped. */
export function meaningfulLines(text: string): string[] {
  return [...new Set(text.split('\n').map((line) => line.trim()).filter((line) => line !== ''))];
}
