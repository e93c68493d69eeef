// `tidings bench`: speed and memory figures on hostile and huge inputs. It prints numbers for a person
// to judge; it fails (non-zero) only when a scan throws, e.g. a stack overflow on deep nesting.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { scanDocument, scanText } from '../scan/index';
import { parseArgs } from './args';
import { UsageError } from './errors';
import { deepNestingHtml, longText, newsPageHtml } from './bench-inputs';
import { megabytes, median, ms, table } from './format';
import type { CliIo } from './io';
import { closePage, parseHtml } from './page';
import { defaultScanOptions } from './scan-options';

export const BENCH_USAGE = 'tidings bench [--json] [--corpus DIR]   (default corpus: ../shared/corpus)';

/** Scan figures; wall time suffers when other processes share the CPU, CPU time much less. */
interface ScanTiming {
  scanMs: number | null;
  scanCpuMs: number | null;
  findings: number | null;
  error?: string;
}

export interface BenchResult extends ScanTiming {
  name: string;
  /** Elements for pages, characters for text. */
  size: number;
  unit: 'elements' | 'chars';
  parseMs: number | null;
  heapDeltaBytes: number;
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // The top frames say where it broke; the detection code needs that, not the whole trace.
  const frames = (error.stack ?? '').split('\n').slice(1, 6).map((frame) => frame.trim());
  return [`${error.name}: ${error.message}`, ...frames].join('\n    ');
}

/** Runs a scan that returns its number of findings; a throw (e.g. stack overflow) becomes an error figure. */
function timeScan(scan: () => number): ScanTiming {
  try {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const findings = scan();
    const scanMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    return { scanMs, scanCpuMs: (cpu.user + cpu.system) / 1000, findings };
  } catch (error) {
    return { scanMs: null, scanCpuMs: null, findings: null, error: describeError(error) };
  }
}

function benchPage(name: string, html: string): BenchResult {
  const heapBefore = process.memoryUsage().heapUsed;
  const parseStarted = performance.now();
  const dom = parseHtml(html);
  const parseMs = performance.now() - parseStarted;
  const doc = dom.window.document;
  const timing = timeScan(() => scanDocument(doc, defaultScanOptions()).length);
  const heapDeltaBytes = process.memoryUsage().heapUsed - heapBefore;
  const size = doc.getElementsByTagName('*').length;
  closePage(dom);
  return { name, size, unit: 'elements', parseMs, ...timing, heapDeltaBytes };
}

function benchText(name: string, text: string): BenchResult {
  const heapBefore = process.memoryUsage().heapUsed;
  // scanText borrows a document's DOM implementation; Node has none of its own.
  const host = parseHtml('');
  const timing = timeScan(() => scanText(text, defaultScanOptions(), host.window.document).findings.length);
  const heapDeltaBytes = process.memoryUsage().heapUsed - heapBefore;
  closePage(host);
  return { name, size: text.length, unit: 'chars', parseMs: null, ...timing, heapDeltaBytes };
}

/** The corpus page of median file size: what a typical saved news page costs. */
function medianCorpusPage(corpusDir: string): string | null {
  const pagesDir = join(corpusDir, 'pages');
  if (!existsSync(pagesDir)) return null;
  const pages = readdirSync(pagesDir)
    .filter((file) => file.endsWith('.html') && !file.endsWith('.expected.html'))
    .map((file) => ({ path: join(pagesDir, file), bytes: statSync(join(pagesDir, file)).size }))
    .sort((a, b) => a.bytes - b.bytes);
  return pages[Math.floor((pages.length - 1) / 2)]?.path ?? null;
}

const LINEARITY_SIZES = [25_000, 50_000, 100_000];

