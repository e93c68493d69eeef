// Every language's stop words, keyed by language code: the languages Tidings knows. The content script
// carries these (a few hundred bytes each) to tell a page's language; the lexicons it then needs come
// from the background (see lexicons/index.ts).
import { enStopwords } from './en';
import { deStopwords } from './de';
import { frStopwords } from './fr';
import { esStopwords } from './es';
import { itStopwords } from './it';
import { ptStopwords } from './pt';
import { nlStopwords } from './nl';
import { plStopwords } from './pl';
import { ruStopwords } from './ru';
import { ukStopwords } from './uk';

/** Each language's stop words, separated by spaces. */
export const stopwordsByLanguage: Readonly<Record<string, string>> = {
  en: enStopwords,
  de: deStopwords,
  fr: frStopwords,
  es: esStopwords,
  it: itStopwords,
  pt: ptStopwords,
  nl: nlStopwords,
  pl: plStopwords,
  ru: ruStopwords,
  uk: ukStopwords,
};
