// `tidings bench`: what a scan costs beside the least any reader of the page's text pays (the floor),
// on a folder of saved pages and on generated huge and hostile ones, under jsdom and in headless
// Chromium. It prints figures and the budget beside them; it fails (exit 1) only when a page could not
// be loaded or its scan threw, never on a budget.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, wholeNumberFlag } from './args';
import { contentScriptBytes } from './bench-bundle';
import { openChromium } from './bench-chromium';
import { benchExtensionStress, type ExtensionReport } from './bench-extension';
import { batchHtml, newsPageHtml, stressPages, type StressPage } from './bench-inputs';
import { describeError, measurePage, type MeasureRequest, type PageMeasurement } from './bench-measure';
import {
  BUDGET, budgetVerdicts, KB, LINEAR_GROWTH, slopeOf, summarize, withStress, type BudgetLine, type EnvironmentReport, type PageRow,
} from './bench-report';
import { InputError, UsageError } from './errors';
import { figure, table, thousands } from './format';
import type { CliIo } from './io';
import { closePage, parseHtml, releaseClosedPages } from './page';
import { defaultScanOptions } from './scan-options';

export const BENCH_USAGE = 'tidings bench [DIR…] [--browser jsdom|chromium|both] [--runs N] [--no-stress] [--json]';

export const BENCH_HELP = `      Per page of each DIR (default test/fixtures/pages; *.expected.html skipped) and of generated stress
      pages (10k/50k/100k elements, 5000 deep, 2000 paragraphs, a 3000-link footer; --no-stress skips
      them): the floor (one TreeWalker pass reading all text), the structure walk (one pass reading
      text, tag names and class attributes), the full scan, its ratio to each, one
      incremental scan of a 50-node batch, layout reads during a scan and the page's first (cold)
      scan; median of N runs (default 5) after a warm-up, under jsdom and in headless Chromium
      ($CHROMIUM_PATH, default /usr/bin/chromium). With the stress pages, Chromium also loads the
      built extension (dist/chrome: \`npm run build\` first) on a 100 000-element page, a page of about
      400 000 nodes and an endless page (a 2 000-element story every 500 ms up to 100 000 elements),
      timing each batch of its work. --json prints {runs, dirs, jsdom, chromium, skipped,
      contentScriptBytes, budget}; jsdom and chromium are null when not run, else {pages: [{name,
      stress, elements, depth, findings, coldScanMs, floorMs, walkMs, scanMs, ratio, walkRatio,
      incrementalMs, forcedLayouts, error?}], medianRatio, p95Ratio, medianWalkRatio, p95WalkRatio,
      medianScanMs, p95ScanMs, medianIncrementalMs, maxForcedLayouts, slope: {points, microsPerElement,
      growth, linear} | null, longestTaskMs, loadDelayRatio, endless: {stories, firstHalfMs, secondHalfMs,
      growth}, stress: {pages: [{name, elements, nodes, longestTaskMs, batches, totalMs,
      pageLongestTaskMs, loadMs, collapsed, collapseAfterPaintMs, longestFrameMs, layoutAfterLoadMs}],
      gc: {withMs, withoutMs, longestMs, longestWithoutMs}, loadMsWithout, …} (the last four null
      without the extension's run), contentScriptBytes}; budget (Chromium's figures) is [{figure, value,
      limit, unit, met}] or null.`;

type Environment = 'jsdom' | 'chromium';

const ENVIRONMENTS: Record<string, readonly Environment[]> = {
  jsdom: ['jsdom'],
  chromium: ['chromium'],
  both: ['jsdom', 'chromium'],
};

/** Each sample repeats its work at least this long (the browser's clock ticks in 0.1 ms). */
const MIN_SAMPLE_MS = 20;
/**
 * The scan's warm-up in the browser: long enough for the optimising compiler to finish with the scan
 * code, which is injected afresh, cold, into every page.
 */
const BROWSER_WARM_UP_MS = 300;
/** Elements of the generated page that warms jsdom's process once (its scan code serves every page). */
const JSDOM_WARM_UP_ELEMENTS = 5_000;

const DEFAULT_DIR = fileURLToPath(new URL('../../test/fixtures/pages', import.meta.url));

interface BenchPage {
  name: string;
  html: string;
  /** The generated page it is, for the slope and the depth note; undefined for the folder's pages. */
  stress?: StressPage;
}

