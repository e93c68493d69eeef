// The content script's life on one page: load settings, scan as the document is parsed, collapse what the
// detectors find, keep in step with settings changes, answer the popup and report the count to the background.
//
// Besides the document it reads the page's open shadow roots (web components) and the documents of its same-origin
// frames, found by the element sweep, watched by the same batcher and scanned within the same budget. Frames are
// read from here, the top frame, rather than by a content script in every frame ("all_frames"): no script goes into
// cross-origin frames (ads, embeds) it could not usefully read alongside the page, the popup and the badge keep one
// page to talk to, and the manifest keeps asking for nothing more.
import browser from '../browser';
import { SENSITIVITIES, type DetectorId, type Finding, type ScanOptions } from '../core/types';
import { detectorById, detectors } from '../detectors/registry';
import { missingLexicons, provideLexicon } from '../lexicons/index';
import type { ContentRequest, PageState, SensitivityPreview, TabStatusMessage } from '../messages';
// From the scan's modules rather than scan/index, whose scanText (the CLI's) would bring text.ts's tables into the bundle.
import { ARTICLE_UNKNOWN, createScanContext, documentSteps, scanRoot, scanSteps, wordsAtHand, type ScanContext } from '../scan/scan';
import { now, runUntil, type Steps } from '../scan/steps';
import { provideStopwords } from '../scan/language';
import { providePatterns } from '../scan/stats';
import { useModelWeights } from '../scan/weights';
import { defaultSettings } from '../settings/schema';
import { isValidSelector, unlistedSiteSettings, type SiteSettings } from '../settings/site';
import { watchStoredSettings } from '../settings/watch';
import { reportSlowSelector, requestAlwaysShow, requestLexicon, requestSiteSettings, requestStopwords } from './background';
import { byUserSelector, Collapser, isStyled, type CollapsedBlock, type CollapseRequest, type Look, type StyledElement } from './collapse';
import { LoopGuard } from './loop-guard';
import { reasonsForPage } from './reasons';
import { ElementSweep } from './sweep';
import { beingParsed, DEFAULT_LIMITS, MutationBatcher, wholeTree, yieldToPage, type SlicedWork } from './watch';
import { detectorPlural, t } from '../ui/i18n';
import { HANDOFF_KEY, type PickerHandoff } from '../picker/handoff';
import { COLLAPSED_MARK, ID_MARK, REVEALED_MARK } from '../core/marks';

/** The badge follows the count, at most this often: not on every single collapse while a page loads. */
const STATUS_DELAY_MS = 150;
/** Added content with this many paragraphs may be (or move) the article. */
const ARTICLE_PARAGRAPHS = 3;
/**
 * Collapsing time in one go: every batch that changes a big page costs the browser a layout of it (a fifth of a second
 * at 100 000 elements), so blocks are collapsed in chunks longer than a scan's slice, yet short of a long task.
 */
const COLLAPSE_CHUNK_MS = 30;

/**
 * Calls `each` on every item, pausing once COLLAPSE_CHUNK_MS have passed since `chunk` began (a chunk may span the
 * steps of one job).
 */
function* inChunks<T>(items: readonly T[], each: (item: T, at: number) => void, chunk: { began: number }): Steps<void> {
  for (const [at, item] of items.entries()) {
    if (now() - chunk.began > COLLAPSE_CHUNK_MS) {
      yield;
      chunk.began = now();
    }
    each(item, at);
  }
}

/** The steps of `first`, then those of `then`. */
function* inTurn(first: Steps<void>, then: Steps<void>): Steps<void> {
  yield* first;
  yield* then;
}

/**
 * Languages asked of the background at most: the reader's and a page's are a few, and a page whose frames each declare
 * another cannot make the content script ask for hundreds.
 */
const MAX_LANGUAGES_ASKED = 12;

/** Tells the page's console what could not be done (the page goes on without it). */
function couldNot(what: string, error: unknown): void {
  console.warn(`Tidings: could not ${what}.`, error);
}

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

