// `tidings eval DIR`: runs the detectors with default settings over a labelled corpus and counts
// caught blocks, false positives and hidden article paragraphs by corpus/README.md's rules.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { KINDS, type Kind, type ScanOptions } from '../core/types';
import { scanDocument } from '../scan/index';
import { parseArgs, sensitivityFlag } from './args';
import { cssPath } from './css-path';
import { UsageError } from './errors';
import { articleParagraphs, evaluatePage, type BlockResult } from './evaluate';
import { median, ms, percent, quantile, ratio, table } from './format';
import type { CliIo } from './io';
import { judgementsFor, type JudgedBlock, type Judgements } from './judgements';
import { readCorpus, type Corpus, type PageLabels } from './labels';
import { closePage, parseHtml, releaseClosedPages } from './page';
import { defaultScanOptions } from './scan-options';
import { excerpt, visibleText } from './text';

export const EVAL_USAGE = 'tidings eval DIR [DIR…] [--json] [--sensitivity low|normal|high] [--judgements FILE | --no-judgements]';

/** Report groups: appeals are every plea standing between reader and article. */
type Group = 'appeals' | 'linkfarms';
const GROUPS: Record<Group, readonly Kind[]> = {
  appeals: ['appeal', 'paywall', 'newsletter'],
  linkfarms: ['linkfarm'],
};
const GROUP_NAMES = Object.keys(GROUPS) as Group[];

function perGroup(byKind: Record<Kind, number>): Record<Group, number> {
  return Object.fromEntries(
    GROUP_NAMES.map((group) => [group, GROUPS[group].reduce((sum, kind) => sum + byKind[kind], 0)]),
  ) as Record<Group, number>;
}

export interface FalsePositive {
  page: string;
  path: string;
  detectorId: string;
  /** Share of its text inside labelled blocks (below 50 %). */
  labelledShare: number;
  text: string;
}

export interface MissedBlock {
  page: string;
  kind: Kind;
  selector: string;
  collapsedShare: number;
}

export interface PageReport {
  file: string;
  blocks: number;
  caught: number;
  collapsed: number;
  falsePositives: number;
  articleParagraphs: number;
  hidden: number;
  scanMs: number;
}

/**
 * Figures that also count blocks a person judged real (eval/judgements.json) where the labels leave them
 * out, and leave out labels a person judged wrong: the corpus as the judgements say it should be labelled.
 */
export interface JudgedReport {
  file: string;
  blocks: number;
  /** Labels judged wrong. */
  rejected: number;
  /** Blocks of the judged labelling (labels not rejected, and judged blocks), those caught, and the share. */
  judgedBlocks: number;
  judgedCaught: number;
  recall: number | null;
  recallByGroup: Record<Group, number | null>;
  /** Share of collapsed elements with at least 50 % of their text in labelled or judged blocks. */
  precision: number | null;
  falsePositives: number;
  falsePositiveList: FalsePositive[];
  /** Hidden article paragraphs outside judged blocks. */
  articleParagraphsHidden: number;
  hiddenParagraphList: { page: string; text: string }[];
  /** Hidden article paragraphs inside a judged block (a heading the article ground truth keeps). */
  hiddenInsideJudged: number;
  hiddenInsideJudgedList: { page: string; text: string }[];
  /** Judgements that match no element or several, that a label covers, or about a page not in labels.json. */
  problems: string[];
  /** Judged blocks ("page: selector") of which nothing is collapsed now: stale, or a detector lost them. */
  idle: string[];
  /** Blocks of the judged labelling not caught. */
  missedList: MissedBlock[];
}

