// Reads and checks a corpus' labels.json (format: corpus/README.md) so that eval fails early with a
// message naming the problem, instead of midway through a run.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { KINDS, type Kind } from '../core/types';
import { InputError } from './errors';
import type { LabelBlock } from './evaluate';
import { parseHtml } from './page';

export interface PageLabels {
  file: string;
  lang?: string;
  article: string | null;
  blocks: LabelBlock[];
}

export interface Corpus {
  dir: string;
  pages: PageLabels[];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the kind and selector a label or a judgement shares; each problem names its place `at`. */
export function checkBlockFields(
  block: Record<string, unknown>,
  at: string,
  isValidSelector: (selector: string) => boolean,
  errors: string[],
): void {
  if (typeof block.kind !== 'string' || !KINDS.includes(block.kind as Kind)) {
    errors.push(`${at}.kind: expected one of ${KINDS.join(', ')}, found ${JSON.stringify(block.kind)}`);
  }
  if (typeof block.selector !== 'string' || !isValidSelector(block.selector)) {
    errors.push(`${at}.selector: not a valid CSS selector: ${JSON.stringify(block.selector)}`);
  }
}

/** Whether jsdom accepts a selector (one that throws would break eval midway through a run). */
export function selectorChecker(): (selector: string) => boolean {
  const probe = parseHtml('').window.document;
  return (selector) => {
    try {
      probe.querySelector(selector);
      return true;
    } catch {
      return false;
    }
  };
}

/** Parses a JSON input file; a missing or malformed file is an InputError naming it. */
export function readJsonFile(path: string, missingHint: string): unknown {
  if (!existsSync(path)) throw new InputError(`${path}: not found (${missingHint})`);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InputError(`${path}: not valid JSON: ${(error as Error).message}`);
  }
}

/** Validates parsed labels.json; returns the pages or the list of problems (each names its place). */
function validateLabels(data: unknown, isValidSelector: (selector: string) => boolean): { pages: PageLabels[] } | { errors: string[] } {
  const errors: string[] = [];
  if (!isRecord(data)) return { errors: ['labels.json: expected an object with "version" and "pages"'] };
  if (data.version !== 1) errors.push(`version: expected 1, found ${JSON.stringify(data.version)}`);
  if (!Array.isArray(data.pages)) return { errors: [...errors, 'pages: expected an array'] };
  const pages: PageLabels[] = [];
  data.pages.forEach((page: unknown, pageIndex) => {
    const where = `pages[${pageIndex}]`;
    if (!isRecord(page)) {
      errors.push(`${where}: expected an object`);
      return;
    }
    if (typeof page.file !== 'string' || page.file === '') errors.push(`${where}.file: expected a path`);
    if (page.article !== undefined && page.article !== null && typeof page.article !== 'string') {
      errors.push(`${where}.article: expected a path or null`);
    }
    if (page.lang !== undefined && typeof page.lang !== 'string') errors.push(`${where}.lang: expected a language code`);
    if (!Array.isArray(page.blocks)) {
      errors.push(`${where}.blocks: expected an array`);
      return;
    }
    const blocks: LabelBlock[] = [];
    page.blocks.forEach((block: unknown, blockIndex) => {
      const at = `${where}.blocks[${blockIndex}]`;
      if (!isRecord(block)) {
        errors.push(`${at}: expected an object`);
        return;
      }
      checkBlockFields(block, at, isValidSelector, errors);
      blocks.push({
        kind: block.kind as Kind,
        selector: block.selector as string,
        snippet: typeof block.snippet === 'string' ? block.snippet : undefined,
      });
    });
    pages.push({
      file: page.file as string,
      lang: typeof page.lang === 'string' ? page.lang : undefined,
      article: typeof page.article === 'string' ? page.article : null,
      blocks,
    });
  });
  return errors.length > 0 ? { errors } : { pages };
}

/** Loads DIR/labels.json and checks that every page and article file it names exists. */
export function readCorpus(dir: string): Corpus {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError(`${dir}: no such directory`);
  const labelsPath = join(dir, 'labels.json');
  const data = readJsonFile(labelsPath, 'eval needs a labels.json, see corpus/README.md');
  const result = validateLabels(data, selectorChecker());
  if ('errors' in result) throw new InputError(`${labelsPath}:\n  ${result.errors.join('\n  ')}`);
  const missing = result.pages
    .flatMap((page) => [page.file, ...(page.article ? [page.article] : [])])
    .filter((file) => !existsSync(join(dir, file)));
  if (missing.length > 0) throw new InputError(`${labelsPath}: files not found in ${dir}:\n  ${missing.join('\n  ')}`);
  return { dir, pages: result.pages };
}
