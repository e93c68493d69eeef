import { pleaDetector } from '../scan/plea';

export const newsletterNag = pleaDetector('newsletter-nag', 'appeals', 'newsletter', 'newsletter');
