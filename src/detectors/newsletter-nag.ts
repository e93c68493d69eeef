import type { Detector } from '../core/types';
import { pleaMayMatch, pleaVerdict } from '../scan/plea';

export const newsletterNag: Detector = {
  id: 'newsletter-nag',
  label: 'Newsletter nag',
  description: 'Newsletter sign-up boxes and pop-ups: an email field with "sign up for our newsletter".',
  category: 'appeals',
  kind: 'newsletter',
  enabledByDefault: true,
  mayMatch: pleaMayMatch,
  detect: (block, context) => pleaVerdict(block, context, 'newsletter'),
};
