// Small helpers the detectors' rules share: how size limits stretch with the sensitivity, and how phrases
// and shares are put in reasons.
import type { DetectContext, Sensitivity } from '../core/types';

/** How far size limits stretch: a more sensitive setting accepts bigger blocks and sparser walls. */
const sizeFactors: Record<Sensitivity, number> = { low: 0.75, normal: 1, high: 1.4 };

export function sizeFactor(context: DetectContext): number {
  return sizeFactors[context.sensitivity];
}

export function quoted(phrases: readonly string[]): string {
  return phrases.map((phrase) => `'${phrase}'`).join(', ');
}

/** `part` of `whole` in whole per cent, as a reason's value. */
export function percent(part: number, whole: number): string {
  return String(whole === 0 ? 0 : Math.round((Math.min(part, whole) / whole) * 100));
}
