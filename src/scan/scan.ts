// Finding blocks in a DOM: candidate blocks → every enabled detector scores them → verdicts,
// filtered by the article guard and collapsed to the outermost block.
import type { DetectContext, Detector, DetectorId, Finding, OwnMarks, ScanOptions } from '../core/types';
import { detectors } from '../detectors/registry';
import { lexiconsFor } from '../lexicons/index';
import { findArticle, SHORT_PROSE_RANK, type FoundArticle } from './article';
import { drain, type Steps } from './steps';
import { canTellLanguage, declaredLanguage, LanguageTally } from './language';
import { matcherFor } from './phrases';
import { modelWeights } from './weights';
import { isAppealPage } from './appeal-page';
import { flag } from './evidence';
import { buttonRow, opensWithPlea, siteBoxInComments } from './plea';
import { headed, MIN_LIST_LINKS, taggedRow } from './link-list';
import { hasHint, hitCount, LEAD_HEADING, LEAD_TITLE, leadAt, namedFor, paragraphTags, plainTextMode, spareArticleFrame, statsSteps, withStatsIndex, type BlockStats, type Place, type StatsIndex } from './stats';
import { BLOCK_MARKS } from '../core/marks';


export interface ScanContext {
  doc: Document;
  detect: DetectContext;
  /** Enabled detectors, in registry order. */
  detectors: readonly Detector[];
  /** Their ids: every detector judges each block, but only these collapse what they find. */
  enabled: ReadonlySet<DetectorId>;
  /** The article the guard protects; null when the page has none that we can tell. */
  article: Element | null;
  /**
   * How it was found and how much prose it has (see FoundArticle): a part the page adds may hold a better one. 0 when
   * the page has none we can tell, FRONT_PAGE when it has none and is made of teasers; ARTICLE_UNKNOWN until the page
   * was looked at whole.
   */
  articleRank: number;
  /** The options the context was made from (the language may be settled later, from the text). */
  options: ScanOptions;
  /** False while the page's language is still to be read from its text; English lexicon only until then. */
  languageSettled: boolean;
  /**
   * Whether a short plea paragraph of the article may be found as a block of its own: in a page, when it is set
   * apart in type (setApart); in plain text, where no markup sets it apart, by its words (scan/text.ts).
   */
  standalonePlea?: (stats: BlockStats) => boolean;
  /**
   * The page is the site's own donation or membership page: its form is what the reader came for. Told when a plea is
   * first judged, once the patterns that tell it have come with the words.
   */
  appealPage?: boolean;
}

/** The rank of an article not looked for yet: until then every block is judged as if it were inside the article. */
export const ARTICLE_UNKNOWN = -1;
/** The rank of a page without an article that links to many stories by their headlines: a front page, a section's page. */
const FRONT_PAGE = -2;
/**
 * Headline links a page without an article holds when it is a front page: a small site's front or a section's page has
 * some thirty (40 until stop 60 took lists of six sections for link farms).
 */
const FRONT_PAGE_HEADLINES = 25;

/** How many ancestors above a scan root a block may climb to (its box around the matched text). */
const CLIMB_LEVELS = 4;
/**
 * How many nodes an ancestor may hold beyond the subtree already climbed from. A box around an appeal
 * or a link list is small; an ancestor far bigger than the block (a <main> holding a 100 000-item
 * list) cannot be mostly the block, and computing its statistics would make every incremental scan
 * cost the whole page.
 */
const CLIMB_EXTRA_NODES = 300;
/**
 * Elements a block may hold at most: more is a part of the page (a feed, a column), never one plea or list; judging
 * it would read the class names of its whole subtree in one go.
 */
const MAX_BLOCK_ELEMENTS = 20_000;
/** The page's main content, by its landmark. */
const MAIN_LANDMARK = 'main, [role="main" i]';
/** Elements that are the page, never a block. */
const pageTags = new Set(['HTML', 'BODY', 'MAIN']);

/**
 * Whether `element` is inside (or is) a block Tidings marked; marks a page forged do not count. Its placeholders need
 * no skipping: a placeholder's bar sits in a closed shadow root and its light DOM is empty (a page's own element of
 * that name is read like any other).
 */
function insideOwnMark(element: Element, ownMarks: OwnMarks | undefined): boolean {
  if (ownMarks === undefined) return false;
  for (let marked = element.closest(BLOCK_MARKS); marked !== null; marked = marked.parentElement?.closest(BLOCK_MARKS) ?? null) {
    if (ownMarks.has(marked)) return true;
  }
  return false;
}

/**
 * Blocks are judged once words are at hand (the content script asks the background for the lexicons): without
 * them a plea's buttons read as a row of links, a comment form's email field as a sign-up box, a legal footer as a
 * wall of links; and a block collapsed by mistake would stay so.
 */
export function wordsAtHand(context: DetectContext): boolean {
  return lexiconsFor(context.langs).length > 0;
}

function enabledDetectors(options: ScanOptions): Detector[] {
  return detectors.filter((detector) => options.enabled[detector.id] ?? detector.enabledByDefault);
}