export function benchCommand(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, { json: 'flag', corpus: 'value' });
  if (args.positionals.length > 0) throw new UsageError(`bench takes no arguments, got: ${args.positionals.join(' ')}`);
  const corpusFlag = args.flags.get('corpus');
  const corpusDir = resolve(typeof corpusFlag === 'string' ? corpusFlag : '../shared/corpus');
  const json = args.flags.has('json');
  const progress = (text: string): void => {
    if (!json) io.err(text);
  };

  // Warm the JIT so the first measured case is not charged for compiling the detectors.
  benchPage('warm-up', newsPageHtml(5_000));

  const results: BenchResult[] = [];
  progress('(a) 100 000-element news page…');
  results.push(benchPage('(a) news page, 100k elements', newsPageHtml(100_000)));
  progress('(b) 5 000-deep nesting…');
  results.push(benchPage('(b) nesting 5000 deep', deepNestingHtml(5_000)));
  progress('(c) 5 MB plain text…');
  results.push(benchText('(c) plain text 5 MB', longText(5 * 1024 * 1024)));
  const corpusPage = medianCorpusPage(corpusDir);
  if (corpusPage) {
    progress('(e) corpus median page…');
    results.push(benchPage(`(e) corpus median: ${corpusPage.split('/').pop()}`, readFileSync(corpusPage, 'utf8')));
  }
  progress('(d) linearity…');
  const linearity = LINEARITY_SIZES.map((size) => {
    // Three runs each: the median damps garbage-collection pauses.
    const runs = [1, 2, 3].map(() => benchPage(`${size}`, newsPageHtml(size)));
    const failed = runs.find((run) => run.error !== undefined);
    const scanMs = failed ? null : median(runs.map((run) => run.scanMs ?? 0));
    const scanCpuMs = failed ? null : median(runs.map((run) => run.scanCpuMs ?? 0));
    const elements = runs[0]?.size ?? size;
    const perElement = (value: number | null): number | null => (value === null ? null : (value * 1000) / elements);
    return { elements, scanMs, scanCpuMs, microsPerElement: perElement(scanMs), cpuMicrosPerElement: perElement(scanCpuMs), error: failed?.error };
  });

  const failures = [
    ...results.filter((result) => result.error).map((result) => ({ name: result.name, error: result.error as string })),
    ...linearity.filter((row) => row.error).map((row) => ({ name: `(d) linearity ${row.elements}`, error: row.error as string })),
  ];

  if (json) {
    io.out(JSON.stringify({ cases: results, linearity, corpusPage, failures }, null, 2));
  } else {
    io.out(table(
      ['case', 'size', 'parse ms', 'scan ms', 'scan cpu ms', 'findings', 'heap Δ'],
      results.map((result) => [
        result.name,
        result.unit === 'chars' ? `${megabytes(result.size)} text` : `${result.size} elements`,
        result.parseMs === null ? '-' : ms(result.parseMs),
        result.scanMs === null ? 'FAILED' : ms(result.scanMs),
        result.scanCpuMs === null ? '-' : ms(result.scanCpuMs),
        result.findings === null ? '-' : String(result.findings),
        megabytes(result.heapDeltaBytes),
      ]),
      [2, 3, 4, 5, 6],
    ));
    if (!corpusPage) io.out(`(e) skipped: no corpus pages under ${corpusDir}`);
    io.out('');
    io.out('(d) linearity (median of 3 scans):');
    io.out(table(
      ['elements', 'scan ms', 'µs per element', 'scan cpu ms', 'cpu µs per element'],
      linearity.map((row) => [
        String(row.elements),
        row.scanMs === null ? 'FAILED' : ms(row.scanMs),
        row.microsPerElement === null ? '-' : row.microsPerElement.toFixed(1),
        row.scanCpuMs === null ? '-' : ms(row.scanCpuMs),
        row.cpuMicrosPerElement === null ? '-' : row.cpuMicrosPerElement.toFixed(1),
      ]),
      [0, 1, 2, 3, 4],
    ));
    for (const failure of failures) {
      io.err('');
      io.err(`SCAN FAILED in ${failure.name}:\n    ${failure.error}`);
    }
  }
  return failures.length > 0 ? 1 : 0;
}
