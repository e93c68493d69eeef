// Validation, migration, import and export of settings. Pure (no extension APIs, no DOM): everything read
// from storage or from an imported file passes through here before it is used, and is either accepted
// whole or rejected with messages that name the field — never half-applied.
import { SENSITIVITIES, type DetectorId, type Kind } from '../core/types';
import { detectors } from '../detectors/registry';
import { PHRASE_KINDS, SETTINGS_VERSION, defaultSettings, type Settings } from './schema';
import { SELECTOR_COST_TEXT, selectorCost } from './selector-cost';
import { isHostname, normalizeHost } from './site';
import type { Notice } from './store';

export type SettingsResult =
  | { ok: true; settings: Settings; /** Unknown entries that were dropped (lenient mode only). */ warnings?: string[] }
  | { ok: false; errors: string[]; /** The problem in the reader's language, where it is not about a field. */ notice?: Notice };

export interface ValidateOptions {
  /**
   * What to do with detector ids, phrase kinds and settings this version does not know.
   * 'reject' (the default; imports): an error, so a file from a newer Tidings is not silently trimmed.
   * 'ignore' (stored data, which another device running a newer Tidings may have synced): they are
   * dropped and named in `warnings`, so an update elsewhere does not reset this device to defaults.
   */
  unknown?: 'reject' | 'ignore';
}

export const SETTINGS_LIMITS = {
  /** Entries in disabledSites, siteExceptions and userSelectors (each). */
  sites: 1000,
  phrasesPerKind: 200,
  phraseLength: 200,
  selectorsPerSite: 100,
  selectorLength: 500,
  /** Characters of an imported file. */
  importLength: 1_000_000,
} as const;

/** The export file: `{ "format": "tidings-settings", "version": 1, "settings": { …Settings } }`. */
export const EXPORT_FORMAT = 'tidings-settings';
/** Version of the export envelope (the settings inside carry their own `version`). */
export const EXPORT_VERSION = 1;

/** Error lists longer than this end with "…and N more problems" (a broken file can have thousands). */
const MAX_ERRORS = 20;

const DETECTOR_IDS: readonly string[] = detectors.map((d) => d.id);
const PLACEHOLDER_MODES = ['placeholder', 'hide'] as const;
const KNOWN_FIELDS = Object.keys(defaultSettings());
const HOST_EXPECTED = 'a hostname like "example.com" (lower-case, no scheme, port or path)';

