import { describe, expect, it } from 'vitest';
import { budgetVerdicts, slopeOf, summarize, type PageRow } from '../../src/cli/bench-report';
import { figure, thousands } from '../../src/cli/format';

function row(name: string, figures: Partial<PageRow> = {}): PageRow {
  return {
    name, stress: false, elements: 100, depth: 10, findings: 0, coldScanMs: 5,
    floorMs: 1, scanMs: 2, ratio: 2, walkMs: 1.5, walkRatio: 4 / 3, incrementalMs: 0.1, forcedLayouts: 0, ...figures,
  };
}

describe('bench summary', () => {
  const pages = [
    ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((value) => row(`p${value}`, { ratio: value, walkRatio: value / 2, scanMs: value * 2, incrementalMs: value / 10, forcedLayouts: value === 3 ? 4 : 0 })),
    // Generated and failed pages count for nothing.
    row('stress', { stress: true, ratio: 1000, walkRatio: 1000, scanMs: 1000, incrementalMs: 1000, forcedLayouts: 99 }),
    row('failed', { ratio: null, walkRatio: null, scanMs: null, incrementalMs: null, forcedLayouts: null, error: 'RangeError' }),
  ];

  it('takes medians and nearest-rank p95 over the folder pages that were measured', () => {
    const report = summarize(pages, null);
    expect(report).toMatchObject({ medianRatio: 5.5, p95Ratio: 10, medianWalkRatio: 2.75, medianScanMs: 11, p95ScanMs: 20, maxForcedLayouts: 4, slope: null });
    expect(report.medianIncrementalMs).toBeCloseTo(0.55);
    expect(report.pages).toBe(pages);
  });

  it('has no figures when no folder page was measured', () => {
    expect(summarize([pages[10] as PageRow, pages[11] as PageRow], null)).toMatchObject({
      medianRatio: null, p95Ratio: null, medianWalkRatio: null, medianScanMs: null, p95ScanMs: null, medianIncrementalMs: null, maxForcedLayouts: null,
    });
  });
});

describe('bench slope', () => {
  it('gives the cost per element at each size and the least-squares slope of a linear scan', () => {
    const slope = slopeOf([{ elements: 100_000, scanMs: 300 }, { elements: 10_000, scanMs: 30 }, { elements: 50_000, scanMs: 150 }]);
    expect(slope?.points.map((point) => point.elements)).toEqual([10_000, 50_000, 100_000]);
    expect(slope?.points.map((point) => point.microsPerElement)).toEqual([3, 3, 3]);
    expect(slope?.microsPerElement).toBeCloseTo(3);
    expect(slope?.growth).toBeCloseTo(1);
    expect(slope?.linear).toBe(true);
  });

  it('fits through a fixed cost and calls a cost per element that doubles not linear', () => {
    const fixed = slopeOf([{ elements: 10_000, scanMs: 25 }, { elements: 50_000, scanMs: 105 }, { elements: 100_000, scanMs: 205 }]);
    expect(fixed?.microsPerElement).toBeCloseTo(2);
    expect(fixed?.linear).toBe(true);
    const quadratic = slopeOf([{ elements: 10_000, scanMs: 10 }, { elements: 50_000, scanMs: 250 }, { elements: 100_000, scanMs: 1000 }]);
    expect(quadratic?.growth).toBeCloseTo(10);
    expect(quadratic?.linear).toBe(false);
  });

  it('needs two sizes', () => {
    expect(slopeOf([{ elements: 10_000, scanMs: 30 }])).toBeNull();
    expect(slopeOf([])).toBeNull();
  });
});

describe('bench budget', () => {
  const report = summarize([row('a', { ratio: 3, scanMs: 5, incrementalMs: 0.5 }), row('b', { ratio: 6, scanMs: 9, incrementalMs: 0.4 })], null);

  it('meets a limit the figure equals and misses one it passes', () => {
    const verdicts = budgetVerdicts(report, 60 * 1024);
    expect(verdicts.map((line) => [line.figure, line.value, line.limit, line.met])).toEqual([
      ['median ratio', 4.5, 3, false],
      ['p95 ratio', 6, 6, true],
      ['median scan', 7, 5, false],
      ['median incremental', 0.45, 0.5, true],
      ['forced layouts', 0, 0, true],
      ['content script', 60, 60, true],
    ]);
    expect(budgetVerdicts(report, 60 * 1024 + 1).at(-1)?.met).toBe(false);
  });

  it('never meets a figure that was not measured', () => {
    const empty = summarize([], null);
    expect(budgetVerdicts(empty, 1).filter((line) => line.met).map((line) => line.figure)).toEqual(['content script']);
  });
});

describe('bench figures', () => {
  it('keeps about three significant digits', () => {
    expect([0.0312, 4.271, 38.54, 1234.4, null, Number.NaN].map(figure)).toEqual(['0.031', '4.27', '38.5', '1234', 'n/a', 'n/a']);
    expect([7, 10_000, 1_234_567].map(thousands)).toEqual(['7', '10 000', '1 234 567']);
  });
});
