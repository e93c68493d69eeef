import type { DetectContext, Detector, Verdict } from '../core/types';
import { Evidence, percent, plural, sizeFactor } from '../scan/evidence';
import { blockStats, hasHint, hitCount, matchedPhrases, type BlockStats } from '../scan/stats';

// Two shapes of link farm. A headed list: "Trending", "Most read", "Around the web" over a list of
// links (headlines may be long). A headless wall: many short links and almost nothing else; since
// every site has menus like that, the wall must be big and dense and sit outside the site's
// navigation. Plain text has a third shape: a run of short lines.

/** At normal sensitivity: links under a heading, and links of a headless wall. */
const HEADED_LINKS = 4;
const WALL_LINKS = 20;
/** Short lines in a row that make a wall in plain text (menus and tag lists copied with the story). */
const LINE_WALL_LINES = 8;
/** Share of the text inside links. */
const HEADED_LINK_SHARE = 0.45;
const WALL_LINK_SHARE = 0.85;
/** Average characters per link in a wall of *short* links ("Music", "Trailers", "India"). */
const WALL_AVERAGE_LINK_CHARS = 20;
const MAX_CHARS = 5000;
/** Share of links that are dates above which a list is the site's archive by month, not a farm. */
const ARCHIVE_DATE_SHARE = 0.8;
/** More headings than this and the block is a column of several lists, not one. */
const MAX_HEADINGS = 2;
/** Most links under one heading: a "More posts you may like" feed holds several per post; a hundred is a site menu. */
const HEADED_MAX_LINKS = 100;
/**
 * Inside the site's menus or header a heading word over short links (section names) heads a small
 * list only ("You may like" and a few sister sites); more is the menu itself.
 */
const MENU_HEADED_MAX_LINKS = 12;

/** The site's own menus and header: never a link farm by structure alone, whatever heads them. */
function siteMenu(stats: BlockStats): boolean {
  return stats.inPageHeader || stats.inNavigation || stats.menus > 0;
}

/**
 * Links the heading can head: those not before it. A heading word late in a block ("Share · Tweet ·
 * Popular Now »" in a toolbar, a headline "Most popular dog breeds" fourth in a carousel) heads nothing;
 * each text before it is taken to hold one link.
 */
function linksAfterHeading(stats: BlockStats): number {
  return stats.links - stats.leading.indexOf(true);
}

function headedList(stats: BlockStats, share: number, factor: number): boolean {
  const menuEntries = (stats.inPageHeader || stats.inNavigation) && stats.linkTextLength <= WALL_AVERAGE_LINK_CHARS * stats.links;
  return stats.leadingHeading && hitCount(stats, 'linkWallHeadings') <= MAX_HEADINGS
    && linksAfterHeading(stats) >= HEADED_LINKS && stats.links <= (menuEntries ? MENU_HEADED_MAX_LINKS * factor : HEADED_MAX_LINKS)
    && share >= HEADED_LINK_SHARE && stats.paragraphs <= stats.links;
}

/** How much denser in links a child list must be for this block to count as its surroundings. */
const SURROUNDINGS_SHARE_DROP = 0.2;

/** A child that is itself a headed list, much denser in links: this block only adds ads and asides around it. */
function denserChildList(block: Element, share: number, context: DetectContext): boolean {
  for (const child of block.children) {
    const stats = blockStats(child, context);
    if (stats.textLength === 0) continue;
    const childShare = stats.linkTextLength / stats.textLength;
    if (childShare - share >= SURROUNDINGS_SHARE_DROP && headedList(stats, childShare, sizeFactor(context))) return true;
  }
  return false;
}

/** Characters between two links that are only a separator (" · " collapses to about two). */
const SEPARATOR_CHARS = 2.5;

/** The text outside links is no more than separators between them. */
function separatorsOnly(stats: BlockStats): boolean {
  return stats.textLength - stats.linkTextLength <= SEPARATOR_CHARS * stats.links;
}

function wall(stats: BlockStats, share: number, average: number, factor: number): boolean {
  return !siteMenu(stats) && stats.headings === 0 && stats.links >= WALL_LINKS / factor
    && (share >= WALL_LINK_SHARE || separatorsOnly(stats)) && average <= WALL_AVERAGE_LINK_CHARS && stats.paragraphs === 0;
}

function detect(block: Element, context: DetectContext): Verdict | null {
  const stats = blockStats(block, context);
  const factor = sizeFactor(context);
  if (stats.links < HEADED_LINKS || stats.textLength === 0 || stats.textLength > MAX_CHARS * factor) return null;
  if (stats.dateLinks >= ARCHIVE_DATE_SHARE * stats.links) return null;
  const share = stats.linkTextLength / stats.textLength;
  const average = stats.linkTextLength / stats.links;
  const headed = headedList(stats, share, factor) && !denserChildList(block, share, context);
  const isWall = wall(stats, share, average, factor);
  const lines = stats.lineWall && stats.links >= LINE_WALL_LINES / factor;
  if (!headed && !isWall && !lines) return null;
  const evidence = new Evidence().add(0.3, `${plural(stats.links, 'link')}, link text ${percent(stats.linkTextLength, stats.textLength)} %`);
  if (headed) evidence.add(0.35, `heading '${matchedPhrases(stats, ['linkWallHeadings'])[0]}'`);
  if (isWall) evidence.add(0.3 + Math.min(0.2, (stats.links - WALL_LINKS) * 0.01), `short links (${Math.round(average)} characters on average)`);
  if (lines) evidence.add(0.35, `${plural(stats.links, 'short line')} in a row`);
  if (hasHint(stats, 'linkfarm')) evidence.add(0.1, 'class names of a link list');
  return evidence.verdict(context);
}

export const linkFarm: Detector = {
  id: 'link-farm',
  label: 'Link farm',
  description: 'Walls of short unrelated links, "trending" and "around the web" link lists, tag clouds.',
  category: 'clutter',
  kind: 'linkfarm',
  enabledByDefault: true,
  mayMatch: (stats) => stats.links >= HEADED_LINKS,
  detect,
};
