// The models' fitted weights (src/detectors/weights.json, written by `tidings tune`). The tune command
// swaps in weights it is trying out; everything else reads the fitted ones.
// Named imports: the bundles keep only the weights, not the signal names beside them (for tune and the tests).
import { links, plea } from '../detectors/weights.json';
import type { ModelWeights } from './model';

export interface Models {
  plea: ModelWeights;
  links: ModelWeights;
}

export const modelWeights: Models = { plea, links };

/** Scans from now on use these weights (for `tidings tune`, which measures weights before writing them). */
export function useModelWeights(models: Models): void {
  modelWeights.plea = models.plea;
  modelWeights.links = models.links;
}
