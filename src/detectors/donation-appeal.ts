import type { Detector } from '../core/types';
import { plural } from '../scan/evidence';
import { pleaMayMatch, pleaVerdict, type PleaSpec } from '../scan/plea';
import { hasHint, hitCount, matchedPhrases } from '../scan/stats';

const spec: PleaSpec = {
  phrases: ['donation'],
  firstWeight: 0.4,
  moreWeight: 0.2,
  maxChars: 1500,
  signals: [
    { weight: 0.3, reason: (s) => (hitCount(s, 'amount') > 0 ? `amount ${matchedPhrases(s, ['amount'])[0] ?? ''}`.trim() : null) },
    { weight: 0.25, reason: (s) => (s.donateLinks > 0 ? plural(s.donateLinks, 'donate link') : null) },
    { weight: 0.2, reason: (s) => (hitCount(s, 'donateActions') > 0 ? `button '${matchedPhrases(s, ['donateActions'])[0]}'` : null) },
    { weight: 0.15, reason: (s) => (hasHint(s, 'donate') ? 'class names of a donation box' : null) },
  ],
};

export const donationAppeal: Detector = {
  id: 'donation-appeal',
  label: 'Donation appeal',
  description: 'Pleas to donate or chip in: "Dear readers… please support us", "$2 a month", "readers like you".',
  category: 'appeals',
  kind: 'appeal',
  enabledByDefault: true,
  mayMatch: pleaMayMatch(spec),
  detect: (block, context) => pleaVerdict(block, context, spec),
};
