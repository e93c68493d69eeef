// Finding blocks in a DOM: candidate blocks → every enabled detector scores them → verdicts,
// filtered by the article guard and collapsed to the outermost block.
import type { DetectContext, Detector, Finding, OwnMarks, ScanOptions } from '../core/types';
import { detectors } from '../detectors/registry';
import { findArticle } from './article';
import { declaredLanguage, LanguageTally } from './language';
import { matcherFor } from './phrases';
import { computeStats, withStatsIndex, type BlockStats, type StatsIndex } from './stats';


export interface ScanContext {
  doc: Document;
  detect: DetectContext;
  /** Enabled detectors, in registry order. */
  detectors: readonly Detector[];
  /** The article the guard protects; null when the page has none that we can tell. */
  article: Element | null;
  /** The options the context was made from (the language may be settled later, from the text). */
  options: ScanOptions;
  /** False while the page's language is still to be read from its text; English lexicon only until then. */
  languageSettled: boolean;
  /**
   * Whether a paragraph of the article may be found as a block of its own: only in plain text (see
   * scan/text.ts), where no markup sets a plea box apart from the story. Pages never set it.
   */
  standalonePlea?: (finding: Finding, stats: BlockStats) => boolean;
}

/** How many ancestors above a scan root a block may climb to (its box around the matched text). */
const CLIMB_LEVELS = 4;
/**
 * How many nodes an ancestor may hold beyond the subtree already climbed from. A box around an appeal
 * or a link list is small; an ancestor far bigger than the block (a <main> holding a 100 000-item
 * list) cannot be mostly the block, and computing its statistics would make every incremental scan
 * cost the whole page.
 */
const CLIMB_EXTRA_NODES = 300;
/** Elements that are the page, never a block. */
const pageTags = new Set(['HTML', 'BODY', 'MAIN']);
/**
 * Tidings' marks on blocks it collapsed or the reader revealed. Its placeholders need no skipping: their bar sits
 * in a closed shadow root and their light DOM is empty (a page's own element of that name is read like any other).
 */
const markSelector = '[data-tidings-collapsed], [data-tidings-revealed]';

/** Whether `element` is inside (or is) a block Tidings marked; marks a page forged do not count. */
function insideOwnMark(element: Element, ownMarks: OwnMarks | undefined): boolean {
  if (ownMarks === undefined) return false;
  for (let marked = element.closest(markSelector); marked !== null; marked = marked.parentElement?.closest(markSelector) ?? null) {
    if (ownMarks.has(marked)) return true;
  }
  return false;
}

function enabledDetectors(options: ScanOptions): Detector[] {
  return detectors.filter((detector) => options.enabled[detector.id] ?? detector.enabledByDefault);
}

function detectContextFor(options: ScanOptions, pageLang: string): DetectContext {
  const langs = [...new Set([options.lang ?? pageLang, 'en'])];
  return { sensitivity: options.sensitivity, langs, userPhrases: options.userPhrases ?? {} };
}

/**
 * A context whose article is still to be found. A declared language other than English is taken as
 * it is; a declared 'en' (site templates often keep it on pages in other languages) or none is
 * checked against the text when the page's statistics are computed.
 */
function newContext(doc: Document, options: ScanOptions): ScanContext {
  const declared = options.lang ?? declaredLanguage(doc);
  const languageSettled = options.lang !== undefined || (declared !== '' && declared !== 'en');
  return {
    doc,
    options,
    detect: detectContextFor(options, languageSettled ? declared : 'en'),
    detectors: enabledDetectors(options),
    article: null,
    languageSettled,
  };
}

export function createScanContext(doc: Document, options: ScanOptions): ScanContext {
  const context = newContext(doc, options);
  refreshArticle(context);
  return context;
}

export function refreshArticle(context: ScanContext): void {
  articleIndex(context);
}

/**
 * Finds the article (and, while it is open, the page's language, from the same reading of the text);
 * returns the statistics of the whole page it computed on the way.
 */