/** A plain object (not null, not an array), as JSON gives it. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short, safe rendering of a bad value for an error message. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  return String(value);
}

/** "a", "b" or "c" */
function alternatives(options: readonly string[]): string {
  const quoted = options.map((o) => JSON.stringify(o));
  return quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/** Collects messages while one value is checked. */
class Checker {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  constructor(private readonly unknown: 'reject' | 'ignore') {}

  expected(path: string, what: string, got: unknown): void {
    this.errors.push(`${path}: expected ${what}, got ${describe(got)}`);
  }

  problem(path: string, message: string): void {
    this.errors.push(`${path}: ${message}`);
  }

  /**
   * An entry this version does not know, or no longer accepts (a selector too costly to match, stored by an older
   * version): an error or a dropped-with-warning, by mode.
   */
  unknownEntry(path: string, message: string): void {
    if (this.unknown === 'reject') this.errors.push(`${path}: ${message}`);
    else this.warnings.push(`${path}: ${message}; ignored`);
  }

  tooMany(path: string, count: number, limit: number): boolean {
    if (count <= limit) return false;
    this.problem(path, `at most ${limit} entries allowed, got ${count}`);
    return true;
  }
}

function errorList(errors: string[]): string[] {
  if (errors.length <= MAX_ERRORS) return errors;
  return [...errors.slice(0, MAX_ERRORS), `…and ${errors.length - MAX_ERRORS} more problems`];
}

function checkOneOf<T extends string>(c: Checker, path: string, value: unknown, options: readonly T[]): T | undefined {
  if (typeof value === 'string' && (options as readonly string[]).includes(value)) return value as T;
  c.expected(path, alternatives(options), value);
  return undefined;
}

function checkList(c: Checker, path: string, value: unknown, limit: number): unknown[] {
  if (!Array.isArray(value)) {
    c.expected(path, 'a list', value);
    return [];
  }
  return c.tooMany(path, value.length, limit) ? [] : value;
}

function checkRecord(c: Checker, path: string, value: unknown): [string, unknown][] {
  if (isRecord(value)) return Object.entries(value);
  c.expected(path, 'an object', value);
  return [];
}

function checkDetectors(c: Checker, value: unknown): Settings['detectors'] {
  // Detectors missing from the data (added in a later release) take their registry default.
  const result = defaultSettings().detectors;
  for (const [id, on] of checkRecord(c, 'detectors', value)) {
    if (!DETECTOR_IDS.includes(id)) {
      c.unknownEntry(`detectors.${id}`, `unknown detector (this version knows ${DETECTOR_IDS.join(', ')})`);
    } else if (typeof on !== 'boolean') {
      c.expected(`detectors.${id}`, 'true or false', on);
    } else {
      result[id as DetectorId] = on;
    }
  }
  return result;
}

function checkDisabledSites(c: Checker, value: unknown): string[] {
  const hosts = checkList(c, 'disabledSites', value, SETTINGS_LIMITS.sites).filter((host, i) => {
    if (typeof host === 'string' && isHostname(host)) return true;
    c.expected(`disabledSites[${i}]`, HOST_EXPECTED, host);
    return false;
  }) as string[];
  return [...new Set(hosts)];
}

/** A hostname-keyed object whose values are lists checked by `checkItem` (undefined = rejected). */
function checkPerSite<T>(
  c: Checker,
  field: string,
  value: unknown,
  listLimit: number,
  checkItem: (item: unknown, path: string) => T | undefined,
): Record<string, T[]> {
  const entries = checkRecord(c, field, value);
  if (c.tooMany(field, entries.length, SETTINGS_LIMITS.sites)) return {};
  const result: [string, T[]][] = [];
  for (const [host, list] of entries) {
    const path = `${field}[${JSON.stringify(host)}]`;
    if (!isHostname(host)) {
      c.problem(path, `expected the key to be ${HOST_EXPECTED}`);
      continue;
    }
    const items = checkList(c, path, list, listLimit)
      .map((item, i) => checkItem(item, `${path}[${i}]`))
      .filter((item): item is T => item !== undefined);
    result.push([host, [...new Set(items)]]);
  }
  return Object.fromEntries(result);
}

function checkSiteException(c: Checker, id: unknown, path: string): DetectorId | undefined {
  if (typeof id !== 'string') {
    c.expected(path, 'a detector id', id);
  } else if (!DETECTOR_IDS.includes(id)) {
    c.unknownEntry(path, `unknown detector ${JSON.stringify(id)}`);
  } else {
    return id as DetectorId;
  }
  return undefined;
}

function checkText(c: Checker, value: unknown, path: string, what: string, maxLength: number): string | undefined {
  if (typeof value !== 'string') {
    c.expected(path, 'a string', value);
    return undefined;
  }
  const text = value.trim();
  if (text === '') c.problem(path, `expected a ${what}, got an empty string`);
  else if (text.length > maxLength) c.problem(path, `at most ${maxLength} characters allowed, got ${text.length}`);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  else if (/[\u0000-\u001f\u007f]/.test(text)) c.problem(path, `a ${what} cannot contain line breaks or control characters`);
  else return text;
  return undefined;
}

/**
 * A cheap sanity check of the syntax: full selector syntax needs a DOM, so the options page checks it with
 * querySelector and the content script guards every query. Braces are refused because they would end
 * a selector and start a style rule wherever a selector is spliced into CSS. A selector too costly to match on
 * every page (see selector-cost.ts) is refused in an import and dropped, with a warning, from stored settings.
 */
function checkSelector(c: Checker, value: unknown, path: string): string | undefined {
  const selector = checkText(c, value, path, 'CSS selector', SETTINGS_LIMITS.selectorLength);
  if (selector !== undefined && /[{}]/.test(selector)) {
    c.problem(path, 'a CSS selector cannot contain { or }');
    return undefined;
  }
  const cost = selector === undefined ? null : selectorCost(selector);
  if (cost !== null) {
    c.unknownEntry(path, `this selector costs too much to match on every page: it ${SELECTOR_COST_TEXT[cost]}`);
    return undefined;
  }
  return selector;
}

function checkUserPhrases(c: Checker, value: unknown): Settings['userPhrases'] {
  const result = defaultSettings().userPhrases;
  for (const [kind, list] of checkRecord(c, 'userPhrases', value)) {
    if (!(PHRASE_KINDS as readonly string[]).includes(kind)) {
      c.unknownEntry(`userPhrases.${kind}`, `unknown kind (expected ${alternatives(PHRASE_KINDS)})`);
      continue;
    }
    const path = `userPhrases.${kind}`;
    const phrases = checkList(c, path, list, SETTINGS_LIMITS.phrasesPerKind)
      .map((phrase, i) => checkText(c, phrase, `${path}[${i}]`, 'phrase', SETTINGS_LIMITS.phraseLength))
      .filter((phrase): phrase is string => phrase !== undefined);
    result[kind as Kind] = [...new Set(phrases)];
  }
  return result;
}

function checkVersion(c: Checker, version: unknown): void {
  if (version === SETTINGS_VERSION) return;
  if (typeof version === 'number' && version > SETTINGS_VERSION) {
    c.problem(
      'version',
      `these settings come from a newer version of Tidings (settings version ${version}; this one reads up to ` +
        `${SETTINGS_VERSION}) — update Tidings to use them`,
    );
  } else {
    c.expected('version', String(SETTINGS_VERSION), version);
  }
}

/**
 * Checks data of the current settings version and returns a complete, normalised copy (trimmed and
 * de-duplicated lists; detectors missing from the data get their defaults), or every problem found.
 * Older versions must go through `migrateSettings` first (`migrateAndValidate` does both).
 */
export function validateSettings(data: unknown, options: ValidateOptions = {}): SettingsResult {
  const c = new Checker(options.unknown ?? 'reject');
  if (!isRecord(data)) return { ok: false, errors: [`settings: expected an object, got ${describe(data)}`] };
  checkVersion(c, data.version);
  for (const field of Object.keys(data)) {
    if (!KNOWN_FIELDS.includes(field)) c.unknownEntry(field, 'unknown setting');
  }
  const settings: Settings = {
    version: SETTINGS_VERSION,
    detectors: checkDetectors(c, data.detectors),
    sensitivity: checkOneOf(c, 'sensitivity', data.sensitivity, SENSITIVITIES) ?? 'normal',
    placeholderMode: checkOneOf(c, 'placeholderMode', data.placeholderMode, PLACEHOLDER_MODES) ?? 'placeholder',
    disabledSites: checkDisabledSites(c, data.disabledSites),
    siteExceptions: checkPerSite(c, 'siteExceptions', data.siteExceptions, DETECTOR_IDS.length, (id, path) =>
      checkSiteException(c, id, path),
    ),
    userPhrases: checkUserPhrases(c, data.userPhrases),
    userSelectors: checkPerSite(c, 'userSelectors', data.userSelectors, SETTINGS_LIMITS.selectorsPerSite, (s, path) =>
      checkSelector(c, s, path),
    ),
    neverHide: checkPerSite(c, 'neverHide', data.neverHide, SETTINGS_LIMITS.selectorsPerSite, (s, path) => checkSelector(c, s, path)),
  };
  if (c.errors.length > 0) return { ok: false, errors: errorList(c.errors) };
  return c.warnings.length > 0 ? { ok: true, settings, warnings: c.warnings } : { ok: true, settings };
}

type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * Version 0 is the flat layout of pre-release builds, which had no `version` field:
 *   { enabled: { [detectorId]: boolean }, sites: string[] (hosts where Tidings is off, as typed),
 *     sensitivity?: "low" | "normal" | "high" }
 * Hosts are normalised here ("https://Example.com/" → "example.com"); anything unusable is passed on
 * unchanged so that validation names it instead of it vanishing.
 */
const fromV0: Migration = ({ enabled, sites, ...rest }) => ({
  ...defaultSettings(),
  ...rest,
  version: 1,
  detectors: enabled ?? {},
  disabledSites: Array.isArray(sites)
    ? sites.map((site) => (typeof site === 'string' ? (normalizeHost(site) ?? site) : site))
    : sites,
});

/** Version 2 added `neverHide` (the picker's "Never hide this here" rules), empty for older settings. */
const fromV1: Migration = (data) => ({ ...data, version: 2, neverHide: {} });

/** MIGRATIONS[v] turns version v data into version v + 1. Add a step here when SETTINGS_VERSION grows. */
const MIGRATIONS: readonly Migration[] = [fromV0, fromV1];

/**
 * Brings data of an older settings version up to SETTINGS_VERSION, one step at a time. Data without a
 * `version` is version 0. Anything else (a newer version, a non-number, not an object) is returned
 * unchanged for `validateSettings` to refuse with a clear message — never downgraded.
 */
export function migrateSettings(data: unknown): unknown {
  if (!isRecord(data)) return data;
  const stepFrom = (version: unknown): Migration | undefined =>
    typeof version === 'number' ? MIGRATIONS[version] : undefined;
  let current = data;
  for (let step = stepFrom(current.version ?? 0); step !== undefined; step = stepFrom(current.version)) {
    current = step(current);
  }
  return current;
}

/** `validateSettings(migrateSettings(data))`: how stored data and imported files are read. */
export function migrateAndValidate(data: unknown, options: ValidateOptions = {}): SettingsResult {
  return validateSettings(migrateSettings(data), options);
}

/** Pretty JSON for the export file (format documented at EXPORT_FORMAT). */
export function serializeSettingsExport(settings: Settings): string {
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, settings }, null, 2)}\n`;
}

/**
 * Reads an export file. Never throws: malformed JSON, a different file, a file from a newer Tidings and
 * invalid fields all come back as `{ ok: false, errors }`, with nothing applied.
 */
export function parseSettingsImport(json: string): SettingsResult {
  if (json.length > SETTINGS_LIMITS.importLength) {
    return {
      ok: false,
      errors: [`File too large: ${json.length} characters (a settings file has at most ${SETTINGS_LIMITS.importLength})`],
      notice: { key: 'notice_import_too_large', substitutions: [String(SETTINGS_LIMITS.importLength)] },
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    // The parser's own words ("Unexpected token } in JSON at position 212") tell a reader nothing: said plainly.
    return { ok: false, errors: [`Not valid JSON: ${error instanceof Error ? error.message : String(error)}`], notice: { key: 'notice_import_not_json' } };
  }
  if (!isRecord(data) || data.format !== EXPORT_FORMAT) {
    const got = isRecord(data) ? describe(data.format) : describe(data);
    return { ok: false, errors: [`format: expected "${EXPORT_FORMAT}" (a Tidings settings export), got ${got}`] };
  }
  if (typeof data.version === 'number' && data.version > EXPORT_VERSION) {
    return {
      ok: false,
      errors: [`version: this file was exported by a newer version of Tidings (file version ${data.version}) — update Tidings to import it`],
    };
  }
  if (data.version !== EXPORT_VERSION) {
    return { ok: false, errors: [`version: expected ${EXPORT_VERSION}, got ${describe(data.version)}`] };
  }
  return migrateAndValidate(data.settings, { unknown: 'reject' });
}
