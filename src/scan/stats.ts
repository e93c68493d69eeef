// Per-element text, link, form and phrase statistics, computed for a whole subtree in one
// iterative pass (pre-order walk, then a reverse sweep that adds each element into its parent), so
// detectors read O(1) figures instead of calling textContent on every ancestor.
import type { DetectContext } from '../core/types';
import { matcherFor, phraseLists, pleaLists, type PhraseList, type PhraseMatcher } from './phrases';

/** Class/id words that hint at a kind of block; supporting evidence only, never enough alone. */
export type Hint = 'donate' | 'membership' | 'paywall' | 'newsletter' | 'appPromo' | 'linkfarm';

const hintPatterns: Record<Hint, RegExp> = {
  donate: /donat|contribut|support-?us|supporter|fundrais|(?:^|[^a-z])epic(?:[^a-z]|$)|patreon|ko-?fi|(?:^|[^a-z])give(?:[^a-z]|$)/i,
  membership: /member(?:ship)?|subscri(?:be|ption)[-_]?(?:cta|prompt|promo|box|banner)|join[-_]?us/i,
  paywall: /paywall|regwall|meter(?:ed)?[-_]|[-_]meter|piano|subscriber[-_]?only|premium[-_]?(?:wall|gate|banner)|(?:^|[^a-z])gate(?:[^a-z]|$)/i,
  newsletter: /newsletter|sign-?up|subscribe|opt-?in|email[-_]?(?:capture|signup|form)|mailchimp|mc-embedded|mc_embed/i,
  appPromo: /app[-_]?(?:promo|download|banner|store|badge)|smart-?banner|google-?play|app-?links?/i,
  linkfarm: /trending|most[-_]?(?:read|popular|viewed|shared)|popular|related|recommend|taboola|outbrain|around[-_]?the[-_]?web|tag-?cloud|(?:^|[^a-z])tags(?:[^a-z]|$)|footer[-_]?links|sitemap|more[-_]?from/i,
};
const hints = Object.keys(hintPatterns) as Hint[];

