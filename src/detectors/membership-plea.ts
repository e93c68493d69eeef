import type { Detector } from '../core/types';
import { pleaMayMatch, pleaVerdict } from '../scan/plea';

export const membershipPlea: Detector = {
  id: 'membership-plea',
  label: 'Membership plea',
  description: 'Pleas to become a member or subscribe to support the site: "become a member", "join our community of supporters".',
  category: 'appeals',
  kind: 'appeal',
  enabledByDefault: true,
  mayMatch: pleaMayMatch,
  detect: (block, context) => pleaVerdict(block, context, 'membership'),
};
