import { describe, expect, it } from 'vitest';
import { englishMessage } from '../../src/cli/english';
import { detectorById, detectors } from '../../src/detectors/registry';

describe('detector registry', () => {
  it('lists the six detectors once, each with its metadata and its name and description in English', () => {
    expect(detectors.map((detector) => detector.id)).toEqual([
      'donation-appeal', 'membership-plea', 'paywall-nag', 'newsletter-nag', 'link-farm', 'app-promo',
    ]);
    for (const detector of detectors) {
      // A detector's name and description are its _locales messages (ui-locales.test.ts keeps the five in step).
      const key = `detector_${detector.id.replace(/-/g, '_')}`;
      expect(englishMessage(`${key}_label`).length).toBeGreaterThan(3);
      expect(englishMessage(`${key}_description`).length).toBeGreaterThan(20);
      expect(detector.category).toBe(detector.kind === 'linkfarm' ? 'clutter' : 'appeals');
      expect(detector.enabledByDefault).toBe(true);
    }
    expect(detectorById('link-farm')?.kind).toBe('linkfarm');
    expect(detectorById('paywall-nag')?.kind).toBe('paywall');
  });
});
