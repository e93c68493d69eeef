import type { DetectContext, Detector, Verdict } from '../core/types';
import { Evidence, percent, plural, sizeFactor } from '../scan/evidence';
import { blockStats, hasHint, hitCount, matchedPhrases, type BlockStats } from '../scan/stats';

// Two shapes of link farm. A headed list: "Trending", "Most read", "Around the web" over a list of
// links (headlines may be long). A headless wall: many short links and almost nothing else; since
// every site has menus like that, the wall must be big and dense and sit outside the site's
// navigation.

/** At normal sensitivity: links under a heading, and links of a headless wall. */
const HEADED_LINKS = 4;
const WALL_LINKS = 20;
/** Share of the text inside links. */
const HEADED_LINK_SHARE = 0.45;
const WALL_LINK_SHARE = 0.85;
/** Average characters per link in a wall of *short* links ("Music", "Trailers", "India"). */
const WALL_AVERAGE_LINK_CHARS = 20;
const MAX_CHARS = 5000;
/** More headings than this and the block is a column of several lists, not one. */
const MAX_HEADINGS = 2;

function headedList(stats: BlockStats, share: number): boolean {
  return stats.leadingHeading && hitCount(stats, 'linkWallHeadings') <= MAX_HEADINGS
    && stats.links >= HEADED_LINKS && share >= HEADED_LINK_SHARE && stats.paragraphs <= stats.links;
}

function wall(stats: BlockStats, share: number, average: number, factor: number): boolean {
  return !stats.inPageHeader && !stats.inNavigation && stats.menus === 0 && stats.headings === 0 && stats.links >= WALL_LINKS / factor
    && share >= WALL_LINK_SHARE && average <= WALL_AVERAGE_LINK_CHARS && stats.paragraphs === 0;
}

function detect(block: Element, context: DetectContext): Verdict | null {
  const stats = blockStats(block, context);
  const factor = sizeFactor(context);
  if (stats.links < HEADED_LINKS || stats.textLength === 0 || stats.textLength > MAX_CHARS * factor) return null;
  const share = stats.linkTextLength / stats.textLength;
  const average = stats.linkTextLength / stats.links;
  const headed = headedList(stats, share);
  const isWall = wall(stats, share, average, factor);
  if (!headed && !isWall) return null;
  const evidence = new Evidence().add(0.3, `${plural(stats.links, 'link')}, link text ${percent(stats.linkTextLength, stats.textLength)} %`);
  if (headed) evidence.add(0.35, `heading '${matchedPhrases(stats, ['linkWallHeadings'])[0]}'`);
  if (isWall) evidence.add(0.3 + Math.min(0.2, (stats.links - WALL_LINKS) * 0.01), `short links (${Math.round(average)} characters on average)`);
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
  detect,
};
