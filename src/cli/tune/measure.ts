// What the detectors do on the tune pages, counted as eval counts (corpus/README.md): recall of appeals
// (appeal, paywall, newsletter) and of link farms, precision, and article paragraphs hidden, per corpus.
import type { Kind, ScanOptions } from '../../core/types';
import { scanDocument } from '../../scan/scan';
import { cssPath } from '../css-path';
import { evaluatePage } from '../evaluate';
import { excerpt, visibleText } from '../text';
import type { TunePage } from './corpora';

export interface Tally {
  pages: number;
  appeals: number;
  appealsCaught: number;
  linkfarms: number;
  linkfarmsCaught: number;
  collapsed: number;
  /** Collapsed elements with less than half their text labelled (or judged). */
  falsePositives: number;
  paragraphs: number;
  hidden: number;
}

export interface Measured {
  byCorpus: Map<string, Tally>;
  falsePositives: string[];
  missed: string[];
  hidden: string[];
}

const APPEAL_KINDS: readonly Kind[] = ['appeal', 'paywall', 'newsletter'];

export function emptyTally(): Tally {
  return { pages: 0, appeals: 0, appealsCaught: 0, linkfarms: 0, linkfarmsCaught: 0, collapsed: 0, falsePositives: 0, paragraphs: 0, hidden: 0 };
}

export function addTally(target: Tally, source: Tally): void {
  for (const key of Object.keys(target) as (keyof Tally)[]) target[key] += source[key];
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
    for (const block of evaluation.blocks) {
      const appeal = APPEAL_KINDS.includes(block.kind);
      if (appeal) tally.appeals++;
      else tally.linkfarms++;
      if (block.caught && appeal) tally.appealsCaught++;
      if (block.caught && !appeal) tally.linkfarmsCaught++;
      if (!block.caught) measured.missed.push(`${page.corpus}/${page.file}  ${block.kind}  ${block.selector}`);
    }
    tally.collapsed = evaluation.collapsed.length;
    for (const result of evaluation.collapsed) {
      if (!result.falsePositiveJudged) continue;
      tally.falsePositives++;
      const finding = findings.find((candidate) => candidate.element === result.element);
      measured.falsePositives.push(`${page.corpus}/${page.file}  ${finding?.detectorId ?? '?'}  ${cssPath(result.element)}\n    ${JSON.stringify(excerpt(visibleText(result.element)))}`);
    }
    tally.paragraphs = evaluation.articleParagraphs;
    tally.hidden = evaluation.hiddenParagraphs.length - evaluation.hiddenInsideJudged.length;
    for (const text of evaluation.hiddenParagraphs) measured.hidden.push(`${page.corpus}/${page.file}  ${JSON.stringify(excerpt(text))}`);
    const corpusTally = measured.byCorpus.get(page.corpus) ?? emptyTally();
    addTally(corpusTally, tally);
    measured.byCorpus.set(page.corpus, corpusTally);
  }
  return measured;
}