const donateHref = /donat|contribut|\/support(?:[-/?#]|$)|\/give(?:[-/?#]|$)|patreon\.com|paypal\.(?:com|me)|ko-fi\.com|buymeacoffee\.com|liberapay\.com|opencollective\.com|gofundme\.com/i;
const memberHref = /\/members?(?:hip)?(?:[-/?#]|$)|\/join(?:[-/?#]|$)|\/subscri(?:be|ptions?)(?:[-/?#.]|$)|subscribe\.|subscription\./i;
const appHref = /play\.google\.com|apps\.apple\.com|itunes\.apple\.com|app\.link|onelink\.me|\.page\.link/i;

/** Elements whose text flows inside the surrounding block; every other element is a block. */
const inlineTags = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'BR', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'IMG', 'KBD', 'LABEL',
  'MARK', 'PICTURE', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR',
  'BUTTON', 'INPUT', 'SOURCE', 'STRIKE', 'TT', 'BIG',
]);

/** Never visible as text, or never the reader's business. */
const skippedTags = new Set([
  'SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'META', 'LINK', 'TITLE', 'IFRAME', 'OBJECT', 'EMBED',
  'CANVAS', 'SVG', 'svg', 'math', 'SELECT', 'TEXTAREA', 'OPTION', 'DATALIST', 'TIDINGS-PLACEHOLDER',
]);

const paragraphTags = new Set(['P', 'LI', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'DD', 'PRE']);
const headingTags = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const ctaTags = new Set(['A', 'BUTTON']);
/** A paragraph holding a plea phrase is part of an appeal, not plain prose. */
const pleaListSet: ReadonlySet<PhraseList> = new Set(pleaLists);
/** Lists that count only in call-to-action text (link or button); the others only in block text. */
const actionLists: ReadonlySet<PhraseList> = new Set(['donateActions', 'subscribeActions']);
const blockLists: ReadonlySet<PhraseList> = new Set(phraseLists.filter((list) => !actionLists.has(list)));

/** Marks the list that scan/text.ts builds from a run of short lines. */
export const LINE_WALL_ATTRIBUTE = 'data-tidings-lines';
/** Shortest text a paragraph needs to count as prose. */
const PARAGRAPH_MIN_CHARS = 40;
/** Longest link text that still reads as a short link ("Music", "Most read"). */
const SHORT_LINK_CHARS = 40;
/** Longest text that can be a heading introducing a link wall, or a call to action. */
const HEADING_MAX_CHARS = 40;
const SAMPLE_LIMIT = 12;
/** How many of a block's first texts may hold the heading of a link wall (a vendor's logo and
 *  "Sponsored" links may come first). */
const LEADING_TEXTS = 4;

export interface BlockStats {
  /** Visible characters, white space collapsed. */
  textLength: number;
  linkTextLength: number;
  /** `<a href>` elements. */
  links: number;
  /** Links with 1..SHORT_LINK_CHARS characters of text. */
  shortLinks: number;
  /** Links whose text is a date ("December 2021", "2021/12"): an archive's entries. */
  dateLinks: number;
  donateLinks: number;
  memberLinks: number;
  appLinks: number;
  emailInputs: number;
  textInputs: number;
  searchInputs: number;
  buttons: number;
  forms: number;
  listItems: number;
  images: number;
  /** Paragraph-like blocks (p, li, blockquote, h1–h6, or leaf blocks) with ≥ PARAGRAPH_MIN_CHARS non-link characters. */
  paragraphs: number;
  /** Those of `paragraphs` holding a plea phrase. */
  pleaParagraphs: number;
  /** Phrase hits per list (index as in `phraseLists`); null when none. */
  hits: number[] | null;
  /** First distinct hits, "list:phrase", for reasons. */
  samples: string[] | null;
  /** Bit set of `Hint`s on this element or inside it. */
  hintBits: number;
  /** h1–h6 elements: a wall with headings is a site index or a sidebar of sections. */
  headings: number;
  /** `<textarea>`s: a comment or contact form, not a sign-up box. */
  textareas: number;
  /** One of the block's first texts is a link-wall heading ("Trending", "Most read"). */
  leadingHeading: boolean;
  /** For each of the first LEADING_TEXTS texts of the block: is it a link-wall heading? */
  leading: boolean[];
  /** Inside navigation or a header (nav, header, role=navigation, menu): a site's own menus, not a link farm by structure alone. */
  inNavigation: boolean;
  /** A run of short lines of plain text (see scan/text.ts), the text form of a link wall. */
  lineWall: boolean;
  /** Navigation and header elements in the subtree (the block itself included). */
  menus: number;
  /** Inside the site's own header or top navigation (before any main content): not a link farm by structure alone. */
  inPageHeader: boolean;
  /** Index in document order and the last index inside this subtree (for O(1) containment). */
  order: number;
  subtreeEnd: number;
}

export function hasHint(stats: BlockStats, hint: Hint): boolean {
  return (stats.hintBits & (1 << hints.indexOf(hint))) !== 0;
}

export function hitCount(stats: BlockStats, list: PhraseList): number {
  return stats.hits?.[phraseLists.indexOf(list)] ?? 0;
}

/** Distinct matched phrases of the given lists, for reasons. */
export function matchedPhrases(stats: BlockStats, lists: readonly PhraseList[]): string[] {
  const found: string[] = [];
  for (const sample of stats.samples ?? []) {
    const colon = sample.indexOf(':');
    if (lists.includes(sample.slice(0, colon) as PhraseList)) found.push(sample.slice(colon + 1));
  }
  return found;
}

export function isBlockElement(element: Element): boolean {
  return !inlineTags.has(element.tagName.toUpperCase());
}

const displayNone = /display\s*:\s*none/i;

/** Hidden or invisible subtrees contribute nothing and are never candidates. */
function isSkipped(element: Element): boolean {
  const tag = element.tagName;
  if (skippedTags.has(tag)) return true;
  if (element.hasAttribute('hidden')) return true;
  if (element.hasAttribute('data-tidings-collapsed') || element.hasAttribute('data-tidings-revealed')) return true;
  const style = element.getAttribute('style');
  if (style !== null && displayNone.test(style)) return true;
  const type = tag === 'INPUT' ? element.getAttribute('type') : null;
  return type !== null && type.toLowerCase() === 'hidden';
}

function emptyStats(order: number): BlockStats {
  return {
    textLength: 0, linkTextLength: 0, links: 0, shortLinks: 0, dateLinks: 0, donateLinks: 0, memberLinks: 0, appLinks: 0,
    emailInputs: 0, textInputs: 0, searchInputs: 0, buttons: 0, forms: 0, listItems: 0, images: 0, paragraphs: 0,
    pleaParagraphs: 0, hits: null, samples: null, hintBits: 0, headings: 0, textareas: 0, leadingHeading: false, leading: [], inNavigation: false, lineWall: false, menus: 0, inPageHeader: false, order, subtreeEnd: order,
  };
}

function addInto(target: BlockStats, source: BlockStats): void {
  target.textLength += source.textLength;
  target.linkTextLength += source.linkTextLength;
  target.links += source.links;
  target.shortLinks += source.shortLinks;
  target.dateLinks += source.dateLinks;
  target.donateLinks += source.donateLinks;
  target.memberLinks += source.memberLinks;
  target.appLinks += source.appLinks;
  target.emailInputs += source.emailInputs;
  target.textInputs += source.textInputs;
  target.searchInputs += source.searchInputs;
  target.buttons += source.buttons;
  target.forms += source.forms;
  target.listItems += source.listItems;
  target.images += source.images;
  target.paragraphs += source.paragraphs;
  target.pleaParagraphs += source.pleaParagraphs;
  target.textareas += source.textareas;
  target.headings += source.headings;
  target.menus += source.menus;
  target.hintBits |= source.hintBits;
  if (source.subtreeEnd > target.subtreeEnd) target.subtreeEnd = source.subtreeEnd;
  if (source.hits) {
    target.hits ??= new Array<number>(phraseLists.length).fill(0);
    for (let i = 0; i < source.hits.length; i++) target.hits[i]! += source.hits[i]!;
  }
  // Children arrive last to first: putting theirs in front keeps the samples in document order.
  if (source.samples) {
    if (!target.samples) target.samples = source.samples.slice();
    else {
      const merged = source.samples.slice();
      for (const sample of target.samples) if (merged.length < SAMPLE_LIMIT && !merged.includes(sample)) merged.push(sample);
      target.samples = merged;
    }
  }
}

function addSample(stats: BlockStats, sample: string): void {
  stats.samples ??= [];
  if (stats.samples.length < SAMPLE_LIMIT && !stats.samples.includes(sample)) stats.samples.push(sample);
}

function addHit(stats: BlockStats, list: PhraseList, phrase: string): void {
  stats.hits ??= new Array<number>(phraseLists.length).fill(0);
  stats.hits[phraseLists.indexOf(list)]! += 1;
  addSample(stats, `${list}:${phrase}`);
}

/** Collapsed length of a text node's data (runs of white space count as one character). */
function visibleLength(text: string): number {
  let length = 0;
  let inSpace = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code === 32 || code === 10 || code === 9 || code === 13 || code === 12 || code === 160;
    if (!space) length++;
    else if (!inSpace) length++;
    inSpace = space;
  }
  return length;
}

/** Text collected for phrase matching: one per block (its inline text) and one per link/button. */
interface TextRun {
  element: Element;
  parts: string[];
  nonLinkLength: number;
  cta: boolean;
}

/** The element's id and class names, the words hint, header and menu patterns read. */
function namesOf(element: Element): string {
  return `${element.getAttribute('id') ?? ''} ${element.getAttribute('class') ?? ''}`;
}

function ownHints(names: string): number {
  if (names.length < 3) return 0;
  let bits = 0;
  hints.forEach((hint, i) => {
    if (hintPatterns[hint].test(names)) bits |= 1 << i;
  });
  return bits;
}

const headerNames = /(?:^|[-_\s])(?:header|masthead|navbar|nav|navigation|menu|topbar|top-bar)(?:[-_\s]|$)/i;

/** The site's header, banner or navigation. */
function isPageHeader(element: Element, names: string): boolean {
  const tag = element.tagName;
  if (tag === 'HEADER' || tag === 'NAV') return true;
  const role = element.getAttribute('role');
  if (role === 'banner' || role === 'navigation') return true;
  return headerNames.test(names);
}

const menuNames = /(?:^|[-_\s])(?:[Nn]av|[Nn]avigation|[Mm]enu|[Nn]avbar|[Bb]readcrumbs?)(?:[-_\s]|$)|[a-z0-9](?:Nav|Menu)(?:[A-Z0-9_\s-]|$)/;

function isNavigation(element: Element, names: string): boolean {
  return element.tagName === 'NAV' || element.tagName === 'HEADER' || element.getAttribute('role') === 'banner' || element.getAttribute('role') === 'navigation' || element.getAttribute('role') === 'menu'
    || menuNames.test(names);
}

/** Where the page's own content begins: navigation after this point is not the site's top menu. */
function startsContent(element: Element): boolean {
  const tag = element.tagName;
  return tag === 'MAIN' || tag === 'ARTICLE' || tag === 'H1' || element.getAttribute('role') === 'main'
    || (element.getAttribute('itemprop') ?? '').includes('articleBody');
}

function inputKind(element: Element): 'email' | 'search' | 'text' | 'button' | null {
  const type = (element.getAttribute('type') ?? 'text').toLowerCase();
  if (type === 'submit' || type === 'button' || type === 'image') return 'button';
  if (type === 'email') return 'email';
  if (type === 'search') return 'search';
  if (type !== 'text' && type !== 'tel') return null;
  const names = `${element.getAttribute('name') ?? ''} ${element.getAttribute('placeholder') ?? ''} ${element.getAttribute('id') ?? ''} ${element.getAttribute('aria-label') ?? ''}`;
  if (/e-?mail|correo|courriel|почт|пошт/i.test(names)) return 'email';
  return /search|(?:^|\s)q(?:\s|$)|query|suche|recherche|buscar|поиск/i.test(names) ? 'search' : 'text';
}

const year = /(?<!\d)(?:1[89]|20)\d\d(?!\d)/u;
/** What a date label holds beside its year: day and month numbers, separators, an archive's post count. */
const dateFiller = /[\d\s.,/()[\]-]+/gu;
/** Longest month name (or "Week") beside the year in a date label, in any language. */
const MONTH_NAME_CHARS = 12;

/** "December 2021", "Dec. 2021 (4)", "2021/12", "12.2021": a year and at most one short word. */
function isDateLabel(text: string): boolean {
  if (!year.test(text)) return false;
  const words = text.replace(year, ' ').replace(dateFiller, ' ').trim();
  return words.length <= MONTH_NAME_CHARS && !words.includes(' ');
}

/** Matches a run's text, counting its hits into `stats`; whether it is a link-wall heading (null: no text). */
function matchRun(run: TextRun, stats: BlockStats, matcher: PhraseMatcher): boolean | null {
  const text = run.parts.join('');
  const length = visibleLength(text.trim());
  if (length === 0) return null;
  let heading = false;
  const short = length <= HEADING_MAX_CHARS;
  let plea = false;
  for (const hit of matcher.match(text, run.cta ? actionLists : blockLists)) {
    if (hit.list === 'linkWallHeadings') {
      // In a menu, a link named "Trending" leads to a page, it heads nothing.
      if (!short || heading || (run.nonLinkLength === 0 && stats.inNavigation)) continue;
      heading = true;
    }
    if (run.cta && !short) continue;
    addHit(stats, hit.list, hit.phrase);
    if (pleaListSet.has(hit.list)) plea = true;
  }
  if (run.cta) {
    if (short && run.element.tagName === 'A' && isDateLabel(text)) stats.dateLinks += 1;
    return heading;
  }
  const paragraphLike = paragraphTags.has(run.element.tagName) || run.nonLinkLength >= PARAGRAPH_MIN_CHARS * 2;
  if (paragraphLike && run.nonLinkLength >= PARAGRAPH_MIN_CHARS) {
    stats.paragraphs += 1;
    if (plea) stats.pleaParagraphs += 1;
  }
  return heading;
}

export interface StatsIndex {
  stats: Map<Element, BlockStats>;
  /** Elements of the subtree in document order (skipped subtrees left out). */
  elements: Element[];
}

/** One pass over `root`'s subtree. Iterative: safe for nesting thousands deep. */
export function computeStats(root: Element, matcher: PhraseMatcher): StatsIndex {
  const stats = new Map<Element, BlockStats>();
  const elements: Element[] = [];
  if (isSkipped(root)) return { stats, elements };
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode: (node) => {
      if (node.nodeType !== 1 || !isSkipped(node as Element)) return 1; // ACCEPT
      if ((node as Element).tagName === 'TEXTAREA') textareaParents.push((node as Element).parentElement);
      return 2; // REJECT
    },
  });
  const textareaParents: (Element | null)[] = [];
  // The text run a node's text belongs to, per element: its nearest block, and its nearest link/button.
  const blockRun = new Map<Element, TextRun>();
  const ctaRun = new Map<Element, TextRun | null>();
  const runs: TextRun[] = [];
  let seenContent = false;
  // A subtree inherits being inside navigation or the page header from its ancestors.
  let ancestorMenu = false;
  for (let ancestor = root.parentElement; ancestor && !ancestorMenu; ancestor = ancestor.parentElement) {
    ancestorMenu = isNavigation(ancestor, namesOf(ancestor));
  }
  for (let node: Node | null = root; node; node = walker.nextNode()) {
    if (node.nodeType === 3) {
      const parent = node.parentElement;
      const own = parent ? stats.get(parent) : undefined;
      if (!parent || !own) continue;
      const data = (node as Text).data;
      const length = visibleLength(data);
      if (length === 0) continue;
      own.textLength += length;
      const cta = ctaRun.get(parent) ?? null;
      const inLink = cta !== null && cta.element.tagName === 'A';
      if (inLink) own.linkTextLength += length;
      const run = blockRun.get(parent);
      if (run) {
        run.parts.push(data);
        if (!inLink) run.nonLinkLength += length;
      }
      cta?.parts.push(data);
      continue;
    }
    const element = node as Element;
    const own = emptyStats(elements.length);
    elements.push(element);
    stats.set(element, own);
    // Read once: hints, menus and the page header all test the same id and class words.
    const names = namesOf(element);
    own.hintBits = ownHints(names);
    own.lineWall = element.hasAttribute(LINE_WALL_ATTRIBUTE);
    const parent = element === root ? null : element.parentElement;
    if (!seenContent && startsContent(element)) seenContent = true;
    if (isNavigation(element, names)) own.menus = 1;
    const parentStats = parent ? stats.get(parent) : undefined;
    own.inNavigation = (parentStats ? parentStats.inNavigation : ancestorMenu) || own.menus > 0;
    own.inPageHeader = (parentStats ? parentStats.inPageHeader : ancestorMenu) || (!seenContent && isPageHeader(element, names));
    const parentRun = parent ? blockRun.get(parent) : undefined;
    if (isBlockElement(element)) {
      parentRun?.parts.push('\n');
      const run: TextRun = { element, parts: [], nonLinkLength: 0, cta: false };
      runs.push(run);
      blockRun.set(element, run);
    } else if (parentRun) {
      blockRun.set(element, parentRun);
      // Adjacent inline elements ("<span>Most read</span><span>World</span>") read as separate words.
      parentRun.parts.push(element.tagName === 'BR' ? '\n' : ' ');
    }
    const tag = element.tagName;
    const isLink = tag === 'A' && element.hasAttribute('href');
    if (isLink || (ctaTags.has(tag) && tag !== 'A')) {
      const run: TextRun = { element, parts: [], nonLinkLength: 0, cta: true };
      runs.push(run);
      ctaRun.set(element, run);
    } else {
      ctaRun.set(element, parent ? ctaRun.get(parent) ?? null : null);
    }
    if (isLink) {
      own.links = 1;
      const href = element.getAttribute('href') ?? '';
      if (donateHref.test(href)) own.donateLinks = 1;
      else if (memberHref.test(href)) own.memberLinks = 1;
      if (appHref.test(href)) own.appLinks = 1;
    } else if (tag === 'INPUT') {
      const kind = inputKind(element);
      if (kind === 'email') own.emailInputs = 1;
      else if (kind === 'text') own.textInputs = 1;
      else if (kind === 'search') own.searchInputs = 1;
      else if (kind === 'button') {
        own.buttons = 1;
        const value = element.getAttribute('value');
        if (value) runs.push({ element, parts: [value], nonLinkLength: 0, cta: true });
      }
    } else if (tag === 'BUTTON') own.buttons = 1;
    else if (tag === 'FORM') own.forms = 1;
    else if (tag === 'LI') own.listItems = 1;
    else if (headingTags.has(tag)) own.headings = 1;
    else if (tag === 'IMG' || tag === 'PICTURE') own.images = 1;
  }
  for (const parent of textareaParents) {
    const parentStats = parent ? stats.get(parent) : undefined;
    if (parentStats) parentStats.textareas += 1;
  }
  // Whether a block's own text (if it has any) is a link-wall heading.
  const ownText = new Map<BlockStats, boolean>();
  for (const run of runs) {
    const runStats = stats.get(run.element)!;
    const heading = matchRun(run, runStats, matcher);
    if (heading !== null && !run.cta) ownText.set(runStats, heading);
  }
  // Children come after their parent in document order: a reverse sweep adds each into its parent.
  for (let i = elements.length - 1; i >= 0; i--) {
    const element = elements[i]!;
    const own = stats.get(element)!;
    if (element.tagName === 'A' && own.links > 0 && own.textLength > 0 && own.textLength <= SHORT_LINK_CHARS) {
      own.shortLinks += 1;
    }
    const parent = element.parentElement;
    const parentStats = parent ? stats.get(parent) : undefined;
    // Children arrived last to first (prepended below); the block's own text comes before them.
    const ownLeading = ownText.get(own);
    if (ownLeading !== undefined) own.leading.unshift(ownLeading);
    if (own.leading.length > LEADING_TEXTS) own.leading.length = LEADING_TEXTS;
    own.leadingHeading = own.leading.includes(true);
    if (!parentStats) continue;
    addInto(parentStats, own);
    if (own.leading.length > 0) parentStats.leading = own.leading.concat(parentStats.leading).slice(0, LEADING_TEXTS);
  }
  return { stats, elements };
}

/** The statistics of the scan in progress, shared by all detectors (see `withStatsIndex`). */
let activeIndex: StatsIndex | null = null;

/** Runs `task` with `index` as the statistics detectors read, so a scan computes them once. */
export function withStatsIndex<T>(index: StatsIndex, task: () => T): T {
  const previous = activeIndex;
  activeIndex = index;
  try {
    return task();
  } finally {
    activeIndex = previous;
  }
}

/** Statistics of `block`: from the scan in progress, or computed for its subtree when called alone. */
export function blockStats(block: Element, context: DetectContext): BlockStats {
  const cached = activeIndex?.stats.get(block);
  if (cached) return cached;
  return computeStats(block, matcherFor(context)).stats.get(block) ?? emptyStats(0);
}
