// The link-list model: walls of links that are neither the article nor the site's own navigation — related
// and most-read lists, recommendation widgets, tag lists, blog sidebars, footer walls of section links. Its
// signals read how much of a block is links and what kind (short entries, headlines, dates, legal pages),
// what heads it, its class names, and where it sits: menus and the page header are the site's way around,
// a short legal footer is its small print.
import type { DetectContext, Verdict } from '../core/types';
import { askingPhrases, flag, hint, noValues, percent, placeSignals, quoted, share, sizeFactor, where } from './evidence';
import { memoScore, verdictOf, type Score, type Signal } from './model';
import { modelWeights } from './weights';
import { blockStats, hasHint, LEAD_HEADING, LEAD_TITLE, leadAt, leadCount, matchedPhrases, plainTextMode, type BlockStats } from './stats';

/**
 * Fewest links a list needs to be judged at all. With just that many, a title or a heading over them or a tag among them
 * must make them one: two links alone are a pair (previous · next, "Download PDF · Supplements", a byline's two names),
 * where a title over two headlines ("More about the economy") or a row of two tags is a list. One headline and one
 * other link are a teaser's title (its section's name as a kicker, then the story: "History · Flood of 1953 · How the
 * town rebuilt…"), however many teasers stand in a row, unless a link-list heading heads them.
 */
export const MIN_LIST_LINKS = 2;
/** Most links of a paragraph that is a sentence linking out (a licence, a credit line) rather than a list. */
const SENTENCE_LINKS = 2;
/** Characters between two links that are only a separator (" · " collapses to about two). */
const SEPARATOR_CHARS = 2.5;
/** Text a list of links needs before its share of links says much (three short entries have ~40). */
const WALL_MIN_CHARS = 100;
/** Longest row of tags ("Tags: a, b, c"). */
const TAG_ROW_CHARS = 400;
/** Links that make a footer column a wall of the site's sections rather than its small print. */
const FOOTER_WALL_LINKS = 15;

/** How much a block is a wall of links: its link share, once it holds enough text to be a list. */
function wall(stats: BlockStats): number {
  return stats.textLength >= WALL_MIN_CHARS ? share(stats.linkTextLength, stats.textLength) : 0;
}

/** Fewest links a heading must have after it to head a list (but see oneLink and teaserCard). */
const HEADED_LINKS = 2;
/** Longest heading over one link. */
const ONE_LINK_HEADING_CHARS = 40;

/**
 * The block opens with a link-list heading that has a list under it: a heading word late in a block ("Share ·
 * Tweet · Popular Now »" in a toolbar) heads nothing. Each text before the heading is taken to hold one link.
 */
export function headed(stats: BlockStats): boolean {
  for (let at = 0; at < leadCount(stats.leading); at++) {
    if ((leadAt(stats.leading, at) & LEAD_HEADING) !== 0) return stats.links - at >= HEADED_LINKS || oneLink(stats, at) || teaserCard(stats);
  }
  return false;
}

/**
 * A heading over one link and no other text: a tag ("Tags: indonesia", "Topics Aviation") or another story's headline
 * ("READ MORE: …", "Lesen Sie auch …", "Baca Juga: …") but in a paragraph or the footer ("© 2013 · The BBC is not
 * responsible for external sites. Read more…" is small print). A lone "Read more" link holds its heading itself, and a
 * link's own words ("Latest news on the war") are its text, not a heading over it. A card's picture link, a badge's
 * word in it, may come before the heading ("interview · Read also: …") when the one link after it is a headline: the
 * "More information >" after a trust badge's logo is no other story.
 */
function oneLink(stats: BlockStats, at: number): boolean {
  const plain = stats.textLength - stats.linkTextLength;
  return stats.links - at === 1 && (at === 0 || stats.headlineLinks === 1) && plain > 0 && plain <= ONE_LINK_HEADING_CHARS && !(stats.headlineLinks && (stats.paragraphs || stats.inFooter));
}

/**
 * A teaser card under a link-list heading ("Related", "From our partners"): one link to another story, its headline
 * set as a heading beside a picture, and no paragraph (a promo of the paper's edition has one: an offer, not a teaser).
 */
function teaserCard(stats: BlockStats): boolean {
  return stats.links === 1 && stats.headlineLinks === 1 && stats.images > 0 && stats.headings > 0 && stats.paragraphs === 0;
}

/**
 * A row of links, most of them short, that the site's class names mark as tags or categories ("post-tags",
 * "keywords-section"); a box with a paragraph (a site footer around its list of sections) is more than a row.
 */
