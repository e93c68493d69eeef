import type { Detector } from '../core/types';
import { plural } from '../scan/evidence';
import { pleaMayMatch, pleaVerdict, type PleaSpec } from '../scan/plea';
import { hasHint, hitCount, matchedPhrases } from '../scan/stats';

const spec: PleaSpec = {
  phrases: ['membership'],
  firstWeight: 0.4,
  moreWeight: 0.2,
  maxChars: 1200,
  signals: [
    { weight: 0.25, reason: (s) => (s.memberLinks > 0 ? plural(s.memberLinks, 'membership link') : null) },
    { weight: 0.2, reason: (s) => (hitCount(s, 'subscribeActions') > 0 ? `button '${matchedPhrases(s, ['subscribeActions'])[0]}'` : null) },
    { weight: 0.15, reason: (s) => (hitCount(s, 'donation') > 0 ? `phrase '${matchedPhrases(s, ['donation'])[0]}'` : null) },
    { weight: 0.15, reason: (s) => (hasHint(s, 'membership') ? 'class names of a membership box' : null) },
  ],
};

export const membershipPlea: Detector = {
  id: 'membership-plea',
  label: 'Membership plea',
  description: 'Pleas to become a member or subscribe to support the site: "become a member", "join our community of supporters".',
  category: 'appeals',
  kind: 'appeal',
  enabledByDefault: true,
  mayMatch: pleaMayMatch(spec),
  detect: (block, context) => pleaVerdict(block, context, spec),
};
