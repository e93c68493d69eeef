// Eval's arithmetic, exactly as corpus/README.md counts: pure functions of a parsed page, its labels and
// the elements that were collapsed, so tests can check them with hand-picked collapsed elements.
import type { Kind } from '../core/types';
import { measuredLength, normalizeWhitespace, visibleText, walkVisible } from './text';

/** A labelled block is caught when at least this share of its visible text is collapsed. */
const CAUGHT_SHARE = 0.8;
/** A collapsed element is a false positive when less than this share of its text is labelled. */
const LABELLED_SHARE = 0.5;
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
  /** A label a person judged wrong (eval/judgements.json): it counts in the label-only figures only. */
  rejected?: boolean;
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
  /** Characters inside labelled or judged blocks; equals labelledChars when nothing is judged. */
  labelledOrJudgedChars: number;
  /** Still a false positive when judged blocks count like labelled ones. */
  falsePositiveJudged: boolean;
}

export interface PageEvaluation {
  blocks: BlockResult[];
  collapsed: CollapsedResult[];
  articleParagraphs: number;
  /** Article paragraphs whose text occurs inside a collapsed element. */
  hiddenParagraphs: string[];
  /** Those of hiddenParagraphs whose text occurs inside a collapsed part of one judged block. */
  hiddenInsideJudged: string[];
  /** Labels that do not match exactly one element, so a person can fix labels.json. */
  problems: string[];
  /** Judgements that do not match exactly one element or that a label already covers. */
  judgementProblems: string[];
  /** Selectors of judged blocks with no collapsed text: the detectors changed, or the judgement is stale. */
  idleJudgements: string[];
  /** Whether each judged block (that matches one element) is caught, as labels are. */
  judgedBlocks: BlockResult[];
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

/** Running character counters of the walk: all visible text, and the text inside each set. */
interface Counters {
  total: number;
  collapsed: number;
  labelled: number;
  /** Inside labelled or judged blocks. */
  covered: number;
}

/** A labelled or judged block's text and how much of it is collapsed. */
interface Measure {
  chars: number;
  collapsedChars: number;
  /** It lies inside a collapsed element (decides a block with no text). */
  covered: boolean;
}

/** Readings when an element was entered: its measures are the differences at its end. */
interface Entry {
  at: Counters;
  /** Whether the element lies inside (or is) an element of each set: decides elements with no text. */
  insideCollapsed: boolean;
  insideLabelled: boolean;
  insideCovered: boolean;
}

/** The elements a label or judgement selects; anything but exactly one is a problem named for a person to fix. */
function matchBlock(doc: Document, block: LabelBlock, what: 'label' | 'judgement', problems: string[]): Element[] {
  const matches = [...doc.querySelectorAll(block.selector)];
  if (matches.length !== 1) problems.push(`${what} ${block.kind} "${block.selector}" matches ${matches.length} elements`);
  return matches;
}

/**
 * Counts one page. `judgedBlocks` (eval/judgements.json) are blocks a person judged real that the
 * labels leave out, and `rejected` the selectors of labels a person judged wrong: they feed only the
 * judged figures (labelledOrJudgedChars, falsePositiveJudged, hiddenInsideJudged, judgedBlocks and the
 * labels' `rejected` flag), never whether a labelled block is caught nor the label-only false positives.
 */
export function evaluatePage(
  doc: Document,
  blocks: readonly LabelBlock[],
  collapsedElements: readonly Element[],
  paragraphs: readonly string[] = [],
  judgedBlocks: readonly LabelBlock[] = [],
  rejected: readonly string[] = [],
): PageEvaluation {
  const problems: string[] = [];
  const blockElements = blocks.map((block) => matchBlock(doc, block, 'label', problems)[0] ?? null);
  const labelled = new Set(blockElements.filter((element): element is Element => element !== null));
  const rejectedLabels = new Set(blockElements.filter((element, index): element is Element => element !== null && rejected.includes(blocks[index]!.selector)));
  const judgementProblems: string[] = [];
  const judged = new Map<Element, string>();
  for (const block of judgedBlocks) {
    // Unlike a label, an ambiguous judgement counts nowhere: it would vouch for a block nobody looked at.
    const [element, ...others] = matchBlock(doc, block, 'judgement', judgementProblems);
    if (!element || others.length > 0) continue;
    // A label judged wrong holds no block: the judgements name the boxes it should have been instead.
    const label = blocks.find((_, index) => blockElements[index]?.contains(element) && !rejectedLabels.has(blockElements[index]!));
    if (label) judgementProblems.push(`judgement ${block.kind} "${block.selector}" lies inside the labelled block "${label.selector}": drop it`);
    else judged.set(element, block.selector);
  }
  const collapsed = new Set(collapsedElements);

  // One walk with running counters: an element's share is the difference of the counters between
  // entering and leaving it, which keeps the whole evaluation linear in the page size.
  const count: Counters = { total: 0, collapsed: 0, labelled: 0, covered: 0 };
  let collapsedDepth = 0;
  let labelledDepth = 0;
  let judgedDepth = 0;
  let coveredDepth = 0;
  const entries = new Map<Element, Entry>();
  const labelMeasures = new Map<Element, Measure>();
  const judgedMeasures = new Map<Element, Measure>();
  const idleJudgements: string[] = [];
  const collapsedMeasures = new Map<Element, CollapsedResult>();
  const collapsedRegions: string[] = [];
  let regionPieces: string[] = [];
  // Text both collapsed and inside a judged block, kept apart per stretch so no paragraph spans two.
  const judgedRegions: string[] = [];
  let judgedPieces: string[] = [];

  walkVisible(doc.documentElement, {
    enterElement(element) {
      const isLabelled = labelled.has(element);
      const isJudged = judged.has(element);
      const isCollapsed = collapsed.has(element);
      if (!isLabelled && !isJudged && !isCollapsed) return;
      if (isLabelled) labelledDepth++;
      if (isJudged) judgedDepth++;
      if ((isLabelled && !rejectedLabels.has(element)) || isJudged) coveredDepth++;
      if (isCollapsed) collapsedDepth++;
      entries.set(element, {
        at: { ...count },
        insideCollapsed: collapsedDepth > 0,
        insideLabelled: labelledDepth > 0,
        insideCovered: coveredDepth > 0,
      });
    },
    text(node) {
      const chars = measuredLength(node.data);
      count.total += chars;
      if (labelledDepth > 0) count.labelled += chars;
      if (coveredDepth > 0) count.covered += chars;
      if (collapsedDepth > 0) {
        count.collapsed += chars;
        regionPieces.push(node.data);
        if (judgedDepth > 0) judgedPieces.push(node.data);
      }
    },
    exitElement(element) {
      const entry = entries.get(element);
      if (!entry) return;
      entries.delete(element);
      const chars = count.total - entry.at.total;
      if (labelled.has(element)) {
        labelledDepth--;
        labelMeasures.set(element, { chars, collapsedChars: count.collapsed - entry.at.collapsed, covered: entry.insideCollapsed });
      }
      const judgedSelector = judged.get(element);
      if (judgedSelector !== undefined) {
        judgedDepth--;
        judgedMeasures.set(element, { chars, collapsedChars: count.collapsed - entry.at.collapsed, covered: entry.insideCollapsed });
        if (count.collapsed === entry.at.collapsed && !entry.insideCollapsed) idleJudgements.push(judgedSelector);
      }
      if ((labelled.has(element) && !rejectedLabels.has(element)) || judged.has(element)) coveredDepth--;
      if (collapsed.has(element)) {
        collapsedDepth--;
        const labelledChars = count.labelled - entry.at.labelled;
        const labelledOrJudgedChars = count.covered - entry.at.covered;
        collapsedMeasures.set(element, {
          element,
          chars,
          labelledChars,
          falsePositive: chars > 0 ? labelledChars < LABELLED_SHARE * chars : !entry.insideLabelled,
          labelledOrJudgedChars,
          falsePositiveJudged: chars > 0 ? labelledOrJudgedChars < LABELLED_SHARE * chars : !entry.insideCovered,
        });
        if (collapsedDepth === 0) {
          collapsedRegions.push(normalizeWhitespace(regionPieces.join('')));
          regionPieces = [];
        }
      }
      if ((collapsedDepth === 0 || judgedDepth === 0) && judgedPieces.length > 0) {
        judgedRegions.push(normalizeWhitespace(judgedPieces.join('')));
        judgedPieces = [];
      }
    },
  });

  const result = (block: LabelBlock, element: Element | null, measure: Measure | undefined): BlockResult => {
    const chars = measure?.chars ?? 0;
    const collapsedChars = measure?.collapsedChars ?? 0;
    const caught = measure !== undefined && (chars > 0 ? collapsedChars >= CAUGHT_SHARE * chars : measure.covered);
    return { kind: block.kind, selector: block.selector, element, chars, collapsedChars, caught };
  };
  const blockResults = blocks.map((block, index): BlockResult => {
    const element = blockElements[index] ?? null;
    const outcome = result(block, element, element ? labelMeasures.get(element) : undefined);
    return element && rejectedLabels.has(element) ? { ...outcome, rejected: true } : outcome;
  });
  const judgedResults = [...judged].map(([element, selector]) =>
    result(judgedBlocks.find((block) => block.selector === selector)!, element, judgedMeasures.get(element)));

  // An element outside the document (already removed) has no text here: count it as unlabelled.
  const collapsedResults = [...collapsed].map((element): CollapsedResult => collapsedMeasures.get(element) ?? {
    element, chars: 0, labelledChars: 0, falsePositive: true, labelledOrJudgedChars: 0, falsePositiveJudged: true,
  });

  const collapsedText = collapsedRegions.join('\n');
  const hiddenParagraphs = paragraphs.filter((paragraph) => collapsedText.includes(normalizeWhitespace(paragraph)));
  const judgedText = judgedRegions.join('\n');
  const hiddenInsideJudged = hiddenParagraphs.filter((paragraph) => judgedText.includes(normalizeWhitespace(paragraph)));

  return {
    blocks: blockResults,
    collapsed: collapsedResults,
    articleParagraphs: paragraphs.length,
    hiddenParagraphs,
    hiddenInsideJudged,
    problems,
    judgementProblems,
    idleJudgements,
    judgedBlocks: judgedResults,
  };
}
