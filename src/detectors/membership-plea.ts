import type { Detector } from '../core/types';
import { pleaMayMatch, pleaVerdict } from '../scan/plea';

export const membershipPlea: Detector = {
  id: 'membership-plea',
  category: 'appeals',
  kind: 'appeal',
  enabledByDefault: true,
  mayMatch: pleaMayMatch,
  detect: (block, context) => pleaVerdict(block, context, 'membership'),
};