/** The node above `node`, from a shadow root's top on to its host. */
function composedParent(node: Node): Node | null {
  return node.parentNode ?? (node as Partial<ShadowRoot>).host ?? null;
}

/** A same-origin frame's document; null for a cross-origin or sandboxed one, which a script cannot read. */
function frameDocument(frame: Element): Document | null {
  try {
    return (frame as HTMLIFrameElement).contentDocument;
  } catch {
    return null;
  }
}

export function startTidings(doc: Document, host: string): TidingsPage {
  const stats: PageStats = { collapses: 0, loopRefusals: 0 };
  const loopGuard = new LoopGuard<Verdict>();
  let scanOptions: ScanOptions = { enabled: {}, sensitivity: 'normal' };
  let site: SiteSettings | null = null;
  /** The scan context of each document read (the page's, its frames'); null while not scanning. */
  let contexts: WeakMap<Document, ScanContext> | null = null;
  /** The latest context of each document: a new one starts from its article (its next whole scan finds it again). */
  const latestContexts = new WeakMap<Document, ScanContext>();
  /** Scans under way, each root's a slice at a time (on a big page one would be a long task), with their context. */
  const scans = new Map<Element, { steps: Steps<void>; context: ScanContext; parsing: boolean }>();
  /** The page's parts read while it was parsed (see scanParsedParts), and the elements on the parser's path then. */
  let partsRead = new WeakSet<Element>();
  /** Parts added before any words had come (the lexicons are the background's): read as soon as they come. */
  const awaitingWords = new Set<Element>();
  let selectors: string[] = [];
  /** The site's "Never hide this here" selectors as one selector list ('' for none). */
  let neverHide = '';
  /** The site as the reader knows it, in what "Always show" says it reaches. */
  const siteName = host.replace(/^www\./, '');
  /** The reader's selectors switched off on this site because they cost too much (here or on an earlier page). */
  const slowSelectors = new Set<string>();
  /** Frame elements whose document we read, with a load listener for the next one. */
  const frames = new WeakSet<Element>();
  let statusTimer: ReturnType<typeof setTimeout> | undefined;
  let lastStatus = '';
  let paragraphsAtRescan = -1;
  let appliedScanKey = '';
  const requestedLexicons = new Set<string>();
  /** Languages (known to Tidings) that the page or its frames are in. */
  const pageLanguages = new Set<string>();
  let stopped = false;

  const collapser = new Collapser(doc, 'placeholder', {
    alwaysShow: (blocks) => void alwaysShow(blocks),
    alwaysShowLabel: (block) =>
      byUserSelector(block.detectorId)
        ? t('placeholder_stop_rule', siteName)
        : t('placeholder_always_show', [detectorPlural(block.detectorId), siteName]),
    placeholderReasons: (block) => reasonsForPage(block.reasons, scanOptions.userPhrases, t('placeholder_your_phrase'), t),
    changed: scheduleStatus,
  });

  /**
   * A scan context knowing which marked elements are ours (a page's forged marks hide nothing from it), starting from
   * the article found before (none yet: until the first whole scan finds it, every block is judged as if inside it): a
   * new context never costs a pass over the page.
   */
  function contextFor(options: ScanOptions, document: Document): ScanContext {
    const latest = latestContexts.get(document);
    const known = latest?.article?.isConnected ? latest : { article: null, articleRank: ARTICLE_UNKNOWN };
    return createScanContext(document, { ...options, ownMarks: collapser.marks }, known);
  }

  /** The scan context of `document`, made when first needed; null while not scanning. */
  function contextOf(document: Document): ScanContext | null {
    if (contexts === null) return null;
    let context = contexts.get(document);
    if (context === undefined) {
      context = contextFor(scanOptions, document);
      contexts.set(document, context);
      latestContexts.set(document, context);
    }
    return context;
  }

  /** While the parser is still adding to it, a block may not be whole yet (nor may the article around it). */
  function isComplete(element: Element): boolean {
    const document = element.ownerDocument;
    if (!beingParsed(document)) return true;
    for (let node: Node | null = element; node !== null && node !== document; node = composedParent(node)) {
      if (node.nextSibling !== null) return true;
    }
    return false;
  }

  /** Whether the reader said "Never hide this here" of the block, of a block inside it or of one around it. */
  function isNeverHidden(element: Element): boolean {
    return neverHide !== '' && (element.closest(neverHide) !== null || element.querySelector(neverHide) !== null);
  }

  function collapse(element: StyledElement, verdict: Verdict, look: Look = {}): void {
    const { documentElement, body } = element.ownerDocument;
    if (element === documentElement || element === body || collapser.covers(element) || isNeverHidden(element)) return;
    if (!loopGuard.allow(element, verdict, Date.now())) {
      stats.loopRefusals += 1;
      return;
    }
    if (collapser.collapse({ element, ...verdict, ...look }) !== null) stats.collapses += 1;
  }

  /** Whether a verdict still stands under the current settings (its detector or selector may be off now). */
  function stillApplies(verdict: Verdict): boolean {
    if (byUserSelector(verdict.detectorId)) return selectors.includes(verdict.selector ?? '');
    return isDetectorOn(scanOptions, verdict.detectorId);
  }

  function collapseUserSelection(element: Element, selector: string): void {
    if (!isStyled(element) || collapser.marks.has(element)) return;
    collapse(element, { detectorId: 'user-selector', kind: 'appeal', reasons: [{ key: 'why_selector', values: [selector] }], selector });
  }

  /** A selector that cost too much on this page: off for the site (the background remembers it for the session). */
  function switchOffSlowSelector(selector: string): void {
    slowSelectors.add(selector);
    selectors = selectors.filter((kept) => kept !== selector);
    collapser.revealWhere((block) => block.selector === selector);
    reportSlowSelector(host, selector).catch((error: unknown) => couldNot('report a slow selector', error));
  }

  /** An open shadow root's elements or a same-origin frame's document: watched and read like the page. */
  function readTreeOf(element: Element): void {
    const tree = element.shadowRoot ?? readableFrameDocument(element);
    if (tree === null || contexts === null) return;
    batcher.observe(tree);
    for (const whole of wholeTree(tree)) batcher.queue(whole);
    sweep.queue(tree);
  }

  /** A frame's document, once its load listener is in place (each document the frame loads is read in turn). */
  function readableFrameDocument(element: Element): Document | null {
    if (element.localName !== 'iframe' && element.localName !== 'frame') return null;
    if (!frames.has(element)) {
      frames.add(element);
      element.addEventListener('load', () => readTreeOf(element));
    }
    return frameDocument(element);
  }

  const sweep = new ElementSweep({ matched: collapseUserSelection, found: readTreeOf, overrun: switchOffSlowSelector });

  function scanAdded(root: Element): void {
    const owner = root.ownerDocument;
    const context = contextOf(owner);
    if (context === null || collapser.covers(root)) return;
    // A block that comes back as it was is judged as before, without a scan; one the page keeps putting
    // back is left alone.
    const recalled = loopGuard.recall(root);
    if (recalled === 'abandoned') return;
    if (recalled !== null && isStyled(root) && stillApplies(recalled)) {
      collapse(root, recalled);
      return;
    }
    // What was added is swept for the reader's selectors, shadow roots and frames. A whole tree (a rescan) is swept
    // whole once more: an element added while a sweep of it was under way is in no list that sweep took, and as the
    // rescan covered it, it was never a root of its own (a web component added during a rescan went unread).
    const whole = wholeTree(root).includes(root);
    // While the parser goes on, what it adds is scanned piece by piece as it comes, and what it had added is read
    // part by part; the whole body waits for DOMContentLoaded, which scans it again anyway (a body scan begun during
    // the load read the page twice, and its hundred megabytes of figures on a huge page slowed the parser's own work).
    const { body, documentElement } = owner;
    const loading = beingParsed(owner);
    const parsing = (root === body || root === documentElement) && loading;
    // The parts read while parsing are swept as they are read.
    if (!parsing) sweep.queue(whole ? (root.getRootNode() as Document | ShadowRoot) : root);
    // A script added a whole page part (an app rendering its article after load): it may hold the article, which
    // the guard must know before anything in it is judged.
    const partOfPage = !whole && !loading && root.getElementsByTagName('p').length >= ARTICLE_PARAGRAPHS;
    // A scan of the root under way goes on (it reads what was added since as it comes to it) unless the settings changed,
    // or the page's parts read while it was parsed give way to the whole page: once the part under way is collapsed (a
    // plea near the top is not left to a huge page's whole scan, seconds after the page was painted).
    const job = scans.get(root);
    if (job?.context !== context || job.parsing !== parsing) {
      const steps = parsing ? scanParsedParts(root, context) : scanPart(root, context, partOfPage, whole);
      scans.set(root, { steps: job?.context === context ? inTurn(job.steps, steps) : steps, context, parsing });
    }
  }

  /** Scans `root` (see scanAndCollapse); a part added before any words had come waits for them. */
  function* scanPart(root: Element, context: ScanContext, partOfPage: boolean, whole: boolean): Steps<void> {
    // The whole page is read without words too: its text tells its language, whose words are then asked for.
    if (whole || wordsAtHand(context.detect)) yield* scanAndCollapse(root, context, partOfPage);
    else awaitingWords.add(root);
  }

  /**
   * Scans what the parser has finished in `page` (the body, or the root element before there is one) since the last
   * time, part by part: on each level of the path it is still adding to, the finished children not read yet (a plea
   * near the top of a long page is collapsed before the page is painted, not at DOMContentLoaded). The elements on the
   * path are left to the whole scan, and what is parsed from now on comes as parts of its own, or in the next call.
   */
  function* scanParsedParts(page: Element, context: ScanContext): Steps<void> {
    const parts: Element[] = [];
    for (let open: Element | null = page; open !== null; ) {
      partsRead.add(open);
      const last: Element | null = open.lastElementChild;
      for (const child of open.children) {
        if ((child !== last || last.nextSibling !== null) && !partsRead.has(child)) {
          partsRead.add(child);
          parts.push(child);
        }
      }
      open = last?.nextSibling === null ? last : null;
    }
    for (const part of parts) {
      // Parsed: what is left goes with the whole page's scan.
      if (!beingParsed(page.ownerDocument)) return;
      if (collapser.covers(part)) continue;
      sweep.queue(part);
      yield* scanPart(part, context, false, false);
    }
  }

  /**
   * Scans `root` a slice at a time, in the batches' sliced work, then collapses what it found in chunks (see
   * COLLAPSE_CHUNK_MS), every block's style read before the first is changed: a style read after a change makes the
   * browser work out the changed styles there and then, once per block.
   */
  function* scanAndCollapse(root: Element, context: ScanContext, partOfPage: boolean): Steps<void> {
    const found = (yield* scanSteps(root, context, partOfPage)).filter((finding): finding is Finding & { element: StyledElement } => isStyled(finding.element));
    // Styles are read in chunks too (a thousand blocks' ancestors were a long task of their own), all before the first
    // change; the collapses go on in the same chunk (a pause between them could let the page be painted before them).
    const looks: Look[] = [];
    // The chunk's clock runs from the start of the batch's sliced work: collapsing after the end of a long scan slice
    // waits for the next batch instead of adding its own 30 ms to the slice's.
    const chunk = { began: workBegan };
    yield* inChunks(found, ({ element }) => looks.push(collapser.lookAt(element)), chunk);
    yield* inChunks(found, ({ element, detectorId, kind, reasons }, at) => {
      // A block the page took out meanwhile is left; one the parser has not finished is looked at again once it has moved on.
      if (!element.isConnected) return;
      if (isComplete(element)) collapse(element, { detectorId, kind, reasons }, looks[at]);
      else batcher.defer(element);
    }, chunk);
    // The scan may have told the page's language from its text.
    requestLexicons(context.detect.langs, true);
  }

  /** When the current batch's sliced work began. */
  let workBegan = 0;
  /** The work done a slice at a time in what is left of each batch: the scans first, then the element sweep. */
  const slicedWork: SlicedWork = {
    get busy() {
      return scans.size > 0 || sweep.busy;
    },
    run(deadline) {
      workBegan = now();
      for (const [root, scan] of scans) {
        if (!runUntil(scan.steps, deadline)) return;
        scans.delete(root);
      }
      sweep.run(deadline);
    },
  };

  /**
   * The content script ships the English lexicon only: the lexicon of the page's language (or the reader's)
   * is asked of the background, once per language, and the page is read again when one of the page's own
   * languages (`ofPage`: of the page or one of its frames) comes.
   */
  function requestLexicons(langs: readonly string[], ofPage: boolean): void {
    for (const lang of missingLexicons(langs)) {
      if (ofPage) pageLanguages.add(lang);
      if (requestedLexicons.has(lang) || requestedLexicons.size >= MAX_LANGUAGES_ASKED) continue;
      requestedLexicons.add(lang);
      requestLexicon(lang).then(
        (reply) => {
          // A language Tidings has no phrases for: its pages are read with English ones.
          if (!reply) return;
          const { lexicon, patterns, models } = reply;
          // The patterns and weights first: once a lexicon is here, blocks are judged (wordsAtHand).
          providePatterns(patterns);
          useModelWeights({ plea: models.plea, links: models.linkList });
          provideLexicon(lexicon);
          for (const root of awaitingWords) batcher.queue(root);
          awaitingWords.clear();
          // Read again when the page (or one of its frames, whose language is its own) is in that language.
          if (contexts !== null && pageLanguages.has(lang)) rescanWithNewContexts();
        },
        (error: unknown) => {
          // Without it the page is read with English phrases alone, as before it came; parts waiting for words wait
          // for the whole scan at DOMContentLoaded instead (kept, they would pile up if no words ever come).
          awaitingWords.clear();
          couldNot(`load the "${lang}" phrases`, error);
        },
      );
    }
  }

  const batcher = new MutationBatcher(
    doc,
    scanAdded,
    (element) => collapser.marks.has(element),
    () => collapser.prune(),
    slicedWork,
  );

  /** Scans the page again; its shadow roots and frames follow as the sweep finds them. */
  function rescanAll(): void {
    for (const whole of wholeTree(doc)) batcher.queue(whole);
    sweep.queue(doc);
  }

  /** Settings or words changed: scans under way give way to a new one of the whole page. */
  function rescanWithNewContexts(): void {
    contexts = new WeakMap();
    partsRead = new WeakSet();
    scans.clear();
    rescanAll();
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
      contexts = null;
      scans.clear();
      sweep.clear();
      collapser.revealWhere(() => true);
      scheduleStatus();
      return;
    }
    for (const selector of next.slowSelectors ?? []) slowSelectors.add(selector);
    selectors = next.userSelectors.filter((selector) => !slowSelectors.has(selector) && isValidSelector(doc, selector));
    sweep.setSelectors(selectors);
    neverHide = next.neverHide.filter((selector) => isValidSelector(doc, selector)).join(',');
    collapser.revealWhere((block) =>
      isNeverHidden(block.element) ||
      (byUserSelector(block.detectorId)
        ? !selectors.includes(block.selector ?? '')
        : !isDetectorOn(next.scanOptions, block.detectorId)),
    );
    collapser.setMode(provisional ? 'hide' : next.placeholderMode);
    // Detectors, sensitivity, phrases or selectors may have changed: one pass over the page picks up what
    // is now to be collapsed (collapsed and reader-revealed blocks are skipped by the scan). Unchanged
    // (the stored settings equal the defaults used until they arrived, or another site's entry changed):
    // nothing new to find, and on a big page a pass has a cost.
    const scanKey = JSON.stringify([next.scanOptions, selectors, neverHide]);
    if (contexts === null || scanKey !== appliedScanKey) {
      // A lower sensitivity or fewer phrases find less: what the new settings would not hide comes back (in the
      // page's own tree; shadow roots and frames are read again by the rescan).
      if (contexts !== null && collapser.count > 0) void revealUnfound(next.scanOptions);
      appliedScanKey = scanKey;
      scanOptions = next.scanOptions;
      rescanWithNewContexts();
      requestLexicons(contextOf(doc)?.detect.langs ?? [], true);
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
    const marks = [COLLAPSED_MARK, ID_MARK, REVEALED_MARK].map(
      (name) => [name, element.getAttribute(name)] as const,
    );
    const style = element.getAttribute('style');
    for (const [name] of marks) element.removeAttribute(name);
    element.style.removeProperty('display');
    try {
      const enabled = { ...scanOptions.enabled, [first]: false };
      for (let round = 0; round < detectors.length; round += 1) {
        const probe = contextFor({ ...scanOptions, enabled }, element.ownerDocument);
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

  /**
   * "Always show" on a bar: a site exception for every detector that flags its blocks (or, for the reader's own
   * rule, the rule dropped), said in a note in the bar's place that offers "Undo" for a few seconds.
   */
  async function alwaysShow(blocks: CollapsedBlock[]): Promise<void> {
    const [lead] = blocks;
    if (lead === undefined) return;
    const selector = byUserSelector(lead.detectorId) ? (lead.selector ?? '') : undefined;
    const detectorIds =
      selector === undefined ? [...new Set(blocks.flatMap((block) => detectorsFlagging(block.element, block.detectorId as DetectorId)))] : [];
    const reach = selector === undefined ? detectorIds.map(detectorPlural).join(', ') : t('placeholder_your_rule');
    // The note goes up first: the saved settings may reach this page (and reveal the blocks) before the answer does.
    const note = collapser.note(lead, t('placeholder_always_shown', [siteName, reach]), ['undo', t('placeholder_undo')], () => {
      requestAlwaysShow(host, detectorIds, selector, true).then(applySettings, (error: unknown) =>
        couldNot('undo the site exception', error),
      );
    });
    try {
      applySettings(await requestAlwaysShow(host, detectorIds, selector));
    } catch (error) {
      // Not saved (storage failed): still honour the click for this visit.
      couldNot('save the site exception', error);
      note?.remove();
      for (const block of blocks) collapser.reveal(block.id, true);
    }
  }

  /**
   * Reports the count a while after a change; later changes ride on the report already due (a timer cleared and set
   * again on every collapse was a tenth of the collapsing time on a page of a thousand blocks).
   */
  function scheduleStatus(): void {
    if (site === null || statusTimer !== undefined) return;
    statusTimer = setTimeout(() => {
      statusTimer = undefined;
      sendStatus();
    }, STATUS_DELAY_MS);
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
    const mine = [...(site?.slowSelectors ?? []), ...(site?.userSelectors ?? [])];
    const slow = mine.filter((selector) => slowSelectors.has(selector));
    return { host, siteEnabled: site?.siteEnabled ?? true, findings: collapser.summaries(), slowSelectors: slow };
  }

  /**
   * What each sensitivity finds on this page, for the popup to show beside the choice: the page as it is, blocks
   * hidden now included; each level a scan of its own, in slices.
   */
  async function sensitivityPreview(): Promise<SensitivityPreview> {
    const preview = { low: 0, normal: 0, high: 0 };
    for (const sensitivity of SENSITIVITIES) {
      if (site?.siteEnabled) preview[sensitivity] = (await pageFindings({ ...scanOptions, sensitivity })).length;
    }
    return preview;
  }

  /**
   * Blocks of the page's own tree collapsed now that `options` would not find (a lower sensitivity, fewer phrases)
   * come back. Blocks collapsed while the scan runs were found under the new settings already.
   */
  async function revealUnfound(options: ScanOptions): Promise<void> {
    const earlier = new Set(collapser.summaries().map((block) => block.id));
    const found = new Set((await pageFindings(options)).map((finding) => finding.element));
    if (scanOptions !== options) return;
    collapser.revealWhere((block) => earlier.has(block.id) && !byUserSelector(block.detectorId) && block.element.getRootNode() === doc && !found.has(block.element));
  }

  /**
   * What the detectors find in the page's own document under `options`, blocks hidden now included (one statistics
   * pass serves the article search and the scan), scanned a slice at a time with the page's turn in between.
   */
  async function pageFindings(options: ScanOptions): Promise<Finding[]> {
    const steps = documentSteps(doc, options);
    for (;;) {
      const done = runUntil(steps, now() + DEFAULT_LIMITS.budgetMs);
      if (done) return done.value.filter((finding) => !isNeverHidden(finding.element));
      await yieldToPage();
    }
  }

  function onMessage(message: unknown): Promise<unknown> | undefined {
    const request = message as Partial<ContentRequest> | null;
    if (request?.type === 'tidings:get-page') return Promise.resolve(pageState());
    if (request?.type === 'tidings:reveal' && typeof request.id === 'string') {
      return Promise.resolve({ ok: collapser.reveal(request.id, true) });
    }
    if (request?.type === 'tidings:hide' && typeof request.id === 'string') {
      return Promise.resolve({ ok: collapser.hideAgain(request.id) });
    }
    if (request?.type === 'tidings:sensitivity-preview') return sensitivityPreview();
    return undefined;
  }

  /**
   * DOMContentLoaded: the whole document is parsed — find the article again and rescan once (blocks that
   * were incomplete while parsing, and the final article guard). At load rescan only if paragraphs arrived
   * since: everything added meanwhile was scanned as it came, and a part holding a new article was adopted.
   */
  function onDocumentGrown(event: Event): void {
    if (contextOf(doc) === null) return;
    const paragraphs = doc.getElementsByTagName('p').length;
    if (event.type === 'load' && paragraphs === paragraphsAtRescan) {
      // Web components defined late have their shadow roots by now.
      sweep.queue(doc);
      batcher.wake();
      return;
    }
    paragraphsAtRescan = paragraphs;
    // Scanning the whole body finds the article again on the way.
    rescanAll();
  }

  const handoff: PickerHandoff = { contextTarget: null, isOurs: (element) => collapser.marks.has(element) };
  (globalThis as Record<string, unknown>)[HANDOFF_KEY] = handoff;
  const onContextMenu = (event: Event): void => {
    handoff.contextTarget = event.target as Element;
  };
  doc.addEventListener('contextmenu', onContextMenu, true);
  batcher.start();
  // English (every page's plea wording may be in it) and the reader's own languages are asked for at once:
  // their pages are then read whole from the first paint.
  requestLexicons(['en', ...(doc.defaultView?.navigator.languages ?? [])], false);
  requestStopwords().then(
    (byLanguage) => {
      provideStopwords(byLanguage);
      // A page that did not declare a language other than English is read again, its language told from its text.
      if (contexts !== null && contextOf(doc)?.languageSettled === false) rescanWithNewContexts();
    },
    (error: unknown) => couldNot('load the stop words', error),
  );
  const defaultSite = unlistedSiteSettings(defaultSettings());
  applySettings(defaultSite, true);
  doc.addEventListener('DOMContentLoaded', onDocumentGrown);
  doc.defaultView?.addEventListener('load', onDocumentGrown);
  browser.runtime.onMessage.addListener(onMessage);
  const unwatch = watchStoredSettings(() => requestSiteSettings(host), (settings) => applySettings(settings));
  const ready = requestSiteSettings(host).then(
    (settings) => applySettings(settings),
    (error: unknown) => {
      // Settings unreadable (storage failed, or no background answered): still protect the reader, with the defaults.
      couldNot('load settings; using defaults', error);
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
      contexts = null;
      stopped = true;
      batcher.stop();
      scans.clear();
      awaitingWords.clear();
      sweep.clear();
      collapser.revealWhere(() => true);
      unwatch();
      clearTimeout(statusTimer);
      statusTimer = undefined;
      doc.removeEventListener('DOMContentLoaded', onDocumentGrown);
      doc.removeEventListener('contextmenu', onContextMenu, true);
      doc.defaultView?.removeEventListener('load', onDocumentGrown);
      browser.runtime.onMessage.removeListener(onMessage);
    },
  };
}
