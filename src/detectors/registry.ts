// Every detector, once. Adding a detector is adding its file and a line here.
import type { Detector, DetectorId } from '../core/types';
import { appPromo } from './app-promo';
import { donationAppeal } from './donation-appeal';
import { linkFarm } from './link-farm';
import { membershipPlea } from './membership-plea';
import { newsletterNag } from './newsletter-nag';
import { paywallNag } from './paywall-nag';

export const detectors: readonly Detector[] = [
  donationAppeal,
  membershipPlea,
  paywallNag,
  newsletterNag,
  linkFarm,
  appPromo,
];

export function detectorById(id: DetectorId): Detector | undefined {
  return detectors.find((detector) => detector.id === id);
}