/** The folder's pages, named by file, or by folder and file when `prefix` (several folders). */
function folderPages(dir: string, prefix: boolean): BenchPage[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError(`${dir}: no such directory`);
  const files = readdirSync(dir).filter((file) => file.endsWith('.html') && !file.endsWith('.expected.html')).sort();
  if (files.length === 0) throw new InputError(`${dir}: no .html pages`);
  const folder = relative(process.cwd(), dir) || '.';
  return files.map((file) => ({ name: prefix ? `${folder}/${file}` : file, html: readFileSync(join(dir, file), 'utf8') }));
}

function rowOf(page: BenchPage, measured: PageMeasurement): PageRow {
  const figures = measured.figures;
  return {
    name: page.stress ? `stress: ${page.name}` : page.name,
    stress: page.stress !== undefined,
    elements: measured.elementCount,
    depth: measured.depth,
    findings: figures?.findings ?? null,
    coldScanMs: figures?.coldScanMs ?? null,
    floorMs: figures?.floorMs ?? null,
    scanMs: figures?.scanMs ?? null,
    ratio: figures && figures.floorMs > 0 ? figures.scanMs / figures.floorMs : null,
    walkMs: figures?.walkMs ?? null,
    walkRatio: figures && figures.walkMs > 0 ? figures.scanMs / figures.walkMs : null,
    incrementalMs: figures?.incrementalMs ?? null,
    forcedLayouts: figures?.forcedLayouts ?? null,
    ...(measured.error === null ? {} : { error: measured.error }),
  };
}

function failedRow(page: BenchPage, error: string): PageRow {
  return rowOf(page, { elementCount: 0, depth: 0, figures: null, error });
}

/** Measures every page in one environment; a page that cannot be loaded or measured becomes a row with its error. */
async function measureAll(
  pages: readonly BenchPage[],
  measure: (html: string) => Promise<PageMeasurement>,
  progress: (text: string) => void,
): Promise<EnvironmentReport> {
  const rows: PageRow[] = [];
  const started = performance.now();
  for (const [index, page] of pages.entries()) {
    progress(`  ${index + 1}/${pages.length} ${page.name}`);
    try {
      rows.push(rowOf(page, await measure(page.html)));
    } catch (error) {
      rows.push(failedRow(page, `could not load the page: ${describeError(error)}`));
    }
  }
  progress(`  done in ${Math.round((performance.now() - started) / 1000)} s`);
  const scaling = pages.flatMap((page, index) => {
    const scanMs = rows[index]?.scanMs;
    return page.stress?.scaling && scanMs != null ? [{ elements: page.stress.elements, scanMs }] : [];
  });
  return summarize(rows, slopeOf(scaling));
}

function measureInJsdom(request: MeasureRequest): (html: string) => Promise<PageMeasurement> {
  return async (html) => {
    const dom = parseHtml(html);
    try {
      return measurePage(dom.window.document, request);
    } finally {
      closePage(dom);
      await releaseClosedPages();
    }
  };
}

const ENVIRONMENT_TITLES: Record<Environment, string> = { jsdom: 'jsdom', chromium: 'headless Chromium' };

function pagesTable(report: EnvironmentReport): string {
  return table(
    ['page', 'elements', 'floor ms', 'walk ms', 'scan ms', 'ratio', '÷ walk', 'incr. ms', 'layouts', 'found', 'cold ms'],
    report.pages.map((row) => [
      row.name,
      thousands(row.elements),
      row.error ? 'FAILED' : figure(row.floorMs),
      figure(row.walkMs),
      figure(row.scanMs),
      figure(row.ratio),
      figure(row.walkRatio),
      figure(row.incrementalMs),
      row.forcedLayouts === null ? 'n/a' : String(row.forcedLayouts),
      row.findings === null ? 'n/a' : String(row.findings),
      figure(row.coldScanMs),
    ]),
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  );
}

