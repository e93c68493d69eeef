// The tune command's hand-set priors are kept by signal id apart from the signals (cli/tune/priors.ts): every signal
// of each model has one, and none is left for a signal that is gone.
import { describe, expect, it } from 'vitest';
import { MODELS, type ModelName } from '../../src/cli/tune/dataset';
import { signalPriors } from '../../src/cli/tune/priors';

describe('tune: the signals\' priors', () => {
  for (const model of Object.keys(MODELS) as ModelName[]) {
    it(`names exactly the ${model} model's signals, each with a finite weight`, () => {
      expect(Object.keys(signalPriors[model]).sort()).toEqual(MODELS[model].signals.map((signal) => signal.id).sort());
      for (const prior of Object.values(signalPriors[model])) expect(Number.isFinite(prior)).toBe(true);
    });
  }
});
