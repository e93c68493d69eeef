// `tidings tune DIR...`: fits the plea and link-list models' weights to every labelled corpus given, and
// prints what they do on each corpus — recall of appeals and of link farms, precision, article paragraphs
// hidden — twice: fitted on all pages (what ships), and cross-validated (each page scanned with weights
// fitted without it: what to expect on pages nobody labelled). --write keeps the weights in
// src/detectors/weights.json.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Sensitivity } from '../core/types';
import type { ModelWeights } from '../scan/model';
import { modelWeights, useModelWeights, type Models } from '../scan/weights';
import { parseArgs } from './args';
import { UsageError } from './errors';
import { percent, table } from './format';
import type { CliIo } from './io';
import { defaultScanOptions } from './scan-options';
import { loadCorpora, type TunePage } from './tune/corpora';
import { MODELS, pageRows, weighRows, type ModelName, type Row } from './tune/dataset';
import { fitLogistic } from './tune/logistic';
import { addTally, emptyTally, measure, type Measured, type Tally } from './tune/measure';

export const TUNE_USAGE = 'tidings tune DIR [DIR…] [--eval DIR…] [--folds N] [--l2 X] [--positive-share X] [--write] [--list]';

const WEIGHTS_FILE = fileURLToPath(new URL('../detectors/weights.json', import.meta.url));
const MODEL_NAMES = Object.keys(MODELS) as ModelName[];
const SENSITIVITIES: readonly Sensitivity[] = ['low', 'normal', 'high'];

