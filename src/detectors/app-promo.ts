import type { Detector } from '../core/types';
import { pleaMayMatch, pleaVerdict } from '../scan/plea';

export const appPromo: Detector = {
  id: 'app-promo',
  label: 'App promo',
  description: 'Promos for the site\'s app: "Download our app", "Get it on Google Play".',
  category: 'clutter',
  kind: 'linkfarm',
  enabledByDefault: true,
  mayMatch: pleaMayMatch,
  detect: (block, context) => pleaVerdict(block, context, 'app'),
};