export interface EvalReport {
  pages: number;
  blocks: number;
  caught: number;
  recall: number | null;
  blocksByKind: Record<Kind, number>;
  caughtByKind: Record<Kind, number>;
  recallByKind: Record<Kind, number | null>;
  blocksByGroup: Record<Group, number>;
  caughtByGroup: Record<Group, number>;
  recallByGroup: Record<Group, number | null>;
  collapsed: number;
  falsePositives: number;
  falsePositiveList: FalsePositive[];
  precision: number | null;
  missedList: MissedBlock[];
  articleParagraphs: number;
  articleParagraphsHidden: number;
  hiddenParagraphList: { page: string; text: string }[];
  labelProblems: string[];
  /** Pages whose scan threw: a bug in the detectors, so eval exits non-zero. */
  scanErrors: { page: string; error: string }[];
  scanMsMedian: number;
  scanMsP95: number;
  scanMsMax: number;
  perPage: PageReport[];
  /** Null when no judgements apply (none for this corpus, or --no-judgements). */
  judged: JudgedReport | null;
}

interface PageOutcome {
  page: PageReport;
  blockKinds: { kind: Kind; caught: boolean }[];
  /** The same for the judged labelling: labels not rejected, and judged blocks. */
  judgedBlockKinds: { kind: Kind; caught: boolean }[];
  judgedMissed: MissedBlock[];
  falsePositives: FalsePositive[];
  /** Those of falsePositives that stay false positives when judged blocks count like labelled ones. */
  judgedFalsePositives: FalsePositive[];
  missed: MissedBlock[];
  hidden: string[];
  hiddenInsideJudged: string[];
  problems: string[];
  judgementProblems: string[];
  idleJudgements: string[];
}

function evaluateCorpusPage(dir: string, labels: PageLabels, judged: readonly JudgedBlock[], rejected: readonly JudgedBlock[], options: ScanOptions): PageOutcome {
  const dom = parseHtml(readFileSync(join(dir, labels.file)));
  const doc = dom.window.document;
  const started = performance.now();
  const findings = scanDocument(doc, options);
  const scanMs = performance.now() - started;

  let paragraphs: string[] = [];
  if (labels.article) {
    const articleDom = parseHtml(readFileSync(join(dir, labels.article)));
    paragraphs = articleParagraphs(articleDom.window.document);
    closePage(articleDom);
  }
  const evaluation = evaluatePage(doc, labels.blocks, findings.map((finding) => finding.element), paragraphs, judged, rejected.map((block) => block.selector));
  const detectorOf = new Map<Element, string>();
  for (const finding of findings) if (!detectorOf.has(finding.element)) detectorOf.set(finding.element, finding.detectorId);

  const falsePositiveResults = evaluation.collapsed.filter((result) => result.falsePositive);
  const falsePositives = falsePositiveResults.map((result) => ({
    page: labels.file,
    path: cssPath(result.element),
    detectorId: detectorOf.get(result.element) ?? '?',
    labelledShare: result.chars === 0 ? 0 : result.labelledChars / result.chars,
    text: excerpt(visibleText(result.element)),
  }));
  // Judged blocks include labelled ones, so a judged false positive is always a label-only one too.
  const judgedFalsePositives = falsePositives.filter((_, index) => falsePositiveResults[index]?.falsePositiveJudged);
  const missedOf = (blocks: readonly BlockResult[]): MissedBlock[] => blocks
    .filter((block) => !block.caught)
    .map((block) => ({
      page: labels.file,
      kind: block.kind,
      selector: block.selector,
      collapsedShare: block.chars === 0 ? 0 : block.collapsedChars / block.chars,
    }));
  const judgedLabelling = [...evaluation.blocks.filter((block) => !block.rejected), ...evaluation.judgedBlocks];
  closePage(dom);

  return {
    page: {
      file: labels.file,
      blocks: evaluation.blocks.length,
      caught: evaluation.blocks.filter((block) => block.caught).length,
      collapsed: evaluation.collapsed.length,
      falsePositives: falsePositives.length,
      articleParagraphs: evaluation.articleParagraphs,
      hidden: evaluation.hiddenParagraphs.length,
      scanMs,
    },
    blockKinds: evaluation.blocks.map((block) => ({ kind: block.kind, caught: block.caught })),
    judgedBlockKinds: judgedLabelling.map((block) => ({ kind: block.kind, caught: block.caught })),
    judgedMissed: missedOf(judgedLabelling),
    falsePositives,
    judgedFalsePositives,
    missed: missedOf(evaluation.blocks),
    hidden: evaluation.hiddenParagraphs,
    hiddenInsideJudged: evaluation.hiddenInsideJudged,
    problems: evaluation.problems.map((problem) => `${labels.file}: ${problem}`),
    judgementProblems: evaluation.judgementProblems.map((problem) => `${labels.file}: ${problem}`),
    idleJudgements: evaluation.idleJudgements.map((selector) => `${labels.file}: ${selector}`),
  };
}

