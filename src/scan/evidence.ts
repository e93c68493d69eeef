// Small helpers the detectors' rules share: how size limits stretch with the sensitivity, how phrases
// and shares are put in reasons, and the kinds of signal both models have.
import type { DetectContext } from '../core/types';
import type { Signal } from './model';
import { hasHint, hitCount, type BlockStats, type Hint } from './stats';

/** How far size limits stretch: a more sensitive setting accepts bigger blocks and sparser walls. */
const sizeFactors: Record<DetectContext['sensitivity'], number> = { normal: 1, high: 1.4 };

export function sizeFactor(context: DetectContext): number {
  return sizeFactors[context.sensitivity];
}

export function quoted(phrases: readonly string[]): string {
  return phrases.map((phrase) => `'${phrase}'`).join(', ');
}

/** `part` of `whole`, at most all of it; nothing of nothing. */
export function share(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.min(1, part / whole);
}

/** `part` of `whole` in whole per cent, as a reason's value. */
export function percent(part: number, whole: number): string {
  return String(Math.round(share(part, whole) * 100));
}

/** A yes or no as a signal's value. */
export function flag(present: boolean): number {
  return present ? 1 : 0;
}

/** The reason of a signal whose message needs no values ("why_loneButton"). */
export function noValues(): string[] {
  return [];
}

/** A signal that is 1 where `at` holds: where the block sits, what it holds. */
export function where(id: string, at: (stats: BlockStats) => boolean): Signal {
  return { id, max: 1, compute: (stats) => flag(at(stats)) };
}

/** Where the block stands, read the same way by both models: in the site's header, footer or a sidebar, and inside,
 *  after or before the article. */
export const placeSignals: readonly Signal[] = [
  where('inPageHeader', (s) => s.inPageHeader),
  where('inFooter', (s) => s.inFooter),
  where('inAside', (s) => s.inAside),
  where('insideArticle', (s) => s.place === 'inside'),
  where('afterArticle', (s) => s.place === 'after'),
  where('beforeArticle', (s) => s.place === 'before'),
];

/** A signal that is 1 when the block's class names hint at `name`; lazy, as reading them is the costly part. */
export function hint(name: Hint): Signal {
  return { id: `${name}Hint`, max: 1, lazy: true, compute: (stats) => flag(hasHint(stats, name)), reason: noValues };
}

/** Phrases of appeals, paywalls and newsletters: a block's own asking words (a link list's weigh against it). */
export function askingPhrases(stats: BlockStats): number {
  return hitCount(stats, 'donation') + hitCount(stats, 'membership') + hitCount(stats, 'paywall') + hitCount(stats, 'newsletter');
}
