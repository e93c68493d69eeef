// The attacks of issue 13 that need a real browser, run alike in Chromium and Firefox (chromium.browser.test.ts,
// firefox.browser.test.ts) with the built extension, on pages served from 127.0.0.1 (test/e2e/pages and
// test/hostile/pages). Each test acts as the page would, with page.evaluate in the page's own world.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectors } from '../../src/detectors/registry';
import { defaultSettings, type Settings } from '../../src/settings/schema';
import { toItems } from '../../src/settings/store';
import { removeExtensionCopies, type BrowserName, type ExtensionSession } from '../e2e/browsers';
import { clickPlaceholderButton, collapsedBy, isCollapsed, isShown, sleep, toggle, waitUntil } from '../e2e/page-checks';
import { suiteBrowser } from '../e2e/suite';
import type { PageState } from '../../src/messages';

const SECRET = 'velvet lantern fund';
const COSTLY = ':is(div, span, b):not(:has(q))';
/** The costliest selector found that passes the checks at acceptance: on a page nested 20 000 deep, every element's check walks all the way up. */
const WORST_ACCEPTED = 'q ~ * *';

/** Settings stored as an older Tidings (or another device) would have stored them: nothing checks them on the way in. */
async function storeSettings(session: ExtensionSession, edit: (settings: Settings) => Settings): Promise<void> {
  const items = toItems(edit(defaultSettings()), Date.now());
  await session.extensionEval((api, stored) => api.storage.sync.set(stored), items as Record<string, unknown>);
}

/** A settings field as stored in storage.sync. */
async function syncedField(session: ExtensionSession, field: string): Promise<unknown> {
  const holder = Object.values((await session.storedData()).sync).find(
    (value) => typeof value === 'object' && value !== null && field in value,
  ) as Record<string, unknown> | undefined;
  return holder?.[field];
}

/** Counts the extension's storage writes from now on (one onChanged event per set call), in the extension's context. */
async function countWrites(session: ExtensionSession): Promise<() => Promise<number>> {
  await session.extensionEval(async (api) => {
    const scope = globalThis as unknown as { tidingsWrites: number };
    scope.tidingsWrites = 0;
    api.storage.onChanged.addListener((_changes, area) => {
      if (area === 'sync' || area === 'local') scope.tidingsWrites += 1;
    });
  });
  return () => session.extensionEval(async () => (globalThis as unknown as { tidingsWrites: number }).tidingsWrites);
}

