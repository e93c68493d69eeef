// The lexicons the scan can use here, and the choice of lexicons for a page. They are provided: all at
// once by the command line and the tests (lexicons/all.ts), one at a time by the content script, which
// ships none and asks the background for English and the page's own language — every page the reader
// opens would otherwise parse phrases it does not need, and the structure signals work meanwhile.
import type { Lexicon } from './types';

/** The languages Tidings has a lexicon and stop words for. */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'ru', 'uk', 'zh', 'ja', 'ko', 'sv', 'da', 'nb', 'fi', 'cs', 'tr', 'ar', 'el', 'hu', 'ro', 'id', 'vi', 'he', 'th', 'lv', 'lt', 'fa', 'hi', 'ur', 'ca'] as const;
export type Language = (typeof LANGUAGES)[number];

const available = new Map<string, Lexicon>();

/** Makes a lexicon available to every scan compiled from now on. */
export function provideLexicon(lexicon: Lexicon): void {
  available.set(lexicon.lang, lexicon);
}

/**
 * The languages among `langs` whose lexicon is not here yet. Which languages have one is the background's to say: the
 * content script ships no list of them.
 */
export function missingLexicons(langs: readonly string[]): string[] {
  return langs.map(primarySubtag).filter((lang) => lang !== '' && !available.has(lang));
}

/** The lexicons here for `langs` (codes or tags such as 'de-AT'), English first when it is here; others are ignored. */
export function lexiconsFor(langs: readonly string[]): Lexicon[] {
  const chosen = new Set<Lexicon>();
  for (const lang of ['en', ...langs]) {
    const lexicon = available.get(primarySubtag(lang));
    if (lexicon) chosen.add(lexicon);
  }
  return [...chosen];
}

/**
 * Codes read as another language Tidings has: Norwegian ('no') and Nynorsk ('nn') pages get Bokmål's phrases, and
 * the withdrawn codes some sites still declare their current ones ('iw' Hebrew, 'in' Indonesian).
 */
const SAME_LEXICON = new Map([['no', 'nb'], ['nn', 'nb'], ['iw', 'he'], ['in', 'id']]);

/** 'de-AT' → 'de', 'PT_br' → 'pt', 'nn-NO' → 'nb' (see SAME_LEXICON); '' for anything that is not a language tag. */
export function primarySubtag(tag: string): string {
  const match = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*$/i.exec(tag);
  const code = match?.[1] ? match[1].toLowerCase() : '';
  return SAME_LEXICON.get(code) ?? code;
}
