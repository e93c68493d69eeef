// Turning signals into a verdict: detectors add weighted, human-readable evidence and the
// sensitivity decides how much is enough.
import type { DetectContext, Sensitivity, Verdict } from '../core/types';

/** Score a block needs, per sensitivity. */
const thresholds: Record<Sensitivity, number> = { low: 0.8, normal: 0.6, high: 0.45 };

/** How far size limits stretch: a more sensitive setting accepts bigger blocks and sparser walls. */
const sizeFactors: Record<Sensitivity, number> = { low: 0.75, normal: 1, high: 1.4 };

export function sizeFactor(context: DetectContext): number {
  return sizeFactors[context.sensitivity];
}

export class Evidence {
  score = 0;
  readonly reasons: string[] = [];

  add(weight: number, reason: string): this {
    this.score += weight;
    this.reasons.push(reason);
    return this;
  }

  verdict(context: DetectContext): Verdict | null {
    if (this.score < thresholds[context.sensitivity]) return null;
    return { score: Math.min(1, Math.round(this.score * 100) / 100), reasons: this.reasons };
  }
}

export function quoted(phrases: readonly string[]): string {
  return phrases.map((phrase) => `'${phrase}'`).join(', ');
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}
