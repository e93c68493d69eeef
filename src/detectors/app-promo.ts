import type { Detector } from '../core/types';
import { pleaMayMatch, pleaVerdict } from '../scan/plea';

export const appPromo: Detector = {
  id: 'app-promo',
  category: 'clutter',
  kind: 'linkfarm',
  enabledByDefault: true,
  mayMatch: pleaMayMatch,
  detect: (block, context) => pleaVerdict(block, context, 'app'),
};
