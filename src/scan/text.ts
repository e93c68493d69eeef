// Plain text runs through the very same detectors: the text becomes a small DOM (paragraphs → <p>,
// a heading line opens a <section>, runs of short lines → a list of link-like items, since a wall of
// one-word lines is the text form of a link wall), is scanned, and the findings map back to offsets.
import type { DetectorId, Kind, Reason, ScanOptions } from '../core/types';
import { anyQuotation, createScanContext, scanRoot } from './scan';
import { detectTextLanguage } from './language';
import { listSet, matcherFor, pleaLists } from './phrases';
import { LINE_WALL_ATTRIBUTE, matchedPhrases, type BlockStats } from './stats';

export interface TextFinding {
  detectorId: DetectorId;
  kind: Kind;
  score: number;
  reasons: Reason[];
  /** Offsets into the original text; `text` is that slice. */
  start: number;
  end: number;
  text: string;
}

/** A piece of the text: a paragraph (or a line of one, or a sentence that starts something new), with its offsets. */
interface Unit {
  start: number;
  end: number;
  text: string;
  short: boolean;
  /** A sentence that opens with a plea ("A message from…", "Dear readers,"): it starts a section of its own. */
  opens: boolean;
  /** A blank line comes before it. */
  gap: boolean;
  /** It holds a plea phrase somewhere: a plea section goes on through it past a blank line. */
  pleads: boolean;
}

/** A line this short, without a full stop at its end, reads as a link, a menu entry or a heading. */
const SHORT_LINE_CHARS = 40;
const MIN_LINE_RUN = 3;
const OFFSET = 'data-tidings-offset';

const PLEA_LISTS = listSet(pleaLists);
/** What segmenting asks of a sentence's words. */
interface PleaReader {
  /** It opens a plea: it begins with a plea phrase, in the plea's own voice. */
  opens(sentence: string): boolean;
  /** It holds a plea phrase. */
  pleads(sentence: string): boolean;
}

