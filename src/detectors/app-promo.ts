import { pleaDetector } from '../scan/plea';

export const appPromo = pleaDetector('app-promo', 'clutter', 'linkfarm', 'app');
