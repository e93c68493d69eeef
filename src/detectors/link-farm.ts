import type { Detector } from '../core/types';
import { linkListMayMatch, linkListVerdict } from '../scan/link-list';

export const linkFarm: Detector = {
  id: 'link-farm',
  category: 'clutter',
  kind: 'linkfarm',
  enabledByDefault: true,
  mayMatch: linkListMayMatch,
  detect: linkListVerdict,
};
