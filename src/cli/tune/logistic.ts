// Weighted logistic regression with an L2 penalty towards hand-set priors, fitted by Newton's method
// (iteratively reweighted least squares): few signals (tens) and many rows (blocks of hundreds of pages), so
// each step solves a small linear system. Signals are standardised for the fit, so one penalty treats them
// alike, and the weights come back on the signals' own scale.

export interface Sample {
  values: readonly number[];
  /** 1: a block to collapse; 0: one to leave. */
  target: 0 | 1;
  weight: number;
}

export interface FittedModel {
  bias: number;
  weights: number[];
}

export interface FitOptions {
  /** L2 penalty on the standardised weights' distance from their priors (the bias is not penalised). */
  l2: number;
  /**
   * Each signal's hand-set weight: where the fit starts from and what it is pulled back to, so a signal the
   * pages show seldom (a donation form's amounts, an ad-blocker wall) keeps what we know of it.
   */
  priors?: readonly number[];
  maxIterations?: number;
}

/** Solves A x = b for a symmetric positive definite A (Cholesky); A is overwritten. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  for (let j = 0; j < n; j++) {
    let diagonal = a[j]![j]!;
    for (let k = 0; k < j; k++) diagonal -= a[j]![k]! * a[j]![k]!;
    const root = Math.sqrt(Math.max(diagonal, 1e-12));
    a[j]![j] = root;
    for (let i = j + 1; i < n; i++) {
      let sum = a[i]![j]!;
      for (let k = 0; k < j; k++) sum -= a[i]![k]! * a[j]![k]!;
      a[i]![j] = sum / root;
    }
  }
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= a[i]![k]! * y[k]!;
    y[i] = sum / a[i]![i]!;
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < n; k++) sum -= a[k]![i]! * x[k]!;
    x[i] = sum / a[i]![i]!;
  }
  return x;
}

export function fitLogistic(samples: readonly Sample[], options: FitOptions): FittedModel {
  const dimensions = samples[0]?.values.length ?? 0;
  const totalWeight = samples.reduce((sum, sample) => sum + sample.weight, 0) || 1;
  const mean = new Array<number>(dimensions).fill(0);
  for (const sample of samples) for (let j = 0; j < dimensions; j++) mean[j]! += (sample.weight * sample.values[j]!) / totalWeight;
  const spread = new Array<number>(dimensions).fill(0);
  for (const sample of samples) {
    for (let j = 0; j < dimensions; j++) spread[j]! += (sample.weight * (sample.values[j]! - mean[j]!) ** 2) / totalWeight;
  }
  const scale = spread.map((variance) => (variance > 1e-12 ? Math.sqrt(variance) : 1));
  const rows = samples.map((sample) => [1, ...sample.values.map((value, j) => (value - mean[j]!) / scale[j]!)]);
  const size = dimensions + 1;
  // The priors on the standardised scale (a weight per unit of signal times the signal's spread).
  const prior = [0, ...Array.from({ length: dimensions }, (_, j) => (options.priors?.[j] ?? 0) * scale[j]!)];
  let beta = new Array<number>(size).fill(0);
  const penalty = options.l2 * totalWeight / Math.max(1, samples.length);
  // The penalised negative log-likelihood: what each step must lower (a full Newton step can overshoot).
  const loss = (coefficients: readonly number[]): number => {
    let sum = 0;
    rows.forEach((row, index) => {
      let score = 0;
      for (let j = 0; j < size; j++) score += coefficients[j]! * row[j]!;
      const sample = samples[index]!;
      // log(1 + e^-z) for a positive, log(1 + e^z) for a negative, computed without overflow.
      const z = sample.target === 1 ? -score : score;
      sum += sample.weight * (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
    });
    for (let j = 1; j < size; j++) sum += (penalty / 2) * (coefficients[j]! - prior[j]!) ** 2;
    return sum;
  };
  let current = loss(beta);
  for (let iteration = 0; iteration < (options.maxIterations ?? 50); iteration++) {
    const hessian = Array.from({ length: size }, () => new Array<number>(size).fill(0));
    const gradient = new Array<number>(size).fill(0);
    rows.forEach((row, index) => {
      const sample = samples[index]!;
      let score = 0;
      for (let j = 0; j < size; j++) score += beta[j]! * row[j]!;
      const probability = 1 / (1 + Math.exp(-score));
      const residual = sample.weight * (sample.target - probability);
      const curvature = sample.weight * Math.max(probability * (1 - probability), 1e-9);
      for (let j = 0; j < size; j++) {
        gradient[j]! += residual * row[j]!;
        const rj = curvature * row[j]!;
        for (let k = 0; k <= j; k++) hessian[j]![k]! += rj * row[k]!;
      }
    });
    for (let j = 0; j < size; j++) for (let k = j + 1; k < size; k++) hessian[j]![k] = hessian[k]![j]!;
    for (let j = 1; j < size; j++) {
      gradient[j]! -= penalty * (beta[j]! - prior[j]!);
      hessian[j]![j]! += penalty;
    }
    const step = solve(hessian, gradient);
    // Halve the step until the loss falls.
    let scale = 1;
    let next = beta;
    let nextLoss = current;
    for (let halvings = 0; halvings < 30; halvings++, scale /= 2) {
      const candidate = beta.map((value, j) => value + scale * step[j]!);
      const candidateLoss = loss(candidate);
      if (candidateLoss <= current) {
        next = candidate;
        nextLoss = candidateLoss;
        break;
      }
    }
    const change = Math.max(...next.map((value, j) => Math.abs(value - beta[j]!)));
    beta = next;
    current = nextLoss;
    if (change < 1e-6) break;
  }
  const weights = beta.slice(1).map((value, j) => value / scale[j]!);
  const bias = beta[0]! - weights.reduce((sum, weight, j) => sum + weight * mean[j]!, 0);
  return { bias, weights };
}
