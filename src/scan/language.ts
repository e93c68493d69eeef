// Which language a page is in, so the detectors can add that language's lexicon to English.
// Declared languages come first (they are cheap and usually right); the text is the fallback.
// Pure: reads the DOM only, linear in the size of a bounded text sample.
import { lexicons, primarySubtag } from '../lexicons/index';
import { readText, tokenKeys } from './phrases';

/** How much text to read: enough for thousands of words, bounded so a 5 MB page costs the same. */
const SAMPLE_CHARS = 20_000;
/** Stop-word weight a language needs before text evidence beats the English default. */
const MIN_EVIDENCE = 2;
/** Share of the words that must be the winner's stop words: real prose has 20-45 %; placeholder
 *  Latin ("lorem ipsum … et … est … qui") and lists of names stay under 6 %. */
const MIN_STOPWORD_SHARE = 0.1;
/** Letters a script needs before it counts as the text's script. */
const MIN_SCRIPT_LETTERS = 20;
/** BCP 47 codes that name no language. */
const NO_LANGUAGE = new Set(['und', 'mul', 'zxx', 'mis']);
/** Subtrees whose text is not prose. */
const NOT_PROSE = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'textarea', 'select']);
/** Letters only one of the two Cyrillic languages uses. */
const UKRAINIAN_LETTERS = /[іїєґ]/gu;
const RUSSIAN_LETTERS = /[ыэъё]/gu;

// Node constants, spelled out so this runs where no DOM globals exist (CLI with jsdom).
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

type Script = 'latin' | 'cyrillic';

function scriptOf(words: readonly string[]): Script {
  return words.some((word) => /\p{Script=Cyrillic}/u.test(word)) ? 'cyrillic' : 'latin';
}

/** Stop word → the languages that list it, each with weight 1/(number of languages listing the word),
 *  so words shared by several languages ("de", "la", "in") count for less than distinctive ones. */
const stopwordWeights = new Map<number, { lang: string; weight: number }[]>();
const scriptOfLanguage = new Map<string, Script>();
{
  // Keyed like the tokens of the text (folded: "für" and "fur" are one word), one-token words only.
  const owners = new Map<number, string[]>();
  for (const lexicon of Object.values(lexicons)) {
    scriptOfLanguage.set(lexicon.lang, scriptOf(lexicon.stopwords));
    const keys = new Set(lexicon.stopwords.map(tokenKeys).filter((wordKeys) => wordKeys.length === 1).map(([key]) => key!));
    for (const key of keys) owners.set(key, [...(owners.get(key) ?? []), lexicon.lang]);
  }
  for (const [word, langs] of owners) {
    stopwordWeights.set(word, langs.map((lang) => ({ lang, weight: 1 / langs.length })));
  }
}

function countMatches(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (pattern.exec(text) !== null) count += 1;
  return count;
}

/** The language of plain text: 'en' unless another known language has clearly more evidence.
 *  Reads at most the first SAMPLE_CHARS characters. */
export function detectTextLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS);
  const script = scriptOfText(sample);
  if (script === null) return 'en';

  const scores = new Map<string, number>();
  /** Words that are stop words of each language, unweighted: the share test. */
  const counts = new Map<string, number>();
  let words = 0;
  readText(sample, {
    token(key, piece, start) {
      if (!isLetter(piece.charCodeAt(start))) return;
      words += 1;
      for (const { lang, weight } of stopwordWeights.get(key) ?? []) {
        if (scriptOfLanguage.get(lang) !== script) continue;
        scores.set(lang, (scores.get(lang) ?? 0) + weight);
        counts.set(lang, (counts.get(lang) ?? 0) + 1);
      }
    },
  });
  if (script === 'cyrillic') {
    // Letters settle Russian against Ukrainian even where the few stop words seen are shared.
    const lower = sample.toLowerCase();
    const ukrainian = (scores.get('uk') ?? 0) + countMatches(lower, UKRAINIAN_LETTERS);
    const russian = (scores.get('ru') ?? 0) + countMatches(lower, RUSSIAN_LETTERS);
    return ukrainian > russian ? 'uk' : 'ru';
  }
  let best = 'en';
  let bestScore = scores.get('en') ?? 0;
  for (const [lang, score] of scores) {
    if (score > bestScore) {
      best = lang;
      bestScore = score;
    }
  }
  return bestScore >= MIN_EVIDENCE && (counts.get(best) ?? 0) >= MIN_STOPWORD_SHARE * words ? best : 'en';
}

/** A token that is a word, not a number or a sign (its first character is a letter). */
function isLetter(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return !(code >= 0x2000 && code <= 0x2bff) && String.fromCharCode(code).toLowerCase() !== String.fromCharCode(code).toUpperCase();
}

/** Latin or Cyrillic when that script's letters outnumber all others; null for neither (or too little text). */
function scriptOfText(sample: string): Script | null {
  let latin = 0;
  let cyrillic = 0;
  let other = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code < 128) {
      if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) latin++;
    } else if (code >= 0x400 && code <= 0x52f) cyrillic++;
    else if ((code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) || (code >= 0x1e00 && code <= 0x1eff)) latin++;
    else if (isLetter(code)) other++;
  }
  if (cyrillic >= MIN_SCRIPT_LETTERS && cyrillic > latin + other) return 'cyrillic';
  if (latin >= MIN_SCRIPT_LETTERS && latin > cyrillic + other) return 'latin';
  return null;
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

function declaredLanguage(doc: Document): string {
  const root = doc.documentElement;
  const candidates: (() => string | null | undefined)[] = [
    () => root?.getAttribute('lang'),
    () => root?.getAttribute('xml:lang') ?? root?.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang'),
    () => metaContent(doc, (meta) => meta.getAttribute('http-equiv')?.toLowerCase() === 'content-language'),
    () => metaContent(doc, (meta) => (meta.getAttribute('property') ?? meta.getAttribute('name')) === 'og:locale'),
  ];
  for (const candidate of candidates) {
    const code = languageCode(candidate());
    if (code) return code;
  }
  return '';
}

/** The first SAMPLE_CHARS characters of the page's prose (text outside scripts, styles and the like). */
function textSample(doc: Document): string {
  const root = doc.body ?? doc.documentElement;
  if (!root) return '';
  const parts: string[] = [];
  let length = 0;
  let node: Node | null = root.firstChild;
  while (node && length < SAMPLE_CHARS) {
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      if (/\S/.test(data)) {
        parts.push(data);
        length += data.length + 1;
      }
    } else if (node.nodeType === ELEMENT_NODE && node.firstChild && !NOT_PROSE.has((node as Element).localName.toLowerCase())) {
      node = node.firstChild;
      continue;
    }
    while (node !== root && !node.nextSibling) node = node.parentNode!;
    if (node === root) break;
    node = node.nextSibling;
  }
  return parts.join(' ');
}

/** The page's language as a lower-case primary subtag ('de' for 'de-AT'): `<html lang>` / `xml:lang`,
 *  then `<meta http-equiv="content-language">`, then `og:locale`, then the text; 'en' when unknown.
 *  A declared 'en' is checked against the text, since site templates often keep it on pages in
 *  other languages (English lexicon applies either way, so a wrong 'en' would lose the page's own). */
export function detectDocumentLanguage(doc: Document): string {
  const declared = declaredLanguage(doc);
  if (declared && declared !== 'en') return declared;
  return detectTextLanguage(textSample(doc));
}
