// The content script's life on one page: load settings, scan as the document is parsed, collapse what the
// detectors find, keep in step with settings changes, answer the popup and report the count to the background.
import browser from '../browser';
import type { DetectorId, ScanOptions } from '../core/types';
import { detectorById, detectors } from '../detectors/registry';
import { missingLexicons, primarySubtag, provideLexicon } from '../lexicons/index';
import type { ContentRequest, PageState, TabStatusMessage } from '../messages';
import { createScanContext, refreshArticle, scanRoot, type ScanContext } from '../scan/index';
import { defaultSettings } from '../settings/schema';
import { isValidSelector, siteSettings, type SiteSettings } from '../settings/site';
import { watchStoredSettings } from '../settings/store';
import { requestAlwaysShow, requestLexicon, requestSiteSettings } from './background';
import { Collapser, isStyled, type CollapsedBlock, type CollapseRequest, type StyledElement } from './collapse';
import { LoopGuard } from './loop-guard';
import { reasonsForPage } from './reasons';
import { MutationBatcher } from './watch';
import { t } from '../ui/i18n';

/** The badge follows the count, but not on every single collapse while a page loads. */
const STATUS_DEBOUNCE_MS = 150;
/** Added content with this many paragraphs may be (or move) the article. */
const ARTICLE_PARAGRAPHS = 3;

/** What a collapse is made of, besides the element. */
type Verdict = Omit<CollapseRequest, 'element'>;

export interface PageStats {
  collapses: number;
  /** Collapses refused because the page kept putting the same block back. */
  loopRefusals: number;
}

export interface TidingsPage {
  readonly collapser: Collapser;
  readonly batcher: MutationBatcher;
  readonly stats: PageStats;
  /** Resolves once the first settings were applied. */
  readonly ready: Promise<void>;
  /** Stops watching and reveals everything (the page is left as it was). */
  stop(): void;
}

function isDetectorOn(options: ScanOptions, id: DetectorId): boolean {
  return options.enabled[id] ?? detectorById(id)?.enabledByDefault ?? false;
}

