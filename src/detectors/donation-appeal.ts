import { pleaDetector } from '../scan/plea';

export const donationAppeal = pleaDetector('donation-appeal', 'appeals', 'appeal', 'donation');
