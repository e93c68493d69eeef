import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../src/settings/schema';
import { addToSiteList, normalizeHost, removeFromSiteList, setSiteEnabled, siteSettings, unlistedSiteSettings } from '../../src/settings/site';

function settingsWith(fields: Partial<Settings>): Settings {
  return { ...defaultSettings(), ...fields };
}

describe('normalizeHost', () => {
  it.each([
    ['https://www.Example.com/x', 'www.example.com'],
    ['example.com', 'example.com'],
    ['  EXAMPLE.com  ', 'example.com'],
    ['example.com/news/today?x=1', 'example.com'],
    ['http://example.com:8080/', 'example.com'],
    ['example.com.', 'example.com'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['localhost', 'localhost'],
    ['192.168.1.10', '192.168.1.10'],
    ['http://[::1]:3000/', '[::1]'],
    // As location.hostname reports them: browsers take underscores and leading hyphens.
    ['under_score.com', 'under_score.com'],
    ['-bad.com', '-bad.com'],
  ])('%s → %s', (input, host) => {
    expect(normalizeHost(input)).toBe(host);
  });

  it.each(['', '   ', 'file:///home/me/page.html', 'about:blank', 'ftp://example.com/', 'exa mple.com', '*.example.com', '.'])(
    'refuses %j',
    (input) => {
      expect(normalizeHost(input)).toBeNull();
    },
  );
});

describe('siteSettings', () => {
  it('runs everywhere with the global switches by default', () => {
    const settings = defaultSettings();
    const site = siteSettings(settings, 'www.example.com');
    expect(site).toEqual({
      siteEnabled: true,
      scanOptions: { enabled: settings.detectors, sensitivity: 'normal', userPhrases: settings.userPhrases },
      userSelectors: [],
      neverHide: [],
      placeholderMode: 'placeholder',
    });
  });

  // The content script starts with these, without the host parsing that siteSettings needs.
  it('gives a site the settings list nowhere what the settings give every site', () => {
    const settings = settingsWith({ sensitivity: 'high', placeholderMode: 'hide', disabledSites: ['example.org'], siteExceptions: { 'example.org': ['app-promo'] } });
    expect(unlistedSiteSettings(settings)).toEqual(siteSettings(settings, 'news.example.com'));
    expect(unlistedSiteSettings(defaultSettings())).toEqual(siteSettings(defaultSettings(), 'www.example.com'));
    // Its own copy of the switches: a site's exception written into it leaves the settings as they were.
    unlistedSiteSettings(settings).scanOptions.enabled['link-farm'] = false;
    expect(settings.detectors['link-farm']).toBe(true);
  });

  it('is off on a listed host and its www. twin, not on other subdomains', () => {
    const settings = settingsWith({ disabledSites: ['example.com', 'www.example.org'] });
    expect(siteSettings(settings, 'example.com').siteEnabled).toBe(false);
    expect(siteSettings(settings, 'www.example.com').siteEnabled).toBe(false);
    expect(siteSettings(settings, 'example.org').siteEnabled).toBe(false);
    expect(siteSettings(settings, 'WWW.Example.ORG.').siteEnabled).toBe(false);
    expect(siteSettings(settings, 'news.example.com').siteEnabled).toBe(true);
    expect(siteSettings(settings, 'notexample.com').siteEnabled).toBe(true);
  });

  it('switches off the detectors of a site exception on that site only', () => {
    const settings = settingsWith({
      sensitivity: 'high',
      siteExceptions: { 'www.example.com': ['donation-appeal'], 'example.com': ['app-promo'] },
    });
    const enabled = siteSettings(settings, 'example.com').scanOptions.enabled;
    expect(enabled).toEqual({ ...settings.detectors, 'donation-appeal': false, 'app-promo': false });
    expect(siteSettings(settings, 'example.org').scanOptions).toMatchObject({
      enabled: settings.detectors,
      sensitivity: 'high',
    });
    expect(settings.detectors['donation-appeal']).toBe(true);
  });

  it('keeps a globally disabled detector off', () => {
    const settings = settingsWith({ detectors: { ...defaultSettings().detectors, 'link-farm': false } });
    expect(siteSettings(settings, 'example.com').scanOptions.enabled['link-farm']).toBe(false);
  });

  it('collects the user selectors of the site from every matching entry', () => {
    const settings = settingsWith({
      placeholderMode: 'hide',
      userSelectors: { 'example.com': ['.promo', '#nag'], 'www.example.com': ['.promo', '.footer-links'], 'example.org': ['.x'] },
    });
    const site = siteSettings(settings, 'www.example.com');
    expect(site.userSelectors).toEqual(['.promo', '#nag', '.footer-links']);
    expect(site.placeholderMode).toBe('hide');
  });
});

describe('site edits', () => {
  it('setSiteEnabled switches a site off and back on whichever spelling was listed', () => {
    const off = setSiteEnabled(defaultSettings(), 'www.example.com', false);
    expect(off.disabledSites).toEqual(['www.example.com']);
    expect(siteSettings(off, 'example.com').siteEnabled).toBe(false);
    const on = setSiteEnabled(off, 'example.com', true);
    expect(on.disabledSites).toEqual([]);
    expect(siteSettings(on, 'www.example.com').siteEnabled).toBe(true);
  });

  it('setSiteEnabled leaves other sites and the input alone', () => {
    const settings = settingsWith({ disabledSites: ['example.org'] });
    const off = setSiteEnabled(settings, 'example.com', false);
    expect(off.disabledSites).toEqual(['example.org', 'example.com']);
    expect(setSiteEnabled(off, 'example.com', false).disabledSites).toEqual(['example.org', 'example.com']);
    expect(settings.disabledSites).toEqual(['example.org']);
  });

  it('addToSiteList adds to the entry for the site, once', () => {
    const first = addToSiteList(defaultSettings(), 'siteExceptions', 'www.example.com', 'donation-appeal');
    expect(first.siteExceptions).toEqual({ 'www.example.com': ['donation-appeal'] });
    const second = addToSiteList(first, 'siteExceptions', 'example.com', 'link-farm');
    expect(second.siteExceptions).toEqual({ 'www.example.com': ['donation-appeal', 'link-farm'] });
    expect(addToSiteList(second, 'siteExceptions', 'example.com', 'link-farm')).toBe(second);
    expect(first.siteExceptions).toEqual({ 'www.example.com': ['donation-appeal'] });
  });

  it('removeFromSiteList takes back what addToSiteList added: the settings are as before, without an empty entry', () => {
    const before = settingsWith({ neverHide: { 'other.example': ['.a'] } });
    const added = addToSiteList(before, 'neverHide', 'www.example.com', '#box');
    expect(siteSettings(added, 'example.com').neverHide).toEqual(['#box']);
    expect(removeFromSiteList(added, 'neverHide', 'example.com', '#box')).toEqual(before);
    expect(removeFromSiteList(before, 'neverHide', 'example.com', '#box')).toBe(before);
  });
});
