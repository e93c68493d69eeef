import type { Detector } from '../core/types';
import { pleaMayMatch, pleaVerdict } from '../scan/plea';

export const paywallNag: Detector = {
  id: 'paywall-nag',
  label: 'Paywall nag',
  description: 'Metered-paywall banners and overlays: "you have read 3 of 5 free articles", "subscribe to continue reading".',
  category: 'appeals',
  kind: 'paywall',
  enabledByDefault: true,
  mayMatch: pleaMayMatch,
  detect: (block, context) => pleaVerdict(block, context, 'paywall'),
};
