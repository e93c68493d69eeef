// The shared shape of the plea detectors (donation, membership, paywall, newsletter, app promo):
// a plea phrase is required; links, buttons, form fields and class names only add to it; and the
// block must be mostly the plea (short, few plain paragraphs, not a link wall).
import type { DetectContext, Verdict } from '../core/types';
import { Evidence, quoted, sizeFactor } from './evidence';
import { pleaLists, type PhraseList } from './phrases';
import { blockStats, hitCount, matchedPhrases, type BlockStats } from './stats';

export interface Signal {
  weight: number;
  /** The reason when the signal is present in the block, else null. */
  reason(stats: BlockStats): string | null;
}

export interface PleaSpec {
  /** Lists whose phrases make a block a candidate at all. */
  phrases: readonly PhraseList[];
  /** Weight of the first phrase, and of each further distinct phrase (at most two more count). */
  firstWeight: number;
  moreWeight: number;
  /** Longest block (visible characters, at normal sensitivity). */
  maxChars: number;
  /** Most links a plea box holds (at normal sensitivity); more and it is a menu or a footer. */
  maxLinks?: number;
  signals: readonly Signal[];
}

const MAX_LINK_SHARE = 0.7;
const CHARS_PER_PHRASE = 300;
const MAX_LINKS = 8;

/** More text than this around a plea, with no evidence in it, is something else. */
const MAX_UNRELATED_CHARS = 20;
/** Another plea beside the first belongs to the same box while it is at most this many times as long. */
const MAX_BESIDE_FACTOR = 2;

/** A plea detector may match only a block holding one of its phrases. */
export function pleaMayMatch(spec: PleaSpec): (stats: BlockStats) => boolean {
  return (stats) => spec.phrases.some((list) => hitCount(stats, list) > 0);
}

/**
 * The block is a plea, and not just holds one: when a child already is the plea, the block must add
 * evidence of its own (the heading, the button, another phrase) or at most a little text.
 */
export function pleaVerdict(block: Element, context: DetectContext, spec: PleaSpec): Verdict | null {
  const verdict = ownPleaVerdict(block, context, spec);
  if (!verdict) return null;
  const stats = blockStats(block, context);
  for (const child of block.children) {
    const childVerdict = ownPleaVerdict(child, context, spec);
    if (!childVerdict || childVerdict.score !== verdict.score) continue;
    if (childVerdict.reasons.join('\n') !== verdict.reasons.join('\n')) continue;
    const childStats = blockStats(child, context);
    const rest = stats.textLength - childStats.textLength;
    if (rest <= MAX_UNRELATED_CHARS) continue;
    // Another plea beside it (a sign-up form next to the donate button) is part of one appeal box.
    const pleaBeside = pleaEvidence(stats) > pleaEvidence(childStats) && rest <= MAX_BESIDE_FACTOR * childStats.textLength;
    if (!pleaBeside) return null;
  }
  return verdict;
}

/** Plea phrases, plea links and email fields. */
function pleaEvidence(stats: BlockStats): number {
  const phrases = pleaLists.reduce((sum, list) => sum + hitCount(stats, list), 0);
  return phrases + stats.donateLinks + stats.memberLinks + stats.appLinks + stats.emailInputs;
}

function ownPleaVerdict(block: Element, context: DetectContext, spec: PleaSpec): Verdict | null {
  const stats = blockStats(block, context);
  const hits = spec.phrases.reduce((sum, list) => sum + hitCount(stats, list), 0);
  if (hits === 0) return null;
  const phrases = matchedPhrases(stats, spec.phrases);
  // Each distinct phrase vouches for so much text: one "funded by readers" does not make a whole header a plea.
  const maxChars = Math.min(spec.maxChars, CHARS_PER_PHRASE * (Math.max(1, phrases.length) + 1));
  if (stats.textLength > maxChars * sizeFactor(context)) return null;
  const plainParagraphs = stats.paragraphs - stats.pleaParagraphs;
  if (plainParagraphs > stats.pleaParagraphs + 1) return null;
  if (stats.textLength > 150 && stats.linkTextLength > MAX_LINK_SHARE * stats.textLength) return null;
  if (stats.links > (spec.maxLinks ?? MAX_LINKS) * sizeFactor(context)) return null;
  // A comment or contact form asks for an email address too; a search field makes the block the
  // site's header or toolbar.
  if (stats.textareas > 0 || stats.searchInputs > 0) return null;
  const more = phrases.length > 3 ? ` and ${phrases.length - 3} more` : '';
  const evidence = new Evidence().add(spec.firstWeight, `phrase ${quoted(phrases.slice(0, 3))}${more}`);
  evidence.score += Math.max(0, Math.min(2, phrases.length - 1)) * spec.moreWeight;
  for (const signal of spec.signals) {
    const reason = signal.reason(stats);
    if (reason !== null) evidence.add(signal.weight, reason);
  }
  return evidence.verdict(context);
}
