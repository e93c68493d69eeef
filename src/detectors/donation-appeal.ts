import type { Detector } from '../core/types';
import { pleaMayMatch, pleaVerdict } from '../scan/plea';

export const donationAppeal: Detector = {
  id: 'donation-appeal',
  category: 'appeals',
  kind: 'appeal',
  enabledByDefault: true,
  mayMatch: pleaMayMatch,
  detect: (block, context) => pleaVerdict(block, context, 'donation'),
};
