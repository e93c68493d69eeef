import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { LISTING_LANGUAGES, SUMMARY_LIMIT, listingProblems, readListing, writeListing } from '../../store/listing';

const root = resolve(import.meta.dirname, '../..');

describe('store listing', () => {
  const listing = readListing(root);

  it('has a summary and a description in each UI language, within the stores\' limits, and a privacy statement', () => {
    expect(listing.texts.map((text) => text.lang)).toEqual([...LISTING_LANGUAGES]);
    expect(listingProblems(listing)).toEqual([]);
  });

  it('names what a store would refuse', () => {
    const [english] = listing.texts;
    const tooLong = { ...english!, summary: 'x'.repeat(SUMMARY_LIMIT + 1), description: '' };
    expect(listingProblems({ texts: [tooLong], privacy: 'We sell your data.' })).toEqual([
      `en: summary (extDescription) is ${SUMMARY_LIMIT + 1} characters, over ${SUMMARY_LIMIT}`,
      'en: store/descriptions/en.txt is empty',
      'store/privacy.md does not say that Tidings collects no data',
    ]);
  });

  it('writes each language\'s texts and the privacy statement as plain files', () => {
    const out = mkdtempSync(join(tmpdir(), 'tidings-store-'));
    onTestFinished(() => rmSync(out, { recursive: true, force: true }));
    const written = writeListing(listing, out).map((path) => relative(out, path));
    expect(written).toEqual([...LISTING_LANGUAGES.flatMap((lang) => [`${lang}/summary.txt`, `${lang}/description.txt`]), 'privacy.md']);
    expect(readFileSync(join(out, 'de/summary.txt'), 'utf8')).toBe(`${listing.texts[1]!.summary}\n`);
  });
});
