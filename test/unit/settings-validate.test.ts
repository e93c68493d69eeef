import { describe, expect, it } from 'vitest';
import { detectors } from '../../src/detectors/registry';
import { SETTINGS_VERSION, defaultSettings, type Settings } from '../../src/settings/schema';
import {
  SETTINGS_LIMITS,
  migrateAndValidate,
  migrateSettings,
  parseSettingsImport,
  serializeSettingsExport,
  validateSettings,
} from '../../src/settings/validate';

/** Default settings with some fields replaced by raw (possibly invalid) values. */
function withFields(fields: Record<string, unknown>): Record<string, unknown> {
  return { ...defaultSettings(), ...fields };
}

function errorsOf(data: unknown): string[] {
  const result = validateSettings(data);
  if (result.ok) throw new Error('expected validation to fail');
  return result.errors;
}

function customSettings(): Settings {
  const settings = defaultSettings();
  settings.detectors['link-farm'] = false;
  settings.sensitivity = 'high';
  settings.placeholderMode = 'hide';
  settings.disabledSites = ['example.com', 'news.example.org'];
  settings.siteExceptions = { 'www.example.net': ['donation-appeal', 'app-promo'] };
  settings.userPhrases.appeal = ['chip in today', 'Unterstützen Sie uns'];
  settings.userPhrases.linkfarm = ['more from our partners'];
  settings.userSelectors = { 'example.com': ['.promo-box', 'aside[data-role="offer"] > div'] };
  return settings;
}

