// The shared shape of the plea detectors (donation, membership, paywall, newsletter, app promo):
// a plea phrase is required; links, buttons, form fields and class names only add to it; and the
// block must be mostly the plea (short, few plain paragraphs, not a link wall).
import type { DetectContext, Verdict } from '../core/types';
import { Evidence, quoted, sizeFactor } from './evidence';
import type { PhraseList } from './phrases';
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
const MAX_LINKS = 8;

export function pleaVerdict(block: Element, context: DetectContext, spec: PleaSpec): Verdict | null {
  const stats = blockStats(block, context);
  const hits = spec.phrases.reduce((sum, list) => sum + hitCount(stats, list), 0);
  if (hits === 0) return null;
  if (stats.textLength > spec.maxChars * sizeFactor(context)) return null;
  const plainParagraphs = stats.paragraphs - stats.pleaParagraphs;
  if (plainParagraphs > stats.pleaParagraphs + 1) return null;
  if (stats.textLength > 150 && stats.linkTextLength > MAX_LINK_SHARE * stats.textLength) return null;
  if (stats.links > (spec.maxLinks ?? MAX_LINKS) * sizeFactor(context)) return null;
  // A comment or contact form asks for an email address too.
  if (stats.textareas > 0) return null;
  const phrases = matchedPhrases(stats, spec.phrases);
  const evidence = new Evidence().add(spec.firstWeight, `phrase ${quoted(phrases.slice(0, 3))}`);
  const more = Math.min(2, phrases.length - 1);
  if (more > 0) evidence.score += more * spec.moreWeight;
  for (const signal of spec.signals) {
    const reason = signal.reason(stats);
    if (reason !== null) evidence.add(signal.weight, reason);
  }
  return evidence.verdict(context);
}
