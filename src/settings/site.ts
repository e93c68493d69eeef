// The per-site view of the settings: what Tidings does on one host. Pure (no extension APIs).
//
// Host matching: an entry applies to a host when both name the same site once a leading "www." is
// stripped ("www.example.com" ≡ "example.com"). Subdomains are separate sites ("news.example.com" is not
// covered by "example.com"): the popup switches the site it is on, and a switch that silently reached
// sibling subdomains could not be undone from one of them without affecting the others.
import type { DetectorId, ScanOptions } from '../core/types';
import type { PlaceholderMode, Settings } from './schema';

export interface SiteSettings {
  siteEnabled: boolean;
  /** Detectors switched off globally or by a site exception are `false` in `enabled`. */
  scanOptions: ScanOptions;
  /** The user's CSS selectors for this site (all matching entries, de-duplicated). */
  userSelectors: string[];
  placeholderMode: PlaceholderMode;
}

// DNS labels: letters, digits, inner hyphens. Underscores are left out on purpose: browsers tolerate
// them, but no real news site needs them, and they would admit keys like "__proto__".
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const DNS_HOST = new RegExp(`^(?=.{1,253}$)(?:${LABEL}\\.)*${LABEL}$`);
const IPV6_HOST = /^\[[0-9a-f:.]{2,45}\]$/;

/** True for a hostname as `location.hostname` gives it: lower-case, no scheme, port or path. */
export function isHostname(value: string): boolean {
  return DNS_HOST.test(value) || IPV6_HOST.test(value);
}

/**
 * The hostname in what a user typed or pasted: "https://www.Example.com/x" → "www.example.com",
 * "example.com" → "example.com", "bücher.de" → "xn--bcher-kva.de". Null when there is none
 * (empty input, a non-web URL, a path without a host).
 */
export function normalizeHost(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === '') return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
  let url: URL;
  try {
    url = new URL(hasScheme ? trimmed : `http://${trimmed}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.replace(/\.$/, '');
  return isHostname(host) ? host : null;
}

/**
 * Whether `selector` parses as a CSS selector in `doc`'s engine: the options page accepts only such lines,
 * and the content script applies only such entries (one broken entry must not stop the others).
 */
export function isValidSelector(doc: Document, selector: string): boolean {
  try {
    doc.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

/** The site a host belongs to for matching settings entries: lower-case, no trailing dot, no "www.". */
function siteKey(host: string): string {
  return host.toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
}

function entriesFor<T>(record: Record<string, T>, site: string): T[] {
  return Object.entries(record)
    .filter(([host]) => siteKey(host) === site)
    .map(([, value]) => value);
}

/** Whether Tidings runs on `host` and with which options. `host` is `location.hostname`. */
export function siteSettings(settings: Settings, host: string): SiteSettings {
  const site = siteKey(host);
  const enabled = { ...settings.detectors };
  for (const id of entriesFor(settings.siteExceptions, site).flat()) enabled[id] = false;
  return {
    siteEnabled: !settings.disabledSites.some((entry) => siteKey(entry) === site),
    scanOptions: { enabled, sensitivity: settings.sensitivity, userPhrases: settings.userPhrases },
    userSelectors: [...new Set(entriesFor(settings.userSelectors, site).flat())],
    placeholderMode: settings.placeholderMode,
  };
}

/**
 * Settings with Tidings switched on or off for `host`'s site (the popup's switch). Switching on removes
 * every entry naming the same site, so it works whichever spelling ("www." or not) was listed.
 */
export function setSiteEnabled(settings: Settings, host: string, siteEnabled: boolean): Settings {
  const site = siteKey(host);
  const others = settings.disabledSites.filter((entry) => siteKey(entry) !== site);
  return { ...settings, disabledSites: siteEnabled ? others : [...others, host.toLowerCase()] };
}

/** Settings with `detectorId` switched off on `host`'s site ("Always show on this site"). */
export function addSiteException(settings: Settings, host: string, detectorId: DetectorId): Settings {
  const site = siteKey(host);
  const key = Object.keys(settings.siteExceptions).find((entry) => siteKey(entry) === site) ?? host.toLowerCase();
  const current = settings.siteExceptions[key] ?? [];
  if (current.includes(detectorId)) return settings;
  return { ...settings, siteExceptions: { ...settings.siteExceptions, [key]: [...current, detectorId] } };
}

/** Settings without `selector` for `host`'s site, whichever spelling of the host it was stored under ("Always show"). */
export function removeUserSelector(settings: Settings, host: string, selector: string): Settings {
  const site = siteKey(host);
  const userSelectors: Record<string, string[]> = {};
  for (const [key, selectors] of Object.entries(settings.userSelectors)) {
    const kept = siteKey(key) === site ? selectors.filter((entry) => entry !== selector) : selectors;
    if (kept.length > 0) userSelectors[key] = kept;
  }
  return { ...settings, userSelectors };
}
