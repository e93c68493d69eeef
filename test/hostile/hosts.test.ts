// @vitest-environment jsdom
// Attacks 6 and 7 of issue 13. 6: hosts that location.hostname really returns — with underscores, or a trailing
// dot — could not be saved: "Always show" and the popup's site switch failed validation. 7: a host called
// "constructor" or "__proto__" made "Always show" throw (an inherited property was taken for the site's list), and
// the same in the options page's selector-host field.
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { PageState } from '../../src/messages';
import { clickAction, fixture, openPage as openContentPage, placeholderFor, type OpenedPage } from '../unit/content-harness';
import { byTestSelector as $, openPage as openExtensionPage, settleStorageWatch, storedSettings } from '../unit/ui-fake-browser';

vi.setConfig({ testTimeout: 20_000 });
afterAll(settleStorageWatch);

/** Hosts as location.hostname reports them, and the entry the settings keep for each. */
const REPORTED_HOSTS: [reported: string, stored: string][] = [
  ['a_b.localhost', 'a_b.localhost'],
  ['news.example.', 'news.example'],
  ['xn--bcher-kva.de', 'xn--bcher-kva.de'],
  ['[::1]', '[::1]'],
  ['192.168.1.10', '192.168.1.10'],
];
/** Hosts that are also names on Object.prototype (or its accessor). */
const PROTOTYPE_HOSTS = ['constructor', '__proto__', 'prototype', 'tostring', 'hasownproperty', 'valueof'];

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

function expectPrototypeClean(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
}

describe('"Always show" on the page', () => {
  let opened: OpenedPage | undefined;
  afterEach(() => {
    opened?.page.stop();
    opened = undefined;
  });

  it.each([...REPORTED_HOSTS, ...PROTOTYPE_HOSTS.map((host): [string, string] => [host, host])])(
    'on %s is saved under %s as the site\'s own entry',
    async (reported, stored) => {
      opened = await openContentPage(fixture('news.html'), { host: reported });
      const error = vi.spyOn(console, 'warn');
      clickAction(placeholderFor(document.querySelector('#support-us')!), 'always-show');
      await vi.waitFor(async () => {
        const { siteExceptions } = (await opened!.store.loadSettings()).settings;
        expect(Object.hasOwn(siteExceptions, stored)).toBe(true);
        expect(Object.entries(siteExceptions)).toEqual([[stored, expect.arrayContaining(['donation-appeal'])]]);
      });
      expect(error).not.toHaveBeenCalled();
      error.mockRestore();
      expect(Object.getPrototypeOf((await opened.store.loadSettings()).settings.siteExceptions)).toBe(Object.prototype);
      expectPrototypeClean();
    },
  );
});

describe("the popup's site switch", () => {
  it.each([...REPORTED_HOSTS, ['constructor', 'constructor'], ['__proto__', '__proto__']])('switches %s off, stored as %s', async (reported, stored) => {
    document.documentElement.innerHTML = '';
    const page: PageState = { host: reported, siteEnabled: true, findings: [], slowSelectors: [] };
    await openExtensionPage('popup/popup.html', () => import('../../src/popup/popup'), { contentScript: () => structuredClone(page) });
    await vi.waitFor(() => expect($<HTMLInputElement>('#site-toggle').disabled).toBe(false));
    $<HTMLInputElement>('#site-toggle').click();
    await vi.waitFor(async () => expect((await storedSettings()).disabledSites).toEqual([stored]));
    expect($('#notice').hidden).toBe(true);
    expect($('#page-status').textContent).toContain('off on this site');
  });
});

describe("the options page's selector-host field", () => {
  const type = (selector: string, value: string): void => {
    const field = $<HTMLInputElement | HTMLTextAreaElement>(selector);
    field.value = value;
    field.dispatchEvent(new Event('input'));
    field.dispatchEvent(new Event('change'));
  };

  it.each(['constructor', '__proto__', 'a_b.localhost'])('takes %s, and its selectors are saved as its own entry', async (host) => {
    document.documentElement.innerHTML = '';
    await openExtensionPage('options/options.html', () => import('../../src/options/options'));
    await vi.waitFor(() => expect($<HTMLInputElement>('input[data-detector="donation-appeal"]').checked).toBe(true));
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent): void => void errors.push(event.error);
    window.addEventListener('error', onError);
    try {
      type('#selectors-host', host);
      expect($<HTMLTextAreaElement>('#selectors-input').value).toBe('');
      type('#selectors-input', '.promo');
        await vi.waitFor(() => expect($('#selectors-status').dataset.state).toBe('ok'));
      const { userSelectors } = await storedSettings();
      expect(Object.hasOwn(userSelectors, host)).toBe(true);
      expect(Object.entries(userSelectors)).toEqual([[host, ['.promo']]]);
      // Naming another site and then this one again brings its selectors back into the editor.
      type('#selectors-host', 'other.example');
      expect($<HTMLTextAreaElement>('#selectors-input').value).toBe('');
      type('#selectors-host', host);
      expect($<HTMLTextAreaElement>('#selectors-input').value).toBe('.promo');
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(errors).toEqual([]);
    expectPrototypeClean();
  });
});
