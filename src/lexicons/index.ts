// Every lexicon, keyed by language code, and the choice of lexicons for a page.
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

export const lexicons: Record<string, Lexicon> = { en, de, fr, es, it, pt, nl, pl, ru, uk };

/** The lexicons for `langs` (codes or tags such as 'de-AT'), English first and always; unknown codes are ignored. */
export function lexiconsFor(langs: string[]): Lexicon[] {
  const chosen = new Set<Lexicon>([en]);
  for (const lang of langs) {
    const lexicon = lexicons[primarySubtag(lang)];
    if (lexicon) chosen.add(lexicon);
  }
  return [...chosen];
}

/** 'de-AT' → 'de', 'PT_br' → 'pt'; '' for anything that is not a language tag. */
export function primarySubtag(tag: string): string {
  const match = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*$/i.exec(tag);
  return match?.[1] ? match[1].toLowerCase() : '';
}
