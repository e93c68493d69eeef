// Which language a page is in, so the detectors can add that language's lexicon to English.
// Declared languages come first (they are cheap and usually right); the text is the fallback. The
// text is tallied from the tokens the statistics pass reads anyway (see scan.ts), so a page costs no
// second walk for its language. The stop words it is told by are provided like the lexicons: all at once by
// the command line and the tests, by the background to the content script (which would otherwise carry
// every language's on every page).
import { primarySubtag } from '../lexicons/index';
import { readText, tokenKeys, type TokenSink } from './phrases';

/** How much text to weigh: enough for thousands of words, bounded so a 5 MB page costs the same. */
const SAMPLE_CHARS = 20_000;
/** Stop-word weight a language needs before text evidence beats the English default. */
const MIN_EVIDENCE = 2;
/** Share of the words that must be the winner's stop words: real prose has 20-45 %, a page whose menus are long lists
 *  of names 8-10 %; placeholder Latin ("lorem ipsum … et … est … qui") and lists of names alone stay under 6 %. */
const MIN_STOPWORD_SHARE = 0.08;
/** Letters a script needs before it counts as the text's script. */
const MIN_SCRIPT_LETTERS = 20;
/** BCP 47 codes that name no language, and the first words of charsets some pages declare as their language ("utf-8"). */
const NO_LANGUAGE = new Set(['und', 'mul', 'zxx', 'mis', 'utf', 'iso', 'gbk']);
/** Letters of scripts only one known language writes: Hebrew (U+05D0–U+05EA), Thai (U+0E01–U+0E2E) and Devanagari (U+0905–U+0939). */
const SCRIPT_LANGUAGES = [['he', 0x5d0, 0x5ea], ['th', 0xe01, 0xe2e], ['hi', 0x905, 0x939]] as const;
/** Share of kana among Han and kana letters from which a text is Japanese: Chinese has none, Japanese prose a third or more. */
const KANA_SHARE = 0.1;
/** Letters only one of the two Cyrillic languages uses (either case). */
const UKRAINIAN_LETTERS = new Set([...'іїєґІЇЄҐ'].map((letter) => letter.charCodeAt(0)));
const RUSSIAN_LETTERS = new Set([...'ыэъёЫЭЪЁ'].map((letter) => letter.charCodeAt(0)));

const scripts = ['latin', 'cyrillic', 'greek', 'arabic'] as const;
type Script = (typeof scripts)[number];

// Built once: the bundle targets turn Unicode-property literals into `new RegExp` calls, and lettersOf runs per word.
const anyLetter = /\p{L}/u;

/**
 * The script of a list of stop words: the first that is not Latin, if any (Chinese, Japanese and Korean count as Latin: their
 * words never meet Latin text; their pages are told by their letters, see LanguageTally.language).
 */
function scriptOf(words: readonly string[]): Script {
  for (const word of words) {
    const letters = lettersOf(word.charCodeAt(0));
    if (letters !== null && letters !== 'latin' && letters !== 'other') return letters;
  }
  return 'latin';
}

/** Stop word → the languages that list it, each with weight 1/(number of languages listing the word),
 *  so words shared by several languages ("de", "la", "in") count for less than distinctive ones; null until
 *  the stop words are provided. */
let stopwordWeights: Map<number, { lang: string; weight: number }[]> | null = null;
const scriptOfLanguage = new Map<string, Script>();

/** Each language's stop words (separated by spaces, see lexicons/stopwords.ts): from now on languages can be told. */
export function provideStopwords(byLanguage: Readonly<Record<string, string>>): void {
  // Keyed like the tokens of the text (folded: "für" and "fur" are one word), one-token words only.
  const owners = new Map<number, string[]>();
  for (const [lang, spaced] of Object.entries(byLanguage)) {
    const stopwords = spaced.split(' ');
    scriptOfLanguage.set(lang, scriptOf(stopwords));
    const keys = new Set(stopwords.map(tokenKeys).filter((wordKeys) => wordKeys.length === 1).map(([key]) => key!));
    for (const key of keys) owners.set(key, [...(owners.get(key) ?? []), lang]);
  }
  stopwordWeights = new Map([...owners].map(([word, langs]) => [word, langs.map((lang) => ({ lang, weight: 1 / langs.length }))]));
}

