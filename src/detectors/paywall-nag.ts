import type { Detector } from '../core/types';
import { plural } from '../scan/evidence';
import { pleaMayMatch, pleaVerdict, type PleaSpec } from '../scan/plea';
import { hasHint, hitCount, matchedPhrases } from '../scan/stats';

const spec: PleaSpec = {
  phrases: ['paywall'],
  firstWeight: 0.45,
  moreWeight: 0.2,
  maxChars: 1000,
  signals: [
    { weight: 0.2, reason: (s) => (hitCount(s, 'subscribeActions') > 0 ? `button '${matchedPhrases(s, ['subscribeActions'])[0]}'` : null) },
    { weight: 0.1, reason: (s) => (s.memberLinks > 0 ? plural(s.memberLinks, 'subscription link') : null) },
    { weight: 0.2, reason: (s) => (hasHint(s, 'paywall') ? 'class names of a paywall' : null) },
  ],
};

export const paywallNag: Detector = {
  id: 'paywall-nag',
  label: 'Paywall nag',
  description: 'Metered-paywall banners and overlays: "you have read 3 of 5 free articles", "subscribe to continue reading".',
  category: 'appeals',
  kind: 'paywall',
  enabledByDefault: true,
  mayMatch: pleaMayMatch(spec),
  detect: (block, context) => pleaVerdict(block, context, spec),
};