function summaryLines(report: EnvironmentReport, pages: readonly BenchPage[]): string[] {
  const folderCount = report.pages.filter((row) => !row.stress).length;
  const lines = [
    `folder pages (${folderCount}): ratio median ${figure(report.medianRatio)}, p95 ${figure(report.p95Ratio)} ` +
      `(to the structure walk: median ${figure(report.medianWalkRatio)}, p95 ${figure(report.p95WalkRatio)}); ` +
      `scan median ${figure(report.medianScanMs)} ms, p95 ${figure(report.p95ScanMs)} ms; ` +
      `incremental median ${figure(report.medianIncrementalMs)} ms; forced layouts max ${report.maxForcedLayouts ?? 'n/a'}`,
  ];
  const slope = report.slope;
  if (slope) {
    const points = slope.points.map((point) => `${thousands(point.elements)}: ${figure(point.microsPerElement)}`).join(', ');
    lines.push(
      `slope: µs per element ${points}; least squares ${figure(slope.microsPerElement)} µs/element; ` +
        `${slope.linear ? 'grows linearly' : 'does NOT grow linearly'} (largest/smallest ${figure(slope.growth)}, limit ${LINEAR_GROWTH})`,
    );
  }
  for (const [index, page] of pages.entries()) {
    const row = report.pages[index];
    const claimed = page.stress?.depth;
    if (claimed !== undefined && row && !row.error && row.depth < claimed) {
      lines.push(`note: ${row.name} is ${thousands(row.depth)} deep here, not ${thousands(claimed)}: this HTML parser caps nesting`);
    }
  }
  return lines;
}

function budgetTable(lines: readonly BudgetLine[]): string {
  const shown = (line: BudgetLine, value: number | null): string =>
    line.unit === 'bytes' || line.figure === 'forced layouts' ? (value === null ? 'n/a' : thousands(value)) : figure(value);
  return table(
    ['figure', 'budget', 'measured', ''],
    lines.map((line) => [
      line.figure,
      `${line.limit === 0 ? '0' : `≤ ${shown(line, line.limit)}`}${line.unit ? ` ${line.unit}` : ''}`,
      `${shown(line, line.value)}${line.unit ? ` ${line.unit}` : ''}`,
      line.met ? 'met' : 'NOT met',
    ]),
    [2],
  );
}

function stressTable(stress: ExtensionReport): string {
  return table(
    ['page (built extension)', 'elements', 'nodes', 'longest task ms', 'batches', 'total ms', "page's long task ms", 'load ms', 'collapsed', '1st collapse − 1st paint ms', 'longest frame after load ms', 'layout after load ms'],
    stress.pages.map((row) => [
      row.name,
      thousands(row.elements),
      thousands(row.nodes),
      figure(row.longestTaskMs),
      String(row.batches),
      figure(row.totalMs),
      figure(row.pageLongestTaskMs),
      figure(row.loadMs),
      String(row.collapsed),
      figure(row.collapseAfterPaintMs),
      figure(row.longestFrameMs),
      figure(row.layoutAfterLoadMs),
    ]),
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
  );
}

function stressLines(stress: ExtensionReport): string[] {
  const { endless } = stress;
  return [
    `load event of the ${stress.pages[1]?.name ?? '400 000-node page'}: ${figure(stress.pages[1]?.loadMs ?? null)} ms with the extension, ` +
      `${figure(stress.loadMsWithout)} ms without (ratio ${figure(stress.loadDelayRatio)}; medians of the loads)`,
    `garbage collection while the ${stress.pages[0]?.name ?? '100 000-element page'} loads and is read: ${figure(stress.gc.withMs)} ms with the extension ` +
      `(longest ${figure(stress.gc.longestMs)} ms), ${figure(stress.gc.withoutMs)} ms without (longest ${figure(stress.gc.longestWithoutMs)} ms; one traced load each)`,
    `endless page: Tidings' time while the first half of its ${endless.stories} stories went in ${figure(endless.firstHalfMs)} ms, ` +
      `the second half ${figure(endless.secondHalfMs)} ms (growth ${figure(endless.growth)})`,
  ];
}

