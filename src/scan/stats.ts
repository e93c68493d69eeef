// Per-element text, link, form and phrase statistics, computed for a whole subtree in one iterative
// pass: each element's figures are added into its parent as it closes, each text node is read once
// (its visible length and its phrase tokens together), and id/class words are read only on elements
// that have attributes. Detectors then read O(1) figures instead of calling textContent on ancestors.
import type { DetectContext, OwnMarks, Sensitivity } from '../core/types';
import type { Score } from './model';
import { drain, type Steps } from './steps';
import { ALL_LISTS, listSet, matcherFor, phraseLists, PhraseStream, pleaLists, readInto, type PhraseList, type PhraseMatcher, type TokenSink } from './phrases';
import { COLLAPSED_MARK, REVEALED_MARK } from '../core/marks';
import type { Hint, Patterns } from '../lexicons/patterns';
import { declaredLanguage } from './language';

export type { Hint } from '../lexicons/patterns';

/** A place in the page ("#section-2", or "#" alone, which a script turns into a jump or a tab; not a script's "#!/route"). */
const inPageHref = /^#(?!!)/;

// The patterns of class names and link addresses come with the words (the background serves both): until then no block
// is judged (scan.ts wordsAtHand), and a pass made before them is made again once they come, as for the phrases.
const never = /(?!)/;
/**
 * Class/id words that hint at a kind of block (supporting evidence only, never enough alone), in the order of their
 * bits (hintBits): the order of the patterns' hints (lexicons/patterns.ts).
 */
let hints: Hint[] = [];
let hintPatterns: RegExp[] = [];
/** Any hint at all: one test, and the hints one by one only for the few elements that pass it. */
let anyHint = never;
let donateHref = never;
let memberHref = never;
let appHref = never;
let socialHref = never;
let legalHref = never;
let tagHref = never;
/** Any kind of plea link, likewise. */
let anyPleaHref = never;
/** A segment of the address of a site's own donation or membership page (scan/appeal-page.ts). */
export let appealPageSegment = never;
let emailFieldNames = never;
let searchFieldNames = never;
let menuNames = never;
let headerNames = never;
let footerNames = never;
let asideNames = never;
let commentNames = never;
/** Any of footer, aside and comment names: one test, and the three only for the few names that pass it. */
let placeNames = never;

/** Compiles the patterns of class names and link addresses every scan from now on reads. */
export function providePatterns(given: Patterns): void {
  const compile = (...sources: string[]): RegExp => new RegExp(sources.join('|'), 'i');
  hints = Object.keys(given.hints) as Hint[];
  hintPatterns = hints.map((hint) => compile(given.hints[hint]));
  anyHint = compile(...hints.map((hint) => given.hints[hint]));
  donateHref = compile(given.donateHref);
  memberHref = compile(given.memberHref);
  appHref = compile(given.appHref);
  socialHref = compile(given.socialHref);
  legalHref = compile(given.legalHref);
  tagHref = compile(given.tagHref);
  anyPleaHref = compile(given.donateHref, given.memberHref, given.appHref);
  appealPageSegment = compile(given.appealPageSegment);
  emailFieldNames = compile(given.emailFieldNames);
  searchFieldNames = compile(given.searchFieldNames);
  menuNames = new RegExp(given.menuNames);
  headerNames = compile(given.headerNames);
  footerNames = compile(given.footerNames);
  asideNames = compile(given.asideNames);
  commentNames = compile(given.commentNames);
  placeNames = compile(given.footerNames, given.asideNames, given.commentNames);
}

// Tag names are listed as spaced strings: the content script carries them on every page.
/** Elements whose text flows inside the surrounding block; every other element is a block. */
const inlineTags = 'A ABBR B BDI BDO BR CITE CODE DATA DFN EM FONT I IMG KBD LABEL MARK PICTURE Q S SAMP SMALL SPAN STRONG SUB SUP TIME U VAR WBR BUTTON INPUT SOURCE STRIKE TT BIG';
/** Never visible as text, or never the reader's business. */
const skippedTags = 'SCRIPT STYLE TEMPLATE NOSCRIPT HEAD META LINK TITLE IFRAME OBJECT EMBED CANVAS SVG svg math SELECT TEXTAREA OPTION DATALIST';
const headingTags = 'H1 H2 H3 H4 H5 H6';
/** Paragraph-like elements: blocks of text of their own. */
export const paragraphTags = new Set(`P LI BLOCKQUOTE DD PRE ${headingTags}`.split(' '));
// Everything the pass asks of a tag, as bits: one lookup per element.
const INLINE = 1;
const SKIPPED = 2;
const PARAGRAPH = 4;
const HEADING = 8;
const ANCHOR = 16;
const BUTTON = 32;
const INPUT = 64;
const FORM = 128;
const LIST_ITEM = 256;
const IMAGE = 512;
const TEXTAREA = 1024;
/** main, article, h1: where the page's own content begins. */
const CONTENT_START = 2048;
/** nav, header: navigation and the page header by their tag. */
const NAVIGATION = 4096;
const ARTICLE = 8192;
/** p, pre, blockquote: the paragraphs the article search weighs. */
const PROSE = 16384;
const FOOTER = 32768;
const ASIDE = 65536;
/** html, body, main, article: their class names describe the whole page ("single comments-open"), not a part. */
const PAGE_FRAME = 131072;

