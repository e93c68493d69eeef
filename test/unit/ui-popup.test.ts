// @vitest-environment jsdom
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FindingSummary, PageState } from '../../src/messages';
import { byTestSelector as $, openPage, settleStorageWatch, settingsStore, storedSettings, type FakeBrowser, type FakeBrowserOptions } from './ui-fake-browser';

let mockBrowser: FakeBrowser;

function finding(id: string, detectorId: FindingSummary['detectorId'], kind: FindingSummary['kind'], revealed = false): FindingSummary {
  return { id, detectorId, kind, reasons: [{ key: 'why_logLinks', values: [id] }], snippet: `Text of block ${id}`, revealed };
}

/** A content script holding one page's state: answers get-page, and reveal marks a finding revealed. */
function newsPage(): { page: PageState; script: NonNullable<FakeBrowserOptions['contentScript']> } {
  const page: PageState = {
    host: 'news.example',
    siteEnabled: true,
    findings: [
      finding('t1', 'donation-appeal', 'appeal'),
      finding('t2', 'newsletter-nag', 'newsletter'),
      finding('t3', 'link-farm', 'linkfarm'),
      finding('t4', 'link-farm', 'linkfarm'),
      finding('t5', 'app-promo', 'linkfarm', true),
    ],
    slowSelectors: [],
  };
  const script = (_tabId: number, message: { type: string; id?: string }): unknown => {
    if (message.type === 'tidings:get-page') return structuredClone(page);
    const target = page.findings.find((f) => f.id === message.id);
    if (target) target.revealed = message.type === 'tidings:reveal';
    return { ok: target !== undefined };
  };
  return { page, script };
}

async function openPopup(options: FakeBrowserOptions, search = ''): Promise<void> {
  mockBrowser = await openPage('popup/popup.html', () => import('../../src/popup/popup'), options, search);
  await vi.waitFor(() => expect(document.querySelector('main')?.getAttribute('aria-busy')).toBe('false'));
}


afterAll(settleStorageWatch);

