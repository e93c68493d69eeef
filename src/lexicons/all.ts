// Every lexicon, keyed by language code: what the background serves to content scripts, and what the
// command line and the tests provide at start (provideAllLexicons).
import type { Lexicon } from './types';
import { en } from './en';
import { de } from './de';
import { fr } from './fr';
import { es } from './es';
import { it } from './it';
import { pt } from './pt';
import { nl } from './nl';
import { pl } from './pl';
import { ru } from './ru';
import { uk } from './uk';
import { zh } from './zh';
import { ja } from './ja';
import { ko } from './ko';
import { sv } from './sv';
import { da } from './da';
import { nb } from './nb';
import { fi } from './fi';
import { cs } from './cs';
import { tr } from './tr';
import { ar } from './ar';
import { el } from './el';
import { hu } from './hu';
import { ro } from './ro';
import { id } from './id';
import { vi } from './vi';
import { he } from './he';
import { th } from './th';
import { lv } from './lv';
import { lt } from './lt';
import { fa } from './fa';
import { hi } from './hi';
import { ur } from './ur';
import { ca } from './ca';
import { provideStopwords } from '../scan/language';
import { providePatterns } from '../scan/stats';
import { fittedModels } from '../scan/fitted-weights';
import { useModelWeights } from '../scan/weights';
import { patterns } from './patterns';
import { provideLexicon, type Language } from './index';
import { stopwordsByLanguage } from './stopwords';

export const allLexicons: Readonly<Record<Language, Lexicon>> = { en, de, fr, es, it, pt, nl, pl, ru, uk, zh, ja, ko, sv, da, nb, fi, cs, tr, ar, el, hu, ro, id, vi, he, th, lv, lt, fa, hi, ur, ca };

/** The lexicon of `lang` (a primary subtag), or null when there is none: what the background answers. */
export function lexiconOf(lang: string): Lexicon | null {
  return Object.hasOwn(allLexicons, lang) ? allLexicons[lang as Language] : null;
}

/**
 * Makes every lexicon, the stop words, the patterns and the fitted weights available to the scan at once: for the command
 * line, the bench and the tests.
 */
export function provideAllLexicons(): void {
  for (const lexicon of Object.values(allLexicons)) provideLexicon(lexicon);
  provideStopwords(stopwordsByLanguage);
  providePatterns(patterns);
  useModelWeights(fittedModels);
}
