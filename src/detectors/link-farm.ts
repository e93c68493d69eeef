import type { Detector } from '../core/types';
import { linkListMayMatch, linkListVerdict } from '../scan/link-list';

export const linkFarm: Detector = {
  id: 'link-farm',
  label: 'Link farm',
  description: 'Walls of links that are not the article: related and most-read lists, recommendation widgets, tag lists, footer walls.',
  category: 'clutter',
  kind: 'linkfarm',
  enabledByDefault: true,
  mayMatch: linkListMayMatch,
  detect: linkListVerdict,
};