function pageTexts(outcomes: readonly PageOutcome[], texts: (outcome: PageOutcome) => readonly string[]): { page: string; text: string }[] {
  return outcomes.flatMap((outcome) => texts(outcome).map((text) => ({ page: outcome.page.file, text: excerpt(text) })));
}

function summarizeJudged(outcomes: readonly PageOutcome[], judgements: Judgements, corpusProblems: string[]): JudgedReport {
  const collapsed = outcomes.reduce((sum, outcome) => sum + outcome.page.collapsed, 0);
  const falsePositiveList = outcomes.flatMap((outcome) => outcome.judgedFalsePositives);
  const outside = (outcome: PageOutcome): string[] => outcome.hidden.filter((text) => !outcome.hiddenInsideJudged.includes(text));
  const hiddenParagraphList = pageTexts(outcomes, outside);
  const hiddenInsideJudgedList = pageTexts(outcomes, (outcome) => outcome.hiddenInsideJudged);
  const kinds = outcomes.flatMap((outcome) => outcome.judgedBlockKinds);
  const judgedCaught = kinds.filter((block) => block.caught).length;
  const groupRecall = (group: Group): number | null => {
    const inGroup = kinds.filter((block) => GROUPS[group].includes(block.kind));
    return ratio(inGroup.filter((block) => block.caught).length, inGroup.length);
  };
  return {
    file: relative(process.cwd(), judgements.path),
    blocks: judgements.blocks.length,
    rejected: judgements.rejected.length,
    judgedBlocks: kinds.length,
    judgedCaught,
    recall: ratio(judgedCaught, kinds.length),
    recallByGroup: Object.fromEntries(GROUP_NAMES.map((group) => [group, groupRecall(group)])) as Record<Group, number | null>,
    precision: ratio(collapsed - falsePositiveList.length, collapsed),
    falsePositives: falsePositiveList.length,
    falsePositiveList,
    articleParagraphsHidden: hiddenParagraphList.length,
    hiddenParagraphList,
    hiddenInsideJudged: hiddenInsideJudgedList.length,
    hiddenInsideJudgedList,
    problems: [...corpusProblems, ...outcomes.flatMap((outcome) => outcome.judgementProblems)],
    idle: outcomes.flatMap((outcome) => outcome.idleJudgements),
    missedList: outcomes.flatMap((outcome) => outcome.judgedMissed),
  };
}