describe('validateSettings: messages name the field', () => {
  it('sensitivity', () => {
    expect(errorsOf(withFields({ sensitivity: 'max' }))).toEqual([
      'sensitivity: expected "low", "normal" or "high", got "max"',
    ]);
  });

  it('placeholderMode', () => {
    expect(errorsOf(withFields({ placeholderMode: 3 }))).toEqual([
      'placeholderMode: expected "placeholder" or "hide", got 3',
    ]);
  });

  it('a detector switch that is not a boolean', () => {
    const data = withFields({ detectors: { ...defaultSettings().detectors, 'link-farm': 'yes' } });
    expect(errorsOf(data)).toEqual(['detectors.link-farm: expected true or false, got "yes"']);
  });

  it('disabledSites entries that are not bare lower-case hostnames', () => {
    const data = withFields({ disabledSites: ['example.com', 'https://example.org/news', 'Example.COM', 7] });
    expect(errorsOf(data)).toEqual([
      'disabledSites[1]: expected a hostname like "example.com" (lower-case, no scheme, port or path), got "https://example.org/news"',
      'disabledSites[2]: expected a hostname like "example.com" (lower-case, no scheme, port or path), got "Example.COM"',
      'disabledSites[3]: expected a hostname like "example.com" (lower-case, no scheme, port or path), got 7',
    ]);
  });

  it('siteExceptions keys and values', () => {
    const data = withFields({
      siteExceptions: { 'example.com/path': ['link-farm'], 'example.org': ['link-farm', 42], 'example.net': 'link-farm' },
    });
    expect(errorsOf(data)).toEqual([
      'siteExceptions["example.com/path"]: expected the key to be a hostname like "example.com" (lower-case, no scheme, port or path)',
      'siteExceptions["example.org"][1]: expected a detector id, got 42',
      'siteExceptions["example.net"]: expected a list, got "link-farm"',
    ]);
  });

  it('userPhrases: type, emptiness, length and count limits', () => {
    const long = 'x'.repeat(SETTINGS_LIMITS.phraseLength + 1);
    const many = Array.from({ length: SETTINGS_LIMITS.phrasesPerKind + 1 }, (_, i) => `phrase ${i}`);
    const data = withFields({
      userPhrases: { appeal: ['ok', 5, '   '], paywall: [long], newsletter: many, linkfarm: ['two\nlines'] },
    });
    expect(errorsOf(data)).toEqual([
      'userPhrases.appeal[1]: expected a string, got 5',
      'userPhrases.appeal[2]: expected a phrase, got an empty string',
      `userPhrases.paywall[0]: at most ${SETTINGS_LIMITS.phraseLength} characters allowed, got ${long.length}`,
      `userPhrases.newsletter: at most ${SETTINGS_LIMITS.phrasesPerKind} entries allowed, got ${many.length}`,
      'userPhrases.linkfarm[0]: a phrase cannot contain line breaks or control characters',
    ]);
  });

  it('userSelectors: host keys, strings, length and the cheap syntax check', () => {
    const data = withFields({
      userSelectors: {
        'example.com': ['.ad', '#promo', 12, 'x'.repeat(SETTINGS_LIMITS.selectorLength + 1), '.a { display: block }'],
        'http://example.org': ['.ad'],
      },
    });
    expect(errorsOf(data)).toEqual([
      'userSelectors["example.com"][2]: expected a string, got 12',
      `userSelectors["example.com"][3]: at most ${SETTINGS_LIMITS.selectorLength} characters allowed, got ${SETTINGS_LIMITS.selectorLength + 1}`,
      'userSelectors["example.com"][4]: a CSS selector cannot contain { or }',
      'userSelectors["http://example.org"]: expected the key to be a hostname like "example.com" (lower-case, no scheme, port or path)',
    ]);
  });

  it('missing fields, wrong container types and a non-object', () => {
    const withoutSelectors: Record<string, unknown> = { ...defaultSettings() };
    delete withoutSelectors.userSelectors;
    expect(errorsOf(withoutSelectors)).toEqual(['userSelectors: expected an object, got nothing (the field is missing)']);
    expect(errorsOf(withFields({ disabledSites: 'example.com' }))).toEqual([
      'disabledSites: expected a list, got "example.com"',
    ]);
    expect(errorsOf(withFields({ detectors: ['link-farm'] }))).toEqual(['detectors: expected an object, got a list']);
    expect(errorsOf('settings')).toEqual(['settings: expected an object, got "settings"']);
    expect(errorsOf(null)).toEqual(['settings: expected an object, got null']);
  });

  it('reports every problem at once and applies none of them', () => {
    const result = validateSettings(withFields({ sensitivity: 'max', placeholderMode: 'fade', disabledSites: [1] }));
    expect(result).toEqual({
      ok: false,
      errors: [
        'sensitivity: expected "low", "normal" or "high", got "max"',
        'placeholderMode: expected "placeholder" or "hide", got "fade"',
        'disabledSites[0]: expected a hostname like "example.com" (lower-case, no scheme, port or path), got 1',
      ],
    });
  });

  it('caps a flood of errors with a count of the rest', () => {
    const errors = errorsOf(withFields({ disabledSites: Array.from({ length: 50 }, (_, i) => `Bad${i}.com`) }));
    expect(errors).toHaveLength(21);
    expect(errors[20]).toBe('…and 30 more problems');
  });
});

describe('validateSettings: unknown entries', () => {
  const fromNewerBuild = withFields({
    detectors: { ...defaultSettings().detectors, 'cookie-wall': true },
    siteExceptions: { 'example.com': ['cookie-wall', 'link-farm'] },
    userPhrases: { ...defaultSettings().userPhrases, cookie: ['accept all'] },
    theme: 'dark',
  });

  it('are errors by default (imports), naming each one', () => {
    const errors = errorsOf(fromNewerBuild);
    expect(errors).toContain('theme: unknown setting');
    expect(errors).toContain(
      `detectors.cookie-wall: unknown detector (this version knows ${detectors.map((d) => d.id).join(', ')})`,
    );
    expect(errors).toContain('siteExceptions["example.com"][0]: unknown detector "cookie-wall"');
    expect(errors).toContain(
      'userPhrases.cookie: unknown kind (expected "appeal", "paywall", "newsletter" or "linkfarm")',
    );
  });

  it('are dropped with warnings in lenient mode (stored data), keeping everything else', () => {
    const result = validateSettings(fromNewerBuild, { unknown: 'ignore' });
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.settings).toEqual({ ...defaultSettings(), siteExceptions: { 'example.com': ['link-farm'] } });
    expect(result.warnings).toHaveLength(4);
    expect(result.warnings?.every((w) => w.endsWith('; ignored'))).toBe(true);
  });
});

