// Reads eval/judgements.json: blocks the corpus labels leave out that a person judged real appeals or
// link farms, each with the reason. Eval reports figures that count them beside, never instead of,
// the label-only figures, so the judgement stays visible as data instead of bending the detectors.
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

export interface Judgements {
  path: string;
  /** The corpus the judgements were made on, as a path ending ("shared/corpus"). */
  corpus: string;
  blocks: JudgedBlock[];
}

/** The project's own judgements, used by default when they were made on the corpus being evaluated. */
const DEFAULT_JUDGEMENTS = fileURLToPath(new URL('../../eval/judgements.json', import.meta.url));

function validateJudgements(data: unknown): { corpus: string; blocks: JudgedBlock[] } | { errors: string[] } {
  if (!isRecord(data)) return { errors: ['expected an object with "version", "corpus" and "blocks"'] };
  const errors: string[] = [];
  if (data.version !== 1) errors.push(`version: expected 1, found ${JSON.stringify(data.version)}`);
  if (typeof data.corpus !== 'string' || data.corpus === '') errors.push('corpus: expected the corpus directory, e.g. "shared/corpus"');
  if (!Array.isArray(data.blocks)) return { errors: [...errors, 'blocks: expected an array'] };
  const isValidSelector = selectorChecker();
  const blocks: JudgedBlock[] = [];
  data.blocks.forEach((block: unknown, index) => {
    const at = `blocks[${index}]`;
    if (!isRecord(block)) {
      errors.push(`${at}: expected an object`);
      return;
    }
    if (typeof block.file !== 'string' || block.file === '') errors.push(`${at}.file: expected a page path`);
    checkBlockFields(block, at, isValidSelector, errors);
    // A judgement without its reason cannot be checked by the next person, so it does not count.
    if (typeof block.why !== 'string' || block.why.trim() === '') errors.push(`${at}.why: expected the reason for the judgement`);
    blocks.push({ file: block.file as string, kind: block.kind as Kind, selector: block.selector as string, why: block.why as string });
  });
  return errors.length > 0 ? { errors } : { corpus: data.corpus as string, blocks };
}

function readJudgements(path: string): Judgements {
  const result = validateJudgements(readJsonFile(path, 'see eval/judgements.json for the format'));
  if ('errors' in result) throw new InputError(`${path}:\n  ${result.errors.join('\n  ')}`);
  return { path, ...result };
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
    const judgements = readJudgements(given);
    if (!judgesCorpus(judgements, dir)) throw new InputError(`${given}: judgements are about "${judgements.corpus}", not ${dir}`);
    return judgements;
  }
  if (!existsSync(DEFAULT_JUDGEMENTS)) return null;
  const judgements = readJudgements(DEFAULT_JUDGEMENTS);
  return judgesCorpus(judgements, dir) ? judgements : null;
}
