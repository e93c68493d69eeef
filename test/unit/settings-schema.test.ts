import { describe, expect, it } from 'vitest';
import { detectors } from '../../src/detectors/registry';
import { PHRASE_KINDS, SETTINGS_VERSION, defaultSettings } from '../../src/settings/schema';
import { validateSettings } from '../../src/settings/validate';

describe('defaultSettings', () => {
  it('has every registered detector, each with its registry default', () => {
    const settings = defaultSettings();
    expect(Object.keys(settings.detectors).sort()).toEqual(detectors.map((d) => d.id).sort());
    for (const detector of detectors) {
      expect(settings.detectors[detector.id], detector.id).toBe(detector.enabledByDefault);
    }
  });

  it('is versioned, site-neutral and has an empty phrase list per kind', () => {
    const settings = defaultSettings();
    expect(settings.version).toBe(SETTINGS_VERSION);
    expect(settings.sensitivity).toBe('normal');
    expect(settings.placeholderMode).toBe('placeholder');
    expect(settings.disabledSites).toEqual([]);
    expect(settings.siteExceptions).toEqual({});
    expect(settings.userSelectors).toEqual({});
    expect(Object.keys(settings.userPhrases)).toEqual([...PHRASE_KINDS]);
    expect(Object.values(settings.userPhrases).every((list) => list.length === 0)).toBe(true);
  });

  it('passes its own validation unchanged', () => {
    const settings = defaultSettings();
    expect(validateSettings(settings)).toEqual({ ok: true, settings });
  });

  it('returns a fresh object each time, so callers may change it', () => {
    const first = defaultSettings();
    first.disabledSites.push('example.com');
    first.userPhrases.appeal.push('chip in');
    first.detectors['link-farm'] = !first.detectors['link-farm'];
    expect(defaultSettings()).not.toEqual(first);
    expect(defaultSettings().disabledSites).toEqual([]);
  });
});