/** Adds up page outcomes into the corpus report. */
function summarize(
  outcomes: readonly PageOutcome[],
  scanErrors: EvalReport['scanErrors'] = [],
  judgements: { judgements: Judgements; problems: string[] } | null = null,
): EvalReport {
  const blocksByKind = Object.fromEntries(KINDS.map((kind) => [kind, 0])) as Record<Kind, number>;
  const caughtByKind = { ...blocksByKind };
  for (const { kind, caught } of outcomes.flatMap((outcome) => outcome.blockKinds)) {
    blocksByKind[kind]++;
    if (caught) caughtByKind[kind]++;
  }
  const blocksByGroup = perGroup(blocksByKind);
  const caughtByGroup = perGroup(caughtByKind);
  const pages = outcomes.map((outcome) => outcome.page);
  const total = (field: keyof Omit<PageReport, 'file'>): number => pages.reduce((sum, page) => sum + page[field], 0);
  const times = pages.map((page) => page.scanMs);
  const collapsed = total('collapsed');
  const falsePositives = total('falsePositives');
  return {
    pages: pages.length,
    blocks: total('blocks'),
    caught: total('caught'),
    recall: ratio(total('caught'), total('blocks')),
    blocksByKind,
    caughtByKind,
    recallByKind: Object.fromEntries(KINDS.map((kind) => [kind, ratio(caughtByKind[kind], blocksByKind[kind])])) as Record<Kind, number | null>,
    blocksByGroup,
    caughtByGroup,
    recallByGroup: Object.fromEntries(GROUP_NAMES.map((group) => [group, ratio(caughtByGroup[group], blocksByGroup[group])])) as Record<Group, number | null>,
    collapsed,
    falsePositives,
    falsePositiveList: outcomes.flatMap((outcome) => outcome.falsePositives),
    precision: ratio(collapsed - falsePositives, collapsed),
    missedList: outcomes.flatMap((outcome) => outcome.missed),
    articleParagraphs: total('articleParagraphs'),
    articleParagraphsHidden: total('hidden'),
    hiddenParagraphList: pageTexts(outcomes, (outcome) => outcome.hidden),
    labelProblems: outcomes.flatMap((outcome) => outcome.problems),
    scanErrors,
    scanMsMedian: median(times),
    scanMsP95: quantile(times, 0.95),
    scanMsMax: times.length === 0 ? Number.NaN : Math.max(...times),
    perPage: pages,
    judged: judgements ? summarizeJudged(outcomes, judgements.judgements, judgements.problems) : null,
  };
}

function printReport(report: EvalReport, io: CliIo): void {
  io.out(table(
    ['page', 'blocks', 'caught', 'collapsed', 'FP', 'paras', 'hidden', 'ms'],
    report.perPage.map((page) => [
      page.file, String(page.blocks), String(page.caught), String(page.collapsed), String(page.falsePositives),
      String(page.articleParagraphs), String(page.hidden), ms(page.scanMs),
    ]),
    [1, 2, 3, 4, 5, 6, 7],
  ));
  const recallRow = (name: string, caught: number, blocks: number, recall: number | null): string[] =>
    [name, `${caught}/${blocks}`, percent(recall)];
  io.out('');
  io.out(table(['recall', 'caught', ''], [
    recallRow('overall', report.caught, report.blocks, report.recall),
    ...KINDS.map((kind) => recallRow(kind, report.caughtByKind[kind], report.blocksByKind[kind], report.recallByKind[kind])),
    ...GROUP_NAMES.map((group) => recallRow(group, report.caughtByGroup[group], report.blocksByGroup[group], report.recallByGroup[group])),
  ], [1, 2]));
  io.out('');
  io.out(`pages                     ${report.pages}`);
  io.out(`collapsed                 ${report.collapsed}`);
  io.out(`false positives           ${report.falsePositives}`);
  io.out(`precision                 ${percent(report.precision)}`);
  io.out(`article paragraphs        ${report.articleParagraphs}`);
  io.out(`  hidden                  ${report.articleParagraphsHidden}`);
  io.out(`scan ms per page          median ${ms(report.scanMsMedian)}, p95 ${ms(report.scanMsP95)}, max ${ms(report.scanMsMax)}`);
  printFalsePositives('False positives (collapsed, less than 50 % labelled; labels are incomplete, judge each):', report.falsePositiveList, io);
  printMissed('Missed blocks:', report.missedList, io);
  printParagraphs('Hidden article paragraphs:', report.hiddenParagraphList, io);
  if (report.scanErrors.length > 0) {
    io.out('');
    io.out('SCAN FAILED (these pages are left out of the figures above):');
    for (const failure of report.scanErrors) io.out(`  ${failure.page}  ${failure.error}`);
  }
  if (report.labelProblems.length > 0) {
    io.out('');
    io.out('Label problems:');
    for (const problem of report.labelProblems) io.out(`  ${problem}`);
  }
  if (report.judged) printJudged(report.judged, report, io);
}