export function defineHostileScenarios(name: BrowserName): void {
  afterAll(removeExtensionCopies);

  describe(`${name}: hostile pages`, () => {
    // Pages of test/e2e/pages and test/hostile/pages; each test starts from default settings.
    const suite = suiteBrowser(name, path.resolve('test'));
    const { open } = suite;
    const port = (): string => new URL(suite.server.origin).port;

    it('a page cannot press the placeholder: 400 forged clicks write nothing, and the reader\'s next change still syncs', async () => {
      const writes = await countWrites(suite.session);
      const page = await open(suite.server.url('e2e/pages/news.html'));
      await waitUntil(page, 'the appeal to collapse', isCollapsed, '#support-box');
      // Until the site's settings arrive, blocks are hidden without a bar: the attack needs the bar.
      await waitUntil(page, 'the appeal\'s bar', () => document.querySelector('tidings-placeholder') !== null);
      // The attack as it was seen: through the open shadow root, keeping the button after it is detached.
      const attack = await page.evaluate(() => {
        const placeholder = document.querySelector<HTMLElement>('tidings-placeholder')!;
        const button = placeholder.shadowRoot?.querySelector<HTMLElement>('[data-action=always-show]') ?? null;
        for (let click = 0; click < 400; click += 1) (button ?? placeholder).click();
        return { reachedButton: button !== null };
      });
      await sleep(2000);
      const burstWrites = await writes();
      console.log(`${name}: a 400-click burst from the page made ${burstWrites} storage writes (reached the button: ${attack.reachedButton})`);
      expect(attack.reachedButton).toBe(false);
      expect(burstWrites).toBe(0);
      expect(await syncedField(suite.session, 'siteExceptions')).toBeUndefined();
      expect(await page.evaluate(isCollapsed, '#support-box')).toBe(true);

      // The reader's own change, in the options page, still goes to storage.sync.
      const options = await open(suite.session.extensionUrl('options.html'));
      await waitUntil(options, 'the options form to be filled', () => document.querySelector('main')?.getAttribute('aria-busy') === 'false');
      await toggle(options, 'input[type=checkbox][data-detector="app-promo"]');
      const deadline = Date.now() + 10_000;
      while ((await syncedField(suite.session, 'detectors')) === undefined && Date.now() < deadline) await sleep(100);
      expect(await syncedField(suite.session, 'detectors')).toMatchObject({ 'app-promo': false });
      expect((await suite.session.storedData()).local).toEqual({});

      // And the reader's own key press on "Always show" is saved.
      await page.bringToFront();
      await clickPlaceholderButton(page, '#support-box', 'always-show');
      await waitUntil(page, 'the appeal to be shown', isShown, '#support-box');
      expect(await syncedField(suite.session, 'siteExceptions')).toMatchObject({ '127.0.0.1': expect.arrayContaining(['donation-appeal']) });
    });

    it('"Always show" is saved on hosts as browsers report them: a_b.localhost, and localhost. with its trailing dot', async () => {
      for (const [host, stored] of [['a_b.localhost', 'a_b.localhost'], ['localhost.', 'localhost']]) {
        const page = await open(`http://${host}:${port()}/e2e/pages/news.html`);
        expect(await page.evaluate(() => location.hostname)).toBe(host);
        await waitUntil(page, 'the appeal to collapse', isCollapsed, '#support-box');
        await clickPlaceholderButton(page, '#support-box', 'always-show');
        await waitUntil(page, 'the appeal to be shown', isShown, '#support-box');
        const deadline = Date.now() + 10_000;
        const saved = async () => ((await syncedField(suite.session, 'siteExceptions')) ?? {}) as Record<string, string[]>;
        while (!(stored! in (await saved())) && Date.now() < deadline) await sleep(100);
        expect(Object.keys(await saved())).toContain(stored);
      }
    });

    it("a page that plants bait learns nothing of the reader's phrases or detectors from what Tidings leaves in it", async () => {
      await storeSettings(suite.session, (settings) => ({ ...settings, userPhrases: { ...settings.userPhrases, appeal: [SECRET] } }));
      const page = await open(suite.server.url('e2e/pages/news.html'));
      await waitUntil(page, 'the appeal to collapse', isCollapsed, '#support-box');
      await page.evaluate((secret) => {
        const bait = document.createElement('aside');
        bait.id = 'bait';
        bait.innerHTML = `<h3>Our friends</h3><p>The ${secret}, the copper kettle fund and the quiet harbour fund all need you today.</p><a href="/donate">Donate</a>`;
        document.querySelector('main')!.append(bait);
      }, SECRET);
      await waitUntil(page, 'the bait to collapse', isCollapsed, '#bait');
      expect(await collapsedBy(suite.session, page, '#bait')).toBe('donation-appeal');
      // The page looks at everything of Tidings' it can reach, before and after the reader asks "Why?" on the bait.
      const whatThePageSees = () => page.evaluate(() => {
        const placeholders = [...document.querySelectorAll('tidings-placeholder')];
        const marks = [...document.querySelectorAll('*')].flatMap((element) =>
          element.getAttributeNames().filter((attribute) => attribute.startsWith('data-tidings')).map((attribute) => `${attribute}=${element.getAttribute(attribute)}`));
        const serialised = placeholders.map((placeholder) =>
          (placeholder as HTMLElement & { getHTML?(options: object): string }).getHTML?.({ serializableShadowRoots: true }) ?? placeholder.innerHTML);
        return {
          shadowRoots: placeholders.filter((placeholder) => placeholder.shadowRoot !== null).length,
          marks,
          serialised,
          text: document.documentElement.outerHTML,
        };
      });
      const expectNothingLearned = (seen: Awaited<ReturnType<typeof whatThePageSees>>) => {
        expect(seen.shadowRoots).toBe(0);
        expect(seen.marks.length).toBeGreaterThan(0);
        for (const { id } of detectors) expect(seen.marks.join(' ')).not.toContain(id);
        expect(seen.serialised.join('')).toBe('');
        expect(seen.text.split(SECRET)).toHaveLength(2); // the bait's own text, nothing more
      };
      expectNothingLearned(await whatThePageSees());
      await page.bringToFront();
      await clickPlaceholderButton(page, '#bait', 'details');
      expectNothingLearned(await whatThePageSees());
    });

    it('scans open shadow roots and same-origin frames, and sees through marks the page forged', async () => {
      const page = await open(suite.server.url('hostile/pages/components.html'));
      // In front: a background tab gets no animation frames and slowed-down timers, and the page adds a component late.
      await page.bringToFront();
      const collapsedIn = (where: 'shadow' | 'frame' | 'page', host: string, id: string) =>
        page.evaluate((where, host, id) => {
          const scope = where === 'shadow' ? document.getElementById(host)?.shadowRoot
            : where === 'frame' ? (document.getElementById(host) as HTMLIFrameElement | null)?.contentDocument : document;
          return scope?.getElementById(id)?.closest('[data-tidings-collapsed]') != null;
        }, where, host, id);
      const expectCollapsed = async (where: 'shadow' | 'frame' | 'page', host: string, id: string) => {
        const deadline = Date.now() + 30_000;
        while (!(await collapsedIn(where, host, id)) && Date.now() < deadline) await sleep(100);
        if (await collapsedIn(where, host, id)) return;
        // Once seen failing in a full CI run (not alone): what the content script reports tells a scan that never ran
        // (no findings at all: no phrases came) from one that judged the block otherwise.
        const tabId = await suite.session.tabIdOf(page);
        const reported = await suite.session.extensionEval((api, tab) => api.tabs.sendMessage(tab, { type: 'tidings:get-page' }), tabId).catch(String);
        expect.fail(`${id} not collapsed within 30 s; the content script reports ${JSON.stringify(reported)}`);
      };
      await expectCollapsed('shadow', 'parsed-component', 'in-shadow');
      await expectCollapsed('shadow', 'late-component', 'in-late-shadow');
      await expectCollapsed('shadow', 'added-component', 'in-added-shadow');
      await expectCollapsed('frame', 'frame', 'in-frame');
      await expectCollapsed('page', '', 'behind-revealed');
      await expectCollapsed('page', '', 'in-forged-placeholder');
      expect(await page.evaluate(isShown, '#story p')).toBe(true);
    });

    it('a costly selector cannot freeze a page, and one that costs too much there is switched off with a notice in the popup', async () => {
      await storeSettings(suite.session, (settings) => ({ ...settings, userSelectors: { '127.0.0.1': [COSTLY, WORST_ACCEPTED, '#story h1'] } }));
      const page = await open(suite.server.url('hostile/pages/deep.html'));
      await waitUntil(page, 'the reader\'s plain selector to collapse the heading', isCollapsed, '#story h1');
      await page.waitForFunction(() => (window as unknown as { hostile: { built: boolean } }).hostile.built, { polling: 100, timeout: 60_000 });
      // The page stays in front (a hidden tab's timers are slowed down) while Tidings matches the selectors over its
      // chain, until the content script reports the costly one switched off.
      const tabId = await suite.session.tabIdOf(page);
      const slowSelectors = async (): Promise<string[]> =>
        ((await suite.session.extensionEval((api, id) => api.tabs.sendMessage(id, { type: 'tidings:get-page' }), tabId)) as PageState).slowSelectors ?? [];
      const deadline = Date.now() + 60_000;
      while (!(await slowSelectors()).includes(WORST_ACCEPTED) && Date.now() < deadline) await sleep(500);
      const figures = await page.evaluate(() => (window as unknown as { hostile: { longestGapMs: number; longTasks: number[] } }).hostile);
      console.log(`${name}: deep page with ${JSON.stringify([COSTLY, WORST_ACCEPTED])} stored: longest timer gap ${Math.round(figures.longestGapMs)} ms, long tasks ${JSON.stringify(figures.longTasks)}`);
      // On the unchanged extension one querySelectorAll of these selectors took the page for seconds.
      expect(figures.longestGapMs).toBeLessThan(1000);
      expect(await slowSelectors()).toEqual([WORST_ACCEPTED]);

      // The popup says so.
      const popup = await open(suite.session.extensionUrl(`popup.html?tab=${tabId}`));
      await waitUntil(popup, 'the slow selector notice', () => !(document.querySelector('#slow-selectors') as HTMLElement).hidden);
      const notice = await popup.$eval('#slow-selectors', (element) => element.textContent ?? '');
      expect(notice).toContain(WORST_ACCEPTED);
      expect(notice).not.toContain(COSTLY);
      expect(await syncedField(suite.session, 'userSelectors')).toEqual({ '127.0.0.1': [COSTLY, WORST_ACCEPTED, '#story h1'] });
    });
  });
}