export async function benchCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { json: 'flag', browser: 'value', runs: 'value', 'no-stress': 'flag' });
  const browserFlag = args.flags.get('browser');
  const environments = ENVIRONMENTS[typeof browserFlag === 'string' ? browserFlag : 'both'];
  if (!environments) throw new UsageError('--browser: expected one of jsdom, chromium, both');
  const runs = wholeNumberFlag(args, 'runs', 5, 1);
  const json = args.flags.has('json');
  const dirs = (args.positionals.length > 0 ? args.positionals : [DEFAULT_DIR]).map((dir) => resolve(dir));
  const stressed = !args.flags.has('no-stress');
  const pages: BenchPage[] = [
    ...dirs.flatMap((dir) => folderPages(dir, dirs.length > 1)),
    ...(stressed ? stressPages().map((stress) => ({ name: stress.name, html: stress.html, stress })) : []),
  ];
  const progress = (text: string): void => {
    if (!json) io.err(text);
  };
  const batches = batchHtml();
  const request = { options: defaultScanOptions(), runs, minSampleMs: MIN_SAMPLE_MS, batches: [batches.plain, batches.appeal] };

  const reports: Record<Environment, EnvironmentReport | null> = { jsdom: null, chromium: null };
  const skipped: Partial<Record<Environment, string>> = {};
  if (environments.includes('jsdom')) {
    progress(`jsdom: ${pages.length} pages`);
    const measure = measureInJsdom({ ...request, warmUpMs: MIN_SAMPLE_MS });
    await measure(newsPageHtml(JSDOM_WARM_UP_ELEMENTS));
    reports.jsdom = await measureAll(pages, measure, progress);
  }
  if (environments.includes('chromium')) {
    const chromium = await openChromium();
    if ('skipped' in chromium) {
      skipped.chromium = chromium.skipped;
    } else {
      progress(`headless Chromium: ${pages.length} pages`);
      try {
        reports.chromium = await measureAll(pages, (html) => chromium.measure(html, { ...request, warmUpMs: BROWSER_WARM_UP_MS }), progress);
      } finally {
        await chromium.close();
      }
      if (stressed) {
        progress('headless Chromium with the built extension: stress pages');
        const stress = await benchExtensionStress(progress);
        if ('skipped' in stress) skipped.chromium = `the extension's stress pages: ${stress.skipped}`;
        else reports.chromium = withStress(reports.chromium, stress);
      }
    }
  }
  const scriptBytes = await contentScriptBytes();
  const budget = reports.chromium ? budgetVerdicts(reports.chromium, scriptBytes) : null;

  if (json) {
    const chromium = reports.chromium && { ...reports.chromium, contentScriptBytes: scriptBytes };
    io.out(JSON.stringify({ runs, dirs, ...reports, chromium, skipped, contentScriptBytes: scriptBytes, budget }, null, 2));
  } else {
    const folders = dirs.map((dir) => relative(process.cwd(), dir) || '.').join(', ');
    io.out(`Pages of ${folders}; median of ${runs} run${runs === 1 ? '' : 's'} after a warm-up.`);
    for (const environment of environments) {
      const report = reports[environment];
      io.out('');
      io.out(`== ${ENVIRONMENT_TITLES[environment]} ==`);
      if (!report) {
        io.out(`The browser half was skipped: ${skipped[environment] ?? 'not run'}`);
        continue;
      }
      io.out(pagesTable(report));
      for (const line of summaryLines(report, pages)) io.out(line);
      if (report.stress) {
        io.out('');
        io.out(stressTable(report.stress));
        for (const line of stressLines(report.stress)) io.out(line);
      }
    }
    io.out('');
    io.out(`content script (src/content/index.ts bundled as build.mjs does, minified): ${thousands(scriptBytes)} bytes, ${figure(scriptBytes / KB)} KB`);
    io.out('');
    if (budget) {
      io.out("Budget (headless Chromium's figures: the folders' pages, and the built extension on the stress pages; the bench never fails on it):");
      io.out(budgetTable(budget));
    } else {
      io.out(`Budget not judged: it counts headless Chromium's figures only (limits: scan ÷ walk median ≤ ${BUDGET.medianWalkRatio}, ` +
        `p95 ≤ ${BUDGET.p95WalkRatio}; scan median ≤ ${BUDGET.medianScanMs} ms, p95 ≤ ${BUDGET.p95ScanMs} ms; incremental ≤ ` +
        `${BUDGET.medianIncrementalMs} ms; forced layouts 0; longest task ≤ ${BUDGET.longestTaskMs} ms; endless growth ≤ ` +
        `${BUDGET.endlessGrowth}; load delay ratio ≤ ${BUDGET.loadDelayRatio}; content script ≤ ${thousands(BUDGET.contentScriptBytes)} bytes).`);
    }
  }

  let failed = false;
  for (const environment of environments) {
    for (const row of reports[environment]?.pages ?? []) {
      if (!row.error) continue;
      failed = true;
      io.err(`\nFAILED in ${row.name} (${environment}):\n    ${row.error}`);
    }
  }
  if (json && skipped.chromium) io.err(`The browser half was skipped: ${skipped.chromium}`);
  return failed ? 1 : 0;
}
