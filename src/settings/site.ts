// The per-site view of the settings: what Tidings does on one host. Pure (no extension APIs).
//
// Host matching: an entry applies to a host when both name the same site once a leading "www." is
// stripped ("www.example.com" ≡ "example.com"). Subdomains are separate sites ("news.example.com" is not
// covered by "example.com"): the popup switches the site it is on, and a switch that silently reached
// sibling subdomains could not be undone from one of them without affecting the others. Hosts are kept as
// canonicalHost gives them, and looked up in the settings' records only as their own entries: a page on a host
// called "constructor" or "__proto__" must not reach Object.prototype.
import type { ScanOptions } from '../core/types';
import type { PlaceholderMode, Settings } from './schema';

export interface SiteSettings {
  siteEnabled: boolean;
  /** Detectors switched off globally or by a site exception are `false` in `enabled`. */
  scanOptions: ScanOptions;
  /** The user's CSS selectors for this site (all matching entries, de-duplicated). */
  userSelectors: string[];
  /** Selectors of blocks never to collapse on this site ("Never hide this here"). */
  neverHide: string[];
  placeholderMode: PlaceholderMode;
  /**
   * Those of the reader's selectors for the site that were switched off for this browser session because they cost
   * too much on its pages (left out of `userSelectors`); set by the background, which remembers them.
   */
  slowSelectors?: string[];
}

/**
 * What a host may be made of once the URL parser has had it (IDN as punycode): letters, digits, dots, hyphens
 * and underscores, or an IPv6 literal in brackets. Node, Chromium and Firefox parse all of these alike; some
 * other characters the parsers let through ("*", "!") they do not, and no site needs them.
 */
const HOST_CHARACTERS = /^(?:[a-z0-9_.-]+|\[[0-9a-f:.]+\])$/;
const MAX_HOST_LENGTH = 253;

/** The hostname the URL parser makes of `value` when `value` is a host and nothing else (no port, path or user), else null. */
function parsedHost(value: string): string | null {
  try {
    const url = new URL(`http://${value}/`);
    return url.href === `http://${url.hostname}/` ? url.hostname : null;
  } catch {
    return null;
  }
}

/**
 * A host as the settings keep it, from a host as `location.hostname` reports it or as someone typed it: what
 * the URL parser makes of it — lower case, IDN as punycode ("bücher.de" → "xn--bcher-kva.de"), IPv6 in
 * brackets ("[0:0::1]" → "[::1]") — without trailing dots ("example.com." is example.com). Underscores stay
 * ("a_b.localhost"). Ports are no part of a site: `location.hostname` has none, and normalizeHost drops those of
 * pasted URLs. Null when `value` is not a host.
 */
export function canonicalHost(value: string): string | null {
  const host = parsedHost(value)?.replace(/\.+$/, '');
  return host && host.length <= MAX_HOST_LENGTH && HOST_CHARACTERS.test(host) ? host : null;
}

/** True for a host as the settings keep it (see canonicalHost). */
export function isHostname(value: string): boolean {
  return canonicalHost(value) === value;
}

/**
 * The hostname in what a user typed or pasted: "https://www.Example.com:8080/x" → "www.example.com",
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
  return canonicalHost(url.hostname);
}

/** `record[key]` only when the record has it as its own: a host called "constructor" is not Object.prototype's. */
export function ownEntry<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * A copy of `record` with `key` set to `value` in its place (or added last), or removed when `value` is
 * undefined. Never assigns `copy[key]`, which for "__proto__" would set the copy's prototype instead.
 */