const tagBits = new Map<string, number>();
/** `tags`: tag names separated by spaces. */
function setBits(tags: string, bit: number): void {
  for (const tag of tags.split(' ')) tagBits.set(tag, (tagBits.get(tag) ?? 0) | bit);
}
setBits(inlineTags, INLINE);
setBits(skippedTags, SKIPPED);
setBits([...paragraphTags].join(' '), PARAGRAPH);
setBits(headingTags, HEADING);
setBits('A', ANCHOR);
setBits('BUTTON', BUTTON);
setBits('INPUT', INPUT);
setBits('FORM', FORM);
setBits('LI', LIST_ITEM);
setBits('IMG PICTURE', IMAGE);
setBits('TEXTAREA', TEXTAREA);
setBits('MAIN ARTICLE H1', CONTENT_START);
setBits('NAV HEADER', NAVIGATION);
setBits('ARTICLE', ARTICLE);
setBits('P PRE BLOCKQUOTE', PROSE);
setBits('FOOTER', FOOTER);
setBits('ASIDE', ASIDE);
setBits('HTML BODY MAIN ARTICLE', PAGE_FRAME);

/** A paragraph holding a plea phrase is part of an appeal, not plain prose. */
const pleaListBits = listSet(pleaLists);
const LEGAL_BIT = listSet(['legal']);
const DONATE_BIT = listSet(['donateActions']);
const SUBSCRIBE_BIT = listSet(['subscribeActions']);
/** Calls to action that ask for something (as opposed to dismissals and legal links). */
const askingLists = DONATE_BIT | SUBSCRIBE_BIT;
/**
 * Lists that count only in short texts: calls to action (a link or a button) and short labels ("Spenden",
 * "Newsletter abonnieren"); in a sentence their words ("support", "privacy") are ordinary prose.
 */
const actionLists = askingLists | LEGAL_BIT | listSet(['dismissals']);
const LINK_WALL_HEADING_BIT = listSet(['linkWallHeadings']);
const AMOUNT_BIT = listSet(['amount']);

/** Nodes the statistics pass reads in one slice (well under a millisecond in a browser). */
const SLICE_NODES = 1024;
/** How far up a subtree's ancestors are looked at for a menu around it; real menus hold their lists a few levels down. */
const MENU_ANCESTORS = 64;
/** Marks the list that scan/text.ts builds from a run of short lines. */
export const LINE_WALL_ATTRIBUTE = 'data-tidings-lines';

/**
 * Whether this build scans plain text (scan/text.ts): the command line and the tests do. The extension's scripts never
 * do (build.mjs defines TIDINGS_PLAIN_TEXT false for them), so what serves only plain text is left out of them: the
 * line-wall rule (scan/link-list.ts) with it, so a page that sets the line-wall mark gets nothing from it.
 */
export const plainTextMode = typeof TIDINGS_PLAIN_TEXT === 'undefined' || TIDINGS_PLAIN_TEXT;
/** Shortest text a paragraph needs to count as prose. */
const PARAGRAPH_MIN_CHARS = 40;
/** Plain text a block needs to be taken for a story told in lines: any page's notice or caption is shorter. */
const LINES_STORY_CHARS = 800;
/** Longest link text that still reads as a short link ("Music", "Most read"). */
const SHORT_LINK_CHARS = 40;
/** Longest text that can be a heading introducing a link wall, or a call to action. */
const HEADING_MAX_CHARS = 40;
/** A link this long is a headline (a teaser of another article), not a menu entry. */
const HEADLINE_LINK_CHARS = 25;
/** Longest card a wordless link covers: a headline, a line of its story and a date. */
const COVERED_CARD_CHARS = 200;
const SAMPLE_LIMIT = 12;
/** How many of a block's first texts may hold the heading of a link wall (a vendor's logo and
 *  "Sponsored" links may come first). */
const LEADING_TEXTS = 4;
/** What each of a block's first texts is, as bits of `BlockStats.leading`. */
export const LEAD_HEADING = 1;
/** It holds a plea phrase: the block opens with its plea ("Dear readers", "Support us"). */
export const LEAD_PLEA = 2;
/** It is short and not a link: a title over what follows ("Related", "Newsletter"). */
export const LEAD_TITLE = 4;

// `BlockStats.leading` packs the first texts into one number (no array per element: a big page has hundreds of
// thousands): how many in the low three bits, then three bits per text, the first text lowest.
/** How many leading texts `leading` holds. */
export function leadCount(leading: number): number {
  return leading & 7;
}

/** The LEAD_* bits of leading text `at` (0 when there is none). */
export function leadAt(leading: number, at: number): number {
  return (leading >> (3 + 3 * at)) & 7;
}

/** The leading texts of `first` followed by those of `then`, the first LEADING_TEXTS of them. */
function joinLeads(first: number, then: number): number {
  const count = Math.min(LEADING_TEXTS, leadCount(first) + leadCount(then));
  return count | ((((first >> 3) | ((then >> 3) << (3 * leadCount(first)))) & ((1 << (3 * count)) - 1)) << 3);
}

/**
 * Where a block sits relative to the page's article: inside it, holding it, before or after it; 'none'
 * when the page has no article we can tell, 'unknown' until a scan has placed it.
 */
export type Place = 'inside' | 'holds' | 'before' | 'after' | 'none' | 'unknown';

/** Scores computed for one sensitivity: several detectors share one model's score of a block. */
export interface ScoreMemo {
  sensitivity: Sensitivity;
  plea?: Score | null;
  links?: Score | null;
}