/** Whether the stop words are here: before, a page's text cannot tell its language. */
export function canTellLanguage(): boolean {
  return stopwordWeights !== null;
}

type Letters = Script | 'other';

/** The script of a letter, or null for anything else (digits, signs). */
function lettersOf(code: number): Letters | null {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) ? 'latin' : null;
  if (code >= 0x400 && code <= 0x52f) return 'cyrillic';
  if ((code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) || (code >= 0x1e00 && code <= 0x1eff)) return 'latin';
  const char = String.fromCharCode(code);
  const letter = anyLetter.test(char);
  if ((code >= 0x370 && code <= 0x3ff) || (code >= 0x1f00 && code <= 0x1fff)) return letter ? 'greek' : null;
  if ((code >= 0x600 && code <= 0x6ff) || (code >= 0x750 && code <= 0x77f) || (code >= 0xfb50 && code <= 0xfeff)) return letter ? 'arabic' : null;
  return letter || char.toLowerCase() !== char.toUpperCase() ? 'other' : null;
}

/** Language evidence from the words of a text, read token by token; weighs the first SAMPLE_CHARS characters. */
export class LanguageTally implements TokenSink {
  private chars = 0;
  private words = 0;
  private readonly letters: Record<Letters, number> = { latin: 0, cyrillic: 0, greek: 0, arabic: 0, other: 0 };
  private ukrainianLetters = 0;
  private russianLetters = 0;
  /** Letters of each of SCRIPT_LANGUAGES. */
  private readonly scriptLetters = SCRIPT_LANGUAGES.map(() => 0);
  /** Han characters, kana and Hangul: Chinese, Japanese and Korean are told by their letters. */
  private han = 0;
  private kana = 0;
  private hangul = 0;
  private readonly scores = new Map<string, number>();
  /** Words that are stop words of each language, unweighted: the share test. */
  private readonly counts = new Map<string, number>();

  /** Whether the sample is complete: more text would not be weighed. */
  get full(): boolean {
    return this.chars >= SAMPLE_CHARS;
  }

  token(key: number, text: string, start: number, end: number): void {
    if (this.chars >= SAMPLE_CHARS) return;
    this.chars += end - start + 1;
    const letters = lettersOf(text.charCodeAt(start));
    if (letters === null) return;
    this.words += 1;
    this.letters[letters] += end - start;
    if (letters === 'other') {
      const code = text.charCodeAt(start);
      for (let i = 0; i < SCRIPT_LANGUAGES.length; i++) {
        const [, first, last] = SCRIPT_LANGUAGES[i]!;
        if (code >= first && code <= last) this.scriptLetters[i]! += end - start;
      }
      // Kana, the common Han characters, Hangul syllables: what prose is written in (rarer blocks do not change the tally).
      if (code >= 0x3040 && code <= 0x30ff) this.kana += end - start;
      else if (code >= 0x4e00 && code <= 0x9fff) this.han += end - start;
      else if (code >= 0xac00 && code <= 0xd7a3) this.hangul += end - start;
    }
    if (letters === 'cyrillic') {
      for (let i = start; i < end; i++) {
        const code = text.charCodeAt(i);
        if (UKRAINIAN_LETTERS.has(code)) this.ukrainianLetters += 1;
        else if (RUSSIAN_LETTERS.has(code)) this.russianLetters += 1;
      }
    }
    const owners = stopwordWeights?.get(key);
    if (!owners) return;
    for (const { lang, weight } of owners) {
      this.scores.set(lang, (this.scores.get(lang) ?? 0) + weight);
      this.counts.set(lang, (this.counts.get(lang) ?? 0) + 1);
    }
  }