export function startTidings(doc: Document, host: string): TidingsPage {
  const stats: PageStats = { collapses: 0, loopRefusals: 0 };
  const loopGuard = new LoopGuard<Verdict>();
  let scanOptions: ScanOptions = { enabled: {}, sensitivity: 'normal' };
  let site: SiteSettings | null = null;
  let context: ScanContext | null = null;
  let selectors: string[] = [];
  let statusTimer: ReturnType<typeof setTimeout> | undefined;
  let lastStatus = '';
  let paragraphsAtRescan = -1;
  let appliedScanKey = '';
  const requestedLexicons = new Set<string>();
  let stopped = false;

  const collapser = new Collapser(doc, 'placeholder', {
    alwaysShow: (block) => void alwaysShow(block),
    placeholderReasons: (block) => reasonsForPage(block.reasons, scanOptions.userPhrases, t('placeholder_your_phrase')),
    changed: scheduleStatus,
  });

  /** A scan context knowing which marked elements are ours (a page's forged marks hide nothing from it). */
  function contextFor(options: ScanOptions): ScanContext {
    return createScanContext(doc, { ...options, ownMarks: collapser.marks });
  }

  /** While the parser is still adding to it, a block may not be whole yet (nor may the article around it). */
  function isComplete(element: Element): boolean {
    if (doc.readyState !== 'loading') return true;
    for (let node: Node | null = element; node !== null && node !== doc; node = node.parentNode) {
      if (node.nextSibling !== null) return true;
    }
    return false;
  }

  function collapse(element: StyledElement, verdict: Verdict): void {
    if (element === doc.documentElement || element === doc.body || collapser.covers(element)) return;
    if (!loopGuard.allow(element, verdict, Date.now())) {
      stats.loopRefusals += 1;
      return;
    }
    if (collapser.collapse({ element, ...verdict }) !== null) stats.collapses += 1;
  }

  /** Whether a verdict still stands under the current settings (its detector or selector may be off now). */
  function stillApplies(verdict: Verdict): boolean {
    if (verdict.detectorId === 'user-selector') return selectors.includes(verdict.selector ?? '');
    return isDetectorOn(scanOptions, verdict.detectorId);
  }

  function collapseUserSelections(root: Element): void {
    for (const selector of selectors) {
      const matches = [...(root.matches(selector) ? [root] : []), ...root.querySelectorAll(selector)];
      for (const element of matches) {
        if (!isStyled(element) || collapser.marks.has(element)) continue;
        collapse(element, { detectorId: 'user-selector', kind: 'appeal', reasons: [`selector ${selector}`], selector });
      }
    }
  }

  function scanAdded(root: Element): Element[] {
    if (context === null || collapser.covers(root)) return [];
    // A block that comes back as it was is judged as before, without a scan; one the page keeps putting
    // back is left alone.
    const recalled = loopGuard.recall(root);
    if (recalled === 'abandoned') return [];
    if (recalled !== null && isStyled(root) && stillApplies(recalled)) {
      collapse(root, recalled);
      return [];
    }
    // A script added a whole page part (an app rendering its article after load): the article guard must
    // know the new article before anything in it is judged.
    const isPagePart = root !== doc.body && root !== doc.documentElement && doc.readyState !== 'loading';
    if (isPagePart && root.getElementsByTagName('p').length >= ARTICLE_PARAGRAPHS) refreshArticle(context);
    const unfinished: Element[] = [];
    for (const finding of scanRoot(root, context)) {
      if (!isStyled(finding.element)) continue;
      if (!isComplete(finding.element)) {
        unfinished.push(finding.element);
        continue;
      }
      const { detectorId, kind, reasons } = finding;
      collapse(finding.element, { detectorId, kind, reasons });
    }
    collapseUserSelections(root);
    requestLexicons(context.detect.langs);
    return unfinished;
  }

  /**
   * The content script ships the English lexicon only: the lexicon of the page's language (or the reader's)
   * is asked of the background, once per language, and the page is read again when it comes.
   */
  function requestLexicons(langs: readonly string[]): void {
    for (const lang of missingLexicons(langs)) {
      if (requestedLexicons.has(lang)) continue;
      requestedLexicons.add(lang);
      requestLexicon(lang).then(
        (lexicon) => {
          provideLexicon(lexicon);
          if (context !== null && context.detect.langs.some((tag) => primarySubtag(tag) === lang)) {
            context = contextFor(scanOptions);
            rescanAll();
          }
        },
        (error: unknown) => {
          // Without it the page is read with English phrases alone, as before it came.
          console.warn(`Tidings: could not load the "${lang}" phrases.`, error);
        },
      );
    }
  }

  const batcher = new MutationBatcher(
    doc,
    scanAdded,
    (element) => collapser.marks.has(element),
    () => collapser.prune(),
  );

  function rescanAll(): void {
    const root = doc.body ?? doc.documentElement;
    if (root !== null) batcher.queue(root);
  }

  /**
   * `provisional`: the site's settings have not come from the background yet (tens of milliseconds, in
   * Firefox often after the first paint). Meanwhile the defaults hide blocks without a
   * placeholder; the stored settings then reveal whatever they do not want hidden — on a site the reader
   * switched off that only delays those blocks by a moment instead of flashing a placeholder.
   */
  function applySettings(next: SiteSettings, provisional = false): void {
    if (stopped) return;
    site = provisional ? null : next;
    if (!next.siteEnabled) {
      batcher.setReady(false);
      context = null;
      collapser.revealWhere(() => true);
      scheduleStatus();
      return;
    }
    selectors = next.userSelectors.filter((selector) => isValidSelector(doc, selector));
    collapser.revealWhere((block) =>
      block.detectorId === 'user-selector'
        ? !selectors.includes(block.selector ?? '')
        : !isDetectorOn(next.scanOptions, block.detectorId),
    );
    collapser.setMode(provisional ? 'hide' : next.placeholderMode);
    // Detectors, sensitivity, phrases or selectors may have changed: one pass over the page picks up what
    // is now to be collapsed (collapsed and reader-revealed blocks are skipped by the scan). Unchanged
    // (the stored settings equal the defaults used until they arrived, or another site's entry changed):
    // nothing new to find, and on a big page a pass has a cost.
    const scanKey = JSON.stringify([next.scanOptions, selectors]);
    if (context === null || scanKey !== appliedScanKey) {
      appliedScanKey = scanKey;
      scanOptions = next.scanOptions;
      context = contextFor(next.scanOptions);
      requestLexicons(context.detect.langs);
      rescanAll();
    }
    batcher.setReady(true);
    scheduleStatus();
  }

  /**
   * The detectors that flag `element`: `first` (the one that won), then whichever would still flag it with
   * the ones found so far switched off — a donation box that also says "become a member" is both.
   */
  function detectorsFlagging(element: StyledElement, first: DetectorId): DetectorId[] {
    const found = [first];
    // The scan skips our marked, hidden blocks: look at the block as the page had it, synchronously
    // (no paint can happen in between), then put everything back exactly.
    const marks = ['data-tidings-collapsed', 'data-tidings-id', 'data-tidings-revealed'].map(
      (name) => [name, element.getAttribute(name)] as const,
    );
    const style = element.getAttribute('style');
    for (const [name] of marks) element.removeAttribute(name);
    element.style.removeProperty('display');
    try {
      const enabled = { ...scanOptions.enabled, [first]: false };
      for (let round = 0; round < detectors.length; round += 1) {
        const probe = contextFor({ ...scanOptions, enabled });
        const finding = scanRoot(element, probe).find((candidate) => candidate.element === element);
        if (finding === undefined) break;
        found.push(finding.detectorId);
        enabled[finding.detectorId] = false;
      }
    } finally {
      for (const [name, value] of marks) if (value !== null) element.setAttribute(name, value);
      if (style === null) element.removeAttribute('style');
      else element.setAttribute('style', style);
    }
    return found;
  }

  async function alwaysShow(block: CollapsedBlock): Promise<void> {
    const detectorIds = block.detectorId === 'user-selector' ? [] : detectorsFlagging(block.element, block.detectorId);
    try {
      applySettings(await requestAlwaysShow(host, detectorIds, block.detectorId === 'user-selector' ? block.selector ?? '' : undefined));
    } catch (error) {
      // Not saved (storage failed): still honour the click for this visit.
      console.warn('Tidings: could not save the site exception.', error);
      collapser.reveal(block.id, true);
    }
  }

  function scheduleStatus(): void {
    if (site === null) return;
    clearTimeout(statusTimer);
    statusTimer = setTimeout(sendStatus, STATUS_DEBOUNCE_MS);
  }

  function sendStatus(): void {
    if (site === null) return;
    const message: TabStatusMessage = { type: 'tidings:tab-status', count: collapser.count, siteEnabled: site.siteEnabled };
    const key = `${message.count}|${message.siteEnabled}`;
    if (key === lastStatus) return;
    lastStatus = key;
    // No receiver (background restarting) is harmless: the next change reports again.
    browser.runtime.sendMessage(message).catch(() => {
      lastStatus = '';
    });
  }

  function pageState(): PageState {
    return { host, siteEnabled: site?.siteEnabled ?? true, findings: collapser.summaries() };
  }

  function onMessage(message: unknown): Promise<unknown> | undefined {
    const request = message as Partial<ContentRequest> | null;
    if (request?.type === 'tidings:get-page') return Promise.resolve(pageState());
    if (request?.type === 'tidings:reveal' && typeof request.id === 'string') {
      return Promise.resolve({ ok: collapser.reveal(request.id, true) });
    }
    return undefined;
  }

  /**
   * DOMContentLoaded: the whole document is parsed — find the article again and rescan once (blocks that
   * were incomplete while parsing, and the final article guard). At load only refresh the article, and
   * rescan only if paragraphs arrived since: everything added meanwhile was scanned as it came.
   */
  function onDocumentGrown(event: Event): void {
    if (context === null) return;
    const paragraphs = doc.getElementsByTagName('p').length;
    if (event.type === 'load' && paragraphs === paragraphsAtRescan) {
      refreshArticle(context);
      return;
    }
    paragraphsAtRescan = paragraphs;
    // Scanning the whole body finds the article again on the way.
    rescanAll();
  }

  batcher.start();
  // The reader's own languages are asked for at once: their pages are then read whole from the first paint.
  requestLexicons(doc.defaultView?.navigator.languages ?? []);
  const defaultSite = siteSettings(defaultSettings(), host);
  applySettings(defaultSite, true);
  doc.addEventListener('DOMContentLoaded', onDocumentGrown);
  doc.defaultView?.addEventListener('load', onDocumentGrown);
  browser.runtime.onMessage.addListener(onMessage);
  const unwatch = watchStoredSettings(() => requestSiteSettings(host), (settings) => applySettings(settings));
  const ready = requestSiteSettings(host).then(
    (settings) => applySettings(settings),
    (error: unknown) => {
      // Settings unreadable (storage failed, or no background answered): still protect the reader, with the defaults.
      console.warn('Tidings: could not load settings; using defaults.', error);
      applySettings(defaultSite);
    },
  );

  return {
    collapser,
    batcher,
    stats,
    ready,
    stop() {
      // Answers still on their way (settings, a lexicon) must not start scanning again.
      context = null;
      stopped = true;
      batcher.stop();
      collapser.revealWhere(() => true);
      unwatch();
      clearTimeout(statusTimer);
      doc.removeEventListener('DOMContentLoaded', onDocumentGrown);
      doc.defaultView?.removeEventListener('load', onDocumentGrown);
      browser.runtime.onMessage.removeListener(onMessage);
    },
  };
}
