import { describe, expect, it } from 'vitest';
import { gcOfTrace, type ExtensionReport } from '../../src/cli/bench-extension';
import { budgetVerdicts, slopeOf, summarize, withStress, type PageRow } from '../../src/cli/bench-report';
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
    expect(report).toMatchObject({ medianRatio: 5.5, p95Ratio: 10, medianWalkRatio: 2.75, p95WalkRatio: 5, medianScanMs: 11, p95ScanMs: 20, maxForcedLayouts: 4, slope: null });
    expect(report.medianIncrementalMs).toBeCloseTo(0.55);
    expect(report.pages).toBe(pages);
  });

  it('has no figures when no folder page was measured', () => {
    expect(summarize([pages[10] as PageRow, pages[11] as PageRow], null)).toMatchObject({
      medianRatio: null, p95Ratio: null, medianWalkRatio: null, p95WalkRatio: null, medianScanMs: null, p95ScanMs: null, medianIncrementalMs: null, maxForcedLayouts: null,
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
  const folders = summarize([
    row('a', { walkRatio: 2, scanMs: 1, incrementalMs: 0.5 }),
    row('b', { walkRatio: 5, scanMs: 5, incrementalMs: 0.4 }),
  ], null);
  const stress: ExtensionReport = {
    pages: [],
    gc: { withMs: 200, withoutMs: 40, longestMs: 30, longestWithoutMs: 10 },
    longestTaskMs: 50,
    loadDelayRatio: 1.2,
    loadMsWithout: 1000,
    endless: { stories: 50, firstHalfMs: 100, secondHalfMs: 150, growth: 1.5 },
  };
  const report = withStress(folders, stress);

  it('meets a limit the figure equals and misses one it passes', () => {
    const verdicts = budgetVerdicts(report, 61_440);
    expect(verdicts.map((line) => [line.figure, line.value, line.limit, line.met])).toEqual([
      ['median scan ÷ walk', 3.5, 3, false],
      ['p95 scan ÷ walk', 5, 5, true],
      ['median scan', 3, 2, false],
      ['p95 scan', 5, 5, true],
      ['median incremental', 0.45, 0.5, true],
      ['forced layouts', 0, 0, true],
      ['longest task', 50, 50, true],
      ['endless growth', 1.5, 1.5, true],
      ['load delay ratio', 1.2, 1.1, false],
      ['content script', 61_440, 61_440, true],
    ]);
    expect(budgetVerdicts(report, 61_441).at(-1)?.met).toBe(false);
  });

  it('never meets a figure that was not measured', () => {
    const empty = summarize([], null);
    expect(budgetVerdicts(empty, 1).filter((line) => line.met).map((line) => line.figure)).toEqual(['content script']);
    expect(budgetVerdicts(withStress(folders, { ...stress, endless: { ...stress.endless, growth: NaN } }), 1).find((line) => line.figure === 'endless growth')?.met).toBe(false);
  });
});

describe('bench figures', () => {
  it('keeps about three significant digits', () => {
    expect([0.0312, 4.271, 38.54, 1234.4, null, Number.NaN].map(figure)).toEqual(['0.031', '4.27', '38.5', '1234', 'n/a', 'n/a']);
    expect([7, 10_000, 1_234_567].map(thousands)).toEqual(['7', '10 000', '1 234 567']);
  });
});

describe('garbage collection in a trace', () => {
  it("counts the collections of the thread that parsed the page, not the extension's or the browser's", () => {
    const events = [
      { name: 'MinorGC', ph: 'X', pid: 9, tid: 1, dur: 50_000 },
      { name: 'ParseHTML', ph: 'X', pid: 3, tid: 7, dur: 900_000 },
      { name: 'MinorGC', ph: 'X', pid: 3, tid: 7, dur: 12_000 },
      { name: 'MajorGC', ph: 'X', pid: 3, tid: 7, dur: 30_000 },
      { name: 'MinorGC', ph: 'X', pid: 3, tid: 8, dur: 40_000 },
      { name: 'V8.GCScavenger', ph: 'X', pid: 3, tid: 7, dur: 11_000 },
    ];
    expect(gcOfTrace(events)).toEqual({ totalMs: 42, longestMs: 30 });
    expect(gcOfTrace(events.filter((event) => event.name !== 'ParseHTML'))).toEqual({ totalMs: 0, longestMs: 0 });
  });
});
