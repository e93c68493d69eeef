// Which language a page is in, so the detectors can add that language's lexicon to English.
// Declared languages come first (they are cheap and usually right); the text is the fallback.
// Pure: reads the DOM only, linear in the size of a bounded text sample.
import { lexicons, primarySubtag } from '../lexicons/index';

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

// NodeFilter / Node constants, spelled out so this runs where no DOM globals exist (CLI with jsdom).
const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const TEXT_NODE = 3;

type Script = 'latin' | 'cyrillic';

function scriptOf(words: readonly string[]): Script {
  return words.some((word) => /\p{Script=Cyrillic}/u.test(word)) ? 'cyrillic' : 'latin';
}

/** Stop word → the languages that list it, each with weight 1/(number of languages listing the word),
 *  so words shared by several languages ("de", "la", "in") count for less than distinctive ones. */
const stopwordWeights = new Map<string, { lang: string; weight: number }[]>();
const scriptOfLanguage = new Map<string, Script>();
{
  const owners = new Map<string, string[]>();
  for (const lexicon of Object.values(lexicons)) {
    scriptOfLanguage.set(lexicon.lang, scriptOf(lexicon.stopwords));
    for (const word of new Set(lexicon.stopwords.map((w) => w.normalize('NFC').toLowerCase()))) {
      owners.set(word, [...(owners.get(word) ?? []), lexicon.lang]);
    }
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
  const sample = text.slice(0, SAMPLE_CHARS).normalize('NFC').toLowerCase();
  const latinLetters = countMatches(sample, /\p{Script=Latin}/gu);
  const cyrillicLetters = countMatches(sample, /\p{Script=Cyrillic}/gu);
  const otherLetters = countMatches(sample, /(?![\p{Script=Latin}\p{Script=Cyrillic}])\p{L}/gu);
  let script: Script;
  if (cyrillicLetters >= MIN_SCRIPT_LETTERS && cyrillicLetters > latinLetters + otherLetters) script = 'cyrillic';
  else if (latinLetters >= MIN_SCRIPT_LETTERS && latinLetters > cyrillicLetters + otherLetters) script = 'latin';
  else return 'en';

  const scores = new Map<string, number>();
  /** Words that are stop words of each language, unweighted: the share test. */
  const counts = new Map<string, number>();
  let words = 0;
  for (const [word] of sample.matchAll(/\p{L}+/gu)) {
    words += 1;
    for (const { lang, weight } of stopwordWeights.get(word) ?? []) {
      if (scriptOfLanguage.get(lang) !== script) continue;
      scores.set(lang, (scores.get(lang) ?? 0) + weight);
      counts.set(lang, (counts.get(lang) ?? 0) + 1);
    }
  }
  if (script === 'cyrillic') {
    // Letters settle Russian against Ukrainian even where the few stop words seen are shared.
    const ukrainian = (scores.get('uk') ?? 0) + countMatches(sample, UKRAINIAN_LETTERS);
    const russian = (scores.get('ru') ?? 0) + countMatches(sample, RUSSIAN_LETTERS);
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
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT, {
    acceptNode: (node: Node) =>
      node.nodeType !== TEXT_NODE && NOT_PROSE.has((node as Element).localName?.toLowerCase() ?? '')
        ? FILTER_REJECT
        : FILTER_ACCEPT,
  });
  const parts: string[] = [];
  let length = 0;
  for (let node = walker.nextNode(); node && length < SAMPLE_CHARS; node = walker.nextNode()) {
    if (node.nodeType !== TEXT_NODE) continue;
    const data = (node as Text).data;
    if (data.trim() === '') continue;
    parts.push(data);
    length += data.length + 1;
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
