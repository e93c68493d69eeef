// The models' weights. The fitted ones (src/detectors/weights.json, written by `tidings tune`) are data like the
// lexicons: the background sends them with the words, and the command line, the bench and the tests take them from
// lexicons/all.ts. The tune command swaps in weights it is trying out.
import type { ModelWeights } from './model';

export interface Models {
  plea: ModelWeights;
  links: ModelWeights;
}

/** Before the fitted weights come no block is judged (scan.ts wordsAtHand); a probability of 1 is one none reaches. */
const unfitted: ModelWeights = { bias: 0, weights: [], thresholds: { low: 1, normal: 1, high: 1 } };

export const modelWeights: Models = { plea: unfitted, links: unfitted };

/** Scans from now on use these weights. */
export function useModelWeights(models: Models): void {
  modelWeights.plea = models.plea;
  modelWeights.links = models.links;
}
