import { pleaDetector } from '../scan/plea';

export const membershipPlea = pleaDetector('membership-plea', 'appeals', 'appeal', 'membership');
