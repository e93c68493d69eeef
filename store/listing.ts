// The texts of the store listing, per UI language: the summary is the manifest's description (extDescription,
// which the Chrome Web Store shows as the summary and AMO takes as the add-on's summary), the long description is
// store/descriptions/<lang>.txt; plus the privacy statement, store/privacy.md. Checked against the stores' limits
// and written into dist/store/ as plain files to paste into each store's form.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The languages of the interface (src/_locales), each with a listing. */
export const LISTING_LANGUAGES = ['en', 'de', 'fr', 'es', 'ru'] as const;
/** The Chrome Web Store refuses a manifest description longer than this; AMO's summary allows 250. */
export const SUMMARY_LIMIT = 132;
/** The Chrome Web Store's limit for the detailed description. */
export const DESCRIPTION_LIMIT = 16_000;

export interface ListingText {
  lang: (typeof LISTING_LANGUAGES)[number];
  summary: string;
  description: string;
}

export interface Listing {
  texts: ListingText[];
  privacy: string;
}

export function readListing(root: string): Listing {
  const texts = LISTING_LANGUAGES.map((lang) => {
    const messages = JSON.parse(readFileSync(join(root, 'src/_locales', lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
    return {
      lang,
      summary: messages.extDescription?.message ?? '',
      description: readFileSync(join(root, 'store/descriptions', `${lang}.txt`), 'utf8').trim(),
    };
  });
  return { texts, privacy: readFileSync(join(root, 'store/privacy.md'), 'utf8') };
}

/** What a store would refuse, one line each; empty when the listing can be submitted. */
export function listingProblems(listing: Listing): string[] {
  const problems: string[] = [];
  for (const { lang, summary, description } of listing.texts) {
    if (summary.trim() === '') problems.push(`${lang}: no summary (extDescription)`);
    if ([...summary].length > SUMMARY_LIMIT) problems.push(`${lang}: summary (extDescription) is ${[...summary].length} characters, over ${SUMMARY_LIMIT}`);
    if (description === '') problems.push(`${lang}: store/descriptions/${lang}.txt is empty`);
    if ([...description].length > DESCRIPTION_LIMIT) problems.push(`${lang}: description is over ${DESCRIPTION_LIMIT} characters`);
  }
  if (!/collects no data/i.test(listing.privacy)) problems.push('store/privacy.md does not say that Tidings collects no data');
  return problems;
}

/** Writes <lang>/summary.txt, <lang>/description.txt and privacy.md under outDir; returns the paths written. */
export function writeListing(listing: Listing, outDir: string): string[] {
  const written: string[] = [];
  const write = (path: string, text: string) => {
    writeFileSync(path, text.endsWith('\n') ? text : `${text}\n`);
    written.push(path);
  };
  for (const { lang, summary, description } of listing.texts) {
    mkdirSync(join(outDir, lang), { recursive: true });
    write(join(outDir, lang, 'summary.txt'), summary);
    write(join(outDir, lang, 'description.txt'), description);
  }
  write(join(outDir, 'privacy.md'), listing.privacy);
  return written;
}
