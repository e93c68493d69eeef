// `tidings scan FILE…`: what the detectors would collapse on saved pages or plain text, and optionally
// the page with those blocks removed.
import type { Buffer } from 'node:buffer';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Finding, Kind, ScanOptions } from '../core/types';
import { scanDocument, scanText, type TextFinding } from '../scan/index';
import { parseArgs, sensitivityFlag } from './args';
import { cssPath } from './css-path';
import { englishReasons } from './english';
import { UsageError } from './errors';
import type { CliIo } from './io';
import { closePage, parseHtml, releaseClosedPages } from './page';
import { defaultScanOptions } from './scan-options';
import { excerpt, visibleText } from './text';

export const SCAN_USAGE = 'tidings scan FILE.html|FILE.txt… [--clean [OUT]] [--json] [--lang xx] [--sensitivity low|normal|high]';

const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md']);

export interface ReportedFinding {
  kind: Kind;
  detectorId: string;
  score: number;
  reasons: string[];
  /** HTML: a CSS path naming the element. Text: the character range. */
  path?: string;
  start?: number;
  end?: number;
  text: string;
}

export interface FileReport {
  file: string;
  type: 'html' | 'text';
  scanMs: number;
  findings: ReportedFinding[];
  error?: string;
}

interface ScannedFile {
  report: FileReport;
  clean: () => string;
  /** Frees the parsed page; a run over hundreds of pages would otherwise keep every DOM alive. */
  release: () => void;
}

function reportFinding(finding: Finding | TextFinding): ReportedFinding {
  const { kind, detectorId, score } = finding;
  const reasons = englishReasons(finding.reasons);
  return 'element' in finding
    ? { kind, detectorId, score, reasons, path: cssPath(finding.element), text: excerpt(visibleText(finding.element)) }
    : { kind, detectorId, score, reasons, start: finding.start, end: finding.end, text: excerpt(finding.text) };
}

function scanHtmlFile(file: string, source: Buffer, options: ScanOptions): ScannedFile {
  const dom = parseHtml(source);
  const started = performance.now();
  const findings = scanDocument(dom.window.document, options);
  const scanMs = performance.now() - started;
  return {
    report: { file, type: 'html', scanMs, findings: findings.map(reportFinding) },
    clean: () => {
      for (const finding of findings) finding.element.remove();
      return dom.serialize();
    },
    release: () => closePage(dom),
  };
}

function scanTextFile(file: string, source: string, options: ScanOptions): ScannedFile {
  // scanText borrows a document's DOM implementation; Node has none of its own.
  const host = parseHtml('');
  const started = performance.now();
  const result = scanText(source, options, host.window.document);
  const scanMs = performance.now() - started;
  return {
    report: { file, type: 'text', scanMs, findings: result.findings.map(reportFinding) },
    clean: () => result.clean,
    release: () => closePage(host),
  };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

function describeFinding(finding: ReportedFinding, source: string): string[] {
  const where = finding.path ?? `chars ${finding.start}-${finding.end} (line ${lineOf(source, finding.start ?? 0)})`;
  return [
    `  ${finding.kind.padEnd(10)} ${finding.detectorId.padEnd(15)} ${finding.score.toFixed(2)}  ${where}`,
    `    reasons: ${finding.reasons.join('; ')}`,
    `    text: ${JSON.stringify(finding.text)}`,
  ];
}

function kindCounts(reports: readonly FileReport[]): string {
  const counts = new Map<string, number>();
  for (const finding of reports.flatMap((report) => report.findings)) counts.set(finding.kind, (counts.get(finding.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => `${kind} ${count}`).join(', ');
}

export async function scanCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { clean: 'optional-value', json: 'flag', lang: 'value', sensitivity: 'value' });
  const files = args.positionals;
  if (files.length === 0) throw new UsageError('scan needs at least one file');
  const clean = args.flags.get('clean');
  const cleanToStdout = clean === true || clean === '-';
  const json = args.flags.has('json');
  if (clean !== undefined && files.length > 1) throw new UsageError('--clean writes one page: give one input file');
  if (json && cleanToStdout) throw new UsageError('--json and --clean without OUT both write to standard output: give --clean a file');
  const lang = args.flags.get('lang');
  const options = defaultScanOptions(sensitivityFlag(args), typeof lang === 'string' ? lang : undefined);
  // With the clean page on stdout, the findings go to stderr so the output stays a usable page.
  const say = cleanToStdout ? io.err : io.out;

  const reports: FileReport[] = [];
  const fail = (file: string, type: FileReport['type'], error: string): void => {
    reports.push({ file, type, scanMs: 0, findings: [], error });
    if (!json) io.err(`${file}: ${error}`);
  };
  for (const file of files) {
    const type = TEXT_EXTENSIONS.has(extname(file).toLowerCase()) ? 'text' : 'html';
    if (!existsSync(file)) {
      fail(file, type, 'file not found');
      continue;
    }
    try {
      const bytes = readFileSync(file);
      const source = bytes.toString('utf8');
      const scanned = type === 'text' ? scanTextFile(file, source, options) : scanHtmlFile(file, bytes, options);
      if (!json) {
        const { findings, scanMs } = scanned.report;
        say(`== ${file}: ${findings.length} finding${findings.length === 1 ? '' : 's'} (scan ${scanMs.toFixed(1)} ms)`);
        for (const finding of findings) for (const line of describeFinding(finding, source)) say(line);
      }
      if (clean !== undefined) {
        const output = scanned.clean();
        if (cleanToStdout) io.out(output);
        else writeFileSync(clean as string, output);
      }
      scanned.release();
      reports.push(scanned.report);
    } catch (error) {
      // One hostile page must not end a run over a whole folder; the exit code still reports it.
      fail(file, type, `failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    }
    await releaseClosedPages();
  }

  const failed = reports.filter((report) => report.error !== undefined).length;
  const findings = reports.reduce((sum, report) => sum + report.findings.length, 0);
  if (json) {
    io.out(JSON.stringify({ files: reports, total: { files: reports.length, failed, findings } }, null, 2));
  } else {
    const counts = kindCounts(reports);
    say(`Total: ${reports.length} file${reports.length === 1 ? '' : 's'}, ${findings} finding${findings === 1 ? '' : 's'}${counts ? ` (${counts})` : ''}${failed ? `, ${failed} failed` : ''}`);
  }
  return failed > 0 ? 1 : 0;
}
