// Reads eval/judgements.json: per corpus, blocks the labels leave out that a person judged real appeals or
// link farms, and labels a person judged wrong, each with the reason. Eval reports figures that count them
// beside, never instead of, the label-only figures, so the judgement stays visible as data instead of
// bending the detectors.
import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kind } from '../core/types';
import type { ParsedArgs } from './args';
import { InputError, UsageError } from './errors';
import type { LabelBlock } from './evaluate';
import { checkBlockFields, isRecord, readJsonFile, selectorChecker } from './labels';

export interface JudgedBlock extends LabelBlock {
  /** The page, as labels.json names it ("pages/NAME.html"). */
  file: string;
  why: string;
}

/** One corpus' judgements. */
export interface Judgements {
  path: string;
  /** The corpus the judgements were made on, as a path ending ("shared/corpus"). */
  corpus: string;
  /** Blocks the labels leave out. */
  blocks: JudgedBlock[];
  /** Labels judged wrong (site chrome by the labels' own convention, a wrapper of a labelled block…). */
  rejected: JudgedBlock[];
}

/** The project's own judgements, used by default when they were made on the corpus being evaluated. */
const DEFAULT_JUDGEMENTS = fileURLToPath(new URL('../../eval/judgements.json', import.meta.url));

function validateBlocks(data: unknown, at: string, isValidSelector: (selector: string) => boolean, errors: string[]): JudgedBlock[] {
  if (!Array.isArray(data)) {
    errors.push(`${at}: expected an array`);
    return [];
  }
  const blocks: JudgedBlock[] = [];
  data.forEach((block: unknown, index) => {
    const where = `${at}[${index}]`;
    if (!isRecord(block)) {
      errors.push(`${where}: expected an object`);
      return;
    }
    if (typeof block.file !== 'string' || block.file === '') errors.push(`${where}.file: expected a page path`);
    checkBlockFields(block, where, isValidSelector, errors);
    // A judgement without its reason cannot be checked by the next person, so it does not count.
    if (typeof block.why !== 'string' || block.why.trim() === '') errors.push(`${where}.why: expected the reason for the judgement`);
    blocks.push({ file: block.file as string, kind: block.kind as Kind, selector: block.selector as string, why: block.why as string });
  });
  return blocks;
}

function validateJudgements(data: unknown): Omit<Judgements, 'path'>[] | { errors: string[] } {
  if (!isRecord(data)) return { errors: ['expected an object with "version" and "corpora"'] };
  const errors: string[] = [];
  if (data.version !== 2) errors.push(`version: expected 2, found ${JSON.stringify(data.version)}`);
  if (!Array.isArray(data.corpora)) return { errors: [...errors, 'corpora: expected an array'] };
  const isValidSelector = selectorChecker();
  const corpora = data.corpora.map((entry: unknown, index) => {
    const at = `corpora[${index}]`;
    if (!isRecord(entry)) {
      errors.push(`${at}: expected an object with "corpus", "blocks" and "rejected"`);
      return { corpus: '', blocks: [], rejected: [] };
    }
    if (typeof entry.corpus !== 'string' || entry.corpus === '') errors.push(`${at}.corpus: expected the corpus directory, e.g. "shared/corpus"`);
    return {
      corpus: entry.corpus as string,
      blocks: validateBlocks(entry.blocks, `${at}.blocks`, isValidSelector, errors),
      rejected: validateBlocks(entry.rejected ?? [], `${at}.rejected`, isValidSelector, errors),
    };
  });
  return errors.length > 0 ? { errors } : corpora;
}

function readJudgements(path: string): Judgements[] {
  const result = validateJudgements(readJsonFile(path, 'see eval/judgements.json for the format'));
  if ('errors' in result) throw new InputError(`${path}:\n  ${result.errors.join('\n  ')}`);
  return result.map((corpus) => ({ path, ...corpus }));
}

/** Whether the judgements were made on `dir`: its path ends with their `corpus` ("../shared/corpus"). */
function judgesCorpus(judgements: Judgements, dir: string): boolean {
  const ending = judgements.corpus.split(/[\\/]+/).filter(Boolean).join(sep);
  const full = resolve(dir);
  return full.endsWith(`${sep}${ending}`);
}

/**
 * The judgements eval counts: --judgements FILE (which must be about DIR), none with --no-judgements,
 * otherwise the project's own file when it exists and was made on DIR.
 */
export function judgementsFor(args: ParsedArgs, dir: string): Judgements | null {
  const given = args.flags.get('judgements');
  if (args.flags.has('no-judgements')) {
    if (given !== undefined) throw new UsageError('--judgements and --no-judgements exclude each other');
    return null;
  }
  if (typeof given === 'string') {
    const all = readJudgements(given);
    const judgements = all.find((corpus) => judgesCorpus(corpus, dir));
    if (!judgements) throw new InputError(`${given}: judgements are about ${all.map((corpus) => `"${corpus.corpus}"`).join(', ')}, not ${dir}`);
    return judgements;
  }
  if (!existsSync(DEFAULT_JUDGEMENTS)) return null;
  return readJudgements(DEFAULT_JUDGEMENTS).find((corpus) => judgesCorpus(corpus, dir)) ?? null;
}
