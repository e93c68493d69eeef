// The labelled pages `tidings tune` learns from and measures on: every corpus given, parsed once and kept,
// so that trying a set of weights costs scans, not parses.
import { readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import type { JSDOM } from 'jsdom';
import { InputError } from '../errors';
import { articleParagraphs, type LabelBlock } from '../evaluate';
import { judgementsFor } from '../judgements';
import { readCorpus, type Corpus } from '../labels';
import { closePage, parseHtml } from '../page';

export interface TunePage {
  /** The corpus' name as printed (its directory's last part, or the path given). */
  corpus: string;
  file: string;
  dom: JSDOM;
  labels: LabelBlock[];
  /** Blocks a person judged real where the labels leave them out (eval/judgements.json); `labels` are without those judged wrong. */
  judged: LabelBlock[];
  /** The article's paragraphs (eval's rule), where the corpus has its text. */
  paragraphs: string[];
  /** Cross-validation fold, from the page's name (stable across runs). */
  fold: number;
  /** Whether the models learn from this page (its corpus' labels are complete), or only measure on it. */
  learn: boolean;
}

function foldOf(name: string, folds: number): number {
  let hash = 2166136261;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 16777619);
  return (hash >>> 0) % folds;
}

/** A short name per corpus: the directory's name, with its parent's when two would clash. */
function corpusNames(dirs: readonly string[]): string[] {
  const names = dirs.map((dir) => basename(resolve(dir)));
  return names.map((name, index) =>
    names.indexOf(name) === names.lastIndexOf(name) ? name : `${basename(resolve(dirs[index]!, '..'))}/${name}`,
  );
}

/**
 * Heap a page keeps, per byte of its HTML, once parsed and scanned (jsdom's nodes and the scan's figures): measured on
 * the labelled sets, where 92 MB of pages outgrew a 4 GB heap.
 */
const HEAP_PER_HTML_BYTE = 45;

/**
 * Every page stays parsed for the whole run, so corpora too large for the heap would end in a crash half an hour in:
 * refuse them at once, saying how to give Node more.
 */
export function checkHeap(corpora: readonly Corpus[], limit = getHeapStatistics().heap_size_limit): void {
  const htmlBytes = corpora.reduce((sum, corpus) => sum + corpus.pages.reduce((bytes, page) => bytes + statSync(join(corpus.dir, page.file)).size, 0), 0);
  const need = htmlBytes * HEAP_PER_HTML_BYTE;
  if (need <= limit) return;
  const megabytes = (bytes: number) => Math.ceil(bytes / 2 ** 20);
  throw new InputError(
    `these corpora hold ${megabytes(htmlBytes)} MB of pages, which need about ${megabytes(need)} MB of memory kept parsed; ` +
      `Node's heap limit here is ${megabytes(limit)} MB. Run it as NODE_OPTIONS=--max-old-space-size=${Math.ceil(megabytes(need) * 1.25)} npx tidings tune …, or with fewer corpora.`,
  );
}

/** Loads `learnFrom` (complete labels) and `measureOn` (only measured). */
export function loadCorpora(learnFrom: readonly string[], measureOn: readonly string[], folds: number): TunePage[] {
  const dirs = [...learnFrom, ...measureOn];
  const names = corpusNames(dirs);
  const corpora = dirs.map(readCorpus);
  checkHeap(corpora);
  const pages: TunePage[] = [];
  dirs.forEach((dir, index) => {
    const corpus = corpora[index]!;
    const judgements = judgementsFor({ positionals: [], flags: new Map() }, dir);
    for (const labels of corpus.pages) {
      let paragraphs: string[] = [];
      if (labels.article) {
        const article = parseHtml(readFileSync(join(dir, labels.article)));
        paragraphs = articleParagraphs(article.window.document);
        closePage(article);
      }
      pages.push({
        corpus: names[index]!,
        file: labels.file,
        dom: parseHtml(readFileSync(join(dir, labels.file))),
        // The labelling the judgements say is right: labels judged wrong left out, judged blocks added.
        labels: labels.blocks.filter((block) => !judgements?.rejected.some((wrong) => wrong.file === labels.file && wrong.selector === block.selector)),
        judged: (judgements?.blocks ?? []).filter((block) => block.file === labels.file),
        paragraphs,
        fold: foldOf(`${names[index]}/${labels.file}`, folds),
        learn: index < learnFrom.length,
      });
    }
  });
  return pages;
}