function isShort(line: string): boolean {
  return line.length <= SHORT_LINE_CHARS && !/[.!?]["'”’)]?$/.test(line);
}

/**
 * Where a line's sentences begin: after . ! ? … (and a closing quote) before a capital, with or without a
 * space — scraped text often glues them ("possible.A Message") — and after a colon or comma glued to a
 * capital ("Times:Dear readers,We"), which only a scraper writes.
 */
const sentenceStart = /(?<=[.!?…]["'”’»)\]]?)\s*(?=\p{Lu})|(?<=[:,])(?=\p{Lu})/gu;

/** The sentences of a line, with their offsets in the text (`offset`: where the line starts). */
function sentences(line: string, offset: number): { start: number; end: number; text: string }[] {
  const found: { start: number; end: number; text: string }[] = [];
  let from = 0;
  const cut = (to: number, next: number): void => {
    const piece = line.slice(from, to);
    const trimmed = piece.trim();
    if (trimmed) {
      const lead = piece.indexOf(trimmed);
      found.push({ start: offset + from + lead, end: offset + from + lead + trimmed.length, text: trimmed });
    }
    from = next;
  };
  for (const match of line.matchAll(sentenceStart)) cut(match.index!, match.index! + match[0].length);
  cut(line.length, line.length);
  return found;
}

/**
 * The units of the text. A line made of short entries stays a line; any other line is read sentence by
 * sentence, and its sentences stay one paragraph unless one of them opens a plea ("A message from…",
 * "Dear readers,"): that one starts a unit of its own, so the plea can be cut from the story at the very
 * character where it begins, even when a scraper glued it onto the story's last sentence.
 */
function units(text: string, reader: PleaReader): Unit[] {
  const found: Unit[] = [];
  const line = /[^\n]*/g;
  let gap = false;
  for (const match of text.matchAll(line)) {
    const raw = match[0];
    const trimmed = raw.trim();
    if (!trimmed) {
      // Every line ends in an empty match; an empty line between two others is a blank line.
      if (match.index !== 0 && text[match.index! - 1] === '\n') gap = true;
      continue;
    }
    const start = (match.index ?? 0) + raw.indexOf(trimmed);
    if (isShort(trimmed)) {
      found.push({ start, end: start + trimmed.length, text: trimmed, short: true, opens: false, gap, pleads: reader.pleads(trimmed) });
      gap = false;
      continue;
    }
    let current = null as Unit | null;
    for (const sentence of sentences(trimmed, start)) {
      const short = isShort(sentence.text);
      // A plea that goes on for several sentences is one unit: only its first sentence opens it.
      const opens: boolean = !(current?.opens ?? false) && reader.opens(sentence.text);
      if (current && !opens && !short && !current.short) {
        current.end = sentence.end;
        current.text = text.slice(current.start, current.end);
        current.pleads ||= reader.pleads(sentence.text);
        continue;
      }
      current = { ...sentence, short, opens, gap: gap && current === null, pleads: reader.pleads(sentence.text) };
      found.push(current);
    }
    gap = false;
  }
  return found;
}

function buildDocument(doc: Document, parts: Unit[]): Element {
  const root = doc.createElement('div');
  let section: Element = root;
  /** A section opened by a plea sentence, not a heading: it ends at the next blank line. */
  let pleaSection = false;
  /** The current section holds a plea already: a plea sentence goes on with it rather than open another. */
  let sectionPleads = false;
  let list: Element | null = null;
  for (let i = 0; i < parts.length; i++) {
    const unit = parts[i]!;
    // A plea set apart by a blank line ends there, unless what follows still pleads.
    if (unit.gap && pleaSection && !unit.pleads) {
      section = root;
      pleaSection = false;
      sectionPleads = false;
    }
    const inRun = unit.short && (runLength(parts, i) >= MIN_LINE_RUN || list !== null);
    if (!inRun) list = null;
    if (inRun) {
      if (!list) {
        // A wall of lines ends the section it follows: it is no part of the story or plea above it.
        list = doc.createElement('ul');
        list.setAttribute(LINE_WALL_ATTRIBUTE, '');
        root.append(list);
        section = root;
        pleaSection = false;
        sectionPleads = false;
      }
      const item = doc.createElement('li');
      const link = doc.createElement('a');
      // The scrape lost the lines' addresses; each led to another page (a bare "#" is the page's own way around).
      link.setAttribute('href', '/');
      link.textContent = unit.text;
      item.setAttribute(OFFSET, String(i));
      item.append(link);
      list.append(item);
    } else if (unit.short) {
      // Headings in a row ("A Message from …:" then "Dear readers,") open one section together.
      if (!isHeadingsOnly(section)) {
        section = doc.createElement('section');
        root.append(section);
        sectionPleads = false;
      }
      pleaSection = false;
      sectionPleads ||= unit.pleads;
      const heading = doc.createElement('h2');
      heading.textContent = unit.text;
      heading.setAttribute(OFFSET, String(i));
      section.append(heading);
    } else {
      if (unit.opens && !isHeadingsOnly(section) && !sectionPleads) {
        section = doc.createElement('section');
        root.append(section);
        pleaSection = true;
      }
      if (section !== root) sectionPleads ||= unit.pleads;
      const paragraph = doc.createElement('p');
      paragraph.textContent = unit.text;
      paragraph.setAttribute(OFFSET, String(i));
      section.append(paragraph);
    }
  }
  return root;
}

function isHeadingsOnly(section: Element): boolean {
  return section.localName === 'section' && [...section.children].every((child) => child.localName === 'h2');
}

function runLength(parts: Unit[], from: number): number {
  let length = 0;
  while (parts[from + length]?.short) length++;
  return length;
}

/** The units an element covers, as one offset range. */
function range(element: Element, parts: Unit[]): { start: number; end: number } | null {
  const marked = [element, ...element.querySelectorAll(`[${OFFSET}]`)]
    .map((node) => node.getAttribute(OFFSET))
    .filter((value): value is string => value !== null)
    .map(Number);
  if (marked.length === 0) return null;
  return { start: parts[Math.min(...marked)]!.start, end: parts[Math.max(...marked)]!.end };
}


/** Distinct plea phrases and amounts a paragraph of plain text needs to be a plea of its own: one alone is how a story mentions an appeal. */
const STANDALONE_PLEA_EVIDENCE = 2;

/** Two pieces of plea evidence, not one phrase in passing. */
function standalonePlea(stats: BlockStats): boolean {
  return matchedPhrases(stats, pleaLists).length >= STANDALONE_PLEA_EVIDENCE;
}

/**
 * Scans plain text. `doc` only lends its DOM implementation (defaults to the global document; the
 * CLI passes a jsdom document).
 */
export function scanText(text: string, options: ScanOptions, doc?: Document): { clean: string; findings: TextFinding[] } {
  const host = doc ?? globalThis.document;
  if (!host) throw new Error('scanText needs a DOM: pass a Document (e.g. from jsdom) where there is no global document');
  const page = host.implementation.createHTMLDocument('');
  const lang = options.lang ?? detectTextLanguage(text);
  const matcher = matcherFor({ langs: [lang, 'en'], userPhrases: options.userPhrases ?? {} });
  const reader: PleaReader = {
    // A sentence with a quotation mark is someone's words reported ("'Support us,' she said"), not a plea's own.
    opens: (sentence) => !anyQuotation.test(sentence) && matcher.match(sentence, PLEA_LISTS).some((hit) => hit.index === 0),
    pleads: (sentence) => matcher.match(sentence, PLEA_LISTS).length > 0,
  };
  const parts = units(text, reader);
  page.body.append(buildDocument(page, parts));
  const findings: TextFinding[] = [];
  const context = createScanContext(page, { ...options, lang });
  // No markup sets a plea box apart from the story here: a paragraph may be a plea of its own.
  context.standalonePlea = standalonePlea;
  for (const finding of scanRoot(page.body, context)) {
    const covered = range(finding.element, parts);
    if (!covered) continue;
    const { detectorId, kind, score, reasons } = finding;
    findings.push({ detectorId, kind, score, reasons, ...covered, text: text.slice(covered.start, covered.end) });
  }
  findings.sort((a, b) => a.start - b.start);
  let clean = '';
  let position = 0;
  for (const finding of findings) {
    clean += text.slice(position, finding.start);
    position = finding.end;
  }
  clean += text.slice(position);
  return { clean: clean.replace(/\n{3,}/g, '\n\n').trim(), findings };
}
