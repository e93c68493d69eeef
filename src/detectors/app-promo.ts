import type { Detector } from '../core/types';
import { plural } from '../scan/evidence';
import { pleaMayMatch, pleaVerdict, type PleaSpec } from '../scan/plea';
import { hasHint } from '../scan/stats';

const spec: PleaSpec = {
  phrases: ['appPromo'],
  firstWeight: 0.4,
  moreWeight: 0.15,
  maxChars: 500,
  signals: [
    { weight: 0.3, reason: (s) => (s.appLinks > 0 ? plural(s.appLinks, 'app store link') : null) },
    { weight: 0.15, reason: (s) => (hasHint(s, 'appPromo') ? 'class names of an app promo' : null) },
  ],
};

export const appPromo: Detector = {
  id: 'app-promo',
  label: 'App promo',
  description: 'Promos for the site\'s app: "Download our app", "Get it on Google Play".',
  category: 'clutter',
  kind: 'linkfarm',
  enabledByDefault: true,
  mayMatch: pleaMayMatch(spec),
  detect: (block, context) => pleaVerdict(block, context, spec),
};