export function taggedRow(stats: BlockStats): boolean {
  return stats.paragraphs === 0 && 2 * stats.headlineLinks < stats.links && (2 * stats.tagLinks > stats.links || hasHint(stats, 'tags'));
}

// `tidings tune` fits each signal's weight (src/detectors/weights.json), starting from its hand-set prior in
// cli/tune/priors.ts.
export const linkSignals: readonly Signal[] = [
  { id: 'logLinks', max: 12, compute: (s) => Math.log2(1 + s.links), reason: (s) => [String(s.links)] },
  { id: 'linkShare', max: 1, compute: (s) => share(s.linkTextLength, s.textLength), reason: (s) => [percent(s.linkTextLength, s.textLength)] },
  { id: 'shortLinkShare', max: 1, compute: (s) => share(s.shortLinks, s.links), reason: noValues },
  { id: 'headlineShare', max: 1, compute: (s) => share(s.headlineLinks, s.links), reason: (s) => [String(s.headlineLinks)] },
  { id: 'averageLinkChars', max: 2, compute: (s) => (s.links === 0 ? 0 : Math.min(100, s.linkTextLength / s.links) / 50) },
  { id: 'listItemsPerLink', max: 1.5, compute: (s) => (s.links === 0 ? 0 : Math.min(1.5, s.listItems / s.links)) },
  { id: 'wallHeading', max: 1, compute: (s) => flag(headed(s)), reason: (s) => [quoted(matchedPhrases(s, ['linkWallHeadings']).slice(0, 1))] },
  where('titled', titled),
  { id: 'headings', max: 3, compute: (s) => Math.min(3, s.headings) },
  { id: 'plainParagraphs', max: 6, compute: (s) => Math.min(6, s.paragraphs) },
  { id: 'logChars', max: 6, compute: (s) => Math.log10(1 + s.textLength) },
  { id: 'dateShare', max: 1, compute: (s) => share(s.dateLinks, s.links), reason: noValues },
  { id: 'legalShare', max: 1, compute: (s) => share(s.legalLinks, s.links) },
  { id: 'pleaPhrases', max: 2, compute: (s) => Math.min(2, askingPhrases(s)) },
  where('fields', (s) => s.emailInputs + s.textInputs + s.searchInputs + s.textareas > 0),
  { id: 'imagesPerLink', max: 1.5, compute: (s) => (s.links === 0 ? 0 : Math.min(1.5, s.images / s.links)) },
  where('separatorsOnly', (s) => s.links >= 4 && s.textLength - s.linkTextLength <= SEPARATOR_CHARS * s.links),
  where('inNavigation', (s) => s.inNavigation),
  where('holdsMenus', (s) => s.menus > 0),
  ...placeSignals,
  // What a wall of links is depends on where it stands: these read two signals together.
  { id: 'wallAfterArticle', max: 1, compute: (s) => flag(s.place === 'after') * wall(s) },
  { id: 'wallInAside', max: 1, compute: (s) => flag(s.inAside) * wall(s) },
  { id: 'wallInFooter', max: 1, compute: (s) => flag(s.inFooter) * wall(s) },
  { id: 'wallInsideArticle', max: 1, compute: (s) => flag(s.place === 'inside') * wall(s) },
  { id: 'tagRow', max: 1, compute: (s) => flag(s.textLength <= TAG_ROW_CHARS && share(s.linkTextLength, s.textLength) >= 0.5 && (headed(s) || taggedRow(s))), reason: noValues },
  { id: 'footerWall', max: 1, compute: (s) => flag(s.inFooter && s.links >= FOOTER_WALL_LINKS), reason: (s) => [String(s.links)] },
  { id: 'headlinesAfterArticle', max: 1, compute: (s) => flag(s.place === 'after') * share(s.headlineLinks, s.links) },
  { id: 'teaserCards', max: 1, compute: (s) => flag(s.links > 0 && s.images >= s.links) * share(s.linkTextLength, s.textLength) },
  { id: 'socialShare', max: 1, compute: (s) => share(s.socialLinks, s.links) },
  where('menuOutsideFooter', (s) => s.inNavigation && !s.inFooter),
  where('inComments', (s) => s.inComments),
  hint('linkfarm'),
  hint('vendor'),
  hint('social'),
  hint('account'),
  // A short row of links to the pages of tags, topics or categories (or to searches for them): a story's tags, in any
  // language. A menu's links lead to categories too: the site's way around, not a row of tags.
  { id: 'tagLinkShare', max: 1, compute: (s) => (s.textLength > TAG_ROW_CHARS || s.inNavigation || s.menus > 0 || s.inPageHeader ? 0 : share(s.tagLinks, s.links)), reason: (s) => [String(s.tagLinks)] },
];

