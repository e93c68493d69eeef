import { describe, expect, it } from 'vitest';
import { detectorById, detectors } from '../../src/detectors/registry';

describe('detector registry', () => {
  it('lists the six detectors once, each with its metadata', () => {
    expect(detectors.map((detector) => detector.id)).toEqual([
      'donation-appeal', 'membership-plea', 'paywall-nag', 'newsletter-nag', 'link-farm', 'app-promo',
    ]);
    for (const detector of detectors) {
      expect(detector.label.length).toBeGreaterThan(3);
      expect(detector.description.length).toBeGreaterThan(20);
      expect(detector.category).toBe(detector.kind === 'linkfarm' ? 'clutter' : 'appeals');
      expect(detector.enabledByDefault).toBe(true);
    }
    expect(detectorById('link-farm')?.kind).toBe('linkfarm');
    expect(detectorById('paywall-nag')?.kind).toBe('paywall');
  });
});