export function withEntry<T>(record: Readonly<Record<string, T>>, key: string, value: T | undefined): Record<string, T> {
  const entries = Object.entries(record);
  const at = entries.findIndex(([entry]) => entry === key);
  if (value === undefined) {
    if (at >= 0) entries.splice(at, 1);
  } else if (at >= 0) {
    entries[at] = [key, value];
  } else {
    entries.push([key, value]);
  }
  return Object.fromEntries(entries);
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

/** A host as the settings keep it, or (not a host at all) lower-cased, for validation to name. */
function storedHost(host: string): string {
  return canonicalHost(host) ?? host.toLowerCase();
}

/** The site a stored host belongs to for matching settings entries: no "www.". */
function siteKey(stored: string): string {
  return stored.replace(/^www\./, '');
}

/** The site of a host as `location.hostname` reports it (or a user typed it). */
function siteOf(host: string): string {
  return siteKey(storedHost(host));
}

/** Whether two hosts (as listed, or as typed) name the same site: "EXAMPLE.com" and "www.example.com" do. */
export function sameSite(a: string, b: string): boolean {
  return siteOf(a) === siteOf(b);
}

function entriesFor<T>(record: Record<string, T>, site: string): T[] {
  return Object.entries(record)
    .filter(([host]) => siteKey(host) === site)
    .map(([, value]) => value);
}

/** Whether Tidings runs on `host` and with which options. `host` is `location.hostname`. */
export function siteSettings(settings: Settings, host: string): SiteSettings {
  const site = siteOf(host);
  const unlisted = unlistedSiteSettings(settings);
  for (const id of entriesFor(settings.siteExceptions, site).flat()) unlisted.scanOptions.enabled[id] = false;
  return {
    ...unlisted,
    siteEnabled: !settings.disabledSites.some((entry) => siteKey(entry) === site),
    userSelectors: [...new Set(entriesFor(settings.userSelectors, site).flat())],
    neverHide: [...new Set(entriesFor(settings.neverHide, site).flat())],
  };
}

/**
 * The settings of a site they list nowhere (no switch, exception or selector): the content script's until the
 * background answers, without the host parsing that siteSettings needs.
 */
export function unlistedSiteSettings(settings: Settings): SiteSettings {
  return {
    siteEnabled: true,
    scanOptions: { enabled: { ...settings.detectors }, sensitivity: settings.sensitivity, userPhrases: settings.userPhrases },
    userSelectors: [],
    neverHide: [],
    placeholderMode: settings.placeholderMode,
  };
}

/**
 * Settings with Tidings switched on or off for `host`'s site (the popup's switch). Switching on removes
 * every entry naming the same site, so it works whichever spelling ("www." or not) was listed.
 */
export function setSiteEnabled(settings: Settings, host: string, siteEnabled: boolean): Settings {
  const site = siteOf(host);
  const others = settings.disabledSites.filter((entry) => siteKey(entry) !== site);
  return { ...settings, disabledSites: siteEnabled ? others : [...others, storedHost(host)] };
}

/** The per-site lists of the settings, each keyed by host. */
export type SiteListField = 'siteExceptions' | 'userSelectors' | 'neverHide';
type SiteListItem<F extends SiteListField> = Settings[F][string][number];

/** What `host`'s site has in the per-site list `field`, whichever spelling of the host it is stored under. */
export function siteList<F extends SiteListField>(settings: Settings, field: F, host: string): SiteListItem<F>[] {
  return [...new Set(entriesFor(settings[field] as Record<string, SiteListItem<F>[]>, siteOf(host)).flat())];
}

/**
 * Settings with `item` added to `host`'s site list in `field` (under the spelling of the host already listed, else
 * the host's), or unchanged when it is there.
 */
export function addToSiteList<F extends SiteListField>(settings: Settings, field: F, host: string, item: SiteListItem<F>): Settings {
  const site = siteOf(host);
  const record = settings[field] as Record<string, SiteListItem<F>[]>;
  const key = Object.keys(record).find((entry) => siteKey(entry) === site) ?? storedHost(host);
  const current = ownEntry(record, key) ?? [];
  if (current.includes(item)) return settings;
  return { ...settings, [field]: withEntry(record, key, [...current, item]) };
}

/**
 * Settings without `item` in `host`'s site list in `field`, whichever spelling of the host it was stored under; a
 * list left empty goes with its host, so an undone "Always show" leaves the settings as they were.
 */
export function removeFromSiteList<F extends SiteListField>(settings: Settings, field: F, host: string, item: SiteListItem<F>): Settings {
  const site = siteOf(host);
  const record = settings[field] as Record<string, SiteListItem<F>[]>;
  if (!Object.entries(record).some(([key, items]) => siteKey(key) === site && items.includes(item))) return settings;
  const kept = Object.entries(record)
    .map(([key, items]): [string, SiteListItem<F>[]] => [key, siteKey(key) === site ? items.filter((entry) => entry !== item) : items])
    .filter(([, items]) => items.length > 0);
  return { ...settings, [field]: Object.fromEntries(kept) };
}
