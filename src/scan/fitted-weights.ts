// The weights `tidings tune` fitted to the labelled pages (src/detectors/weights.json): what the background sends and
// the command line reads. Named imports: a bundle keeps only the weights, not the signal names beside them.
import { links, plea } from '../detectors/weights.json';
import type { Models } from './weights';

export const fittedModels: Models = { plea, links };