function articleIndex(context: ScanContext): StatsIndex | null {
  const root = context.doc.body ?? context.doc.documentElement;
  if (!root) return null;
  const tally = context.languageSettled ? null : new LanguageTally();
  let index = computeStats(root, matcherFor(context.detect), tally, context.options.ownMarks);
  if (tally) {
    const lang = tally.language();
    // While the page is still being parsed its text may be too short to tell: weigh it again next time.
    context.languageSettled = lang !== 'en' || tally.full || context.doc.readyState !== 'loading';
    if (lang !== 'en') {
      // The page's own lexicon joins English: its phrases must be counted too.
      context.detect = detectContextFor(context.options, lang);
      index = computeStats(root, matcherFor(context.detect), null, context.options.ownMarks);
    }
  }
  context.article = findArticle(index);
  return index;
}

export function scanDocument(doc: Document, options: ScanOptions): Finding[] {
  const root = doc.body ?? doc.documentElement;
  if (!root) return [];
  const context = newContext(doc, options);
  // One statistics pass serves both the article search and the scan.
  const index = articleIndex(context);
  return index && context.detectors.length > 0 && !insideOwnMark(root, options.ownMarks) ? scanIndex(root, index, context) : [];
}

export function scanRoot(root: Element, context: ScanContext): Finding[] {
  if (context.detectors.length === 0 || insideOwnMark(root, context.options.ownMarks)) return [];
  if (root === context.doc.body) {
    // The whole page: one statistics pass finds the article again and serves the scan.
    const index = articleIndex(context);
    return index ? scanIndex(root, index, context) : [];
  }
  return scanIndex(root, computeStats(climbBase(root), matcherFor(context.detect), null, context.options.ownMarks), context);
}

/**
 * The highest ancestor (at most CLIMB_LEVELS up, never the page itself) small enough to be a block
 * around root: its size is counted with a walk that gives up past the budget, so the climb costs
 * the root's subtree plus a bounded neighbourhood however big the page is.
 */
function climbBase(root: Element): Element {
  let base = root;
  let size = subtreeSize(root, Infinity, null, 0);
  const limit = size + CLIMB_EXTRA_NODES;
  for (let level = 0; level < CLIMB_LEVELS && !pageTags.has(base.tagName); level++) {
    const parent = base.parentElement;
    if (!parent) break;
    const parentSize = subtreeSize(parent, limit, base, size);
    if (parentSize > limit) break;
    base = parent;
    size = parentSize;
  }
  return base;
}

/** Nodes in element's subtree, counting `known` (already measured) as `knownSize`; stops once past `limit`. */
function subtreeSize(element: Element, limit: number, known: Node | null, knownSize: number): number {
  let size = 0;
  let node: Node | null = element;
  while (node) {
    if (node === known) size += knownSize;
    else {
      size++;
      if (size > limit) return size;
      if (node.firstChild) {
        node = node.firstChild;
        continue;
      }
    }
    while (node !== element && !node.nextSibling) node = node.parentNode!;
    if (node === element) break;
    node = node.nextSibling;
  }
  return size;
}

function scanIndex(root: Element, index: StatsIndex, context: ScanContext): Finding[] {
  const rootStats = index.stats.get(root);
  if (!rootStats) return [];
  const findings = withStatsIndex(index, () => {
    const verdicts: Finding[] = [];
    for (const element of candidates(index, root, rootStats)) {
      const finding = bestFinding(element, index.stats.get(element)!, context);
      if (finding && guardAllows(finding, index, context)) verdicts.push(finding);
    }
    return verdicts;
  });
  return outermost(findings, index).map((finding) => ({ ...finding, element: smallestWrapper(finding.element, index) }));
}

