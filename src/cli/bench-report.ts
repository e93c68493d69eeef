// The arithmetic of `tidings bench`: per-page rows, the summary over the folder's pages, the slope over
// the growing news pages, and the budget verdicts. Pure, so the tests check it without timing anything.
import { median, quantile } from './format';

export interface PageRow {
  name: string;
  /** A generated page; summaries are over the folder's pages only. */
  stress: boolean;
  elements: number;
  /** Levels of elements below body on the deepest path. */
  depth: number;
  findings: number | null;
  /** The page's first scan, before any warm-up (in the browser: with the scan code still cold). */
  coldScanMs: number | null;
  floorMs: number | null;
  scanMs: number | null;
  /** scanMs / floorMs: how many text-reading passes the full scan costs. */
  ratio: number | null;
  /** The structure floor (a pass reading text, tag names and class attributes) and scanMs / walkMs. */
  walkMs: number | null;
  walkRatio: number | null;
  incrementalMs: number | null;
  forcedLayouts: number | null;
  /** Why the page has no figures: it could not be loaded, or the scan threw. */
  error?: string;
}

export interface SlopePoint {
  elements: number;
  scanMs: number;
  microsPerElement: number;
}

export interface Slope {
  points: SlopePoint[];
  /** Least-squares slope of scan time over elements. */
  microsPerElement: number;
  /** Cost per element at the largest page over that at the smallest. */
  growth: number;
  /** growth ≤ LINEAR_GROWTH: the scan grows linearly with the page. */
  linear: boolean;
}

export interface EnvironmentReport {
  pages: PageRow[];
  medianRatio: number | null;
  p95Ratio: number | null;
  medianWalkRatio: number | null;
  medianScanMs: number | null;
  p95ScanMs: number | null;
  medianIncrementalMs: number | null;
  /** The most layout reads one full scan of a folder page made. */
  maxForcedLayouts: number | null;
  slope: Slope | null;
}

/** Per-element cost at the largest page may be at most this many times that at the smallest. */
export const LINEAR_GROWTH = 1.5;

function statistic(values: readonly (number | null)[], of: (values: number[]) => number): number | null {
  const present = values.filter((value): value is number => value !== null && Number.isFinite(value));
  return present.length === 0 ? null : of(present);
}

/** The summary figures over the folder's pages (not the generated ones) that were measured. */
export function summarize(pages: PageRow[], slope: Slope | null): EnvironmentReport {
  const folder = pages.filter((page) => !page.stress);
  const p95 = (values: number[]): number => quantile(values, 0.95);
  return {
    pages,
    medianRatio: statistic(folder.map((page) => page.ratio), median),
    p95Ratio: statistic(folder.map((page) => page.ratio), p95),
    medianWalkRatio: statistic(folder.map((page) => page.walkRatio), median),
    medianScanMs: statistic(folder.map((page) => page.scanMs), median),
    p95ScanMs: statistic(folder.map((page) => page.scanMs), p95),
    medianIncrementalMs: statistic(folder.map((page) => page.incrementalMs), median),
    maxForcedLayouts: statistic(folder.map((page) => page.forcedLayouts), (values) => Math.max(...values)),
    slope,
  };
}

/** Cost per element at each size and the least-squares slope; null with fewer than two measured sizes. */
export function slopeOf(measured: readonly { elements: number; scanMs: number }[]): Slope | null {
  const points = [...measured].sort((a, b) => a.elements - b.elements)
    .map(({ elements, scanMs }) => ({ elements, scanMs, microsPerElement: (scanMs * 1000) / elements }));
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last || points.length < 2) return null;
  const meanElements = points.reduce((sum, point) => sum + point.elements, 0) / points.length;
  const meanMs = points.reduce((sum, point) => sum + point.scanMs, 0) / points.length;
  let covariance = 0;
  let variance = 0;
  for (const point of points) {
    covariance += (point.elements - meanElements) * (point.scanMs - meanMs);
    variance += (point.elements - meanElements) ** 2;
  }
  if (variance === 0) return null;
  const growth = last.microsPerElement / first.microsPerElement;
  return { points, microsPerElement: (covariance / variance) * 1000, growth, linear: growth <= LINEAR_GROWTH };
}

/** What the issue asks of the browser's figures over the folder's pages. */
export const BUDGET = {
  medianRatio: 3,
  p95Ratio: 6,
  medianScanMs: 5,
  medianIncrementalMs: 0.5,
  forcedLayouts: 0,
  contentScriptKB: 60,
} as const;

export interface BudgetLine {
  figure: string;
  /** The measured value; null when nothing was measured (never met). */
  value: number | null;
  /** At most this. */
  limit: number;
  unit: '' | 'ms' | 'KB';
  met: boolean;
}

export const KB = 1024;

export function budgetVerdicts(report: EnvironmentReport, contentScriptBytes: number): BudgetLine[] {
  const line = (figure: string, value: number | null, limit: number, unit: BudgetLine['unit']): BudgetLine =>
    ({ figure, value, limit, unit, met: value !== null && value <= limit });
  return [
    line('median ratio', report.medianRatio, BUDGET.medianRatio, ''),
    line('p95 ratio', report.p95Ratio, BUDGET.p95Ratio, ''),
    line('median scan', report.medianScanMs, BUDGET.medianScanMs, 'ms'),
    line('median incremental', report.medianIncrementalMs, BUDGET.medianIncrementalMs, 'ms'),
    line('forced layouts', report.maxForcedLayouts, BUDGET.forcedLayouts, ''),
    line('content script', contentScriptBytes / KB, BUDGET.contentScriptKB, 'KB'),
  ];
}
