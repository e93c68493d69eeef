// Rows to fit the models to: every block a scan judges, with its signals' values and whether collapsing it
// is right. A block is a positive for a model when at least CLEAR_SHARE of its text lies in labelled blocks
// of that model's kinds (collapsing it catches them without hiding anything else), and a negative when
// less than half of its text is labelled at all (collapsing it would be a false positive); anything in
// between teaches nothing clear and is left out.
import type { ScanOptions } from '../../core/types';
import { linkListMayMatch, linkSignals } from '../../scan/link-list';
import { signalValues, type Signal } from '../../scan/model';
import { pleaMayMatch, pleaSignals } from '../../scan/plea';
import { indexPage } from '../../scan/scan';
import { hitCount, withStatsIndex, type BlockStats } from '../../scan/stats';
import type { LabelBlock } from '../evaluate';
import { measuredLength, walkVisible } from '../text';
import type { TunePage } from './corpora';
import type { Sample } from './logistic';

export type ModelName = 'plea' | 'links';

export const MODELS: Record<ModelName, { signals: readonly Signal[]; mayMatch: (stats: BlockStats) => boolean }> = {
  plea: { signals: pleaSignals, mayMatch: pleaMayMatch },
  links: { signals: linkSignals, mayMatch: linkListMayMatch },
};

const CLEAR_SHARE = 0.8;
const LABELLED_SHARE = 0.5;

export interface Row extends Sample {
  fold: number;
  /** The labelled block (or the row's own element) its positive weight is shared with. */
  anchor: Element;
}

/** Which model a labelled block belongs to: app promos are labelled with link farms, but they are pleas. */
function modelOf(block: LabelBlock, stats: BlockStats | undefined): ModelName {
  if (block.kind !== 'linkfarm') return 'plea';
  return stats && (stats.appLinks > 0 || hitCount(stats, 'appPromo') > 0) ? 'plea' : 'links';
}

interface Coverage {
  total: number;
  plea: number;
  links: number;
}

/** Characters of every element's text, and how many of them lie in labelled blocks of each model. */
function coverage(doc: Document, labelled: Map<Element, ModelName>): Map<Element, Coverage> {
  const counts = { total: 0, plea: 0, links: 0 };
  const open: { element: Element; at: Coverage; model: ModelName | undefined }[] = [];
  const depth = { plea: 0, links: 0 };
  const result = new Map<Element, Coverage>();
  walkVisible(doc.documentElement, {
    enterElement(element) {
      const model = labelled.get(element);
      if (model) depth[model]++;
      open.push({ element, at: { ...counts }, model });
    },
    text(node) {
      const chars = measuredLength(node.data);
      counts.total += chars;
      if (depth.plea > 0) counts.plea += chars;
      else if (depth.links > 0) counts.links += chars;
    },
    exitElement() {
      const entry = open.pop()!;
      if (entry.model) depth[entry.model]--;
      result.set(entry.element, {
        total: counts.total - entry.at.total,
        plea: counts.plea - entry.at.plea,
        links: counts.links - entry.at.links,
      });
    },
  });
  return result;
}

/** The page's rows for both models. */
export function pageRows(page: TunePage, options: ScanOptions): Record<ModelName, Row[]> {
  const rows: Record<ModelName, Row[]> = { plea: [], links: [] };
  const doc = page.dom.window.document;
  const indexed = indexPage(doc, options);
  if (!indexed) return rows;
  const { index, blocks } = indexed;
  const labelled = new Map<Element, ModelName>();
  for (const block of [...page.labels, ...page.judged]) {
    const elements = doc.querySelectorAll(block.selector);
    if (elements.length !== 1) continue;
    labelled.set(elements[0]!, modelOf(block, index.stats.get(elements[0]!)));
  }
  const covered = coverage(doc, labelled);
  withStatsIndex(index, () => {
    for (const element of blocks) {
      const stats = index.stats.get(element)!;
      const measure = covered.get(element);
      if (!measure) continue;
      const insideLabel = labelAround(element, labelled);
      for (const model of Object.keys(MODELS) as ModelName[]) {
        if (!MODELS[model].mayMatch(stats)) continue;
        let target: 0 | 1 | null;
        if (measure.total === 0) target = insideLabel?.model === model ? 1 : insideLabel ? null : 0;
        else {
          const own = measure[model] / measure.total;
          const any = (measure.plea + measure.links) / measure.total;
          target = own >= CLEAR_SHARE ? 1 : any < LABELLED_SHARE ? 0 : null;
        }
        if (target === null) continue;
        rows[model].push({
          values: signalValues(MODELS[model].signals, stats),
          target,
          weight: 1,
          fold: page.fold,
          anchor: insideLabel?.element ?? element,
        });
      }
    }
  });
  return rows;
}

/** The labelled block holding `element` (or being it), if any. */
function labelAround(element: Element, labelled: Map<Element, ModelName>): { element: Element; model: ModelName } | null {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const model = labelled.get(node);
    if (model) return { element: node, model };
  }
  return null;
}

/**
 * Weights the rows: a labelled block's positives share one unit (a big box has many inner blocks, a small
 * one few), and all positives together weigh `positiveShare` of the negatives.
 */
export function weighRows(rows: Row[], positiveShare: number): Row[] {
  const perAnchor = new Map<Element, number>();
  for (const row of rows) if (row.target === 1) perAnchor.set(row.anchor, (perAnchor.get(row.anchor) ?? 0) + 1);
  const negatives = rows.filter((row) => row.target === 0).length;
  const anchors = perAnchor.size || 1;
  return rows.map((row) => ({
    ...row,
    weight: row.target === 1 ? (positiveShare * negatives) / anchors / perAnchor.get(row.anchor)! : 1,
  }));
}
