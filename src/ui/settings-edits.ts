// Pure edits of the Settings object made by the options page (the per-site switch is settings/site.ts' setSiteEnabled).
// Each returns a new Settings (updateSettings stores whatever the change returns) and leaves its input untouched.
import type { DetectorId, Kind } from '../core/types';
import type { Settings } from '../settings/schema';

/** Global on/off of one detector (popup and options page). */
export function setDetectorEnabled(settings: Settings, id: DetectorId, enabled: boolean): Settings {
  return { ...settings, detectors: { ...settings.detectors, [id]: enabled } };
}

/** Removes one entry exactly as listed (the options page lists entries as stored). */
export function removeDisabledSite(settings: Settings, host: string): Settings {
  return { ...settings, disabledSites: settings.disabledSites.filter((entry) => entry !== host) };
}

export function removeSiteExceptions(settings: Settings, host: string): Settings {
  const siteExceptions = { ...settings.siteExceptions };
  delete siteExceptions[host];
  return { ...settings, siteExceptions };
}

export function setUserPhrases(settings: Settings, userPhrases: Record<Kind, string[]>): Settings {
  return { ...settings, userPhrases };
}

/** An empty list removes the host's entry rather than storing an empty array. */
export function setUserSelectors(settings: Settings, host: string, selectors: string[]): Settings {
  const userSelectors = { ...settings.userSelectors };
  if (selectors.length > 0) userSelectors[host] = selectors;
  else delete userSelectors[host];
  return { ...settings, userSelectors };
}

/** The lines of a text area that carry something: trimmed, blank lines dropped, repeats dropped. */
export function meaningfulLines(text: string): string[] {
  return [...new Set(text.split('\n').map((line) => line.trim()).filter((line) => line !== ''))];
}
