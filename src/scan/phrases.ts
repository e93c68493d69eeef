// The one place where phrases meet text. The lexicons are compiled once into a trie over word
// tokens; text is read once, character by character, folded on the fly (lower case, no diacritics,
// one apostrophe, one dash) and cut into tokens on Unicode word boundaries (so Cyrillic works), and
// each token costs one table probe unless it starts a phrase. No regular expression runs over the
// page's text.
import type { DetectContext, Kind } from '../core/types';
import type { Lexicon } from '../lexicons/types';
import { lexiconsFor } from '../lexicons/index';

/**
 * The lexicon lists the detectors look for, plus two kinds of sums of money the matcher finds itself:
 * recurring amounts ("$2 a month") and plain amounts ("€5", "10 €", "$50"), the buttons of a donation form.
 */
export type PhraseList = Exclude<keyof Lexicon, 'lang' | 'currencies'> | 'amount' | 'money';

// The plea evidence comes first: pleaLists is the first eight (test/unit/scan-phrases.test.ts pins them).
export const phraseLists: readonly PhraseList[] = [
  'donation', 'membership', 'paywall', 'newsletter', 'emailLabels', 'appPromo', 'adblock', 'amount',
  'linkWallHeadings', 'donateActions', 'subscribeActions', 'dismissals', 'legal', 'perPeriod', 'money',
];

/** Lists whose phrases are plea evidence (as opposed to headings and button words): the first eight. */
export const pleaLists: readonly PhraseList[] = phraseLists.slice(0, 8);

/** A set of lists as bits (bit i: phraseLists[i]). */
export type ListSet = number;

export function listSet(lists: Iterable<PhraseList>): ListSet {
  let bits = 0;
  for (const list of lists) bits |= 1 << phraseLists.indexOf(list);
  return bits;
}

export const ALL_LISTS: ListSet = listSet(phraseLists);
const AMOUNT = phraseLists.indexOf('amount');
const MONEY = phraseLists.indexOf('money');
const PER_PERIOD = phraseLists.indexOf('perPeriod');

/** Which lexicon list a user phrase of each kind joins. */
const userPhraseList: Record<Kind, PhraseList> = {
  appeal: 'donation',
  paywall: 'paywall',
  newsletter: 'newsletter',
  linkfarm: 'linkWallHeadings',
};

// Unicode-property patterns are built once here: the bundle targets turn such literals into `new RegExp`
// calls, which inside a function would build a new pattern on every call.
// Kana's voicing marks ("グ" is "ク" and one) stay: without them the word is another ("タグ", tag, would read "タク").
const combiningMarks = /[^\P{M}\u3099\u309a]+/gu;
const letterOrDigit = /[\p{L}\p{N}]/u;

/**
 * Letters folded beyond case and diacritics, as sites write them either way: Turkish dotless "ı" to "i" (its capital
 * "I" and the dotted "İ" already fold to "i"); Greek final "ς" to "σ", as its capital "Σ" folds; Arabic alef maqsura "ى" to "ي"; the Arabic tatweel, a stretch of a
 * line, away; Arabic-Indic and Persian digits to 0-9 and the Arabic decimal and thousands separators to "." and ","; Vietnamese "đ"
 * to "d" (no decomposition takes its bar off, and text typed without marks writes "ung ho", "dong gop").
 */
const specialLetters = /[\u0111\u0131\u03c2\u0640\u0649\u0660-\u066c\u06f0-\u06f9]/g;

function foldSpecial(code: number): string | null {
  if (code === 0x111) return 'd';
  if (code === 0x131) return 'i';
  if (code === 0x3c2) return '\u03c3';
  if (code === 0x640) return '';
  if (code === 0x649) return '\u064a';
  if (code === 0x66b) return '.';
  if (code === 0x66c) return ',';
  return (code >= 0x660 && code <= 0x669) || (code >= 0x6f0 && code <= 0x6f9) ? String.fromCharCode(48 + (code & 15)) : null;
}

/** Lower-case, strip diacritics, unify apostrophes and dashes, collapse white space. */
export function normalizeText(text: string): string {
  // Most text is ASCII: decomposing it would change nothing and cost time.
  const nonAscii = /[^ -~\s]/.test(text);
  const lower = (nonAscii ? text.normalize('NFD').replace(combiningMarks, '') : text).toLowerCase();
  // After lower-casing, which writes a final "Σ" as "ς".
  return (nonAscii ? lower.replace(specialLetters, (char) => foldSpecial(char.charCodeAt(0)) ?? char) : lower)
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ');
}

// ---- Characters: what each UTF-16 code unit is, and what it folds to. ----

