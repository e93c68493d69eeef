// The five locales must stay in step: the same keys as en, the same placeholders, and every key the code
// and HTML ask for must exist (a missing one shows as an empty string in the browser, not as an error).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { detectors } from '../../src/detectors/registry';
import { linkSignals } from '../../src/scan/link-list';
import { pleaSignals } from '../../src/scan/plea';
import { blockStats } from '../../src/scan/stats';
import { readLocale, readSource } from './ui-fake-browser';

const LOCALES = ['en', 'de', 'fr', 'es', 'ru'];
const english = readLocale('en');
const englishKeys = Object.keys(english).sort();

/** The $NAME$ placeholders a message uses, lower-cased (names are case-insensitive). */
function usedPlaceholders(message: string): string[] {
  return [...message.replace(/\$\$/g, '').matchAll(/\$([a-z0-9_@]+)\$/gi)].map((match) => match[1]!.toLowerCase()).sort();
}

describe('locales', () => {
  it('ships exactly en, de, fr, es and ru', () => {
    expect(readdirSync(new URL('../../src/_locales/', import.meta.url)).sort()).toEqual([...LOCALES].sort());
  });

  it.each(LOCALES)('%s has exactly the en keys, each with a non-empty message', (lang) => {
    const messages = readLocale(lang);
    expect(Object.keys(messages).sort()).toEqual(englishKeys);
    for (const [key, entry] of Object.entries(messages)) {
      expect(entry.message.trim(), `${lang}.${key}`).not.toBe('');
    }
  });

  it.each(LOCALES)('%s names its own language in html_lang (the pages\' lang attribute)', (lang) => {
    expect(readLocale(lang).html_lang?.message).toBe(lang);
  });

  it.each(LOCALES)('%s uses the same placeholders as en, all defined, and no stray $', (lang) => {
    for (const [key, entry] of Object.entries(readLocale(lang))) {
      const en = english[key]!;
      expect(usedPlaceholders(entry.message), `${lang}.${key}`).toEqual(usedPlaceholders(en.message));
      expect(entry.placeholders, `${lang}.${key}`).toEqual(en.placeholders);
      expect(usedPlaceholders(entry.message), `${lang}.${key}`).toEqual(Object.keys(entry.placeholders ?? {}).sort());
      // "$2 a month" would be read as substitution 2: a literal dollar is written "$$".
      const rest = entry.message.replace(/\$\$/g, '').replace(/\$[a-z0-9_@]+\$/gi, '');
      expect(rest, `${lang}.${key}`).not.toContain('$');
    }
  });

  it('has the keys other parts rely on: manifest, every registered detector, kinds, placeholder bar', () => {
    const required = [
      'extName', 'extDescription', 'actionTitle', 'detector_user_selector_label',
      'kind_appeal', 'kind_paywall', 'kind_newsletter', 'kind_linkfarm',
      'placeholder_hidden', 'placeholder_show', 'placeholder_always_show', 'placeholder_details', 'placeholder_aria',
      ...detectors.flatMap((d) => [`detector_${d.id.replace(/-/g, '_')}_label`, `detector_${d.id.replace(/-/g, '_')}_description`]),
    ];
    expect(required.filter((key) => !(key in english))).toEqual([]);
    expect(english.placeholder_hidden?.placeholders?.label?.content).toBe('$1');
    expect(english.placeholder_aria?.placeholders?.label?.content).toBe('$1');
  });

  it('has a message for every reason the detectors and the content script give, with one placeholder per value', () => {
    const reasonSignals = [...pleaSignals, ...linkSignals].filter((signal) => signal.reason);
    const keys = [...reasonSignals.map((signal) => `why_${signal.id}`), 'why_lineWall', 'why_selector'];
    expect(keys.filter((key) => !(key in english))).toEqual([]);
    expect(Object.keys(english).filter((key) => key.startsWith('why_') && !keys.includes(key))).toEqual([]);
    const someBlock = blockStats(new JSDOM('<div>x</div>').window.document.body, { sensitivity: 'normal', langs: ['en'], userPhrases: {} });
    for (const signal of reasonSignals) {
      expect(usedPlaceholders(english[`why_${signal.id}`]!.message), signal.id).toHaveLength(signal.reason!(someBlock).length);
    }
  });

  it('has every key the popup and options page use (data-i18n attributes and key literals, the store\'s notices)', () => {
    const sources = ['popup/popup.html', 'options/options.html', 'popup/popup.ts', 'options/options.ts',
      'ui/detector-toggles.ts', 'ui/status.ts', 'ui/i18n.ts', 'settings/store.ts'].map(readSource);
    const used = new Set<string>();
    for (const text of sources) {
      for (const match of text.matchAll(/data-i18n(?:-[a-z-]+)?="([^"]+)"/g)) used.add(match[1]!);
      // Message keys appear as t('key') calls or as plain literals chosen before the call ('popup_loading').
      for (const match of text.matchAll(/'((?:popup|options|error|category|sensitivity|privacy|placeholder|html|notice)_[a-z_]+)'/g)) {
        used.add(match[1]!);
      }
    }
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((key) => key.startsWith('notice_'))).toHaveLength(15);
    expect([...used].filter((key) => !(key in english))).toEqual([]);
  });
});
