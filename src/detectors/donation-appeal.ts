import type { Detector } from '../core/types';
import { pleaMayMatch, pleaVerdict } from '../scan/plea';

export const donationAppeal: Detector = {
  id: 'donation-appeal',
  label: 'Donation appeal',
  description: 'Pleas to donate or chip in: "Dear readers… please support us", "$2 a month", "readers like you".',
  category: 'appeals',
  kind: 'appeal',
  enabledByDefault: true,
  mayMatch: pleaMayMatch,
  detect: (block, context) => pleaVerdict(block, context, 'donation'),
};