const WORD = 1;
const SPACE = 2;
const SYMBOL = 3;
/** A combining mark: dropped, as NFD + stripping marks drops it. */
const MARK = 4;

/** Per code unit: its class and its folded code; filled for ASCII now and for the rest on first sight. */
const charClass = new Uint8Array(0x10000);
const charFold = new Uint16Array(0x10000);

function classify(code: number): void {
  const char = String.fromCharCode(code);
  if (code >= 0xd800 && code <= 0xdfff) {
    // Half of a surrogate pair (emoji, rare scripts): no phrase holds one.
    charClass[code] = SYMBOL;
    charFold[code] = code;
    return;
  }
  // Chinese, Japanese and Thai leave no space between words, and Korean joins its endings to its words: each kana,
  // ideograph, Hangul syllable and Thai letter is a token of its own, so a phrase ("相关新闻", "会員限定", "후원",
  // "สนับสนุนเรา") matches inside a run of text. (Thai vowel signs and tone marks stay marks, dropped below.)
  if ((code >= 0x0e01 && code <= 0x0e30) || (code >= 0x0e32 && code <= 0x0e33) || (code >= 0x0e40 && code <= 0x0e46) || (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff)) {
    charClass[code] = SYMBOL;
    charFold[code] = code;
    return;
  }
  if (/\s/.test(char)) {
    charClass[code] = SPACE;
    charFold[code] = 32;
    return;
  }
  if (/[\u2018\u2019\u02bc`]/.test(char)) {
    charClass[code] = SYMBOL;
    charFold[code] = 39; // '
    return;
  }
  if (/[\u2010-\u2015]/.test(char)) {
    charClass[code] = SYMBOL;
    charFold[code] = 45; // -
    return;
  }
  const lowered = char.normalize('NFD').replace(combiningMarks, '').toLowerCase();
  // Folded after lower-casing, as normalizeText does: "Đ" becomes "đ", then "d".
  const folded = foldSpecial(lowered.charCodeAt(0)) ?? lowered;
  if (folded.length === 0) {
    charClass[code] = MARK;
    return;
  }
  charClass[code] = letterOrDigit.test(char) ? WORD : SYMBOL;
  charFold[code] = folded.charCodeAt(0);
}

/** Code units are classified on first sight (class 0: not yet). */
function classOf(code: number): number {
  const kind = charClass[code]!;
  if (kind !== 0) return kind;
  classify(code);
  return charClass[code]!;
}

// ---- Tokens: a word (letters and digits) or one symbol; white space only separates. ----

/** A token's key: a hash of its folded characters mixed with its length, so collisions are rarer still. */
function tokenKey(hash: number, length: number): number {
  return (hash + Math.imul(length, 0x9e3779b1)) | 0;
}

/** Receives tokens in reading order. */
export interface TokenSink {
  /** `key` identifies the folded token; it is `text` (the piece being read) from `start` to before `end`. */
  token(key: number, text: string, start: number, end: number): void;
}

/**
 * Reads `text` once: returns its visible length (runs of white space count as one character, leading
 * white space as none) and hands each token to `sink` (when given). A token never spans two calls.
 */
export function readText(text: string, sink: TokenSink | null): number {
  let visible = 0;
  let inSpace = true;
  let hash = 0;
  let length = 0;
  let start = -1;
  const end = text.length;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    const kind = classOf(code);
    if (kind === WORD) {
      visible++;
      inSpace = false;
      const folded = charFold[code]!;
      if (start < 0) {
        start = i;
        hash = 0;
        length = 0;
      }
      hash = (Math.imul(hash, 31) + folded) | 0;
      length++;
      continue;
    }
    if (kind === MARK) {
      visible++;
      continue;
    }
    if (start >= 0) {
      sink?.token(tokenKey(hash, length), text, start, i);
      start = -1;
    }
    if (kind === SPACE) {
      if (!inSpace) visible++;
      inSpace = true;
    } else {
      visible++;
      inSpace = false;
      sink?.token(tokenKey(charFold[code]!, 1), text, i, i + 1);
    }
  }
  if (start >= 0) sink?.token(tokenKey(hash, length), text, start, end);
  return visible;
}

/** The keys of the tokens of a phrase or a word. */
export function tokenKeys(phrase: string): number[] {
  const keys: number[] = [];
  readText(phrase, { token: (key) => keys.push(key) });
  return keys;
}

// ---- The compiled lexicons. ----

interface TrieNode {
  next: Map<number, TrieNode> | null;
  /** The phrase that ends here, with the lists it belongs to. */
  phrase: string | null;
  lists: ListSet;
}

function trieNode(): TrieNode {
  return { next: null, phrase: null, lists: 0 };
}

/**
 * Phrases that end in a period ("a month") look back for an amount before them. Signs and codes of currencies, any
 * language's; the words ("dollars", "рублей") come with each language's lexicon.
 */
const currencyBefore = ['$', '€', '£', '¥', '₹', '₽', '₴', '₺', '₪', '฿', 'r$', 'us$'];
const currencyAfter = ['$', '€', '£', '¥', '₹', '₽', '₴', '₺', '₪', '฿', '₫', 'usd', 'eur', 'gbp', 'pln', 'vnd', 'chf', 'sek', 'nok', 'dkk'];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function alternation(words: readonly string[]): string {
  return words.map((word) => escapeRegExp(normalizeText(word))).sort((a, b) => b.length - a.length).join('|');
}

/** Tokens a currency may follow its number by: "15,- €" has two between. */
const MONEY_GAP_TOKENS = 3;
/** A digit and a separator right before a number: it is a later group or the decimals of the number before. */
const groupSeparator = /\d[.,\u00a0\u202f]/;
/** A number's integer part with its groups of thousands ("1,784,998", "2.500", "10 000" with a no-break space). */
const figure = /\d+(?:[.,\u00a0\u202f]\d{3}(?!\d))*/y;
/** An amount at the very end of the text before a period phrase: "$2 ", "5 € ", "r$ 19,90 ", "300 руб. ". */
function amountPattern(after: readonly string[]): RegExp {
  const number = String.raw`\d+(?:[.,]\d+)?`;
  const amount = `(?:(?:${alternation(currencyBefore)})\\s?${number}|${number}\\s?(?:${alternation(after)}))`;
  return new RegExp(`(?<![\\p{L}\\p{N}])${amount}\\s?$`, 'u');
}
/** Characters of run text an amount and its currency can take up before the period phrase. */
const AMOUNT_LOOKBACK_CHARS = 32;

export interface PhraseHit {
  list: PhraseList;
  /** The matched phrase, normalized, e.g. "support us" or "$2 a month". */
  phrase: string;
  /** Its position among the tokens read. */
  index: number;
}

export class PhraseMatcher {
  private readonly root = new Map<number, TrieNode>();
  /** The tokens that name a currency, for plain amounts, and the pattern of an amount before a period phrase. */
  readonly currencyKeys = new Set<number>();
  readonly amountBefore: RegExp;

  /** `currencies`: the lexicons' words of currencies. */
  constructor(currencies: readonly string[]) {
    const after = [...currencyAfter, ...currencies];
    for (const currency of [...currencyBefore, ...after]) {
      const [key, more] = tokenKeys(currency);
      if (more === undefined) this.currencyKeys.add(key!);
    }
    this.amountBefore = amountPattern(after);
  }
  /** One byte per (key & FILTER_MASK): 1 when some phrase starts with a token of that key. */
  private readonly firstFilter = new Uint8Array(FILTER_SIZE);

  add(phrase: string, list: PhraseList): void {
    const keys = tokenKeys(phrase);
    if (keys.length === 0) return;
    let next = this.root;
    let node: TrieNode | undefined;
    for (const key of keys) {
      node = next.get(key);
      if (!node) {
        node = trieNode();
        next.set(key, node);
      }
      next = node.next ??= new Map();
    }
    const end = node!;
    end.lists |= 1 << phraseLists.indexOf(list);
    end.phrase ??= normalizeText(phrase).trim();
    this.firstFilter[keys[0]! & FILTER_MASK] = 1;
  }

  /** The node a phrase starting with this token begins at, if any. */
  start(key: number): TrieNode | undefined {
    return this.firstFilter[key & FILTER_MASK] === 1 ? this.root.get(key) : undefined;
  }

  /** All hits in `text` of the given lists (default: all), each list's hits leftmost-longest and not overlapping. */
  match(text: string, lists: ListSet = ALL_LISTS): PhraseHit[] {
    const stream = new PhraseStream(this, lists);
    stream.read(text);
    return stream.hits();
  }
}

const FILTER_SIZE = 1 << 16;
const FILTER_MASK = FILTER_SIZE - 1;

interface PartialMatch {
  node: TrieNode;
  /** Token index and text position where the phrase began. */
  index: number;
  text: string;
  offset: number;
  /** How many pieces the stream had read when the phrase began (`text` is the next one). */
  piece: number;
}

interface RawHit {
  list: number;
  phrase: string;
  index: number;
  /** Tokens covered. */
  length: number;
}

/**
 * Tokens of one run of text, read piece by piece (the text nodes of a block, of a link), matched as
 * they come: a partial match carries on across pieces and across the elements between them.
 */
export class PhraseStream implements TokenSink {
  // A stream per block and per link, most of which never meet a phrase: nothing is allocated until one starts.
  private partials: PartialMatch[] | null = null;
  private found: RawHit[] | null = null;
  private tokens = 0;
  /** The last two pieces read (by reference), where an amount before a period phrase is looked for. */
  private pieces = 0;
  private lastPiece = '';
  private pieceBeforeLast = '';
  /** The last number token read (for plain amounts), or -1; and the last currency token. */
  private numberIndex = -1;
  private numberStart = 0;
  private numberText = '';
  private currencyIndex = -1;
  private readonly matcher: PhraseMatcher;
  private readonly lists: ListSet;

  constructor(matcher: PhraseMatcher, lists: ListSet) {
    this.matcher = matcher;
    this.lists = lists;
  }

  /** Reads a piece of text; returns its visible length. */
  read(text: string): number {
    const visible = readText(text, this);
    this.record(text);
    return visible;
  }

  /** Keeps a piece read (by reference) while an amount may need to look back into it. */
  record(text: string): void {
    this.pieces++;
    this.pieceBeforeLast = this.lastPiece;
    this.lastPiece = text;
  }

  token(key: number, text: string, start: number, end: number): void {
    const index = this.tokens++;
    if ((this.lists & (1 << MONEY)) !== 0) this.money(key, index, text, start, end);
    const partials = this.partials;
    if (partials !== null && partials.length > 0) {
      // Each partial match moves on in place (no array and no object per token): a trie node has one child per token.
      let kept = 0;
      for (const partial of partials) {
        const node = partial.node.next?.get(key);
        if (!node) continue;
        if (node.lists !== 0) this.ended(node, partial.index, index, partial);
        if (node.next) {
          partial.node = node;
          partials[kept++] = partial;
        }
      }
      partials.length = kept;
    }
    const first = this.matcher.start(key);
    if (!first) return;
    const partial: PartialMatch = { node: first, index, text, offset: start, piece: this.pieces };
    if (first.lists !== 0) this.ended(first, index, index, partial);
    if (first.next) (this.partials ??= []).push(partial);
  }

  private ended(node: TrieNode, startIndex: number, endIndex: number, partial: PartialMatch): void {
    const lists = node.lists & this.lists;
    if (lists === 0) return;
    const length = endIndex - startIndex + 1;
    const found = (this.found ??= []);
    for (let list = 0; list < phraseLists.length; list++) {
      if ((lists & (1 << list)) !== 0) found.push({ list, phrase: node.phrase!, index: startIndex, length });
    }
    if ((lists & (1 << PER_PERIOD)) !== 0 && (this.lists & (1 << AMOUNT)) !== 0) {
      const amount = this.amountBefore(partial);
      if (amount !== null) found.push({ list: AMOUNT, phrase: `${amount}${node.phrase!}`, index: startIndex, length });
    }
  }

  /**
   * A plain amount: a currency sign or word right before a number ("€5", "$ 10") or at most a few
   * tokens after one ("10 €", "15,- €", "10,00 EUR").
   */
  private money(key: number, index: number, text: string, start: number, end: number): void {
    // Folded: Arabic-Indic digits count as digits.
    const code = charFold[text.charCodeAt(start)]!;
    if (code >= 48 && code <= 57) {
      // "1,784,998" is read as one number: its later groups are no amounts of their own, and a figure with more than
      // three significant digits ("$ 197,867" in an annual report) is an account, not an amount to choose.
      if (groupSeparator.test(text.slice(start - 2, start))) return;
      // Read in place (sticky): no copy of the rest of the text for every number in it.
      figure.lastIndex = start;
      const whole = (figure.exec(text)?.[0] ?? '').replace(/\D/g, '').replace(/0+$/, '');
      if (whole.length > 3) {
        this.numberIndex = this.currencyIndex = -1;
        return;
      }
      if (this.currencyIndex >= 0 && index - this.currencyIndex === 1) {
        this.moneyHit(index, `${text.slice(start, end)}`);
        return;
      }
      this.numberIndex = index;
      this.numberText = text;
      this.numberStart = start;
      return;
    }
    if (!this.matcher.currencyKeys.has(key)) return;
    if (this.numberIndex >= 0 && index - this.numberIndex <= MONEY_GAP_TOKENS) {
      this.moneyHit(this.numberIndex, this.numberText === text ? text.slice(this.numberStart, end) : text.slice(start, end));
      return;
    }
    this.currencyIndex = index;
  }

  private moneyHit(index: number, phrase: string): void {
    (this.found ??= []).push({ list: MONEY, phrase: normalizeText(phrase), index, length: 1 });
    this.numberIndex = -1;
    this.currencyIndex = -1;
  }

  /** The amount written just before a period phrase ("$2 " before "a month"), or null. */
  private amountBefore(partial: PartialMatch): string | null {
    // The piece the phrase began in is the one being read (piece === pieces) or the last one read.
    const earlier = partial.piece === this.pieces ? this.lastPiece : partial.piece === this.pieces - 1 ? this.pieceBeforeLast : '';
    const before = earlier + partial.text.slice(0, partial.offset);
    const found = this.matcher.amountBefore.exec(normalizeText(before.slice(-AMOUNT_LOOKBACK_CHARS)));
    return found ? found[0] : null;
  }

  /** The hits so far: per list, leftmost first, longest first at one place, none overlapping another of its list. */
  hits(): PhraseHit[] {
    if (!this.found) return [];
    const sorted = this.found.slice().sort((a, b) => a.list - b.list || a.index - b.index || b.length - a.length);
    const hits: PhraseHit[] = [];
    let list = -1;
    let end = -1;
    for (const hit of sorted) {
      if (hit.list !== list) {
        list = hit.list;
        end = -1;
      }
      if (hit.index <= end) continue;
      end = hit.index + hit.length - 1;
      hits.push({ list: phraseLists[hit.list]!, phrase: hit.phrase, index: hit.index });
    }
    return hits.sort((a, b) => a.index - b.index);
  }
}

/** Hands each token to up to three sinks (a block's stream, the link's inside it, a language tally): the text is read once. */
class Fanout implements TokenSink {
  first: TokenSink | null = null;
  second: TokenSink | null = null;
  third: TokenSink | null = null;

  token(key: number, text: string, start: number, end: number): void {
    this.first?.token(key, text, start, end);
    this.second?.token(key, text, start, end);
    this.third?.token(key, text, start, end);
  }
}
const fanout = new Fanout();

/** Reads a piece of text into the given streams (and tally) at once; returns its visible length. */
export function readInto(text: string, first: PhraseStream | null, second: PhraseStream | null, tally: TokenSink | null): number {
  if (tally === null && (first === null || second === null)) return (first ?? second)?.read(text) ?? readText(text, null);
  fanout.first = first;
  fanout.second = second;
  fanout.third = tally;
  const visible = readText(text, fanout);
  first?.record(text);
  second?.record(text);
  return visible;
}

/** Compiles the lexicons (and the user's phrases) into one matcher. */
export function compilePhrases(lexicons: readonly Lexicon[], userPhrases: DetectContext['userPhrases']): PhraseMatcher {
  const matcher = new PhraseMatcher(lexicons.flatMap((lexicon) => lexicon.currencies ?? []));
  for (const list of phraseLists) {
    if (list === 'amount' || list === 'money') continue;
    for (const lexicon of lexicons) for (const phrase of lexicon[list]) matcher.add(phrase, list);
  }
  for (const [kind, extra] of Object.entries(userPhrases) as [Kind, string[] | undefined][]) {
    for (const phrase of extra ?? []) matcher.add(phrase, userPhraseList[kind]);
  }
  return matcher;
}

/** Compiled matchers by languages and user phrases: compiling costs more than a whole scan. */
const matchers = new Map<string, PhraseMatcher>();
const MAX_MATCHERS = 8;

/** What a matcher is built from: a detect context, or the languages and phrases of a text (scan/text.ts). */
type MatcherContext = Pick<DetectContext, 'langs' | 'userPhrases'>;
/** The matcher each context was given, so an incremental scan does not rebuild the key. */
const contextMatchers = new WeakMap<MatcherContext, PhraseMatcher>();

/** The matcher for a detect context, compiled once per set of languages and user phrases. */
export function matcherFor(context: MatcherContext): PhraseMatcher {
  const known = contextMatchers.get(context);
  if (known) return known;
  // Keyed by the lexicons at hand, not the languages asked for: one that arrives later compiles anew.
  const lexicons = lexiconsFor(context.langs);
  const key = `${lexicons.map((lexicon) => lexicon.lang).join(',')}\n${JSON.stringify(context.userPhrases)}`;
  let matcher = matchers.get(key);
  if (!matcher) {
    if (matchers.size >= MAX_MATCHERS) matchers.delete(matchers.keys().next().value!);
    matcher = compilePhrases(lexicons, context.userPhrases);
    matchers.set(key, matcher);
  }
  contextMatchers.set(context, matcher);
  return matcher;
}
