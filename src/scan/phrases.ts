// The one place where phrases meet text: case-, diacritics- and white-space-insensitive matching on
// Unicode word boundaries (works for Cyrillic and accented Latin, where \b does not).
import type { DetectContext, Kind } from '../core/types';
import type { Lexicon } from '../lexicons/types';
import { lexiconsFor } from '../lexicons/index';

/** The lexicon lists the detectors look for, plus recurring amounts ("$2 a month"). */
export type PhraseList = Exclude<keyof Lexicon, 'lang' | 'stopwords'> | 'amount';

export const phraseLists: readonly PhraseList[] = [
  'donation', 'membership', 'paywall', 'newsletter', 'appPromo', 'linkWallHeadings',
  'donateActions', 'subscribeActions', 'perPeriod', 'amount',
];

/** Lists whose phrases are plea evidence (as opposed to headings and button words). */
export const pleaLists: readonly PhraseList[] = ['donation', 'membership', 'paywall', 'newsletter', 'appPromo', 'amount'];

/** Which lexicon list a user phrase of each kind joins. */
const userPhraseList: Record<Kind, PhraseList> = {
  appeal: 'donation',
  paywall: 'paywall',
  newsletter: 'newsletter',
  linkfarm: 'linkWallHeadings',
};

/** Lower-case, strip diacritics, unify apostrophes and dashes, collapse white space. */
export function normalizeText(text: string): string {
  // Most text is ASCII: decomposing it would change nothing and cost time.
  const folded = /[^ -~\s]/.test(text) ? text.normalize('NFD').replace(/\p{M}+/gu, '') : text;
  return folded
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A phrase as a regular-expression source: escaped, any run of white space matching any other. */
function phrasePattern(phrase: string): string {
  return normalizeText(phrase).trim().split(' ').map(escapeRegExp).join('\\s+');
}

const BEFORE = '(?<![\\p{L}\\p{N}])';
const AFTER = '(?![\\p{L}\\p{N}])';

/** Currency signs and words around an amount, normalized like the text they must match ("рублей" loses its breve). */
const currencySigns = ['$', '€', '£', '¥', '₹', '₽', '₴'];
const currencyWords = [
  'usd', 'eur', 'gbp', 'pln', 'dollar', 'dollars', 'euro', 'euros', 'pound', 'pounds',
  'руб', 'руб.', 'рубль', 'рублей', 'рубля', 'грн', 'грн.', 'гривень', 'гривні', 'гривня', 'zł', 'zl', 'kč',
];
/** Signs written before the number; "R$" (Brazilian real) and "US$" are letters and a sign, a word of their own. */
const currencyBefore = [...currencySigns, 'r$', 'us$'].map((sign) => escapeRegExp(normalizeText(sign))).join('|');
const currencyAfter = [...currencySigns, ...currencyWords].map((word) => escapeRegExp(normalizeText(word))).join('|');

function alternation(phrases: Iterable<string>): string | null {
  const patterns = [...new Set([...phrases].map(phrasePattern).filter((p) => p.length > 0))];
  // Longest first, so "donate now" wins over "donate" and reasons name the fuller phrase.
  patterns.sort((a, b) => b.length - a.length);
  return patterns.length > 0 ? patterns.join('|') : null;
}

export interface PhraseHit {
  list: PhraseList;
  /** The normalized matched text, e.g. "support us". */
  phrase: string;
  /** Where it starts in the normalized text. */
  index: number;
}

export interface PhraseMatcher {
  /** All hits in `text` (raw text; normalized here) of the given lists (default: all). */
  match(text: string, lists?: ReadonlySet<PhraseList>): PhraseHit[];
}

function wordRegExp(source: string | null): RegExp | null {
  return source === null ? null : new RegExp(`${BEFORE}(?:${source})${AFTER}`, 'gu');
}

/** Compiles the lexicons (and the user's phrases) into one regular expression per list. */
export function compilePhrases(lexicons: readonly Lexicon[], userPhrases: DetectContext['userPhrases']): PhraseMatcher {
  const sources = new Map<PhraseList, RegExp>();
  for (const list of phraseLists) {
    if (list === 'amount') continue;
    const phrases = lexicons.flatMap((lexicon) => lexicon[list]);
    for (const [kind, extra] of Object.entries(userPhrases) as [Kind, string[] | undefined][]) {
      if (extra && userPhraseList[kind] === list) phrases.push(...extra);
    }
    const regExp = wordRegExp(alternation(phrases));
    if (regExp) sources.set(list, regExp);
  }
  const periods = alternation(lexicons.flatMap((lexicon) => lexicon.perPeriod));
  if (periods !== null) {
    // "$2 a month", "€5 per month", "5 € im Monat", "R$ 19,90 por mês", "300 рублей в месяц": an amount then a period.
    const number = String.raw`\d+(?:[.,]\d+)?`;
    const amount = `(?:(?:${currencyBefore})\\s?${number}|${number}\\s?(?:${currencyAfter}))`;
    const regExp = new RegExp(`${BEFORE}${amount}\\s?(?:${periods})${AFTER}`, 'gu');
    sources.set('amount', regExp);
  }
  return {
    match(text: string, lists?: ReadonlySet<PhraseList>): PhraseHit[] {
      const normalized = normalizeText(text);
      const hits: PhraseHit[] = [];
      for (const [list, regExp] of sources) {
        if (lists && !lists.has(list)) continue;
        regExp.lastIndex = 0;
        for (const found of normalized.matchAll(regExp)) hits.push({ list, phrase: found[0], index: found.index ?? 0 });
      }
      return hits;
    },
  };
}

const matchers = new WeakMap<DetectContext, PhraseMatcher>();

/** The matcher for a detect context, compiled once per context. */
export function matcherFor(context: DetectContext): PhraseMatcher {
  let matcher = matchers.get(context);
  if (!matcher) {
    matcher = compilePhrases(lexiconsFor(context.langs), context.userPhrases);
    matchers.set(context, matcher);
  }
  return matcher;
}