describe('validateSettings: normalisation', () => {
  it('accepts custom settings unchanged', () => {
    const settings = customSettings();
    expect(validateSettings(settings)).toEqual({ ok: true, settings });
  });

  it('fills detectors missing from older data with their defaults', () => {
    const partial: Record<string, boolean> = defaultSettings().detectors;
    delete partial['app-promo'];
    const result = validateSettings(withFields({ detectors: { ...partial, 'donation-appeal': false } }));
    expect(result.ok && result.settings.detectors).toEqual({
      ...defaultSettings().detectors,
      'donation-appeal': false,
    });
  });

  it('trims and de-duplicates lists', () => {
    const result = validateSettings(
      withFields({
        disabledSites: ['example.com', 'example.com'],
        userPhrases: { appeal: ['  chip in ', 'chip in'] },
        userSelectors: { 'example.com': [' .ad', '.ad'] },
      }),
    );
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.settings.disabledSites).toEqual(['example.com']);
    expect(result.settings.userPhrases).toEqual({ appeal: ['chip in'], paywall: [], newsletter: [], linkfarm: [] });
    expect(result.settings.userSelectors).toEqual({ 'example.com': ['.ad'] });
  });

  it('does not let a "__proto__" key reach the prototype', () => {
    const data = JSON.parse(
      JSON.stringify(withFields({})).replace('"userSelectors":{}', '"userSelectors":{"__proto__":[".x"]}'),
    );
    const result = validateSettings(data);
    if (!result.ok) throw new Error(result.errors.join('; '));
    // "__proto__" is a host a browser can report; it stays an entry of its own.
    expect(Object.getPrototypeOf(result.settings.userSelectors)).toBe(Object.prototype);
    expect(Object.hasOwn(result.settings.userSelectors, '__proto__')).toBe(true);
    expect(Object.entries(result.settings.userSelectors)).toEqual([['__proto__', ['.x']]]);
  });
});

describe('migrateSettings', () => {
  it('turns the unversioned v0 flat layout into current settings', () => {
    const v0 = {
      enabled: { 'donation-appeal': false, 'link-farm': true },
      sites: ['https://www.Example.com/news', 'example.org'],
      sensitivity: 'high',
    };
    const migrated = migrateSettings(v0);
    expect(migrated).toMatchObject({ version: SETTINGS_VERSION });
    expect(validateSettings(migrated)).toEqual({
      ok: true,
      settings: {
        ...defaultSettings(),
        detectors: { ...defaultSettings().detectors, 'donation-appeal': false, 'link-farm': true },
        sensitivity: 'high',
        disabledSites: ['www.example.com', 'example.org'],
      },
    });
  });

  it('passes unusable v0 values on, so validation names them', () => {
    const result = migrateAndValidate({ enabled: { 'link-farm': 'on' }, sites: ['not a host/'] });
    expect(result).toEqual({
      ok: false,
      errors: [
        'detectors.link-farm: expected true or false, got "on"',
        'disabledSites[0]: expected a hostname like "example.com" (lower-case, no scheme, port or path), got "not a host/"',
      ],
    });
  });

  it('leaves current settings as they are', () => {
    const settings = customSettings();
    expect(migrateSettings(settings)).toBe(settings);
  });

  it('refuses settings from a newer version instead of downgrading them', () => {
    const future = { ...customSettings(), version: SETTINGS_VERSION + 1 };
    expect(migrateSettings(future)).toBe(future);
    expect(migrateAndValidate(future)).toEqual({
      ok: false,
      errors: [
        `version: these settings come from a newer version of Tidings (settings version ${SETTINGS_VERSION + 1}; ` +
          `this one reads up to ${SETTINGS_VERSION}) — update Tidings to use them`,
      ],
    });
  });

  it('refuses versions that are not whole numbers', () => {
    expect(migrateAndValidate({ ...customSettings(), version: '0' })).toEqual({
      ok: false,
      errors: [`version: expected ${SETTINGS_VERSION}, got "0"`],
    });
    expect(migrateAndValidate({ ...customSettings(), version: -1 })).toEqual({
      ok: false,
      errors: [`version: expected ${SETTINGS_VERSION}, got -1`],
    });
  });
});

