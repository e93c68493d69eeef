// What the detectors do on the tune pages, counted as eval counts (corpus/README.md): recall of appeals
// (appeal, paywall, newsletter) and of link farms, precision, and article paragraphs hidden, per corpus.
import { KINDS, type Kind, type ScanOptions } from '../../core/types';
import { scanDocument } from '../../scan/scan';
import { cssPath } from '../css-path';
import { evaluatePage } from '../evaluate';
import { excerpt, normalizeWhitespace, visibleText } from '../text';
import type { TunePage } from './corpora';
import type { ModelName } from './dataset';

export interface Tally {
  pages: number;
  /** Labelled blocks per kind, and those caught. */
  blocks: Record<Kind, number>;
  caught: Record<Kind, number>;
  collapsed: number;
  /** Collapsed elements with less than half their text labelled (or judged). */
  falsePositives: number;
  /** The same, per model: what each model's threshold is chosen by. */
  collapsedBy: Record<ModelName, number>;
  falsePositivesBy: Record<ModelName, number>;
  paragraphs: number;
  /** Article paragraphs hidden outside any labelled or judged block. */
  hidden: number;
  /** Article paragraphs hidden inside a labelled or judged block (the ground truth keeps a box the labels mark). */
  hiddenInLabels: number;
}

export interface Measured {
  byCorpus: Map<string, Tally>;
  falsePositives: string[];
  missed: string[];
  hidden: string[];
}

/** What the issue calls appeals: every plea that stands between reader and article. */
export const APPEAL_KINDS: readonly Kind[] = ['appeal', 'paywall', 'newsletter'];

function perKind(): Record<Kind, number> {
  return Object.fromEntries(KINDS.map((kind) => [kind, 0])) as Record<Kind, number>;
}

export function emptyTally(): Tally {
  return {
    pages: 0, blocks: perKind(), caught: perKind(), collapsed: 0, falsePositives: 0, collapsedBy: { plea: 0, links: 0 },
    falsePositivesBy: { plea: 0, links: 0 }, paragraphs: 0, hidden: 0, hiddenInLabels: 0,
  };
}

export function addTally(target: Tally, source: Tally): void {
  for (const kind of KINDS) {
    target.blocks[kind] += source.blocks[kind];
    target.caught[kind] += source.caught[kind];
  }
  target.pages += source.pages;
  target.collapsed += source.collapsed;
  target.falsePositives += source.falsePositives;
  for (const model of ['plea', 'links'] as const) {
    target.collapsedBy[model] += source.collapsedBy[model];
    target.falsePositivesBy[model] += source.falsePositivesBy[model];
  }
  target.paragraphs += source.paragraphs;
  target.hidden += source.hidden;
  target.hiddenInLabels += source.hiddenInLabels;
}

/** Blocks and caught blocks of the given kinds. */
export function count(tally: Tally, kinds: readonly Kind[]): { blocks: number; caught: number } {
  return { blocks: kinds.reduce((sum, kind) => sum + tally.blocks[kind], 0), caught: kinds.reduce((sum, kind) => sum + tally.caught[kind], 0) };
}

/** The kinds of labelled blocks each model is there to catch. */
const MODEL_KINDS: Record<ModelName, readonly Kind[]> = { plea: APPEAL_KINDS, links: ['linkfarm'] };

/**
 * F1 of one model: the recall of its kinds of blocks and the precision of what it collapsed. Each model's
 * threshold is chosen by its own: pooled, the many link farms would set the threshold of the few appeals.
 */
export function f1(tally: Tally, model: ModelName): number {
  const { blocks, caught } = count(tally, MODEL_KINDS[model]);
  const recall = blocks === 0 ? 0 : caught / blocks;
  const collapsed = tally.collapsedBy[model];
  const precision = collapsed === 0 ? 0 : (collapsed - tally.falsePositivesBy[model]) / collapsed;
  return recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision);
}

/** Scans the pages with the weights in use and counts. */
export function measure(pages: readonly TunePage[], options: ScanOptions): Measured {
  const measured: Measured = { byCorpus: new Map(), falsePositives: [], missed: [], hidden: [] };
  for (const page of pages) {
    const doc = page.dom.window.document;
    const findings = scanDocument(doc, options);
    const evaluation = evaluatePage(doc, page.labels, findings.map((finding) => finding.element), page.paragraphs, page.judged);
    const tally = emptyTally();
    tally.pages = 1;
    // Judged blocks count like labels: the labelling the judgements say is right.
    for (const block of [...evaluation.blocks, ...evaluation.judgedBlocks]) {
      tally.blocks[block.kind]++;
      if (block.caught) tally.caught[block.kind]++;
      else measured.missed.push(`${page.corpus}/${page.file}  ${block.kind}  ${block.selector}`);
    }
    tally.collapsed = evaluation.collapsed.length;
    for (const result of evaluation.collapsed) {
      const finding = findings.find((candidate) => candidate.element === result.element);
      const model: ModelName = finding?.detectorId === 'link-farm' ? 'links' : 'plea';
      tally.collapsedBy[model]++;
      if (!result.falsePositiveJudged) continue;
      tally.falsePositives++;
      tally.falsePositivesBy[model]++;
      measured.falsePositives.push(`${page.corpus}/${page.file}  ${finding?.detectorId ?? '?'}  ${cssPath(result.element)}\n    ${JSON.stringify(excerpt(visibleText(result.element)))}`);
    }
    tally.paragraphs = evaluation.articleParagraphs;
    const labelledText = [...page.labels, ...page.judged]
      .flatMap((block) => [...doc.querySelectorAll(block.selector)].map((element) => normalizeWhitespace(visibleText(element))))
      .join('\n');
    for (const text of evaluation.hiddenParagraphs) {
      const inLabel = labelledText.includes(normalizeWhitespace(text));
      if (inLabel) tally.hiddenInLabels++;
      else tally.hidden++;
      measured.hidden.push(`${page.corpus}/${page.file}  ${inLabel ? '(inside a labelled block) ' : ''}${JSON.stringify(excerpt(text))}`);
    }
    const corpusTally = measured.byCorpus.get(page.corpus) ?? emptyTally();
    addTally(corpusTally, tally);
    measured.byCorpus.set(page.corpus, corpusTally);
  }
  return measured;
}