/**
 * Share of links within the page's own navigation that makes a block that navigation: pagination ("1 2 3 … »"), a
 * table of contents (half of one whose headings are links of their own: each entry an anchor and its story's link).
 */
const PAGE_NAVIGATION_SHARE = 0.5;

/** Average characters of an index's links (one letter or number each; "Next" among them). */
const INDEX_LINK_CHARS = 2;

/**
 * Links of a character or so each, without pictures: an index of letters or page numbers ("A B C … Z", "1 2 3 … 10"),
 * the page's own way around. Links without text are laid over a card's picture or headline: a wall of such cards is a list.
 */
function letterIndex(stats: BlockStats): boolean {
  return stats.linkTextLength > 0 && stats.linkTextLength < INDEX_LINK_CHARS * stats.links && stats.images === 0;
}

function titled(stats: BlockStats): boolean {
  return (leadAt(stats.leading, 0) & LEAD_TITLE) !== 0;
}

export function linkListMayMatch(stats: BlockStats): boolean {
  const links = stats.links;
  const listed = links > MIN_LIST_LINKS || (links === MIN_LIST_LINKS && stats.headlineLinks !== 1 && (titled(stats) || stats.headings + stats.tagLinks > 0));
  return (listed || headed(stats)) && stats.pageLinks < PAGE_NAVIGATION_SHARE * stats.links && !letterIndex(stats);
}

function linkScore(stats: BlockStats, context: DetectContext): Score | null {
  return memoScore('links', linkListMayMatch, linkSignals, modelWeights.links, stats, context);
}

/** Short lines in a row that make a wall in plain text (menus and tag lists copied with the story). */
const LINE_WALL_LINES = 8;

/**
 * A block holds a list without being one when a child already is the list and the block adds the site's
 * small print to it (a footer: the wall of sections, then "Imprint · Privacy · Contact"): the wall goes, the
 * legal line stays.
 */
function onlyHoldsList(stats: BlockStats, context: DetectContext): boolean {
  // Whether a child is a list at all (at the most eager setting): at low sensitivity too the legal line stays.
  // Legal links in the lists are a column of the wall ("Contact us" among the sections); the rest are small print.
  const eager: DetectContext = { ...context, sensitivity: 'high' };
  let lists = 0;
  let legal = 0;
  for (const child of stats.element.children) {
    const childStats = blockStats(child, context);
    if (childStats.links < MIN_LIST_LINKS || !linkScore(childStats, eager)) continue;
    lists++;
    legal += childStats.legalLinks;
  }
  return lists > 0 && legal < stats.legalLinks;
}

/** A footer box with fewer links than this for each one to the site's legal and contact pages is its small print. */
const SMALL_PRINT_LINKS_PER_LEGAL = 3;

/**
 * A footer box more than a third of whose links are the site's legal and contact pages ("Contact · Privacy · Terms ·
 * Cookies") is its small print, not a wall, however many sections it also names: a column of those sections may go on
 * its own, the legal and contact footer stays.
 */
function smallPrint(stats: BlockStats): boolean {
  return stats.inFooter && SMALL_PRINT_LINKS_PER_LEGAL * stats.legalLinks > stats.links;
}

export function linkListVerdict(block: Element, context: DetectContext): Verdict | null {
  const stats = blockStats(block, context);
  // Plain text has a shape no page has: a run of short lines. No labelled page teaches it, so it is a rule.
  if (plainTextMode && stats.lineWall) return stats.links >= LINE_WALL_LINES / sizeFactor(context) ? { score: 0.9, reasons: [{ key: 'why_lineWall', values: [String(stats.links)] }] } : null;
  // A paragraph with a link or two is a sentence that links (a licence, a credit line), not a list, unless headed.
  if (block.tagName === 'P' && stats.links <= SENTENCE_LINKS && !headed(stats)) return null;
  // A table with header cells is data (an infobox: "Fields · Astronomy, physics…"), its links the facts' pages.
  if (/^T(ABLE|BODY|R)$/.test(block.tagName) && block.querySelector('th')) return null;
  const score = linkScore(stats, context);
  if (!score || onlyHoldsList(stats, context) || smallPrint(stats)) return null;
  return verdictOf(score);
}
