// Every language's stop words, keyed by language code: how a page's language is told (scan/language.ts).
// The background serves them to the content script with the lexicons; the command line and the tests
// provide them at start (lexicons/all.ts).
import type { Language } from './index';
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
import { zhStopwords } from './zh';
import { jaStopwords } from './ja';
import { koStopwords } from './ko';
import { svStopwords } from './sv';
import { daStopwords } from './da';
import { nbStopwords } from './nb';
import { fiStopwords } from './fi';
import { csStopwords } from './cs';
import { trStopwords } from './tr';
import { arStopwords } from './ar';
import { elStopwords } from './el';
import { huStopwords } from './hu';
import { roStopwords } from './ro';
import { idStopwords } from './id';
import { viStopwords } from './vi';
import { heStopwords } from './he';
import { thStopwords } from './th';
import { lvStopwords } from './lv';
import { ltStopwords } from './lt';
import { faStopwords } from './fa';
import { hiStopwords } from './hi';
import { urStopwords } from './ur';
import { caStopwords } from './ca';

/** Each language's stop words, separated by spaces. */
export const stopwordsByLanguage: Readonly<Record<Language, string>> = {
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
  zh: zhStopwords,
  ja: jaStopwords,
  ko: koStopwords,
  sv: svStopwords,
  da: daStopwords,
  nb: nbStopwords,
  fi: fiStopwords,
  cs: csStopwords,
  tr: trStopwords,
  ar: arStopwords,
  el: elStopwords,
  hu: huStopwords,
  ro: roStopwords,
  id: idStopwords,
  vi: viStopwords,
  he: heStopwords,
  th: thStopwords,
  lv: lvStopwords,
  lt: ltStopwords,
  fa: faStopwords,
  hi: hiStopwords,
  ur: urStopwords,
  ca: caStopwords,
};