describe('popup', () => {
  beforeEach(() => {
    document.documentElement.innerHTML = '';
  });

  it('lists what is collapsed on the page grouped by kind, with the count and the site', async () => {
    await openPopup({ contentScript: newsPage().script });

    expect($('#site-name').textContent).toBe('news.example');
    expect($<HTMLInputElement>('#site-toggle').checked).toBe(true);
    expect($<HTMLInputElement>('#site-toggle').disabled).toBe(false);
    expect($('#finding-count').textContent).toBe('4');
    const groups = [...document.querySelectorAll<HTMLElement>('#findings section[data-kind]')];
    expect(groups.map((group) => group.dataset.kind)).toEqual(['appeal', 'newsletter', 'linkfarm']);
    const linkfarm = $('#findings section[data-kind="linkfarm"]');
    expect([...linkfarm.querySelectorAll<HTMLElement>('li[data-finding-id]')].map((li) => li.dataset.findingId)).toEqual(['t3', 't4', 't5']);
    expect(linkfarm.querySelector('h3')?.textContent).toBe('Link farms and promos (2)');
    expect($('li[data-finding-id="t1"]').textContent).toContain('Donation appeal');
    expect($('li[data-finding-id="t1"] button[data-action="show"]').getAttribute('aria-label'))
      .toBe('Show Donation appeal: Text of block t1');
    // Shown again by the reader: listed, with "Hide".
    expect($('li[data-finding-id="t5"]').textContent).toContain('App promo · shown');
    expect($('li[data-finding-id="t5"] button[data-action="hide"]').getAttribute('aria-label')).toBe('Hide App promo again: Text of block t5');
    expect($('#page-status').hidden).toBe(true);
  });

  it('"show" sends the reveal message to the tab and refreshes the list', async () => {
    await openPopup({ contentScript: newsPage().script });

    $<HTMLButtonElement>('li[data-finding-id="t3"] button[data-action="show"]').click();

    await vi.waitFor(() => expect(document.querySelector('li[data-finding-id="t3"] button[data-action="hide"]')).not.toBeNull());
    expect(mockBrowser.tabs.sendMessage).toHaveBeenCalledWith(1, { type: 'tidings:reveal', id: 't3' });
    expect($('#finding-count').textContent).toBe('3');
    expect($('#notice').hidden).toBe(true);

    $<HTMLButtonElement>('li[data-finding-id="t3"] button[data-action="hide"]').click();
    await vi.waitFor(() => expect($('#finding-count').textContent).toBe('4'));
    expect(mockBrowser.tabs.sendMessage).toHaveBeenCalledWith(1, { type: 'tidings:hide', id: 't3' });
  });

  it("lists this site's exceptions and rules apart from the switches for every site, each removable", async () => {
    await openPopup({ contentScript: newsPage().script });
    expect($('#exceptions-section').hidden).toBe(true);
    await (await settingsStore()).updateSettings((s) => ({
      ...s,
      siteExceptions: { 'www.news.example': ['donation-appeal'], 'other.example': ['link-farm'] },
      neverHide: { 'news.example': ['div#keep'] },
      userSelectors: { 'news.example': ['.promo'] },
    }));
    const texts = () => [...document.querySelectorAll('#exceptions li')].map((item) => item.querySelector('.exception-text')?.textContent);
    await vi.waitFor(() => expect(texts()).toEqual(['Always shown: Donation appeal', 'Never hidden: div#keep', 'Hidden by your rule: .promo']));
    expect($('#detectors-reach').textContent).toBe('These switches apply everywhere, not just on this site.');
    expect($('.site-box').contains($('#exceptions'))).toBe(true);
    expect($('.site-box').contains($('#detector-list'))).toBe(false);

    $<HTMLButtonElement>('#exceptions li[data-field="siteExceptions"] button').click();
    await vi.waitFor(async () => expect((await storedSettings()).siteExceptions).toEqual({ 'other.example': ['link-farm'] }));
    await vi.waitFor(() => expect(texts()).toEqual(['Never hidden: div#keep', 'Hidden by your rule: .promo']));
  });

  it('tells the user when a block could not be shown', async () => {
    const { script } = newsPage();
    await openPopup({ contentScript: (tab, message) => (message.type === 'tidings:reveal' ? { ok: false } : script(tab, message)) });

    $<HTMLButtonElement>('li[data-finding-id="t1"] button[data-action="show"]').click();

    await vi.waitFor(() => expect($('#notice').dataset.state).toBe('error'));
    expect($('#notice').textContent).toContain('could not be shown');
  });

  it('a detector switch writes the setting at once and re-reads the page', async () => {
    await openPopup({ contentScript: newsPage().script });
    const toggle = $<HTMLInputElement>('#detector-list input[type=checkbox][data-detector="link-farm"]');
    expect(toggle.checked).toBe(true);
    const asked = mockBrowser.tabs.sendMessage.mock.calls.length;

    toggle.click();

    await vi.waitFor(async () => expect((await storedSettings()).detectors['link-farm']).toBe(false));
    await vi.waitFor(() => expect(mockBrowser.tabs.sendMessage.mock.calls.length).toBeGreaterThan(asked));
    expect((await storedSettings()).detectors['donation-appeal']).toBe(true);
  });

  it('offers the sensitivity (for every site) with what each level hides on this page, and saves a choice at once', async () => {
    const { script } = newsPage();
    const preview = { low: 2, normal: 4, high: 7 };
    await openPopup({ contentScript: (tabId, message) => (message.type === 'tidings:sensitivity-preview' ? preview : script(tabId, message)) });
    const select = $<HTMLSelectElement>('#sensitivity');
    await vi.waitFor(() => expect([...select.options].map((option) => option.textContent)).toEqual([
      'Low: only clear cases — 2 on this page', 'Normal — 4 on this page', 'High: hide more — 7 on this page',
    ]));
    expect(select.value).toBe('normal');
    expect($('#sensitivity-help').textContent).toMatch(/every site/);

    select.value = 'high';
    select.dispatchEvent(new Event('change'));

    await vi.waitFor(async () => expect((await storedSettings()).sensitivity).toBe('high'));
    expect(select.value).toBe('high');
  });

  it('names the sensitivity levels alone where the page cannot tell what they hide', async () => {
    await openPopup({ contentScript: newsPage().script });
    await vi.waitFor(() => expect([...$<HTMLSelectElement>('#sensitivity').options].map((option) => option.textContent)).toEqual([
      'Low: only clear cases', 'Normal', 'High: hide more',
    ]));
  });

  it('keeps a second switch as set while the first one is still being saved', async () => {
    await openPopup({ contentScript: newsPage().script });
    const sync = mockBrowser.storage.sync;
    sync.holdWrites();
    const linkFarm = $<HTMLInputElement>('input[data-detector="link-farm"]');
    const appPromo = $<HTMLInputElement>('input[data-detector="app-promo"]');

    linkFarm.click();
    await vi.waitFor(() => expect(sync.waitingWrites).toBe(1));
    appPromo.click();
    sync.releaseWrite(); // the first save lands, and its storage event with it; the second waits
    await vi.waitFor(async () => expect((await storedSettings()).detectors['link-farm']).toBe(false));
    await vi.waitFor(() => expect(sync.waitingWrites).toBe(1));
    await settleStorageWatch();

    expect([linkFarm.checked, appPromo.checked]).toEqual([false, false]);
    sync.releaseWrite();
    await vi.waitFor(async () => expect((await storedSettings()).detectors['app-promo']).toBe(false));
    expect([linkFarm.checked, appPromo.checked]).toEqual([false, false]);
  });

  it('the site switch turns Tidings off for the page host and shows that it is off', async () => {
    await openPopup({ contentScript: newsPage().script });

    $<HTMLInputElement>('#site-toggle').click();

    await vi.waitFor(async () => expect((await storedSettings()).disabledSites).toEqual(['news.example']));
    expect($('#page-status').textContent).toContain('off on this site');
    expect($('#findings-section').hidden).toBe(true);
  });

  it('leaves the count empty until the page has answered', async () => {
    let answer: (state: PageState) => void = () => undefined;
    const pending = new Promise<PageState>((resolve) => (answer = resolve));
    const { page } = newsPage();
    mockBrowser = await openPage('popup/popup.html', () => import('../../src/popup/popup'), { contentScript: () => pending });
    await vi.waitFor(() => expect($('#page-status').textContent).toContain('Looking at this page'));
    expect($('#finding-count').textContent).toBe('');

    answer(page);

    await vi.waitFor(() => expect($('#finding-count').textContent).toBe('4'));
  });

  it('says Tidings does not run on a page without the content script, with the site switch disabled', async () => {
    await openPopup({ tabs: [{ id: 4, active: true, lastAccessed: 1, url: 'about:addons' }] });

    expect($('#page-status').textContent).toContain('Tidings does not run on this page');
    expect($<HTMLInputElement>('#site-toggle').disabled).toBe(true);
    expect($('#findings-section').hidden).toBe(true);
    expect(document.querySelectorAll('#detector-list input[data-detector]').length).toBe(6);
  });

  it('manages the tab named by ?tab=', async () => {
    const tabs = [{ id: 1, active: true, lastAccessed: 9 }, { id: 7, active: false, lastAccessed: 2 }];
    await openPopup({ tabs, contentScript: newsPage().script }, '?tab=7');
    expect(mockBrowser.tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'tidings:get-page' });
    expect(mockBrowser.tabs.sendMessage.mock.calls.every(([tabId]) => tabId === 7)).toBe(true);
  });

  it('opened as a page in a tab, manages the most recently used other tab', async () => {
    const tabs = [
      { id: 2, active: false, lastAccessed: 5 },
      { id: 3, active: false, lastAccessed: 8 },
      { id: 9, active: true, lastAccessed: 10 },
    ];
    await openPopup({ tabs, currentTabId: 9, contentScript: newsPage().script });
    expect(mockBrowser.tabs.sendMessage).toHaveBeenCalledWith(3, { type: 'tidings:get-page' });
  });

  it('the options link opens the options page', async () => {
    await openPopup({ contentScript: newsPage().script, currentTabId: 1, tabs: [
      { id: 1, active: true, lastAccessed: 3 }, { id: 2, active: false, lastAccessed: 2 },
    ] });
    $<HTMLAnchorElement>('#open-options').click();
    await vi.waitFor(() => expect(mockBrowser.runtime.openOptionsPage).toHaveBeenCalledOnce());
  });

  it('puts a switch back and says why when the change cannot be stored', async () => {
    await openPopup({ contentScript: newsPage().script });
    mockBrowser.storage.sync.failWrites = 'Sync is switched off';
    mockBrowser.storage.local.failWrites = 'Disk is full';
    const toggle = $<HTMLInputElement>('input[data-detector="app-promo"]');

    toggle.click();

    await vi.waitFor(() => expect($('#notice').dataset.state).toBe('error'));
    expect($('#notice').textContent).toContain('could not be saved');
    // The store's reason comes through its message keys, the browsers' own words left as they are.
    expect($('#notice').textContent).toBe(
      'Your change could not be saved: Could not save settings. Browser sync: Sync is switched off. Local storage: Disk is full. ' +
        'Nothing was changed; your previous settings are still in place.',
    );
    expect(toggle.checked).toBe(true);
  });

  it('says in the locale\'s words when a change was saved on this device only', async () => {
    await openPopup({ contentScript: newsPage().script });
    mockBrowser.storage.sync.failWrites = 'Resource::kQuotaBytes quota exceeded';
    const getMessage = vi.spyOn(mockBrowser.i18n, 'getMessage');

    $<HTMLInputElement>('input[data-detector="app-promo"]').click();

    await vi.waitFor(() => expect($('#notice').hidden).toBe(false));
    expect($('#notice').dataset.state).toBe('info');
    expect($('#notice').textContent).toBe(
      'Settings were saved on this device only and will not sync to your other browsers: ' +
        'browser sync refused them as over its quota (Resource::kQuotaBytes quota exceeded).',
    );
    expect(getMessage).toHaveBeenCalledWith('notice_reason_over_quota', ['Resource::kQuotaBytes quota exceeded']);
    expect((await storedSettings()).detectors['app-promo']).toBe(false);
  });
});
