import type { Detector } from '../core/types';
import { pleaMayMatch, pleaVerdict } from '../scan/plea';

export const paywallNag: Detector = {
  id: 'paywall-nag',
  category: 'appeals',
  kind: 'paywall',
  enabledByDefault: true,
  mayMatch: pleaMayMatch,
  detect: (block, context) => pleaVerdict(block, context, 'paywall'),
};