/** The root's subtree and the ancestors it may climb to, in document order. */
function candidates(index: StatsIndex, root: Element, rootStats: BlockStats): Element[] {
  const ancestors: Element[] = [];
  for (let element = root.parentElement; element && index.stats.has(element); element = element.parentElement) {
    ancestors.unshift(element);
  }
  const inside = index.elements.slice(rootStats.order, rootStats.subtreeEnd + 1);
  return [...ancestors, ...inside].filter((element) => {
    const stats = index.stats.get(element)!;
    return stats.block && (stats.textLength > 0 || stats.emailInputs > 0) && !pageTags.has(element.tagName);
  });
}

function bestFinding(element: Element, stats: BlockStats, context: ScanContext): Finding | null {
  let best: Finding | null = null;
  for (const detector of context.detectors) {
    if (!detector.mayMatch(stats)) continue;
    const verdict = detector.detect(element, context.detect);
    if (verdict && (!best || verdict.score > best.score)) {
      best = { detectorId: detector.id, kind: detector.kind, element, score: verdict.score, reasons: verdict.reasons };
    }
  }
  return best;
}

function contains(index: StatsIndex, outer: Element, inner: Element): boolean {
  const outerStats = index.stats.get(outer);
  const innerStats = index.stats.get(inner);
  if (outerStats && innerStats) return innerStats.order >= outerStats.order && innerStats.order <= outerStats.subtreeEnd;
  return outer.contains(inner);
}

/** Paragraph-like elements: inside the article, a plea is a box of its own, never one of its paragraphs. */
const paragraphTags = new Set(['P', 'LI', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'DD', 'PRE']);

/**
 * The article guard's second half: never the article or anything holding it; inside the article only
 * a box (not one of its paragraphs) with phrase evidence (not structure alone) and no more plain
 * paragraphs than plea paragraphs; before the article (the site's header and menus) only blocks
 * with phrase evidence; elsewhere at most a couple of plain paragraphs per plea paragraph.
 */
function guardAllows(finding: Finding, index: StatsIndex, context: ScanContext): boolean {
  const stats = index.stats.get(finding.element)!;
  const plain = stats.paragraphs - stats.pleaParagraphs;
  const article = context.article;
  if (article && contains(index, finding.element, article)) return false;
  if (article && contains(index, article, finding.element)) {
    if (stats.hits === null || plain > stats.pleaParagraphs) return false;
    return !paragraphTags.has(finding.element.tagName) || context.standalonePlea?.(finding, stats) === true;
  }
  if (article && stats.hits === null && precedes(index, finding.element, article)) return false;
  return plain <= Math.max(2, 2 * stats.pleaParagraphs);
}

function precedes(index: StatsIndex, element: Element, other: Element): boolean {
  const elementStats = index.stats.get(element);
  const otherStats = index.stats.get(other);
  if (elementStats && otherStats) return elementStats.order < otherStats.order;
  return (element.compareDocumentPosition(other) & 4 /* FOLLOWING */) !== 0;
}

function outermost(findings: Finding[], index: StatsIndex): Finding[] {
  const kept: Finding[] = [];
  let end = -1;
  for (const finding of findings) {
    const stats = index.stats.get(finding.element)!;
    if (stats.order <= end) continue;
    kept.push(finding);
    end = stats.subtreeEnd;
  }
  return kept;
}

/** Descends through wrappers that hold nothing but one block: the smallest element wrapping the whole block. */
function smallestWrapper(element: Element, index: StatsIndex): Element {
  let current = element;
  for (;;) {
    const stats = index.stats.get(current)!;
    let only: Element | null = null;
    let count = 0;
    for (const child of current.children) {
      const childStats = index.stats.get(child);
      if (!childStats || (childStats.textLength === 0 && childStats.emailInputs === 0 && childStats.buttons === 0)) continue;
      count++;
      only = child;
    }
    const onlyStats = only ? index.stats.get(only) : undefined;
    if (count !== 1 || !only || !onlyStats?.block) return current;
    if (onlyStats.textLength !== stats.textLength || onlyStats.links !== stats.links
      || onlyStats.emailInputs !== stats.emailInputs || onlyStats.buttons !== stats.buttons) return current;
    current = only;
  }
}

