import type { Detector } from '../core/types';
import { pleaMayMatch, pleaVerdict } from '../scan/plea';

export const newsletterNag: Detector = {
  id: 'newsletter-nag',
  category: 'appeals',
  kind: 'newsletter',
  enabledByDefault: true,
  mayMatch: pleaMayMatch,
  detect: (block, context) => pleaVerdict(block, context, 'newsletter'),
};
