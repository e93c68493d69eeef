import { pleaDetector } from '../scan/plea';

export const paywallNag = pleaDetector('paywall-nag', 'appeals', 'paywall', 'paywall');