function detectContextFor(options: ScanOptions, pageLang: string): DetectContext {
  const langs = [...new Set([options.lang ?? pageLang, 'en'])];
  // Low sensitivity judges the page as normal does and keeps the surest of what it finds (see judgeSteps).
  return { sensitivity: options.sensitivity === 'low' ? 'normal' : options.sensitivity, langs, userPhrases: options.userPhrases ?? {} };
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
    enabled: new Set(enabledDetectors(options).map((detector) => detector.id)),
    article: null,
    articleRank: 0,
    languageSettled,
  };
}

/**
 * A scan context for `doc`. Its article is found now, with a pass over the whole page, unless `known` gives it (the
 * content script's contexts start from the article a previous context found; their next whole scan finds it again).
 */
export function createScanContext(doc: Document, options: ScanOptions, known?: Pick<ScanContext, 'article' | 'articleRank'>): ScanContext {
  const context = newContext(doc, options);
  if (known) {
    context.article = known.article;
    context.articleRank = known.articleRank;
  } else drain(articleSteps(context));
  return context;
}

/**
 * Finds the article (and, while it is open, the page's language, from the same reading of the text);
 * returns the statistics of the whole page it computed on the way.
 */
function* articleSteps(context: ScanContext): Steps<StatsIndex | null> {
  const root = context.doc.body ?? context.doc.documentElement;
  if (!root) return null;
  // Without the stop words the language stays open: the page is read again when they come (content/page.ts).
  const tally = context.languageSettled || !canTellLanguage() ? null : new LanguageTally();
  let index = yield* statsSteps(root, matcherFor(context.detect), tally, context.options.ownMarks);
  if (tally) {
    const lang = tally.language();
    // While the page is still being parsed its text may be too short to tell: weigh it again next time.
    context.languageSettled = lang !== 'en' || tally.full || context.doc.readyState !== 'loading';
    if (lang !== 'en') {
      // The page's own lexicon joins English: its phrases must be counted too.
      context.detect = detectContextFor(context.options, lang);
      index = yield* statsSteps(root, matcherFor(context.detect), null, context.options.ownMarks);
    }
  }
  takeArticle(context, findArticle(index), index.stats.get(root));
  spareArticleFrame(index, context.article);
  return index;
}

function takeArticle(context: ScanContext, found: FoundArticle | null, page?: BlockStats): void {
  const front = (page?.headlineLinks ?? 0) >= FRONT_PAGE_HEADLINES;
  // Among a front page's many headlines, the most paragraph text in one place, when short of a short story, is a teaser's;
  // on a page that says it is an article (og:type), it is the story, short as it is (a brief, a paid story's opening).
  if (front && found && found.rank < SHORT_PROSE_RANK && !context.doc.querySelector('meta[property="og:type"][content="article" i]')) found = null;
  context.article = found?.element ?? null;
  context.articleRank = found?.rank ?? (front ? FRONT_PAGE : 0);
}

/**
 * A part the page added (an app rendering its story, the next story of an endless page) holds the article when it
 * holds a better one than the article known, or when that one is gone: read from the part's own statistics, so an
 * endless page costs in proportion to what it adds, never a pass over the whole page per addition.
 */
function adoptArticle(context: ScanContext, index: StatsIndex): void {
  const found = findArticle(index);
  if (found && (!context.article?.isConnected || found.rank > context.articleRank)) takeArticle(context, found);
}

/**
 * The statistics of a whole page with its article found and every candidate block placed: what a scan of
 * the page judges, for `tidings tune` to learn from. Null for a page without a body.
 */
export function indexPage(doc: Document, options: ScanOptions): { index: StatsIndex; context: ScanContext; blocks: Element[] } | null {
  const root = doc.body ?? doc.documentElement;
  if (!root) return null;
  const context = newContext(doc, options);
  const index = drain(articleSteps(context));
  const rootStats = index?.stats.get(root);
  if (!index || !rootStats) return null;
  const blocks = drain(candidates(index, root, rootStats));
  for (const element of blocks) index.stats.get(element)!.place = placeOf(index, element, context.article);
  return { index, context, blocks };
}

export function scanDocument(doc: Document, options: ScanOptions): Finding[] {
  return drain(documentSteps(doc, options));
}

/** scanDocument in slices. */
export function* documentSteps(doc: Document, options: ScanOptions): Steps<Finding[]> {
  const root = doc.body ?? doc.documentElement;
  if (!root) return [];
  const context = newContext(doc, options);
  // One statistics pass serves both the article search and the scan.
  const index = yield* articleSteps(context);
  return index && context.detectors.length > 0 && wordsAtHand(context.detect) && !insideOwnMark(root, options.ownMarks)
    ? yield* judgeSteps(root, index, context)
    : [];
}

/** Scans `root`, an element of the context's document (see scanSteps). */
export function scanRoot(root: Element, context: ScanContext, partOfPage = false): Finding[] {
  return drain(scanSteps(root, context, partOfPage));
}

/**
 * scanRoot in slices. The body is the whole page: one statistics pass finds the article again and serves the scan.
 * `partOfPage`: a part the page added after it loaded, which may hold the article (see adoptArticle).
 */