  /** 'en' unless another known language has clearly more evidence. */
  language(): string {
    const letters = this.letters;
    const total = letters.latin + letters.cyrillic + letters.greek + letters.arabic + letters.other;
    // The script of more than half the letters.
    const script = scripts.find((name) => letters[name] >= MIN_SCRIPT_LETTERS && letters[name] > total - letters[name]);
    if (script === undefined) {
      // Han, kana and Hangul tell Chinese, Japanese and Korean apart (Chinese and Japanese words are not split by spaces).
      const cjk = this.han + this.kana + this.hangul;
      if (cjk >= MIN_SCRIPT_LETTERS && cjk > total - cjk) {
        return this.hangul > this.han + this.kana ? 'ko' : this.kana >= KANA_SHARE * (this.han + this.kana) ? 'ja' : 'zh';
      }
      // Hebrew, Thai and Devanagari letters tell their language alone (their words are not told apart by stop words).
      const at = this.scriptLetters.findIndex((count) => count >= MIN_SCRIPT_LETTERS && count > total - count);
      return at < 0 ? 'en' : SCRIPT_LANGUAGES[at]![0];
    }
    const score = (lang: string): number => (scriptOfLanguage.get(lang) === script ? this.scores.get(lang) ?? 0 : 0);
    if (script === 'cyrillic') {
      // Letters settle Russian against Ukrainian even where the few stop words seen are shared.
      return score('uk') + this.ukrainianLetters > score('ru') + this.russianLetters ? 'uk' : 'ru';
    }
    let best = 'en';
    let bestScore = score('en');
    for (const lang of this.scores.keys()) {
      if (score(lang) > bestScore) {
        best = lang;
        bestScore = score(lang);
      }
    }
    return bestScore >= MIN_EVIDENCE && (this.counts.get(best) ?? 0) >= MIN_STOPWORD_SHARE * this.words ? best : 'en';
  }
}

/** The language of plain text: 'en' unless another known language has clearly more evidence.
 *  Reads at most the first SAMPLE_CHARS characters. */
export function detectTextLanguage(text: string): string {
  const tally = new LanguageTally();
  readText(text.slice(0, SAMPLE_CHARS), tally);
  return tally.language();
}

/** A language tag as declared by the page, reduced to its primary subtag; '' when absent or meaningless. */
function languageCode(tag: string | null | undefined): string {
  const code = primarySubtag((tag ?? '').split(',')[0] ?? '');
  return NO_LANGUAGE.has(code) ? '' : code;
}

/** Only <head> is searched: a huge body would cost a full pass, and these metas belong in the head. */
function metaContent(doc: Document, matches: (meta: Element) => boolean): string | null {
  for (const meta of Array.from(doc.head?.getElementsByTagName('meta') ?? [])) {
    if (matches(meta)) return meta.getAttribute('content');
  }
  return null;
}

/** The page's declared language as a lower-case primary subtag ('de' for 'de-AT'): `<html lang>` /
 *  `xml:lang`, then `<meta http-equiv="content-language">`, then `og:locale`; '' when none. */
export function declaredLanguage(doc: Document): string {
  const root = doc.documentElement;
  const candidates: (() => string | null | undefined)[] = [
    () => root?.getAttribute('lang'),
    // In an HTML document `xml:lang` is an attribute of that name (only XML documents put it in the XML namespace, and
    // those carry `lang` too, or their text tells).
    () => root?.getAttribute('xml:lang'),
    () => metaContent(doc, (meta) => meta.getAttribute('http-equiv')?.toLowerCase() === 'content-language'),
    () => metaContent(doc, (meta) => (meta.getAttribute('property') ?? meta.getAttribute('name')) === 'og:locale'),
  ];
  for (const candidate of candidates) {
    const code = languageCode(candidate());
    if (code) return code;
  }
  return '';
}