function printFalsePositives(title: string, list: readonly FalsePositive[], io: CliIo): void {
  if (list.length === 0) return;
  io.out('');
  io.out(title);
  for (const fp of list) {
    io.out(`  ${fp.page}  ${fp.detectorId}  ${fp.path}`);
    io.out(`    ${JSON.stringify(fp.text)}`);
  }
}

function printParagraphs(title: string, list: readonly { page: string; text: string }[], io: CliIo): void {
  if (list.length === 0) return;
  io.out('');
  io.out(title);
  for (const hidden of list) io.out(`  ${hidden.page}  ${JSON.stringify(hidden.text)}`);
}

function printMissed(title: string, list: readonly MissedBlock[], io: CliIo): void {
  if (list.length === 0) return;
  io.out('');
  io.out(title);
  for (const miss of list) io.out(`  ${miss.page}  ${miss.kind}  ${percent(miss.collapsedShare)} collapsed  ${miss.selector}`);
}

/** The judged figures, apart from and after the label-only ones, saying plainly what they rest on. */
function printJudged(judged: JudgedReport, report: EvalReport, io: CliIo): void {
  io.out('');
  io.out('='.repeat(100));
  io.out(`With judgements (${judged.file}: ${judged.blocks} block${judged.blocks === 1 ? '' : 's'} the labels leave out and ${judged.rejected} label${judged.rejected === 1 ? '' : 's'} judged wrong, by a person — not labels)`);
  io.out('Judged blocks count like labels, labels judged wrong count nowhere; the label-only figures above are unchanged.');
  io.out('');
  io.out(`recall                    ${judged.judgedCaught}/${judged.judgedBlocks} ${percent(judged.recall)}   (label-only ${percent(report.recall)})`);
  for (const group of GROUP_NAMES) io.out(`  ${group.padEnd(24)}${percent(judged.recallByGroup[group])}   (label-only ${percent(report.recallByGroup[group])})`);
  io.out(`precision                 ${percent(judged.precision)}   (label-only ${percent(report.precision)})`);
  io.out(`false positives           ${judged.falsePositives}   (label-only ${report.falsePositives})`);
  io.out(`article paragraphs hidden ${judged.articleParagraphsHidden} outside judged blocks`);
  io.out(`  hidden inside a judged block  ${judged.hiddenInsideJudged}`);
  printFalsePositives('False positives left (collapsed, less than 50 % labelled or judged):', judged.falsePositiveList, io);
  printMissed('Missed blocks (labelled or judged):', judged.missedList, io);
  printParagraphs('Hidden article paragraphs outside judged blocks:', judged.hiddenParagraphList, io);
  printParagraphs('Hidden inside a judged block (the article ground truth keeps them):', judged.hiddenInsideJudgedList, io);
  if (judged.idle.length > 0) {
    io.out('');
    io.out('Judged blocks with nothing collapsed now (a detector lost them, or the judgement is stale):');
    for (const idle of judged.idle) io.out(`  ${idle}`);
  }
  if (judged.problems.length > 0) {
    io.out('');
    io.out('Judgement problems:');
    for (const problem of judged.problems) io.out(`  ${problem}`);
  }
}

