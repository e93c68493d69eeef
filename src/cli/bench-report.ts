// The arithmetic of `tidings bench`: per-page rows, the summary over the folder's pages, the slope over
// the growing news pages, and the budget verdicts. Pure, so the tests check it without timing anything.
import type { EndlessFigures, ExtensionReport } from './bench-extension';
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
  p95WalkRatio: number | null;
  medianScanMs: number | null;
  p95ScanMs: number | null;
  medianIncrementalMs: number | null;
  /** The most layout reads one full scan of a folder page made. */
  maxForcedLayouts: number | null;
  slope: Slope | null;
  /** The built extension on the stress pages (Chromium only; null when not run): see bench-extension.ts. */
  longestTaskMs: number | null;
  loadDelayRatio: number | null;
  endless: EndlessFigures | null;
  stress: ExtensionReport | null;
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
    p95WalkRatio: statistic(folder.map((page) => page.walkRatio), p95),
    medianScanMs: statistic(folder.map((page) => page.scanMs), median),
    p95ScanMs: statistic(folder.map((page) => page.scanMs), p95),
    medianIncrementalMs: statistic(folder.map((page) => page.incrementalMs), median),
    maxForcedLayouts: statistic(folder.map((page) => page.forcedLayouts), (values) => Math.max(...values)),
    slope,
    longestTaskMs: null,
    loadDelayRatio: null,
    endless: null,
    stress: null,
  };
}

/** The report with the extension's figures on the stress pages. */
export function withStress(report: EnvironmentReport, stress: ExtensionReport): EnvironmentReport {
  return { ...report, longestTaskMs: stress.longestTaskMs, loadDelayRatio: stress.loadDelayRatio, endless: stress.endless, stress };
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

/**
 * What issue 14 asks of the browser's figures: the scan against the structure walk (any scan that tells a menu from
 * a story visits every element) and in milliseconds over the folders' pages, and no long task, linear growth and
 * no load delay with the extension on the stress pages.
 */
export const BUDGET = {
  medianWalkRatio: 3,
  p95WalkRatio: 5,
  medianScanMs: 2,
  p95ScanMs: 5,
  medianIncrementalMs: 0.5,
  forcedLayouts: 0,
  longestTaskMs: 50,
  endlessGrowth: 1.5,
  loadDelayRatio: 1.1,
  contentScriptBytes: 61_440,
} as const;

export interface BudgetLine {
  figure: string;
  /** The measured value; null when nothing was measured (never met). */
  value: number | null;
  /** At most this. */
  limit: number;
  unit: '' | 'ms' | 'bytes';
  met: boolean;
}

export const KB = 1024;

export function budgetVerdicts(report: EnvironmentReport, contentScriptBytes: number): BudgetLine[] {
  const line = (figure: string, value: number | null, limit: number, unit: BudgetLine['unit']): BudgetLine =>
    ({ figure, value, limit, unit, met: value !== null && Number.isFinite(value) && value <= limit });
  return [
    line('median scan ÷ walk', report.medianWalkRatio, BUDGET.medianWalkRatio, ''),
    line('p95 scan ÷ walk', report.p95WalkRatio, BUDGET.p95WalkRatio, ''),
    line('median scan', report.medianScanMs, BUDGET.medianScanMs, 'ms'),
    line('p95 scan', report.p95ScanMs, BUDGET.p95ScanMs, 'ms'),
    line('median incremental', report.medianIncrementalMs, BUDGET.medianIncrementalMs, 'ms'),
    line('forced layouts', report.maxForcedLayouts, BUDGET.forcedLayouts, ''),
    line('longest task', report.longestTaskMs, BUDGET.longestTaskMs, 'ms'),
    line('endless growth', report.endless?.growth ?? null, BUDGET.endlessGrowth, ''),
    line('load delay ratio', report.loadDelayRatio, BUDGET.loadDelayRatio, ''),
    line('content script', contentScriptBytes, BUDGET.contentScriptBytes, 'bytes'),
  ];
}
