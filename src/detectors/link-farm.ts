import type { Detector, Verdict } from '../core/types';
import { Evidence, percent, plural, sizeFactor } from '../scan/evidence';
import { blockStats, hasHint, hitCount, matchedPhrases } from '../scan/stats';

/** At normal sensitivity: links a headless wall needs, and links under a "Trending"-like heading. */
const WALL_LINKS = 10;
const HEADED_LINKS = 4;
/** Share of the text that lies in links: a wall is nearly all links; a headed list may carry dates and bylines. */
const WALL_LINK_SHARE = 0.75;
const HEADED_LINK_SHARE = 0.45;
/** Average characters per link in a wall of *short* links (headlines are longer). */
const WALL_AVERAGE_LINK_CHARS = 32;
const MAX_CHARS = 5000;

function detect(block: Element, context: Parameters<Detector['detect']>[1]): Verdict | null {
  const stats = blockStats(block, context);
  const factor = sizeFactor(context);
  if (stats.links < HEADED_LINKS || stats.textLength === 0 || stats.textLength > MAX_CHARS * factor) return null;
  const share = stats.linkTextLength / stats.textLength;
  const average = stats.linkTextLength / stats.links;
  const headed = hitCount(stats, 'linkWallHeadings') > 0;
  const wall = !stats.inPageHeader && stats.links >= WALL_LINKS / factor && share >= WALL_LINK_SHARE
    && average <= WALL_AVERAGE_LINK_CHARS && stats.paragraphs === 0;
  const headedList = headed && stats.links >= HEADED_LINKS && share >= HEADED_LINK_SHARE
    && stats.paragraphs - stats.links <= 0;
  if (!wall && !headedList) return null;
  const evidence = new Evidence().add(0.3, `${plural(stats.links, 'link')}, link text ${percent(stats.linkTextLength, stats.textLength)} %`);
  if (wall) evidence.add(0.3 + Math.min(0.2, (stats.links - WALL_LINKS) * 0.02), `short links (${Math.round(average)} characters on average)`);
  if (headed) evidence.add(0.35, `heading '${matchedPhrases(stats, ['linkWallHeadings'])[0]}'`);
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