export function* scanSteps(root: Element, context: ScanContext, partOfPage = false): Steps<Finding[]> {
  if (context.detectors.length === 0 || insideOwnMark(root, context.options.ownMarks)) return [];
  // The whole page is read even before its words are at hand: the pass tells its language, whose words are then asked for.
  const whole = root === context.doc.body;
  if (!whole && !wordsAtHand(context.detect)) return [];
  const index = whole
    ? yield* articleSteps(context)
    : yield* statsSteps(climbBase(root), matcherFor(context.detect), null, context.options.ownMarks);
  if (!index || !wordsAtHand(context.detect)) return [];
  if (partOfPage) adoptArticle(context, index);
  if (!whole) spareArticleFrame(index, context.article);
  return yield* judgeSteps(root, index, context);
}

/**
 * The highest ancestor (at most CLIMB_LEVELS up, never the page itself) small enough to be a block
 * around root: only the nodes around root's subtree are counted, with a walk that gives up past the budget, so the
 * climb costs a bounded neighbourhood however big the page or the root is (counting a root of 100 000 elements too
 * was one long task).
 */
function climbBase(root: Element): Element {
  let base = root;
  // Nodes in base's subtree outside root's.
  let extra = 0;
  for (let level = 0; level < CLIMB_LEVELS && !pageTags.has(base.tagName); level++) {
    const parent = base.parentElement;
    if (!parent) break;
    const parentExtra = subtreeSize(parent, CLIMB_EXTRA_NODES, base, extra);
    if (parentExtra > CLIMB_EXTRA_NODES) break;
    base = parent;
    extra = parentExtra;
  }
  return base;
}

