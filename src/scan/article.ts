// The article guard's first half: where is the article? schema.org articleBody, else the <article>
// with the most prose, else the container with the most paragraph text (in the spirit of Firefox
// Reader View: each paragraph credits its parent fully and its grandparent half).
import type { StatsIndex } from './stats';

/** Less prose than this and a candidate is not taken for the article. */
const MIN_ARTICLE_CHARS = 400;
const MIN_PARAGRAPH_CHARS = 25;
/** Share of the prose of the <article> with the most that another may have before neither is taken for the story. */
const RIVAL_SHARE = 0.9;

function prose(index: StatsIndex, element: Element): number {
  const stats = index.stats.get(element);
  return stats ? stats.textLength - stats.linkTextLength : 0;
}

/**
 * The article an index holds, with its rank: how it was told (a schema.org body over an <article> over the
 * paragraphs' credit), then its prose. Ranks of different parts of a page compare: the article of a part the page
 * added may take over from the one found before.
 */
export interface FoundArticle {
  element: Element;
  rank: number;
}

/** Prose of a short story: an <article> with less, among a row of others, is a front page's lead teaser. */
const SHORT_STORY_CHARS = 1000;
/** <article>s on a page that make a row of teasers. */
const TEASER_ROW = 5;

/** Tells the ways of finding apart in a rank: any page's prose is far below it. */
const TIER = 1e9;
/** The rank of an article told by its paragraphs alone (the lowest way) with less prose than a short story's. */
export const SHORT_PROSE_RANK = TIER + SHORT_STORY_CHARS;

function best(elements: Iterable<Element>, score: (element: Element) => number, tier: number): FoundArticle | null {
  let found: Element | null = null;
  let top = MIN_ARTICLE_CHARS - 1;
  for (const element of elements) {
    const value = score(element);
    if (value > top) {
      top = value;
      found = element;
    }
  }
  return found && { element: found, rank: tier * TIER + top };
}

export function findArticle(index: StatsIndex): FoundArticle | null {
  const ofProse = (element: Element): number => prose(index, element);
  const article = best(index.articles, ofProse, 2);
  // Teasers and comments are <article>s too: the one with the most prose is the story only when no other outside it has
  // nearly as much (a front's row of teasers, a thread of comments); else the paragraphs tell.
  const found = best(index.articleBodies, ofProse, 3)
    ?? (article && (article.rank % TIER >= SHORT_STORY_CHARS || index.articles.length < TEASER_ROW) && index.articles.every((other) => article.element.contains(other) || ofProse(other) < RIVAL_SHARE * ofProse(article.element)) ? article : null);
  if (found) return found;
  const credit = new Map<Element, number>();
  for (const element of index.proseParagraphs) {
    const length = prose(index, element);
    if (length < MIN_PARAGRAPH_CHARS) continue;
    const parent = element.parentElement;
    if (!parent || !index.stats.has(parent)) continue;
    credit.set(parent, (credit.get(parent) ?? 0) + length);
    const grandparent = parent.parentElement;
    if (grandparent && index.stats.has(grandparent)) credit.set(grandparent, (credit.get(grandparent) ?? 0) + length / 2);
  }
  const credited = best(credit.keys(), (element) => credit.get(element) ?? 0, 1);
  return credited && storyOfParts(credit, credited);
}

/** Credit of another box, as a share of the best box's, for it to be a part of the same story. */
const PART_SHARE = 0.5;
/** Parts of one story in one box: a listicle's items, each a heading over its own paragraphs. */
const STORY_PARTS = 3;
/** The boxes with the most credit after the best that are looked at. */
const RUNNERS_UP = 4;

/**
 * A story told in parts, each in a box of its own (a listicle's items), has no box that holds its paragraphs: the best
 * box is one part. When three of the runners-up with at least half its credit share an ancestor with it, that ancestor
 * holds the story (as in Firefox Reader View's alternative candidates).
 */
function storyOfParts(credit: Map<Element, number>, found: FoundArticle): FoundArticle {
  const top = credit.get(found.element)!;
  const parts = [...credit]
    .filter(([element, value]) => value >= PART_SHARE * top && !element.contains(found.element) && !found.element.contains(element))
    .sort((a, b) => b[1] - a[1])
    .slice(0, RUNNERS_UP);
  for (let at = found.element.parentElement; parts.length >= STORY_PARTS && at && at.localName !== 'body'; at = at.parentElement) {
    if (parts.filter(([element]) => at!.contains(element)).length >= STORY_PARTS) return { element: at, rank: found.rank };
  }
  return found;
}