export interface BlockStats {
  /** Visible characters, white space collapsed. */
  textLength: number;
  linkTextLength: number;
  /** `<a href>` elements. */
  links: number;
  /** Links with 1..SHORT_LINK_CHARS characters of text. */
  shortLinks: number;
  /** Links with at least HEADLINE_LINK_CHARS characters: teasers of other articles. */
  headlineLinks: number;
  /** Links whose text is a legal or contact page ("Privacy policy", "Impressum"), and email addresses. */
  legalLinks: number;
  /**
   * Links of the page's own navigation: a page number or an arrow ("2", "»"), and a link to a place in the page
   * ("#section-2": a table of contents, footnotes).
   */
  pageLinks: number;
  /** Links whose text is a date ("December 2021", "2021/12"): an archive's entries. */
  dateLinks: number;
  donateLinks: number;
  memberLinks: number;
  appLinks: number;
  /** Links to social networks or sharing services. */
  socialLinks: number;
  /** Links to the site's pages of a tag, topic or category, or to a search for one: a story's tags lead there. */
  tagLinks: number;
  emailInputs: number;
  /** A password field: a sign-in form, not a sign-up box. */
  passwordInputs: number;
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
  /** Characters of texts that hold a plea phrase, and of calls to action (may count a button twice). */
  pleaChars: number;
  /** Plain paragraphs before the first text with a plea phrase (all of them when there is none). */
  plainBeforePlea: number;
  /** Some text of the block holds a plea phrase. */
  seenPlea: boolean;
  /** Most paragraphs of a part (an element inside) with no plea phrase at all: the part is a story, if it has two. */
  storyParagraphs: number;
  /** Phrase hits per list (index as in `phraseLists`); null when none. */
  hits: number[] | null;
  /** First distinct hits, "list:phrase", for reasons. */
  samples: string[] | null;
  /** Bit set of `Hint`s on this element or inside it; -1 until a detector asks (see hasHint). */
  hintBits: number;
  /** The element these figures are of. */
  element: Element;
  /** h1–h6 elements: a wall with headings is a site index or a sidebar of sections. */
  headings: number;
  /** `<textarea>`s: a comment or contact form, not a sign-up box. */
  textareas: number;
  /** For each of the first LEADING_TEXTS texts of the block: LEAD_* bits of what it is (see leadAt). */
  leading: number;
  /** Inside navigation or a header (nav, header, role=navigation, menu): a site's own menus, not a link farm by structure alone. */
  inNavigation: boolean;
  /** A run of short lines of plain text (see scan/text.ts), the text form of a link wall. */
  lineWall: boolean;
  /** Navigation and header elements in the subtree (the block itself included). */
  menus: number;
  /** Inside the site's own header or top navigation (before any main content): not a link farm by structure alone. */
  inPageHeader: boolean;
  /** Inside a footer (footer, role=contentinfo, footer class names): the site's or an article's. */
  inFooter: boolean;
  /** Inside a sidebar (aside, role=complementary, sidebar or widget class names). */
  inAside: boolean;
  /** Inside the readers' comments (comment or reply class names): their words and forms are the readers'. */
  inComments: boolean;
  /** A block element (its text is a block of its own), not one flowing inside its parent's. */
  block: boolean;
  /** Set by the scan before the block is judged. */
  place: Place;
  /** The models' scores of this block, once computed (see scan/plea.ts, scan/link-list.ts). */
  memo: ScoreMemo | null;
  /** Index in document order and the last index inside this subtree (for O(1) containment). */
  order: number;
  subtreeEnd: number;
}

/**
 * Class-name hints are read only for the few blocks a detector asks about: testing every element's
 * names against the hint patterns cost more than reading the page's text.
 */
export function hasHint(stats: BlockStats, hint: Hint): boolean {
  if (stats.hintBits < 0) stats.hintBits = subtreeHints(stats);
  return (stats.hintBits & (1 << hints.indexOf(hint))) !== 0;
}

/** Levels above a block at which a window around it may be named ("#loginModal" over a form's line of fields). */
const WINDOW_LEVELS = 8;

/** The hint names the block, something in it, or one of the elements just around it (the window it is part of). */
export function hasHintAround(stats: BlockStats, hint: Hint): boolean {
  let found = hasHint(stats, hint);
  for (let around = stats.element.parentElement, level = 0; !found && around && level < WINDOW_LEVELS; around = around.parentElement, level++) {
    found = namedFor(around, hint);
  }
  return found;
}

/** The element's own names hint so (not something inside it). */
export function namedFor(element: Element, hint: Hint): boolean {
  return (elementHints(element) & (1 << hints.indexOf(hint))) !== 0;
}

function elementHints(element: Element): number {
  const names = namesOf(element);
  return names.length >= 3 && anyHint.test(names) ? ownHints(names) : 0;
}

/**
 * Hints on the element or inside it. In a scan the subtree is a range of the index's elements: one walk over it
 * fills in the hints of every block inside it too, and skips the blocks whose hints are known, so each element's
 * names are read once however many blocks around it are asked about.
 */