describe('import and export', () => {
  it('export is pretty JSON in the documented envelope', () => {
    const text = serializeSettingsExport(customSettings());
    expect(JSON.parse(text)).toEqual({ format: 'tidings-settings', version: 1, settings: customSettings() });
    expect(text).toContain('\n  "settings": {\n');
  });

  it('round-trips: export then import gives equal settings', () => {
    const settings = customSettings();
    expect(parseSettingsImport(serializeSettingsExport(settings))).toEqual({ ok: true, settings });
  });

  it('reports malformed JSON with the parser position', () => {
    const result = parseSettingsImport('{"format": "tidings-settings",, }');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/^Not valid JSON: .*position 30/);
    // The reader is told in plain words instead (the options page shows the notice, translated).
    expect('notice' in result && result.notice).toEqual({ key: 'notice_import_not_json' });
  });

  it('refuses files that are not a Tidings export', () => {
    expect(parseSettingsImport('[1, 2]')).toEqual({
      ok: false,
      errors: ['format: expected "tidings-settings" (a Tidings settings export), got a list'],
    });
    expect(parseSettingsImport(JSON.stringify({ format: 'other-extension', settings: {} }))).toEqual({
      ok: false,
      errors: ['format: expected "tidings-settings" (a Tidings settings export), got "other-extension"'],
    });
    expect(parseSettingsImport(JSON.stringify(customSettings()))).toEqual({
      ok: false,
      errors: ['format: expected "tidings-settings" (a Tidings settings export), got nothing (the field is missing)'],
    });
  });

  it('refuses a file from a newer Tidings', () => {
    const text = JSON.stringify({ format: 'tidings-settings', version: 2, settings: customSettings() });
    expect(parseSettingsImport(text)).toEqual({
      ok: false,
      errors: ['version: this file was exported by a newer version of Tidings (file version 2) — update Tidings to import it'],
    });
  });

  it('reports invalid fields and unknown detectors of an otherwise good file', () => {
    const settings = { ...customSettings(), sensitivity: 'max', detectors: { ...customSettings().detectors, 'cookie-wall': true } };
    const result = parseSettingsImport(JSON.stringify({ format: 'tidings-settings', version: 1, settings }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      `detectors.cookie-wall: unknown detector (this version knows ${detectors.map((d) => d.id).join(', ')})`,
      'sensitivity: expected "low", "normal" or "high", got "max"',
    ]);
  });

  it('migrates settings of an older version inside an export', () => {
    const text = JSON.stringify({ format: 'tidings-settings', version: 1, settings: { enabled: {}, sites: ['example.com'] } });
    expect(parseSettingsImport(text)).toEqual({ ok: true, settings: { ...defaultSettings(), disabledSites: ['example.com'] } });
  });

  it('refuses an oversized file before parsing it', () => {
    const result = parseSettingsImport(' '.repeat(SETTINGS_LIMITS.importLength + 1));
    expect(result).toEqual({
      ok: false,
      errors: [`File too large: ${SETTINGS_LIMITS.importLength + 1} characters (a settings file has at most ${SETTINGS_LIMITS.importLength})`],
      notice: { key: 'notice_import_too_large', substitutions: [String(SETTINGS_LIMITS.importLength)] },
    });
  });

  it('never throws, whatever the input', () => {
    const inputs = ['', 'null', '42', '"text"', '{}', '{"format":"tidings-settings","version":1}', '['.repeat(100_000)];
    for (const input of inputs) {
      const result = parseSettingsImport(input);
      expect(result.ok, input.slice(0, 20)).toBe(false);
    }
  });
});