function numberFlag(value: string | true | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (value === true || !Number.isFinite(number) || number < 0) throw new UsageError(`--${name}: expected a number ≥ 0`);
  return number;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Fits one model to rows and keeps the current thresholds. */
function fit(model: ModelName, rows: Row[], l2: number, positiveShare: number): ModelWeights {
  const fitted = fitLogistic(weighRows(rows, positiveShare), { l2 });
  const weights: Record<string, number> = {};
  MODELS[model].signals.forEach((signal, index) => {
    weights[signal.id] = round(fitted.weights[index]!);
  });
  return { bias: round(fitted.bias), weights, thresholds: modelWeights[model].thresholds };
}

function fitAll(rows: Record<ModelName, Row[]>, l2: number, positiveShare: number): Models {
  return {
    plea: fit('plea', rows.plea, l2, positiveShare),
    links: fit('links', rows.links, l2, positiveShare),
  };
}

function tallyRow(name: string, tally: Tally): string[] {
  const precision = tally.collapsed === 0 ? null : (tally.collapsed - tally.falsePositives) / tally.collapsed;
  const recall = (caught: number, all: number): string => `${caught}/${all} ${percent(all === 0 ? null : caught / all)}`;
  return [
    name, String(tally.pages), recall(tally.appealsCaught, tally.appeals), recall(tally.linkfarmsCaught, tally.linkfarms),
    recall(tally.appealsCaught + tally.linkfarmsCaught, tally.appeals + tally.linkfarms),
    `${tally.collapsed - tally.falsePositives}/${tally.collapsed} ${percent(precision)}`, `${tally.hidden}/${tally.paragraphs}`,
  ];
}

function printTallies(title: string, byCorpus: Map<string, Tally>, io: CliIo): void {
  const all = emptyTally();
  for (const tally of byCorpus.values()) addTally(all, tally);
  io.out('');
  io.out(title);
  io.out(table(
    ['corpus', 'pages', 'appeals', 'link farms', 'overall', 'precision', 'hidden'],
    [...[...byCorpus].map(([name, tally]) => tallyRow(name, tally)), tallyRow('all', all)],
    [1, 2, 3, 4, 5, 6],
  ));
}

function printWeights(models: Models, io: CliIo): void {
  for (const model of MODEL_NAMES) {
    const weights = models[model];
    io.out('');
    io.out(`${model}: bias ${weights.bias}, thresholds ${SENSITIVITIES.map((s) => `${s} ${weights.thresholds[s]}`).join(', ')}`);
    io.out(table(['signal', 'weight'], Object.entries(weights.weights).map(([id, weight]) => [id, String(weight)]), [1]));
  }
}

function printList(title: string, list: readonly string[], io: CliIo): void {
  if (list.length === 0) return;
  io.out('');
  io.out(title);
  for (const line of list) io.out(`  ${line}`);
}

function crossValidate(pages: readonly TunePage[], rows: Record<ModelName, Row[]>, folds: number, l2: number, positiveShare: number): Measured {
  const byCorpus = new Map<string, Tally>();
  const result: Measured = { byCorpus, falsePositives: [], missed: [], hidden: [] };
  for (let fold = 0; fold < folds; fold++) {
    const training = { plea: rows.plea.filter((row) => row.fold !== fold), links: rows.links.filter((row) => row.fold !== fold) };
    useModelWeights(fitAll(training, l2, positiveShare));
    const measured = measure(pages.filter((page) => page.fold === fold), defaultScanOptions());
    for (const [corpus, tally] of measured.byCorpus) {
      const sum = byCorpus.get(corpus) ?? emptyTally();
      addTally(sum, tally);
      byCorpus.set(corpus, sum);
    }
    result.falsePositives.push(...measured.falsePositives);
    result.missed.push(...measured.missed);
    result.hidden.push(...measured.hidden);
  }
  return result;
}

export function tuneCommand(argv: readonly string[], io: CliIo): number {
  // Corpora after --eval are measured, never learned from (labels that are incomplete would teach the
  // models to leave real blocks alone).
  const evalAt = argv.indexOf('--eval');
  const measuredOnly: string[] = [];
  for (let at = evalAt + 1; evalAt !== -1 && at < argv.length && !argv[at]!.startsWith('--'); at++) measuredOnly.push(argv[at]!);
  const args = parseArgs(evalAt === -1 ? argv : [...argv.slice(0, evalAt), ...argv.slice(evalAt + 1 + measuredOnly.length)],
    { folds: 'value', l2: 'value', 'positive-share': 'value', write: 'flag', list: 'flag' });
  if (args.positionals.length === 0) throw new UsageError('tune needs at least one labelled corpus directory');
  const folds = Math.max(2, Math.round(numberFlag(args.flags.get('folds'), 5, 'folds')));
  const l2 = numberFlag(args.flags.get('l2'), 100, 'l2');
  const positiveShare = numberFlag(args.flags.get('positive-share'), 1, 'positive-share');
  const fitted0 = { ...modelWeights };

  const pages = loadCorpora(args.positionals, measuredOnly, folds);
  const rows: Record<ModelName, Row[]> = { plea: [], links: [] };
  for (const page of pages) {
    if (!page.learn) continue;
    const pageRowsByModel = pageRows(page, defaultScanOptions());
    for (const model of MODEL_NAMES) rows[model].push(...pageRowsByModel[model]);
  }
  io.out(`${pages.length} pages; rows: ${MODEL_NAMES.map((model) => `${model} ${rows[model].length} (${rows[model].filter((row) => row.target === 1).length} positive)`).join(', ')}`);

  const crossValidated = crossValidate(pages, rows, folds, l2, positiveShare);
  const models = fitAll(rows, l2, positiveShare);
  useModelWeights(models);
  printWeights(models, io);
  for (const sensitivity of SENSITIVITIES) {
    printTallies(`Fitted on all pages, ${sensitivity} sensitivity:`, measure(pages, defaultScanOptions(sensitivity)).byCorpus, io);
  }
  printTallies(`Cross-validated (${folds} folds), normal sensitivity:`, crossValidated.byCorpus, io);
  if (args.flags.has('list')) {
    printList('Cross-validated false positives:', crossValidated.falsePositives, io);
    printList('Cross-validated misses:', crossValidated.missed, io);
    printList('Cross-validated hidden article paragraphs:', crossValidated.hidden, io);
  }
  if (args.flags.has('write')) {
    writeFileSync(WEIGHTS_FILE, `${JSON.stringify(models, null, 2)}\n`);
    io.out(`\nwrote ${WEIGHTS_FILE}`);
  } else {
    useModelWeights(fitted0);
  }
  return 0;
}
