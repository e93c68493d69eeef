// Eval's arithmetic, exactly as corpus/README.md counts: pure functions of a parsed page, its labels and
// the elements that were collapsed, so tests can check them with hand-picked collapsed elements.
import type { Kind } from '../core/types';
import { measuredLength, normalizeWhitespace, visibleText, walkVisible } from './text';

/** A labelled block is caught when at least this share of its visible text is collapsed. */
export const CAUGHT_SHARE = 0.8;
/** A collapsed element is a false positive when less than this share of its text is labelled. */
export const LABELLED_SHARE = 0.5;
/** Article paragraphs shorter than this are too generic to count ("Share", "Advertisement"). */
export const MIN_PARAGRAPH_CHARS = 40;

const PARAGRAPH_SELECTOR = 'p, li, blockquote, h1, h2, h3, h4, h5, h6';

export interface LabelBlock {
  kind: Kind;
  selector: string;
  snippet?: string;
}

export interface BlockResult {
  kind: Kind;
  selector: string;
  /** Null when the selector matched nothing on the page (then it cannot be caught). */
  element: Element | null;
  chars: number;
  collapsedChars: number;
  caught: boolean;
}

export interface CollapsedResult {
  element: Element;
  chars: number;
  labelledChars: number;
  falsePositive: boolean;
}

export interface PageEvaluation {
  blocks: BlockResult[];
  collapsed: CollapsedResult[];
  articleParagraphs: number;
  /** Article paragraphs whose text occurs inside a collapsed element. */
  hiddenParagraphs: string[];
  /** Labels that do not match exactly one element, so a person can fix labels.json. */
  problems: string[];
}

/** Paragraph-like elements of the article ground truth with at least MIN_PARAGRAPH_CHARS of text. */
export function articleParagraphs(articleDoc: Document): string[] {
  const paragraphs: string[] = [];
  for (const element of articleDoc.querySelectorAll(PARAGRAPH_SELECTOR)) {
    const text = visibleText(element);
    if (text.length >= MIN_PARAGRAPH_CHARS) paragraphs.push(text);
  }
  return paragraphs;
}

/** Counter readings when an element was entered: its share is the difference at its end. */
interface Span {
  totalAtEnter: number;
  otherAtEnter: number;
  /** Whether the element lies inside (or is) an element of the other set: decides elements with no text. */
  coveredAtEnter: boolean;
}

/** An element's visible characters, how many of them lie in the other set's elements, and its cover. */
interface Measure {
  chars: number;
  sharedChars: number;
  covered: boolean;
}

export function evaluatePage(
  doc: Document,
  blocks: readonly LabelBlock[],
  collapsedElements: readonly Element[],
  paragraphs: readonly string[] = [],
): PageEvaluation {
  const problems: string[] = [];
  const blockElements = blocks.map((block) => {
    const matches = doc.querySelectorAll(block.selector);
    if (matches.length !== 1) problems.push(`label ${block.kind} "${block.selector}" matches ${matches.length} elements`);
    return matches[0] ?? null;
  });
  const labelled = new Set(blockElements.filter((element): element is Element => element !== null));
  const collapsed = new Set(collapsedElements);

  // One walk with running counters: an element's share is the difference of the counters between
  // entering and leaving it, which keeps the whole evaluation linear in the page size.
  let total = 0;
  let inCollapsed = 0;
  let inLabelled = 0;
  let collapsedDepth = 0;
  let labelledDepth = 0;
  const labelMeasures = new Map<Element, Measure>();
  const collapsedMeasures = new Map<Element, Measure>();
  const openSpans = new Map<Element, { label?: Span; collapsed?: Span }>();
  const collapsedRegions: string[] = [];
  let regionPieces: string[] = [];
  const open = (other: number, covered: boolean): Span => ({ totalAtEnter: total, otherAtEnter: other, coveredAtEnter: covered });
  const close = (span: Span, other: number): Measure => ({
    chars: total - span.totalAtEnter,
    sharedChars: other - span.otherAtEnter,
    covered: span.coveredAtEnter,
  });

  walkVisible(doc.documentElement, {
    enterElement(element) {
      const isLabelled = labelled.has(element);
      const isCollapsed = collapsed.has(element);
      if (!isLabelled && !isCollapsed) return;
      if (isLabelled) labelledDepth++;
      if (isCollapsed) collapsedDepth++;
      openSpans.set(element, {
        label: isLabelled ? open(inCollapsed, collapsedDepth > 0) : undefined,
        collapsed: isCollapsed ? open(inLabelled, labelledDepth > 0) : undefined,
      });
    },
    text(node) {
      const chars = measuredLength(node.data);
      total += chars;
      if (collapsedDepth > 0) {
        inCollapsed += chars;
        regionPieces.push(node.data);
      }
      if (labelledDepth > 0) inLabelled += chars;
    },
    exitElement(element) {
      const spans = openSpans.get(element);
      if (!spans) return;
      openSpans.delete(element);
      if (spans.label) {
        labelledDepth--;
        labelMeasures.set(element, close(spans.label, inCollapsed));
      }
      if (spans.collapsed) {
        collapsedDepth--;
        collapsedMeasures.set(element, close(spans.collapsed, inLabelled));
        if (collapsedDepth === 0) {
          collapsedRegions.push(normalizeWhitespace(regionPieces.join('')));
          regionPieces = [];
        }
      }
    },
  });

  const blockResults = blocks.map((block, index): BlockResult => {
    const element = blockElements[index] ?? null;
    const measure = element ? labelMeasures.get(element) : undefined;
    const chars = measure?.chars ?? 0;
    const collapsedChars = measure?.sharedChars ?? 0;
    const caught = measure !== undefined && (chars > 0 ? collapsedChars >= CAUGHT_SHARE * chars : measure.covered);
    return { kind: block.kind, selector: block.selector, element, chars, collapsedChars, caught };
  });

  const collapsedResults: CollapsedResult[] = [];
  for (const element of collapsed) {
    const measure = collapsedMeasures.get(element);
    // An element outside the document (already removed) has no text here: count it as unlabelled.
    const chars = measure?.chars ?? 0;
    const labelledChars = measure?.sharedChars ?? 0;
    const falsePositive = chars > 0 ? labelledChars < LABELLED_SHARE * chars : !measure?.covered;
    collapsedResults.push({ element, chars, labelledChars, falsePositive });
  }

  const collapsedText = collapsedRegions.join('\n');
  const hiddenParagraphs = paragraphs.filter((paragraph) => collapsedText.includes(normalizeWhitespace(paragraph)));

  return {
    blocks: blockResults,
    collapsed: collapsedResults,
    articleParagraphs: paragraphs.length,
    hiddenParagraphs,
    problems,
  };
}