/** One corpus measured: its pages scanned with `options`, its judgements counted where they apply. */
async function evaluateCorpus(corpus: Corpus, options: ScanOptions, judgements: Judgements | null): Promise<EvalReport> {
  const byPage = (blocks: readonly JudgedBlock[]): Map<string, JudgedBlock[]> => {
    const map = new Map<string, JudgedBlock[]>();
    for (const block of blocks) map.set(block.file, [...(map.get(block.file) ?? []), block]);
    return map;
  };
  const judgedByPage = byPage(judgements?.blocks ?? []);
  const rejectedByPage = byPage(judgements?.rejected ?? []);
  const corpusFiles = new Set(corpus.pages.map((page) => page.file));
  const strayProblems = [...judgedByPage.keys()]
    .filter((file) => !corpusFiles.has(file))
    .map((file) => `${file}: not a page of ${corpus.dir}/labels.json, so its judgements count nowhere`);
  const outcomes: PageOutcome[] = [];
  const scanErrors: EvalReport['scanErrors'] = [];
  for (const page of corpus.pages) {
    try {
      outcomes.push(evaluateCorpusPage(corpus.dir, page, judgedByPage.get(page.file) ?? [], rejectedByPage.get(page.file) ?? [], options));
    } catch (error) {
      scanErrors.push({ page: page.file, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    }
    await releaseClosedPages();
  }
  return summarize(outcomes, scanErrors, judgements ? { judgements, problems: strayProblems } : null);
}

/**
 * Every corpus side by side, so that a change is judged by what it does to all of them at once: recall of appeals
 * and of link farms, precision, article paragraphs hidden — label-only, and with judgements where a corpus has them.
 */
function printSummary(reports: readonly { dir: string; report: EvalReport }[], io: CliIo): void {
  const fraction = (caught: number, blocks: number, recall: number | null): string => `${caught}/${blocks} ${percent(recall)}`;
  io.out('');
  io.out('='.repeat(100));
  io.out(`All ${reports.length} corpora (label-only; judged figures where a corpus has judgements)`);
  io.out(table(['corpus', 'pages', 'appeals', 'link farms', 'precision', 'hidden', 'judged appeals', 'judged link farms', 'judged precision', 'judged hidden'],
    reports.map(({ dir, report }) => [
      dir,
      String(report.pages),
      fraction(report.caughtByGroup.appeals, report.blocksByGroup.appeals, report.recallByGroup.appeals),
      fraction(report.caughtByGroup.linkfarms, report.blocksByGroup.linkfarms, report.recallByGroup.linkfarms),
      percent(report.precision),
      `${report.articleParagraphsHidden}/${report.articleParagraphs}`,
      report.judged ? percent(report.judged.recallByGroup.appeals) : '',
      report.judged ? percent(report.judged.recallByGroup.linkfarms) : '',
      report.judged ? percent(report.judged.precision) : '',
      report.judged ? String(report.judged.articleParagraphsHidden) : '',
    ]), [1]));
}

export async function evalCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { json: 'flag', sensitivity: 'value', judgements: 'value', 'no-judgements': 'flag' });
  const dirs = args.positionals;
  if (dirs.length === 0) throw new UsageError('eval needs a corpus directory');
  const options = defaultScanOptions(sensitivityFlag(args));
  // Every corpus is read before any is scanned: a malformed one fails the run at once, not after the others.
  const corpora = dirs.map((dir) => ({ dir, corpus: readCorpus(dir), judgements: judgementsFor(args, dir) }));
  const reports: { dir: string; report: EvalReport }[] = [];
  for (const { dir, corpus, judgements } of corpora) reports.push({ dir, report: await evaluateCorpus(corpus, options, judgements) });
  const failed = reports.some(({ report }) => report.scanErrors.length > 0);
  if (args.flags.has('json')) {
    io.out(JSON.stringify(reports.length === 1 ? reports[0]!.report : { corpora: reports }, null, 2));
    return failed ? 1 : 0;
  }
  for (const { dir, report } of reports) {
    if (reports.length > 1) {
      io.out('');
      io.out(`### ${dir}`);
    }
    printReport(report, io);
  }
  if (reports.length > 1) printSummary(reports, io);
  return failed ? 1 : 0;
}
