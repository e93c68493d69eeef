import type { Detector } from '../core/types';
import { plural } from '../scan/evidence';
import { pleaMayMatch, pleaVerdict, type PleaSpec } from '../scan/plea';
import { hasHint, hitCount, matchedPhrases } from '../scan/stats';

const spec: PleaSpec = {
  phrases: ['newsletter'],
  firstWeight: 0.35,
  moreWeight: 0.15,
  maxChars: 800,
  signals: [
    { weight: 0.35, reason: (s) => (s.emailInputs > 0 ? plural(s.emailInputs, 'email field') : null) },
    { weight: 0.15, reason: (s) => (hitCount(s, 'subscribeActions') > 0 ? `button '${matchedPhrases(s, ['subscribeActions'])[0]}'` : null) },
    { weight: 0.15, reason: (s) => (hasHint(s, 'newsletter') ? 'class names of a sign-up box' : null) },
  ],
};

export const newsletterNag: Detector = {
  id: 'newsletter-nag',
  label: 'Newsletter nag',
  description: 'Newsletter sign-up boxes and pop-ups: an email field with "sign up for our newsletter".',
  category: 'appeals',
  kind: 'newsletter',
  enabledByDefault: true,
  mayMatch: pleaMayMatch(spec),
  detect: (block, context) => pleaVerdict(block, context, spec),
};
