// Scoring a block with named signals and fitted weights. A signal is one readable rule ("an email field",
// "share of the text in links") that reads a number from the block's figures; a model adds the signals'
// values times their weights to a bias, and σ of that sum is how sure it is. The weights are data, fitted to
// labelled pages by `tidings tune` (src/detectors/weights.json); the signals that pushed a block over the
// threshold are the reasons the reader is given.
import type { DetectContext, Reason, Sensitivity, Verdict } from '../core/types';
import type { BlockStats, ScoreMemo } from './stats';

export interface Signal {
  id: string;
  compute(stats: BlockStats): number;
  /** Largest value it can take: bounds the score before a lazy signal is read. */
  max: number;
  /** Read only when the rest of the score leaves the block within reach of the threshold (class names). */
  lazy?: boolean;
  /** The values of its reason, the message `why_<id>` (counts, quoted phrases); absent where the signal says
   *  nothing a reader needs. */
  reason?(stats: BlockStats): string[];
}

export interface ModelWeights {
  bias: number;
  /** One per signal, in the order the model lists its signals (weights.json names them under `signals`). */
  weights: readonly number[];
  /** Probability a block needs, per sensitivity. */
  thresholds: Readonly<Record<Sensitivity, number>>;
}

export interface Contribution {
  signal: Signal;
  value: number;
  /** value × weight: what it added to the score. */
  amount: number;
}

export interface Score {
  stats: BlockStats;
  probability: number;
  contributions: Contribution[];
}

export function logistic(score: number): number {
  return 1 / (1 + Math.exp(-score));
}

function logit(probability: number): number {
  return Math.log(probability / (1 - probability));
}

/** The signals' values for the block being scored: a block that falls short (most do) allocates nothing. */
let values = new Float64Array(0);

/**
 * The block's score, or null when it cannot reach the threshold: the eager signals are summed first, and
 * the lazy ones are read only if their largest possible contribution could still lift the block over it.
 */
export function scoreBlock(signals: readonly Signal[], model: ModelWeights, stats: BlockStats, sensitivity: Sensitivity): Score | null {
  const needed = logit(model.thresholds[sensitivity]);
  if (values.length < signals.length) values = new Float64Array(signals.length);
  let sum = model.bias;
  let lazyCeiling = 0;
  for (let i = 0; i < signals.length; i++) {
    const signal = signals[i]!;
    const weight = model.weights[i] ?? 0;
    values[i] = 0;
    if (weight === 0) continue;
    if (signal.lazy) {
      if (weight > 0) lazyCeiling += weight * signal.max;
      continue;
    }
    values[i] = signal.compute(stats);
    sum += values[i]! * weight;
  }
  if (sum + lazyCeiling < needed) return null;
  for (let i = 0; i < signals.length; i++) {
    const weight = model.weights[i] ?? 0;
    if (!signals[i]!.lazy || weight === 0) continue;
    values[i] = signals[i]!.compute(stats);
    sum += values[i]! * weight;
  }
  if (sum < needed) return null;
  // What each signal added, in the order they were summed: the eager ones, then the lazy ones.
  const contributions: Contribution[] = [];
  for (const lazy of [false, true]) {
    signals.forEach((signal, i) => {
      const value = values[i]!;
      if (value !== 0 && (signal.lazy ?? false) === lazy) contributions.push({ signal, value, amount: value * model.weights[i]! });
    });
  }
  return { stats, probability: logistic(sum), contributions };
}

/**
 * The block's score under one model, computed once per block and sensitivity however many detectors ask (a new memo
 * when the sensitivity changed); none for a block the model may not match.
 */
export function memoScore(key: keyof Omit<ScoreMemo, 'sensitivity'>, mayMatch: (stats: BlockStats) => boolean, signals: readonly Signal[], model: ModelWeights, stats: BlockStats, context: DetectContext): Score | null {
  if (stats.memo?.sensitivity !== context.sensitivity) stats.memo = { sensitivity: context.sensitivity };
  const memo = stats.memo;
  if (memo[key] === undefined) memo[key] = mayMatch(stats) ? scoreBlock(signals, model, stats, context.sensitivity) : null;
  return memo[key];
}

/** A detector's verdict from its model's score: the probability to two places and the reasons that added most. */
export function verdictOf(score: Score): Verdict {
  return { score: Math.round(score.probability * 100) / 100, reasons: reasonsOf(score) };
}

/** Every signal's value, in order: a row of the data `tidings tune` fits the weights to. */
export function signalValues(signals: readonly Signal[], stats: BlockStats): number[] {
  return signals.map((signal) => signal.compute(stats));
}

/** Reasons from the signals that added most, strongest first. */
export function reasonsOf(score: Score, limit = 3): Reason[] {
  const reasons: Reason[] = [];
  for (const { signal, amount } of [...score.contributions].sort((a, b) => b.amount - a.amount)) {
    if (amount <= 0 || reasons.length >= limit) break;
    // A value left empty (phrases counted but none kept as samples: a long letter's first dozen are another list's)
    // would read "Asks you to become a member ()": the next reason stands in for it.
    const values = signal.reason?.(score.stats);
    if (values && !values.includes('')) reasons.push({ key: `why_${signal.id}`, values });
  }
  return reasons;
}
