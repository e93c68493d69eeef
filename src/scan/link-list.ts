// The link-list model: walls of links that are neither the article nor the site's own navigation — related
// and most-read lists, recommendation widgets, tag lists, blog sidebars, footer walls of section links. Its
// signals read how much of a block is links and what kind (short entries, headlines, dates, legal pages),
// what heads it, its class names, and where it sits: menus and the page header are the site's way around,
// a short legal footer is its small print.
import type { DetectContext, Verdict } from '../core/types';
import { plural, quoted, sizeFactor } from './evidence';
import { memoOf, reasonsOf, scoreBlock, type Score, type Signal } from './model';
import { modelWeights } from './weights';
import { blockStats, hasHint, hitCount, LEAD_TITLE, matchedPhrases, type BlockStats, type Hint } from './stats';

/** Fewest links a list needs to be judged at all. */
export const MIN_LIST_LINKS = 2;
/** Characters between two links that are only a separator (" · " collapses to about two). */
const SEPARATOR_CHARS = 2.5;
/** Text a list of links needs before its share of links says much (three short entries have ~40). */
const WALL_MIN_CHARS = 100;

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.min(1, part / whole);
}

function flag(present: boolean): number {
  return present ? 1 : 0;
}

/** How much a block is a wall of links: its link share, once it holds enough text to be a list. */
function wall(stats: BlockStats): number {
  return stats.textLength >= WALL_MIN_CHARS ? share(stats.linkTextLength, stats.textLength) : 0;
}

function hint(name: Hint, what: string): Signal {
  return { id: `${name}Hint`, max: 1, lazy: true, value: (stats) => flag(hasHint(stats, name)), reason: () => what };
}

function pleaHits(stats: BlockStats): number {
  return hitCount(stats, 'donation') + hitCount(stats, 'membership') + hitCount(stats, 'paywall') + hitCount(stats, 'newsletter');
}

export const linkSignals: readonly Signal[] = [
  { id: 'logLinks', max: 12, value: (s) => Math.log2(1 + s.links), reason: (s) => plural(s.links, 'link') },
  { id: 'linkShare', max: 1, value: (s) => share(s.linkTextLength, s.textLength), reason: (s) => `${Math.round(share(s.linkTextLength, s.textLength) * 100)} % of its text is links` },
  { id: 'shortLinkShare', max: 1, value: (s) => share(s.shortLinks, s.links), reason: () => 'Short links' },
  { id: 'headlineShare', max: 1, value: (s) => share(s.headlineLinks, s.links), reason: (s) => `${plural(s.headlineLinks, 'headline')} of other articles` },
  { id: 'averageLinkChars', max: 2, value: (s) => (s.links === 0 ? 0 : Math.min(100, s.linkTextLength / s.links) / 50) },
  { id: 'listItemsPerLink', max: 1.5, value: (s) => (s.links === 0 ? 0 : Math.min(1.5, s.listItems / s.links)) },
  { id: 'wallHeading', max: 1, value: (s) => flag(s.leadingHeading), reason: (s) => `Headed ${quoted(matchedPhrases(s, ['linkWallHeadings']).slice(0, 1))}` },
  { id: 'titled', max: 1, value: (s) => flag(((s.leading[0] ?? 0) & LEAD_TITLE) !== 0) },
  { id: 'headings', max: 3, value: (s) => Math.min(3, s.headings) },
  { id: 'plainParagraphs', max: 6, value: (s) => Math.min(6, s.paragraphs) },
  { id: 'logChars', max: 6, value: (s) => Math.log10(1 + s.textLength) },
  { id: 'dateShare', max: 1, value: (s) => share(s.dateLinks, s.links), reason: () => 'An archive by date' },
  { id: 'legalShare', max: 1, value: (s) => share(s.legalLinks, s.links) },
  { id: 'pleaPhrases', max: 2, value: (s) => Math.min(2, pleaHits(s)) },
  { id: 'fields', max: 1, value: (s) => flag(s.emailInputs + s.textInputs + s.searchInputs + s.textareas > 0) },
  { id: 'imagesPerLink', max: 1.5, value: (s) => (s.links === 0 ? 0 : Math.min(1.5, s.images / s.links)) },
  { id: 'separatorsOnly', max: 1, value: (s) => flag(s.links >= 4 && s.textLength - s.linkTextLength <= SEPARATOR_CHARS * s.links) },
  { id: 'inNavigation', max: 1, value: (s) => flag(s.inNavigation) },
  { id: 'holdsMenus', max: 1, value: (s) => flag(s.menus > 0) },
  { id: 'inPageHeader', max: 1, value: (s) => flag(s.inPageHeader) },
  { id: 'inFooter', max: 1, value: (s) => flag(s.inFooter) },
  { id: 'inAside', max: 1, value: (s) => flag(s.inAside) },
  { id: 'insideArticle', max: 1, value: (s) => flag(s.place === 'inside') },
  { id: 'afterArticle', max: 1, value: (s) => flag(s.place === 'after') },
  { id: 'beforeArticle', max: 1, value: (s) => flag(s.place === 'before') },
  // What a wall of links is depends on where it stands: these read two signals together.
  { id: 'wallAfterArticle', max: 1, value: (s) => flag(s.place === 'after') * wall(s) },
  { id: 'wallInAside', max: 1, value: (s) => flag(s.inAside) * wall(s) },
  { id: 'wallInFooter', max: 1, value: (s) => flag(s.inFooter) * wall(s) },
  { id: 'wallInsideArticle', max: 1, value: (s) => flag(s.place === 'inside') * wall(s) },
  { id: 'headedWall', max: 1, value: (s) => flag(s.leadingHeading) * wall(s) },
  { id: 'headlinesAfterArticle', max: 1, value: (s) => flag(s.place === 'after') * share(s.headlineLinks, s.links) },
  { id: 'teaserCards', max: 1, value: (s) => flag(s.links > 0 && s.images >= s.links) * share(s.linkTextLength, s.textLength) },
  { id: 'socialShare', max: 1, value: (s) => share(s.socialLinks, s.links) },
  { id: 'numberShare', max: 1, value: (s) => share(s.numberLinks, s.links) },
  { id: 'menuOutsideFooter', max: 1, value: (s) => flag(s.inNavigation && !s.inFooter) },
  hint('linkfarm', 'Marked as a list of links'),
  hint('vendor', 'A recommendation widget'),
  hint('comments', 'Part of the comments'),
  hint('social', 'A share or follow bar'),
  hint('account', 'A sign-in box'),
];

export function linkListMayMatch(stats: BlockStats): boolean {
  return stats.links >= MIN_LIST_LINKS;
}

function linkScore(stats: BlockStats, context: DetectContext): Score | null {
  const memo = memoOf(stats, context);
  if (memo.links === undefined) memo.links = linkListMayMatch(stats) ? scoreBlock(linkSignals, modelWeights.links, stats, context.sensitivity) : null;
  return memo.links;
}

/** Short lines in a row that make a wall in plain text (menus and tag lists copied with the story). */
const LINE_WALL_LINES = 8;

export function linkListVerdict(block: Element, context: DetectContext): Verdict | null {
  const stats = blockStats(block, context);
  // Plain text has a shape no page has: a run of short lines. No labelled page teaches it, so it is a rule.
  if (stats.lineWall) return stats.links >= LINE_WALL_LINES / sizeFactor(context) ? { score: 0.9, reasons: [`${plural(stats.links, 'short line')} in a row`] } : null;
  const score = linkScore(stats, context);
  if (!score) return null;
  return { score: Math.round(score.probability * 100) / 100, reasons: reasonsOf(score) };
}