/** Nodes in element's subtree, counting `known` (already measured) as `knownSize`; stops once past `limit`. */
function subtreeSize(element: Element, limit: number, known: Node, knownSize: number): number {
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

/** Elements looked over for candidates in one slice. */
const CANDIDATES_SLICE = 8192;
/** Candidates judged in one slice. */
const JUDGE_SLICE = 32;

function* judgeSteps(root: Element, index: StatsIndex, context: ScanContext): Steps<Finding[]> {
  const blocks = yield* candidates(index, root, index.stats.get(root));
  const findings: Finding[] = [];
  for (let start = 0; start < blocks.length; start += JUDGE_SLICE) {
    withStatsIndex(index, () => {
      for (const element of blocks.slice(start, start + JUDGE_SLICE)) {
        const stats = index.stats.get(element)!;
        stats.place = placeOf(index, element, context.article);
        const finding = bestFinding(element, stats, context);
        if (finding && guardAllows(finding, index, context)) findings.push(finding);
      }
    });
    yield;
  }
  // Low sensitivity judges the blocks as normal does, then keeps what reaches its models' low thresholds (at normal and
  // high every finding reaches its own), boxes made whole of those alone: it never hides what normal would not. Judged
  // at its own thresholds, a sidebar whose donation card fell short was one sign-up box with the column's other boxes
  // in it, where normal collapses the card and the sign-up one by one.
  const sure = outermost(findings, index).filter((finding) => finding.score >= (judgedAsPlea(finding) ? modelWeights.plea : modelWeights.links).thresholds[context.options.sensitivity]);
  // Each pass over the findings in a slice of its own: on a page with thousands of them, the passes together were a
  // task of 100 ms.
  yield;
  const boxed = wholeBoxes(sure, index, context);
  yield;
  const found: Finding[] = [];
  for (const finding of withButtonRows(boxed, index).filter((finding) => context.enabled.has(finding.detectorId))) {
    if (found.push({ ...finding, element: smallestWrapper(finding.element, index) }) % JUDGE_SLICE === 0) yield;
  }
  return found;
}

/**
 * The root's subtree and the ancestors it may climb to, in document order. A root without a record (an inline
 * element without element children, see StatsIndex) holds no block.
 */
function* candidates(index: StatsIndex, root: Element, rootStats: BlockStats | undefined): Steps<Element[]> {
  const blocks: Element[] = [];
  const take = (element: Element): void => {
    const stats = index.stats.get(element);
    if (stats?.block === true && (stats.textLength > 0 || stats.emailInputs > 0) && !pageTags.has(element.tagName) && stats.subtreeEnd - stats.order < MAX_BLOCK_ELEMENTS) blocks.push(element);
  };
  for (let element = root.parentElement; element && index.stats.has(element); element = element.parentElement) take(element);
  blocks.reverse();
  // In slices: on a page of 260 000 elements, looking them all over is 50 ms.
  if (rootStats) {
    for (let order = rootStats.order; order <= rootStats.subtreeEnd; order++) {
      take(index.elements[order]!);
      if (order % CANDIDATES_SLICE === 0) yield;
    }
  }
  return blocks;
}

function bestFinding(element: Element, stats: BlockStats, context: ScanContext): Finding | null {
  let best: Finding | null = null;
  // Every detector judges the block: a block best explained by a switched-off detector stays as it is,
  // rather than being taken by another one (a newsletter box with links is no link farm).
  for (const detector of detectors) {
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

/** Plain paragraphs a plea box may open with: two of them are how a story begins, not how a plea does. */
const MAX_PLAIN_OPENING = 1;

/** Fewest cards in a wall of teasers: two pictured links may be a story's own pair of pictures. */
const TEASER_WALL_LINKS = 3;

/**
 * A wall of teaser cards inside the article, headed by words no lexicon knows ("Featured", "Picked for you"): other
 * stories' headlines, linked, a picture for each (itself a link or not), no prose, and links holding nearly all of its
 * text. A story's own list of things carries a line about each; its gallery carries captions, not headlines.
 */
function teaserWall(stats: BlockStats): boolean {
  const headlines = stats.headlineLinks;
  return headlines >= TEASER_WALL_LINKS && 2 * headlines >= stats.links && stats.images >= headlines && stats.paragraphs === 0 && 10 * stats.linkTextLength >= 9 * stats.textLength;
}

/** Share of a list's text its links must hold once it carries prose beside them (a teaser under each headline). */
const LIST_WITH_PROSE_LINK_SHARE = 0.35;

/**
 * A list of links may carry a line of prose per link, if links still hold much of its text or each line has a
 * headline link (a teaser: the headline, then a line of the story); a story's paragraphs seldom each hold a
 * headline, and the article itself is never collapsed. Teaser cards set their headlines as headings, which may be
 * long enough to count as prose (the headline again for screen readers): every heading but the list's own title
 * heads a teaser.
 */
function listShaped(stats: BlockStats): boolean {
  const plain = stats.paragraphs - stats.pleaParagraphs;
  return plain <= 2 || (plain <= stats.links && (stats.linkTextLength >= LIST_WITH_PROSE_LINK_SHARE * stats.textLength || plain <= stats.headlineLinks + Math.max(0, stats.headings - 1)));
}

/** Narrative paragraphs a letter-style appeal may have per plea paragraph. */
const LETTER_PLAIN_PER_PLEA = 3;
/** Plea paragraphs a letter needs: one plea paragraph amid many plain ones is a story that mentions an appeal. */
const LETTER_MIN_PLEA_PARAGRAPHS = 2;

/**
 * A plea box is read as a whole: its narrative paragraphs may outnumber its plea paragraphs when it opens
 * with the plea (a heading or salutation: "A message from…", "Dear readers,") and keeps asking — a
 * letter-style appeal — but not when a button before a story is all the plea there is.
 */
function pleaShaped(stats: BlockStats): boolean {
  const plain = stats.paragraphs - stats.pleaParagraphs;
  // A donation or sign-up form carries its plea in its fields and amounts, not in paragraphs: a line about
  // it and its small print ("Privacy notice: …") may be as long as paragraphs. That allowance stands in for
  // plea paragraphs, it does not add to them: a story section holding a sign-up form and two paragraphs with
  // plea words ("an email address", a quoted "Support us") keeps its other paragraphs.
  // A sign-up form that offers several newsletters has a title and a line for each: as many lines as titles.
  const form = stats.emailInputs > 0 ? Math.max(2, stats.headings) : hitCount(stats, 'money') >= 2 ? 2 : 0;
  if (plain <= Math.max(stats.pleaParagraphs, form)) return true;
  // The opening heading or salutation asks too, though it is too short to be a paragraph, and so does a button that
  // puts the plea off ("Remind me later", "Ich unterstütze bereits"): no story has one.
  const asks = stats.pleaParagraphs + flag(opensWithPlea(stats)) + flag(hitCount(stats, 'dismissals') > 0);
  return stats.plainBeforePlea === 0 && stats.seenPlea && asks >= LETTER_MIN_PLEA_PARAGRAPHS && plain <= LETTER_PLAIN_PER_PLEA * asks;
}

/** Found by the plea model: an appeal, a paywall, a newsletter box, or an app promo (counted among link farms). */
function judgedAsPlea(finding: Finding): boolean {
  return finding.kind !== 'linkfarm' || finding.detectorId === 'app-promo';
}

/**
 * Levels above the article at which its entry of a list may stand (a live blog's post around the post's body, a blog's
 * post around the wrappers of its text).
 */
const ENTRY_LEVELS = 4;
/** How far up from a block its entry of that list is looked for (a hostile page nests thousands deep). */
const ENTRY_DEPTH = 64;
const entryTags = new Set(['LI', 'ARTICLE']);

/**
 * Whether the block is, or is inside, another entry of a list the story is an entry of: a live blog's posts, the longest
 * taken for the story, list items or <article>s named alike. Such a block stands inside the story: a post may be links
 * and nothing else (its author, its time, its headline, a linked sentence), a row of its tags may go.
 */
function inStoryList(element: Element, article: Element): boolean {
  for (let entry: Element | null = article, level = 0; entry && level < ENTRY_LEVELS; entry = entry.parentElement, level++) {
    const list = entry.parentElement;
    const name = entryTags.has(entry.tagName) && entry.classList[0];
    if (!name || !list?.contains(element)) continue;
    for (let at: Element | null = element, depth = 0; at && depth < ENTRY_DEPTH; at = at.parentElement, depth++) {
      // A blog's posts lead their classes with their own ids ("post-1127 post type-post …"): the second class names them too.
      if (at.parentElement === list) return at !== entry && at.tagName === entry.tagName && (at.classList[0] === name || at.classList[1] === (entry.classList[1] ?? 0));
    }
  }
  return false;
}

/**
 * The article guard's second half, what may be collapsed where. Never the article or anything holding it.
 * Never a block that opens with plain paragraphs (news with an appeal glued to its end: the appeal alone
 * may go, the story stays). Inside the article only a box (not one of its paragraphs) with phrase evidence
 * (or a row of short links the site names as its tags), shaped like a plea or a list; before the article (the
 * site's header and menus) only blocks with phrase evidence, a sidebar's part holding no menu (a left column
 * comes before the story in the document), or a row of the story's tags under its headline; elsewhere at most a
 * couple of plain paragraphs beside the plea, or one per link of a list.
 */
function guardAllows(finding: Finding, index: StatsIndex, context: ScanContext): boolean {
  const stats = index.stats.get(finding.element)!;
  const article = context.article;
  const plea = judgedAsPlea(finding);
  // The story as the site marks it up (itemprop=articleBody), be it the one shown or a hidden copy for search engines
  // that ends with the paywall's plea, is the story's.
  if ((article && contains(index, finding.element, article)) || index.articleBodies.includes(finding.element)) return false;
  // The page's main landmark with prose in it holds the story, told as an article or not (a CJK page's short paragraphs).
  // (Only a block with paragraphs can hold them: most are looked into no further.)
  const main = stats.paragraphs && (finding.element.matches(MAIN_LANDMARK) ? finding.element : finding.element.querySelector(MAIN_LANDMARK));
  if (main && (index.stats.get(main)?.paragraphs ?? 0) > 0) return false;
  // The readers' comments are theirs, whatever words they use; a box the site names its paywall, or one saying so in a
  // paywall's words with a link to subscribe, shown in their place ("The comments are for subscribers"), is the site's,
  // and so is a list under a heading of its own and without a paragraph (a template that keeps "Most popular this week"
  // in the comments' wrapper): a reader writes paragraphs.
  if (stats.inComments && !(plea ? siteBoxInComments(stats) : !stats.paragraphs && headed(stats))) return false;
  // A menu's panel is navigation however many links it lists (a "Sections" modal, an off-canvas menu, a flyout of each
  // section's headlines): a list that stands in navigation stays when it holds a menu or no words name it (a sidebar's
  // may go), but in the footer, where sites keep their walls of category links. So do a front page's lists of stories,
  // what the reader came for, however its CMS names their boxes ("widget", a sidebar's name): only those a heading of
  // their own names ("Most read") go, not a wrapper of the page's lists that holds such a box, a sidebar's the site
  // names for other stories ("mostPopular"), and the footer's.
  if (!plea && !stats.inFooter && ((stats.inNavigation && stats.menus) || (stats.inNavigation ? !stats.inAside && !stats.hits : context.articleRank === FRONT_PAGE && !headed(stats) && !(stats.inAside && namedStoryList(stats))))) return false;
  if (plea && stats.plainBeforePlea > MAX_PLAIN_OPENING) return false;
  // On a page with no article told and no front (a brief, too short to be told as the article), a block holding a run of
  // three plain paragraphs and no words that name a list holds the story: the rest of it is no reason to hide that.
  if (!plea && !context.articleRank && !stats.hits && stats.storyParagraphs > 2) return false;
  // The page's headline over paragraphs is the story, however much of its opening speaks of subscribing (a paid article's lead);
  // inside the article, over its byline and a row of its tags, it is the story's head, all links though it may be.
  if ((plea ? stats.paragraphs : stats.place === 'inside') && finding.element.contains(context.doc.querySelector('h1'))) return false;
  // In the footer, links and nothing else (jobs · make a contribution · subscribe · labs; a lone "Donate") are the site's
  // own, though one asks.
  if (plea && stats.inFooter && stats.linkTextLength === stats.textLength) return false;
  if (plea && (context.appealPage ??= isAppealPage(context.doc)) && !(stats.inPageHeader || stats.inFooter || stats.inAside)) return false;
  // The block's place was set when it was judged (judgeSteps). Before the page was looked at whole (parts read while it
  // is parsed) any block may be the story's: judged as one inside it.
  if (article ? stats.place === 'inside' : context.articleRank === ARTICLE_UNKNOWN) {
    // Most of the article is its body, whatever it is made of (a deals roundup is a list of product links).
    if (article && 2 * stats.textLength > index.stats.get(article)!.textLength) return false;
    if ((!stats.hits && (plea || !(taggedRow(stats) || teaserWall(stats) || headedBySibling(finding.element, index)))) || !(plea ? pleaShaped(stats) : listShaped(stats))) return false;
    // Inside the article a plea is a box of its own, not one of its paragraphs unless that paragraph is a plea of its
    // own, nor a list but a line that is another story's link under a heading of its own ("READ MORE: …") or a row of
    // tags; a caption is the article's, whatever box holds it.
    if (smallestWrapper(finding.element, index).tagName === 'FIGCAPTION') return false;
    return !paragraphTags.has(finding.element.tagName) || paragraphPlea(finding, stats, context) || (stats.links === 1 && stats.textLength - stats.linkTextLength >= ONE_LINK_HEADING_MIN_CHARS && headed(stats)) || (!plea && tagParagraph(stats));
  }
  if (!stats.hits && stats.place === 'before' && !(stats.inAside && !stats.menus) && !(!plea && namedStoryList(stats)) && !storyTags(finding.element, stats, context)) return false;
  return plea ? stats.paragraphs - stats.pleaParagraphs <= Math.max(2, 2 * stats.pleaParagraphs) || pleaShaped(stats) : listShaped(stats);
}

/**
 * Before the article, a list with no words to name it that the site names for other stories ("related", "most-popular":
 * a template sets it between the headline and the story's body), out of the header and menus; names of tags or
 * categories there are a section bar's.
 */
function namedStoryList(stats: BlockStats): boolean {
  return !stats.inPageHeader && !stats.menus && hasHint(stats, 'linkfarm') && !hasHint(stats, 'tags');
}

/** A list whose heading is the line before it, a sibling of its own ("Lesen Sie auch:" over a list of stories). */
function headedBySibling(element: Element, index: StatsIndex): boolean {
  const previous = element.previousElementSibling;
  const heading = previous ? index.stats.get(previous) : undefined;
  return heading !== undefined && heading.links === 0 && (leadAt(heading.leading, 0) & LEAD_HEADING) !== 0;
}

/**
 * A paragraph that is a row of tags, its links and a label ("Schlagwörter: Radverkehr, Kanal, Verkehr"), that the site
 * names for them or whose links lead to tag pages: a list set as a paragraph, no sentence of the story. A post's line
 * with its date among its categories is its byline; a post holding a row of tags is more than the row.
 */
function tagParagraph(stats: BlockStats): boolean {
  return stats.links >= MIN_LIST_LINKS && stats.dateLinks === 0 && (2 * stats.tagLinks > stats.links || namedFor(stats.element, 'tags'))
    && stats.textLength - stats.linkTextLength <= TAG_LABEL_CHARS + TAG_SEPARATOR_CHARS * stats.links;
}

/** Most text between two tags (", ", " · "). */
const TAG_SEPARATOR_CHARS = 3;

/** Most text of a row of tags besides its links: a label ("Tags:", "More:"), not a byline. */
const TAG_LABEL_CHARS = 12;

/**
 * A row of the story's tags above its body: a tagged row under the page's headline, out of the menus, with no more
 * than a label besides its links. Above the headline, a row of links to sections is the site's menu.
 */
function storyTags(element: Element, stats: BlockStats, context: ScanContext): boolean {
  return taggedRow(stats) && !stats.inNavigation && stats.menus === 0 && stats.textLength - stats.linkTextLength <= TAG_LABEL_CHARS
    && afterHeadline(context.doc, element);
}

/**
 * The element comes after the page's first `<h1>`. One in a shadow tree is in no order with the document's headline
 * (the browser answers with a guess of its own: jsdom says after), and is not.
 */
export function afterHeadline(doc: Document, element: Element): boolean {
  const headline = doc.querySelector('h1');
  return headline !== null && (headline.compareDocumentPosition(element) & (FOLLOWING | DISCONNECTED)) === FOLLOWING;
}

/** Node.DOCUMENT_POSITION_FOLLOWING: the node compared with comes after; DISCONNECTED: it is in another tree. */
const FOLLOWING = 4;
const DISCONNECTED = 1;

/**
 * Quotation marks of any kind, straight ones included (scrapes glue them to either sentence): a story
 * reports an appeal in someone's words, a plea speaks in its own.
 */
export const anyQuotation = /["\u201c\u201d\u201e\u00ab\u00bb\u300c\u300d]/;

/**
 * Longest paragraph of the article that may be a plea of its own: an editor's note may go on to list the other ways
 * to follow the site (a feed, a newsletter, social media) after its ask.
 */
const STANDALONE_PLEA_CHARS = 480;

/** Inline elements an editor sets a note apart in. */
const setApartTags = new Set(['EM', 'I', 'STRONG', 'B', 'A', 'BR']);

/**
 * A paragraph set apart from the story's in type, all of its text in emphasis or links: an editor's italic
 * postscript ("Like this story? Consider a contribution…", "Want it in your inbox? Sign up!").
 */
function setApart(paragraph: Element): boolean {
  for (const node of paragraph.childNodes) {
    if (node.nodeType === 3 ? node.textContent!.trim() !== '' : node.nodeType === 1 && !setApartTags.has((node as Element).tagName)) return false;
  }
  return true;
}

/**
 * A paragraph of the article that is a plea of its own: short, a plea through and through, quoting no one, and set
 * apart from the story (in type on a page, by its words in plain text: context.standalonePlea) or leading to the
 * site's donation or subscription page ("Hat dir dieser Artikel gefallen? … Jetzt Supporter werden!", "…to help us keep
 * bringing you… click here" in plain type).
 */
function paragraphPlea(finding: Finding, stats: BlockStats, context: ScanContext): boolean {
  return finding.kind !== 'linkfarm' && stats.paragraphs <= 1 && stats.pleaParagraphs === stats.paragraphs && stats.textLength <= STANDALONE_PLEA_CHARS
    && !anyQuotation.test(finding.element.textContent!) && (plainTextMode && context.standalonePlea ? context.standalonePlea(stats) : setApart(finding.element) || stats.donateLinks + stats.memberLinks > 0);
}

/**
 * Fewest characters of a heading over one link ("Related:", "READ MORE:", "Lire aussi →"): a word of a sentence that runs
 * into its link ("Read <a>more about it here</a>.") heads nothing.
 */
const ONE_LINK_HEADING_MIN_CHARS = 8;

/** Where `element` sits relative to the article. */
export function placeOf(index: StatsIndex, element: Element, article: Element | null): Place {
  if (!article) return 'none';
  // A web component's content sits where the component does: compared across trees, each browser puts a shadow tree's
  // elements before or after the article in its own way (Firefox before, Chromium after, wherever the host stands).
  // Elements of one index are of one tree.
  let at = element;
  if (!index.stats.has(element) || !index.stats.has(article)) {
    let root: Node;
    while ((root = at.getRootNode()) !== article.getRootNode() && (root as ShadowRoot).host) at = (root as ShadowRoot).host;
  }
  if (contains(index, article, at) || inStoryList(at, article)) return 'inside';
  if (contains(index, element, article)) return 'holds';
  const atStats = index.stats.get(at);
  const articleStats = index.stats.get(article);
  return (atStats && articleStats ? atStats.order < articleStats.order : at.compareDocumentPosition(article) & FOLLOWING) ? 'before' : 'after';
}

/** A finding with its figures and the findings nested in it, outermost first. */
interface Nested {
  finding: Finding;
  stats: BlockStats;
  inner: Nested[];
}

/** Findings (in document order) as the trees they nest in: one pass, each finding's figures looked up once. */
function nestings(findings: Finding[], index: StatsIndex): Nested[] {
  const roots: Nested[] = [];
  const open: Nested[] = [];
  for (const finding of findings) {
    const stats = index.stats.get(finding.element)!;
    while (open.length > 0 && stats.order > open[open.length - 1]!.stats.subtreeEnd) open.pop();
    const nested = { finding, stats, inner: [] };
    (open.length > 0 ? open[open.length - 1]!.inner : roots).push(nested);
    open.push(nested);
  }
  return roots;
}

/**
 * Nested findings collapse to the outermost, except that a finding holding separate inner findings of
 * other kinds is a column of blocks (a sidebar with a promo, a list and an app banner): those are
 * collapsed one by one, each with its own kind, instead of the column as a whole; and a plea that is a menu
 * around inner pleas (a footer's menu holding a sign-up box, a top menu with its panels) gives way to them.
 */
function outermost(findings: Finding[], index: StatsIndex): Finding[] {
  const kept: Finding[] = [];
  const visit = (list: Nested[]): void => {
    for (const { finding, stats, inner } of list) {
      // Headings and paragraphs of other kinds are one box's ("Read every article" over an offer), as a plea's row of
      // buttons is ("Subscribe now" under a meter's notice); boxes of other kinds are a column's, and so are boxes
      // beside a form none of them holds, unless it is a sign-up's (a layer of a site's windows: two paywall notices and
      // a password reset).
      const plea = judgedAsPlea(finding);
      const parts = inner.filter((part) => !paragraphTags.has(part.finding.element.tagName) && !(plea && buttonRow(part.stats)));
      if (parts.length >= 2 && (parts.some((part) => part.finding.kind !== finding.kind) || (finding.kind !== 'newsletter' && stats.emailInputs > 0 && parts.every((part) => !part.stats.emailInputs)))) visit(inner);
      else if (inner.length > 0 && plea && menuAround(stats, summed(inner.map((part) => part.stats))) && !pleaOwnsLinks(stats)) visit(inner);
      else if (parts.length === 1 && finding.kind === 'linkfarm' && parts[0]!.finding.kind === 'linkfarm' && proseAround(stats, parts[0]!.stats)) visit(inner);
      else kept.push(finding);
    }
  };
  visit(nestings(findings, index));
  return kept;
}

/**
 * Most of a box's links lead to subscribing or giving: its row of links is the plea's own ("Subscribe Now · Give a
 * Gift · Digital Subscription"), not a menu of the site's.
 */
function pleaOwnsLinks(stats: BlockStats): boolean {
  return 2 * (stats.memberLinks + stats.donateLinks) > stats.links;
}

/** Share of a box's text its found parts must hold, and the most text it may hold besides them: a title, a line, a link. */
const PARTS_SHARE = 0.5;
const BOX_EXTRA_CHARS = 300;

/**
 * A box whose found parts hold most of its text, and that is found itself at high sensitivity, is collapsed
 * whole: a sign-up box's title ("Notifications") and its "View all newsletters" link go with the forms they head.
 * Not a box whose other text is a menu or a share bar: those are the site's, beside the parts.
 */
function wholeBoxes(findings: Finding[], index: StatsIndex, context: ScanContext): Finding[] {
  const eager = { ...context, detect: { ...context.detect, sensitivity: 'high' as const } };
  const partsOf = new Map<Element, Finding[]>();
  for (const finding of findings) {
    const box = finding.element.parentElement;
    // Never the page or its main landmark: a frame's body around its one appeal is no box.
    if (!box || pageTags.has(box.tagName) || !index.stats.has(box)) continue;
    const parts = partsOf.get(box);
    if (parts) parts.push(finding);
    else partsOf.set(box, [finding]);
  }
  // A box holding found blocks deeper down besides its parts (a menu's two sign-up panels, one a level lower) is a
  // column of them: its other text is not theirs.
  const orders = findings.map((finding) => index.stats.get(finding.element)!.order);
  const wholes: Finding[] = [];
  for (const [box, parts] of partsOf) {
    const stats = index.stats.get(box)!;
    const inner = summed(parts.map((part) => index.stats.get(part.element)!));
    if (stats.textLength - inner.textLength > Math.min(PARTS_SHARE * stats.textLength, BOX_EXTRA_CHARS) || stats.socialLinks > inner.socialLinks
      || menuAround(stats, inner) || parts.some((part) => part.kind !== parts[0]!.kind) || foundWithin(orders, stats) > parts.length) continue;
    stats.place = placeOf(index, box, context.article);
    const whole = withStatsIndex(index, () => bestFinding(box, stats, eager));
    if (whole?.kind === parts[0]!.kind && guardAllows(whole, index, context)) wholes.push(whole);
  }
  if (wholes.length === 0) return findings;
  // A box's parts, and a box inside a bigger box, give way to it: in document order (a box before a finding of the same
  // element, the sort being stable), whatever lies within the last box kept is left out.
  const boxes = new Set(wholes);
  let boxEnd = -1;
  return [...wholes, ...findings].sort((a, b) => index.stats.get(a.element)!.order - index.stats.get(b.element)!.order).filter((finding) => {
    const stats = index.stats.get(finding.element)!;
    if (stats.order <= boxEnd) return false;
    if (boxes.has(finding)) boxEnd = stats.subtreeEnd;
    return true;
  });
}

/**
 * A plea's heading found alone, its buttons beside it: a box the markup does not wrap (a "Support the author"
 * heading over a row of PayPal and Patreon buttons) is collapsed whole, the row as the heading's.
 */
function withButtonRows(findings: Finding[], index: StatsIndex): Finding[] {
  const joined: Finding[] = [];
  findings.forEach((finding, i) => {
    joined.push(finding);
    const row = finding.element.nextElementSibling;
    const rowStats = row && index.stats.get(row);
    const next = findings[i + 1];
    if (rowStats && judgedAsPlea(finding) && /^H[1-6]$/.test(finding.element.tagName) && buttonRow(rowStats) && !(next && contains(index, row, next.element))) {
      joined.push({ ...finding, element: row });
    }
  });
  return joined;
}

/** How many of the findings (their orders, ascending, none inside another) stand inside the block. */
function foundWithin(orders: number[], stats: BlockStats): number {
  return firstAfter(orders, stats.subtreeEnd) - firstAfter(orders, stats.order - 1);
}

/** Index of the first order above `order`. */
function firstAfter(orders: number[], order: number): number {
  let low = 0;
  let high = orders.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (orders[middle]! <= order) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The text and links of found parts together. */
function summed(parts: BlockStats[]): Pick<BlockStats, 'textLength' | 'links' | 'linkTextLength' | 'socialLinks'> {
  // Named field by field: the bundle minifies these names (build.mjs), a name in a string would not be.
  const sum = { textLength: 0, links: 0, linkTextLength: 0, socialLinks: 0 };
  for (const part of parts) {
    sum.textLength += part.textLength;
    sum.links += part.links;
    sum.linkTextLength += part.linkTextLength;
    sum.socialLinks += part.socialLinks;
  }
  return sum;
}

/** Links a menu around an inner plea has at least, and the share of its text they hold. */
const MENU_MIN_LINKS = 4;
const MENU_LINK_SHARE = 0.8;

/** Whether what `outer` holds besides `inner` is a menu. */
function menuAround(outer: BlockStats, inner: Pick<BlockStats, 'textLength' | 'links' | 'linkTextLength'>): boolean {
  const text = outer.textLength - inner.textLength;
  return outer.links - inner.links >= MENU_MIN_LINKS && outer.linkTextLength - inner.linkTextLength >= MENU_LINK_SHARE * text;
}

/** Text besides a list's own (a byline over a row of tags) that is more than a title. */
const PROSE_AROUND_CHARS = 40;

/**
 * Whether `outer` holds no link and no heading besides `inner`'s, but lines of text before it, more than a title:
 * a byline and a date line over a row of tags.
 */
function proseAround(outer: BlockStats, inner: BlockStats): boolean {
  return outer.links === inner.links && outer.headings === inner.headings && outer.textLength - inner.textLength >= PROSE_AROUND_CHARS
    && (leadAt(outer.leading, 0) & leadAt(outer.leading, 1) & LEAD_TITLE) !== 0;
}

/**
 * Descends through wrappers that hold nothing but one block: the smallest element wrapping the whole block. A picture
 * is something: a box titled by an image of its words, or a widget whose banner has none, goes with its picture.
 */
function smallestWrapper(element: Element, index: StatsIndex): Element {
  let current = element;
  for (;;) {
    const stats = index.stats.get(current)!;
    let only: Element | null = null;
    let count = 0;
    for (const child of current.children) {
      const childStats = index.stats.get(child);
      if (!childStats || (childStats.textLength === 0 && childStats.images === 0 && childStats.emailInputs === 0 && childStats.buttons === 0)) continue;
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