function subtreeHints(stats: BlockStats): number {
  const index = activeIndex;
  if (!index || index.stats.get(stats.element) !== stats) {
    let bits = elementHints(stats.element);
    for (const inner of stats.element.querySelectorAll('[class], [id]')) bits |= elementHints(inner);
    return bits;
  }
  // The blocks around this point of the walk; an element's hints (seldom any) go into each of them.
  const open: BlockStats[] = [];
  for (let order = stats.order; order <= stats.subtreeEnd; order++) {
    const element = index.elements[order]!;
    const inner = index.stats.get(element);
    while (open.length > 0 && open[open.length - 1]!.subtreeEnd < order) open.pop();
    let bits: number;
    if (inner && inner.hintBits >= 0) {
      bits = inner.hintBits;
      order = inner.subtreeEnd;
    } else {
      bits = elementHints(element);
      if (inner) {
        inner.hintBits = 0;
        open.push(inner);
      }
    }
    if (bits) for (const block of open) block.hintBits |= bits;
  }
  return stats.hintBits;
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

const articleBodyProp = /(?:^|\s)articleBody(?:\s|$)/;

function emptyStats(element: Element, order: number): BlockStats {
  return {
    textLength: 0, linkTextLength: 0, links: 0, shortLinks: 0, headlineLinks: 0, legalLinks: 0, pageLinks: 0, dateLinks: 0, donateLinks: 0, memberLinks: 0, appLinks: 0, socialLinks: 0, tagLinks: 0,
    emailInputs: 0, passwordInputs: 0, textInputs: 0, searchInputs: 0, buttons: 0, forms: 0, listItems: 0, images: 0, paragraphs: 0,
    pleaParagraphs: 0, pleaChars: 0, plainBeforePlea: 0, seenPlea: false, storyParagraphs: 0, hits: null, samples: null, hintBits: -1, element, headings: 0, textareas: 0, leading: 0, inNavigation: false, lineWall: false, menus: 0, inPageHeader: false, inFooter: false, inAside: false, inComments: false, block: false, place: 'unknown', memo: null, order, subtreeEnd: order,
  };
}

function addInto(target: BlockStats, source: BlockStats): void {
  target.textLength += source.textLength;
  target.linkTextLength += source.linkTextLength;
  target.links += source.links;
  target.shortLinks += source.shortLinks;
  target.headlineLinks += source.headlineLinks;
  target.legalLinks += source.legalLinks;
  target.pageLinks += source.pageLinks;
  target.dateLinks += source.dateLinks;
  target.donateLinks += source.donateLinks;
  target.memberLinks += source.memberLinks;
  target.appLinks += source.appLinks;
  target.socialLinks += source.socialLinks;
  target.tagLinks += source.tagLinks;
  target.passwordInputs += source.passwordInputs;
  target.emailInputs += source.emailInputs;
  target.textInputs += source.textInputs;
  target.searchInputs += source.searchInputs;
  target.buttons += source.buttons;
  target.forms += source.forms;
  target.listItems += source.listItems;
  target.images += source.images;
  target.paragraphs += source.paragraphs;
  target.pleaParagraphs += source.pleaParagraphs;
  target.pleaChars += source.pleaChars;
  target.storyParagraphs = Math.max(target.storyParagraphs, source.seenPlea ? source.storyParagraphs : source.paragraphs);
  // Children close in document order: plain paragraphs count until the first plea.
  if (!target.seenPlea) {
    target.plainBeforePlea += source.plainBeforePlea;
    target.seenPlea = source.seenPlea;
  }
  target.textareas += source.textareas;
  target.headings += source.headings;
  target.menus += source.menus;
  if (source.hits) {
    target.hits ??= new Array<number>(phraseLists.length).fill(0);
    for (let i = 0; i < source.hits.length; i++) target.hits[i]! += source.hits[i]!;
  }
  // Children close in document order, so appending keeps the samples in document order.
  if (source.samples) for (const sample of source.samples) addSample(target, sample);
  target.leading = joinLeads(target.leading, source.leading);
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

/** Text collected for phrase matching: one per block (its inline text) and one per link/button. */
class TextRun extends PhraseStream {
  /** Visible characters, and those outside links. */
  length = 0;
  nonLinkLength = 0;
  /** A link's text while it is short enough to be a date label ("December 2021"); null otherwise. */
  readonly parts: string[] | null;
  /** An <a href>'s run, whose text is link text. */
  readonly link: boolean;

  constructor(matcher: PhraseMatcher, lists: number, link: boolean) {
    super(matcher, lists);
    this.link = link;
    this.parts = link ? [] : null;
  }
}

/** An element open during the pass. */
interface Frame {
  element: Element;
  stats: BlockStats;
  bits: number;
  /** The run its text joins: its own when it is a block, else its block's (null above any block). */
  block: TextRun | null;
  /** The link or button it is in (or is). */
  cta: TextRun | null;
  ownsBlock: boolean;
  ownsCta: boolean;
  /** It holds a link without words that covers it (see close). */
  covered: boolean;
}

/** The element's class attribute ('' for none): the property reads faster than the attribute, but an SVG element's is an object. */
function classAttribute(element: Element): string {
  const names = element.className;
  return typeof names === 'string' ? names : element.getAttribute('class') ?? '';
}

/**
 * A custom element's name ("ui-navigation", "site-footer"): the page names the element with it as with a class, and a
 * menu built as one has no other name ("<ui-navigation>" around a mega-menu's panels).
 */
function customName(element: Element): string {
  const name = element.localName;
  return name.includes('-') ? name : '';
}

/** The element's id and class names, the words hint, header and menu patterns read. */
function namesOf(element: Element): string {
  return `${customName(element)} ${element.id} ${classAttribute(element)}`;
}

function ownHints(names: string): number {
  let bits = 0;
  hintPatterns.forEach((pattern, i) => {
    if (pattern.test(names)) bits |= 1 << i;
  });
  return bits;
}

/** nav, header, role=banner or navigation: the site's navigation or header whatever its names. */
function isNavigationTagOrRole(bits: number, role: string | null): boolean {
  return (bits & NAVIGATION) !== 0 || role === 'banner' || role === 'navigation';
}

/** A footer, the site's or an article's. */
function isFooter(bits: number, role: string | null, names: string): boolean {
  return (bits & FOOTER) !== 0 || role === 'contentinfo' || (names.length > 0 && footerNames.test(names));
}

/**
 * The readers' comments, or one of them; a "most commented" list is a list of other stories, and an opinion column
 * filed under "Commentary" is the article.
 */
function isComments(names: string): boolean {
  return names.length > 0 && commentNames.test(names);
}

/** A sidebar beside the content. */
function isAside(bits: number, role: string | null, names: string): boolean {
  return (bits & ASIDE) !== 0 || role === 'complementary' || (names.length > 0 && asideNames.test(names));
}

/**
 * Words the menu and header patterns need ("prev": a post's previous/next links): one quick test, and the patterns only
 * for the names that pass it.
 */
const menuOrHeaderWords = /nav|menu|crumb|head|mast|top|prev/i;

/**
 * The names that say where an element sits (menu, header, footer, sidebar, comments): none for the page frame,
 * whose class names describe the whole page ("single comments-open", "header--small", "has-sidebar").
 */
function frameless(bits: number, names: string): string {
  return (bits & PAGE_FRAME) === 0 ? names : '';
}

/** Navigation or a menu (a site's own links, not a link farm by structure alone). */
function isMenu(bits: number, role: string | null, names: string, named: boolean): boolean {
  return isNavigationTagOrRole(bits, role) || role === 'menu' || (named && menuNames.test(names));
}

/** `<main>` or role=main: the page's content. */
function isMainLandmark(element: Element, role: string | null): boolean {
  return role === 'main' || element.localName === 'main';
}

/** The site's header, banner or navigation (counts only before the page's content begins). */
function isPageHeader(bits: number, role: string | null, names: string, named: boolean): boolean {
  return isNavigationTagOrRole(bits, role) || (named && headerNames.test(names));
}

function inputKind(element: Element, typeAttribute: string | null): 'email' | 'search' | 'text' | 'button' | 'password' | null {
  const type = (typeAttribute ?? 'text').toLowerCase();
  if (type === 'submit' || type === 'button' || type === 'image') return 'button';
  if (type === 'password') return 'password';
  if (type === 'email') return 'email';
  if (type === 'search') return 'search';
  if (type !== 'text' && type !== 'tel') return null;
  // join() writes a missing attribute (null) as nothing.
  const names = ['name', 'placeholder', 'id', 'aria-label'].map((name) => element.getAttribute(name)).join(' ');
  if (emailFieldNames.test(names)) return 'email';
  return searchFieldNames.test(names) ? 'search' : 'text';
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

/** "2", "»", "›": the link text of pagination. */
const pageNumber = /^\s*(?:\d+|[«»‹›<>←→]+)\s*$/u;
const PAGE_NUMBER_CHARS = 4;

/** Longest text that reads as a title over what follows it. */
const TITLE_MAX_CHARS = 60;

/** What a block's own text is, as LEAD_* bits (null: it has none); counts its hits into `stats`. */
function finishBlockRun(run: TextRun, stats: BlockStats, tagBits: number): number | null {
  if (run.length === 0) return null;
  let lead = 0;
  const short = run.length <= HEADING_MAX_CHARS;
  // A short text that is not a link's is a label or a button of its own ("Spenden", "Newsletter abonnieren"):
  // call-to-action words count in it (in a link they were counted with the link).
  const label = short && run.nonLinkLength > 0;
  // A title that opens with a call to sign up is one too ("Subscribe to Figma's editorial newsletter").
  const title = run.length <= TITLE_MAX_CHARS && run.nonLinkLength > 0;
  let plea = false;
  for (const hit of run.hits()) {
    const bit = 1 << phraseLists.indexOf(hit.list);
    // A label asks to give when it opens with the call ("Support our work"); after its first word the call names a topic
    // or what the site runs on ("Public Support" over an annual report's rows, "We don't support Internet Explorer"),
    // unlike a newsletter's name over its form.
    const asks = label && !(bit === DONATE_BIT && hit.index > 0);
    if ((bit & actionLists) !== 0 && !asks && !(title && hit.index === 0 && bit === SUBSCRIBE_BIT)) continue;
    if (bit === LINK_WALL_HEADING_BIT) {
      // A heading is a short text, or the short words before a row of links ("Tags: a, b, c"); a long headline link
      // that holds its words ("More than 400 officers…") heads nothing. Nor, in a menu or a footer, does a link named
      // "Trending" or "All topics": it leads to a page; so does one link of a row ("Latest news · Index · Today …", a
      // section bar, a card's "read more · 3 comments · Business"), but in a heading element, or a card that is one link
      // with its label inside ("Related" over a picture and a headline). Words too long for the text outside links are
      // a link's.
      const linkWords = run.nonLinkLength < hit.phrase.length;
      const heads = short || (!linkWords && run.nonLinkLength <= HEADING_MAX_CHARS);
      if (!heads || (lead & LEAD_HEADING) !== 0 || (linkWords && (stats.inNavigation || stats.inFooter || (stats.links > 1 && (tagBits & HEADING) === 0)))) continue;
      lead |= LEAD_HEADING;
    }
    addHit(stats, hit.list, hit.phrase);
    // A monthly price in a paragraph's sentence is a price ("a server for $160/month"); in a heading, a label or a button
    // it is an offer ("heise+ ab 2,99 € pro Woche").
    if ((bit & (pleaListBits | askingLists)) !== 0 && (short || bit !== AMOUNT_BIT || (tagBits & PROSE) === 0)) plea = true;
  }
  if (run.length <= TITLE_MAX_CHARS && run.nonLinkLength * 2 >= run.length) lead |= LEAD_TITLE;
  const paragraphLike = (tagBits & PARAGRAPH) !== 0 || run.nonLinkLength >= PARAGRAPH_MIN_CHARS * 2;
  const paragraph = paragraphLike && run.nonLinkLength >= PARAGRAPH_MIN_CHARS;
  if (paragraph) {
    stats.paragraphs += 1;
    if (plea) stats.pleaParagraphs += 1;
  }
  // The block's own text is taken to come before its children's.
  if (plea) {
    lead |= LEAD_PLEA;
    stats.pleaChars += run.length;
    stats.plainBeforePlea = 0;
    stats.seenPlea = true;
  } else if (paragraph) stats.plainBeforePlea += 1;
  return lead;
}

/**
 * A link's or button's words count only when it is short: a call to action, not a headline. A long link to a donation
 * page is no headline either: it is a promo that is one link ("Fight for everyone's rights. Donate now").
 */
function finishCtaRun(run: TextRun, stats: BlockStats): void {
  if (run.length === 0) return;
  if (run.link && run.length >= HEADLINE_LINK_CHARS && !stats.donateLinks) stats.headlineLinks += 1;
  if (run.length > HEADING_MAX_CHARS) return;
  let asks = false;
  let legal = false;
  for (const hit of run.hits()) {
    addHit(stats, hit.list, hit.phrase);
    const bit = 1 << phraseLists.indexOf(hit.list);
    if ((bit & askingLists) !== 0) asks = true;
    // A legal link is named by its legal words ("Privacy policy", "Data disclaimer"); a topic may end with one
    // ("Consumer privacy"), and a topic's words come first and are most of its name.
    if (bit === LEGAL_BIT && (hit.index === 0 || 2 * hit.phrase.length >= run.length)) legal = true;
  }
  if (asks) {
    stats.pleaChars += run.length;
    stats.seenPlea = true;
  }
  // Set, not added: the link's address may have counted it already. A link to a topic's page is a topic, whatever its
  // name ("Datenschutz" in a list of categories).
  if (legal && run.link && !stats.tagLinks) stats.legalLinks = 1;
  if (run.parts) {
    const text = run.parts.join('');
    if (isDateLabel(text)) stats.dateLinks += 1;
    // Set, not added: the link's address may have counted it already.
    else if (run.length <= PAGE_NUMBER_CHARS && pageNumber.test(text)) stats.pageLinks = 1;
  }
}

export interface StatsIndex {
  /**
   * The figures of each element but inline ones without element children (a link, a word in bold, an image): those
   * are never a block of their own and their figures are in their parent's; on a big page they are a third of the
   * elements, and the records a scan keeps are most of its memory.
   */
  stats: Map<Element, BlockStats>;
  /** Elements of the subtree in document order (skipped subtrees left out), with or without a record. */
  elements: Element[];
  /** What the article search weighs, gathered on the way: schema.org article bodies, <article>s, paragraphs. */
  articleBodies: Element[];
  articles: Element[];
  proseParagraphs: Element[];
}

/** What an element's attributes say, read in one sweep over the attributes it has. */
interface Attributes {
  hidden: boolean;
  names: string;
  role: string | null;
  itemprop: string | null;
  href: string | null;
  type: string | null;
  value: string | null;
  lineWall: boolean;
}

/** The attributes whose value is read as it is, each into the field of its name. */
type ValueAttribute = 'role' | 'itemprop' | 'href' | 'type' | 'value';

/** One record, refilled for each element (read before the next is opened): no allocation per element. */
const read: Attributes = { hidden: false, names: '', role: null, itemprop: null, href: null, type: null, value: null, lineWall: false };

function readAttributes(element: Element, ownMarks: OwnMarks | undefined): Attributes {
  read.hidden = false;
  read.names = customName(element);
  read.role = read.itemprop = read.href = read.type = read.value = null;
  read.lineWall = false;
  if (!element.hasAttributes()) return read;
  for (const name of element.getAttributeNames()) {
    switch (name) {
      // Blocks the page hides for now ([hidden], display: none) are read like the others: pop-ups and bars
      // wait hidden until a script shows them, and collapsed already, they come up as a placeholder.
      case COLLAPSED_MARK:
      case REVEALED_MARK:
        // Only Tidings' own marks: the attribute is a cheap first filter, the set says whose it is.
        if (ownMarks?.has(element) !== true) break;
        read.hidden = true;
        return read;
      case 'id':
        read.names += ` ${element.id}`;
        break;
      case 'class':
        read.names += ` ${classAttribute(element)}`;
        break;
      case 'role':
      case 'itemprop':
      case 'href':
      case 'type':
      case 'value':
        read[name as ValueAttribute] = element.getAttribute(name);
        break;
      case LINE_WALL_ATTRIBUTE:
        read.lineWall = true;
        break;
    }
  }
  return read;
}

/**
 * One pass over `root`'s subtree, in slices (see steps.ts). Iterative: safe for nesting thousands deep. `tally`, when given,
 * receives the words of the text too (the page's language is weighed from the same reading). Blocks that
 * `ownMarks` holds as Tidings' collapsed or revealed ones are skipped (see ScanOptions.ownMarks).
 */
export function* statsSteps(
  root: Element,
  matcher: PhraseMatcher,
  tally: (TokenSink & { readonly full: boolean }) | null = null,
  ownMarks?: OwnMarks,
): Steps<StatsIndex> {
  const index: StatsIndex = { stats: new Map(), elements: [], articleBodies: [], articles: [], proseParagraphs: [] };
  // A subtree inherits being inside navigation or the page header from its ancestors (the nearest
  // MENU_ANCESTORS: on a page nested thousands deep, each added batch would otherwise read them all).
  let ancestorMenu = false;
  // As ancestorMenu, up to the nearest main landmark (which ends the navigation around it, as in the pass below).
  let ancestorNavigation = false;
  let mainAbove = false;
  let ancestorFooter = false;
  let ancestorAside = false;
  let ancestorComments = false;
  let ancestor = root.parentElement;
  for (let level = 0; ancestor && level < MENU_ANCESTORS; level++, ancestor = ancestor.parentElement) {
    const bits = tagBits.get(ancestor.tagName) ?? 0;
    const names = frameless(bits, namesOf(ancestor));
    const role = ancestor.getAttribute('role');
    const menu = isMenu(bits, role, names, menuOrHeaderWords.test(names));
    ancestorMenu ||= menu;
    ancestorNavigation ||= menu && !mainAbove;
    mainAbove ||= isMainLandmark(ancestor, role);
    ancestorFooter ||= isFooter(bits, role, names);
    // Nearest first, as the pass reads inComments: a sidebar between the part and the comments ends their reach.
    const aside = isAside(bits, role, names);
    ancestorComments ||= !ancestorAside && !aside && isComments(names);
    ancestorAside ||= aside;
  }
  let seenContent = false;
  // A link whose hreflang names another language than the page declares is a language picker's; a CMS may mark every
  // link with the page's own (Drupal: hreflang="de" on a German page's). A page that declares none has every such link
  // taken for a picker's, and so is a link with a lang of its own (matching that too changed no finding).
  const lang = declaredLanguage(root.ownerDocument);
  const otherLanguage = `[hreflang]:not([hreflang|="${lang}"]),[lang]`;

  // Open elements, innermost last; a frame is refilled for the next element at its depth (no allocation per element).
  const frames: Frame[] = [];
  let depth = 0;

  /** Opens an element as the frame at `depth`: its own figures; false when its subtree is skipped. */
  function open(element: Element, parent: Frame | null): boolean {
    const bits = tagBits.get(element.tagName) ?? 0;
    if ((bits & SKIPPED) !== 0) {
      if ((bits & TEXTAREA) !== 0 && parent) parent.stats.textareas += 1;
      return false;
    }
    const attributes = readAttributes(element, ownMarks);
    // A paragraph hidden in its own style waits for a form's answer ("Thank you, you are signed up"): no paragraph of
    // the box's, which shows without it. (A window hidden until a script shows it is no paragraph: it is read.)
    if (attributes.hidden || ((bits & INPUT) !== 0 && attributes.type?.toLowerCase() === 'hidden') || ((bits & PARAGRAPH) !== 0 && /display:\s*none/.test(element.getAttribute('style') ?? ''))) return false;
    const own = emptyStats(element, index.elements.length);
    index.elements.push(element);
    const articleBody = attributes.itemprop !== null && articleBodyProp.test(attributes.itemprop);
    if ((bits & INLINE) === 0 || element.firstElementChild !== null || !parent || articleBody) index.stats.set(element, own);
    const { role } = attributes;
    const names = frameless(bits, attributes.names);
    const placeNamed = names.length > 0 && placeNames.test(names) ? names : '';
    own.lineWall = attributes.lineWall;
    if (!seenContent && ((bits & CONTENT_START) !== 0 || role === 'main' || articleBody)) seenContent = true;
    const named = names.length > 0 && menuOrHeaderWords.test(names);
    if (isMenu(bits, role, names, named)) own.menus = 1;
    // The page's main landmark is its content, whatever wrapper holds it ("td-content-and-menu").
    own.inNavigation = ((parent ? parent.stats.inNavigation : ancestorNavigation) && !isMainLandmark(element, role)) || own.menus > 0;
    own.inPageHeader = (parent ? parent.stats.inPageHeader : ancestorMenu) || (!seenContent && isPageHeader(bits, role, names, named));
    own.inFooter = (parent ? parent.stats.inFooter : ancestorFooter) || isFooter(bits, role, placeNamed);
    const aside = isAside(bits, role, placeNamed);
    own.inAside = (parent ? parent.stats.inAside : ancestorAside) || aside;
    // A sidebar is the site's, not the readers': one a theme nests in its comments' wrapper (a prefooter), or names after
    // the comments it stands beside ("comments-with-sidebar-sidebar").
    own.inComments = !aside && ((parent ? parent.stats.inComments : ancestorComments) || isComments(placeNamed));
    if (articleBody) index.articleBodies.push(element);
    if ((bits & ARTICLE) !== 0) index.articles.push(element);
    if ((bits & PROSE) !== 0) index.proseParagraphs.push(element);

    own.block = (bits & INLINE) === 0;
    const parentBlock = parent ? parent.block : null;
    const block = own.block ? new TextRun(matcher, ALL_LISTS, false) : parentBlock;
    const isLink = (bits & ANCHOR) !== 0 && attributes.href !== null;
    const cta = isLink || (bits & BUTTON) !== 0 ? new TextRun(matcher, actionLists, isLink) : parent ? parent.cta : null;
    if (isLink) {
      own.links = 1;
      const href = attributes.href!;
      if (anyPleaHref.test(href)) {
        if (donateHref.test(href)) own.donateLinks = 1;
        else if (memberHref.test(href)) own.memberLinks = 1;
        if (appHref.test(href)) own.appLinks = 1;
      }
      if (tagHref.test(href)) own.tagLinks = 1;
      if (socialHref.test(href)) own.socialLinks = 1;
      else if (legalHref.test(href) && !own.tagLinks) own.legalLinks = 1;
      // A link to this page in another language (a language picker's) is the page's own way around too; one to a tag's
      // page is a tag, whatever language a template says it is in.
      else if (!own.tagLinks && (inPageHref.test(href) || element.matches(otherLanguage))) own.pageLinks = 1;
    } else if ((bits & INPUT) !== 0) {
      const kind = inputKind(element, attributes.type);
      if (kind === 'email') own.emailInputs = 1;
      else if (kind === 'text') own.textInputs = 1;
      else if (kind === 'search') own.searchInputs = 1;
      else if (kind === 'password') own.passwordInputs = 1;
      else if (kind === 'button') {
        own.buttons = 1;
        if (attributes.value) {
          const run = new TextRun(matcher, actionLists, false);
          run.length = run.read(attributes.value);
          finishCtaRun(run, own);
        }
      }
    } else if ((bits & BUTTON) !== 0) own.buttons = 1;
    else if ((bits & FORM) !== 0) {
      own.forms = 1;
      // Where a form takes the reader counts as a link's address does: a donation form posts to PayPal or a checkout.
      // (A form without an address reads as "null", no donation page's.)
      own.donateLinks = +donateHref.test(element.getAttribute('action') as string);
    }
    else if ((bits & LIST_ITEM) !== 0) own.listItems = 1;
    else if ((bits & HEADING) !== 0) own.headings = 1;
    else if ((bits & IMAGE) !== 0) own.images = 1;
    const frame = (frames[depth] ??= { element, stats: own, bits, block, cta, ownsBlock: false, ownsCta: false, covered: false });
    frame.element = element;
    frame.stats = own;
    frame.bits = bits;
    frame.block = block;
    frame.cta = cta;
    frame.ownsBlock = block !== parentBlock;
    frame.ownsCta = cta !== (parent ? parent.cta : null);
    frame.covered = false;
    depth++;
    return true;
  }

  function readTextNode(data: string, frame: Frame): void {
    const { block, cta } = frame;
    const length = readInto(data, block, cta, tally !== null && !tally.full ? tally : null);
    if (length === 0) return;
    frame.stats.textLength += length;
    const inLink = cta !== null && cta.link;
    if (inLink) frame.stats.linkTextLength += length;
    if (block) {
      block.length += length;
      if (!inLink) block.nonLinkLength += length;
    }
    if (cta) {
      cta.length += length;
      if (cta.parts && cta.length <= SHORT_LINK_CHARS) cta.parts.push(data);
    }
  }

  /** Closes an element: its own runs are matched and its figures added into its parent's. */
  function close(frame: Frame, parent: Frame | null): void {
    const own = frame.stats;
    own.subtreeEnd = index.elements.length - 1;
    // A <header> without a link heads a box ("Most Read" over its list); the site's header leads somewhere.
    if ((frame.bits & NAVIGATION) !== 0 && own.links === 0 && frame.element.localName === 'header') own.menus = 0;
    if (frame.ownsCta && frame.cta) finishCtaRun(frame.cta, own);
    const link = (frame.bits & ANCHOR) !== 0 && own.links > 0;
    // A link without words, named like a headline by its aria-label, laid over a teaser card whose headline and picture
    // sit beside it: the card's words are the link's, when it is no longer than a teaser.
    if (parent && link && !own.textLength && (frame.element.getAttribute('aria-label')?.length ?? 0) >= HEADLINE_LINK_CHARS) parent.covered = true;
    if (frame.covered && own.textLength <= COVERED_CARD_CHARS) own.linkTextLength = own.textLength;
    const ownLead = frame.ownsBlock && frame.block ? finishBlockRun(frame.block, own, frame.bits) : null;
    if (link && own.textLength > 0 && own.textLength <= SHORT_LINK_CHARS) own.shortLinks += 1;
    // The block's own text comes before its children's.
    if (ownLead !== null) {
      own.leading = joinLeads(1 | (ownLead << 3), own.leading);
      // A story set in lines (<br><br>) rather than paragraphs: one long run of plain text and no other paragraph.
      if ((frame.bits & PROSE) === 0 && own.paragraphs === 1 && frame.block!.nonLinkLength >= LINES_STORY_CHARS) index.proseParagraphs.push(frame.element);
    }
    if (parent) addInto(parent.stats, own);
  }

  if (!open(root, null)) return index;
  let node: Node | null = root.firstChild;
  let nodesInSlice = 0;
  for (;;) {
    // A slice ends every SLICE_NODES nodes. Between slices the page may change the tree: a node taken out ends
    // its parent's walk early (its nextSibling is null), and what is added is scanned on its own as well.
    if (++nodesInSlice === SLICE_NODES) {
      nodesInSlice = 0;
      yield;
    }
    const frame = frames[depth - 1]!;
    if (node === null) {
      depth--;
      close(frame, depth > 0 ? frames[depth - 1]! : null);
      if (depth === 0) break;
      node = frame.element.nextSibling;
      continue;
    }
    const type = node.nodeType;
    if (type === 3) readTextNode((node as Text).data, frame);
    else if (type === 1 && open(node as Element, frame)) {
      node = node.firstChild;
      continue;
    }
    node = node.nextSibling;
  }
  return index;
}

/**
 * A sidebar holds no article: a wrapper named for the layout it serves ("mainwrap sidebar", "content-with-sidebar")
 * that holds the article is the page's frame, so only the sidebars inside it, beside the article, stay sidebars.
 * Reads the frame again (or the part of it the index covers), only on a page whose article is in one.
 */
export function spareArticleFrame(index: StatsIndex, article: Element | null): void {
  const frames = new Set<Element>();
  let outermost: Element | null = null;
  // Both walks up go MENU_ANCESTORS levels at most, as the pass's own does: a part is scanned on every addition, and a
  // hostile page nests its article thousands deep.
  for (let ancestor = article, level = 0; ancestor && level < MENU_ANCESTORS; ancestor = ancestor.parentElement, level++) {
    if (isAsideElement(ancestor)) frames.add((outermost = ancestor));
  }
  const covered = index.elements[0];
  // Outside the frames nothing changes: the walk starts at the outermost frame or at the part inside it.
  const start = !outermost || !covered ? null : covered.contains(outermost) ? outermost : outermost.contains(covered) ? covered : null;
  if (!start) return;
  let outer = false;
  for (let ancestor = start.parentElement, level = 0; ancestor && !outer && level < MENU_ANCESTORS; ancestor = ancestor.parentElement, level++) {
    outer = !frames.has(ancestor) && isAsideElement(ancestor);
  }
  // Depth first with a stack of its own: a hostile page nests deeper than the call stack goes.
  const open: Array<[Element, boolean]> = [[start, outer]];
  for (let next = open.pop(); next; next = open.pop()) {
    const [element, inOuter] = next;
    const inAside = inOuter || (!frames.has(element) && isAsideElement(element));
    const stats = index.stats.get(element);
    if (stats) stats.inAside = inAside;
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) open.push([child, inAside]);
  }
}

function isAsideElement(element: Element): boolean {
  const bits = tagBits.get(element.tagName) ?? 0;
  return isAside(bits, element.getAttribute('role'), frameless(bits, namesOf(element)));
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

/** Statistics of an element the scan in progress has indexed. */
export function indexedStats(element: Element): BlockStats | undefined {
  return activeIndex?.stats.get(element);
}

/** Statistics of `block`: from the scan in progress, or computed for its subtree when called alone. */
export function blockStats(block: Element, context: DetectContext): BlockStats {
  const cached = indexedStats(block);
  if (cached) return cached;
  return drain(statsSteps(block, matcherFor(context))).stats.get(block) ?? emptyStats(block, 0);
}
