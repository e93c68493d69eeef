// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { scanText } from '../../src/scan/index';
import { allDetectors, loadText } from './scan-fixtures';

describe('scanText', () => {
  it('keeps the story alone: the appeal and the tail of one-word lines go', () => {
    const text = loadText('aggregator-scrape.txt');
    const { clean, findings } = scanText(text, allDetectors);
    expect(findings.map((finding) => finding.detectorId)).toEqual(['donation-appeal', 'link-farm']);
    expect(clean.startsWith('Court orders release of detained journalist')).toBe(true);
    expect(clean.endsWith('he would return to work on Monday.')).toBe(true);
    expect(clean).not.toMatch(/Dear readers|Harbour Times|Music|Download App/);
    const [appeal, wall] = findings;
    expect(appeal!.text.startsWith('A Message from The Harbour Times:')).toBe(true);
    expect(appeal!.text.endsWith('makes a significant impact.')).toBe(true);
    expect(text.slice(appeal!.start, appeal!.end)).toBe(appeal!.text);
    expect(wall!.text.split('\n')).toHaveLength(12);
    expect(wall!.reasons).toContain('12 short lines in a row');
  });

  it('leaves plain prose and short lists of lines untouched', () => {
    const text = 'Ingredients\n\nFlour\nWater\nSalt\n\nMix the flour with the water and a pinch of salt, then knead the dough for ten minutes until it is smooth.';
    expect(scanText(text, allDetectors)).toEqual({ clean: text, findings: [] });
  });

  it('finds a newsletter plea in text and gives offsets into the original', () => {
    const text = 'The council met on Monday to discuss the budget for the coming year, and agreed on most of it.\n\nSign up for our newsletter: the best of our reporting delivered to your inbox every morning. Subscribe today.\n\nThe vote on the remaining items is expected next week.';
    const { clean, findings } = scanText(text, { ...allDetectors, sensitivity: 'high' });
    expect(findings.map((finding) => finding.detectorId)).toEqual(['newsletter-nag']);
    expect(findings[0]!.text.startsWith('Sign up for our newsletter')).toBe(true);
    expect(clean).toBe('The council met on Monday to discuss the budget for the coming year, and agreed on most of it.\n\nThe vote on the remaining items is expected next week.');
  });

  it('copes with empty text and Windows line ends', () => {
    expect(scanText('', allDetectors)).toEqual({ clean: '', findings: [] });
    const windows = loadText('aggregator-scrape.txt').replace(/\n/g, '\r\n');
    expect(scanText(windows, allDetectors).findings.map((finding) => finding.detectorId)).toEqual(['donation-appeal', 'link-farm']);
  });
});
