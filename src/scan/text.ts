// Plain text runs through the very same detectors: the text becomes a small DOM (paragraphs → <p>,
// a heading line opens a <section>, runs of short lines → a list of link-like items, since a wall of
// one-word lines is the text form of a link wall), is scanned, and the findings map back to offsets.
import type { DetectorId, Finding, Kind, ScanOptions } from '../core/types';
import { createScanContext, scanRoot } from './scan';
import { detectTextLanguage } from './language';
import { pleaLists } from './phrases';
import { LINE_WALL_ATTRIBUTE, matchedPhrases, type BlockStats } from './stats';

export interface TextFinding {
  detectorId: DetectorId;
  kind: Kind;
  score: number;
  reasons: string[];
  /** Offsets into the original text; `text` is that slice. */
  start: number;
  end: number;
  text: string;
}

/** A piece of the text: a paragraph (or a line of a mixed paragraph), with its offsets. */
interface Unit {
  start: number;
  end: number;
  text: string;
  short: boolean;
}

/** A line this short, without a full stop at its end, reads as a link, a menu entry or a heading. */
const SHORT_LINE_CHARS = 40;
const MIN_LINE_RUN = 3;
const OFFSET = 'data-tidings-offset';

function isShort(line: string): boolean {
  return line.length <= SHORT_LINE_CHARS && !/[.!?]["'”’)]?$/.test(line);
}

/** Paragraphs separated by blank lines; a paragraph made mostly of short lines splits into its lines. */
function units(text: string): Unit[] {
  const found: Unit[] = [];
  const paragraph = /[^\n]+(?:\n[ \t]*[^\s][^\n]*)*/g;
  for (const match of text.matchAll(paragraph)) {
    const start = match.index ?? 0;
    const lines: Unit[] = [];
    let offset = start;
    for (const raw of match[0].split('\n')) {
      const trimmed = raw.trim();
      if (trimmed) {
        const lead = raw.indexOf(trimmed);
        lines.push({ start: offset + lead, end: offset + lead + trimmed.length, text: trimmed, short: isShort(trimmed) });
      }
      offset += raw.length + 1;
    }
    const shortLines = lines.filter((line) => line.short).length;
    if (lines.length > 1 && shortLines * 2 >= lines.length) found.push(...lines);
    else if (lines.length > 0) {
      const whole = lines.map((line) => line.text).join(' ');
      found.push({ start: lines[0]!.start, end: lines[lines.length - 1]!.end, text: whole, short: lines.length === 1 && isShort(whole) });
    }
  }
  return found;
}

function buildDocument(doc: Document, parts: Unit[]): Element {
  const root = doc.createElement('div');
  let section: Element = root;
  let list: Element | null = null;
  for (let i = 0; i < parts.length; i++) {
    const unit = parts[i]!;
    const inRun = unit.short && (runLength(parts, i) >= MIN_LINE_RUN || list !== null);
    if (!inRun) list = null;
    if (inRun) {
      if (!list) {
        // A wall of lines ends the section it follows: it is no part of the story or plea above it.
        list = doc.createElement('ul');
        list.setAttribute(LINE_WALL_ATTRIBUTE, '');
        root.append(list);
        section = root;
      }
      const item = doc.createElement('li');
      const link = doc.createElement('a');
      link.setAttribute('href', '#');
      link.textContent = unit.text;
      item.setAttribute(OFFSET, String(i));
      item.append(link);
      list.append(item);
    } else if (unit.short) {
      section = doc.createElement('section');
      root.append(section);
      const heading = doc.createElement('h2');
      heading.textContent = unit.text;
      heading.setAttribute(OFFSET, String(i));
      section.append(heading);
    } else {
      const paragraph = doc.createElement('p');
      paragraph.textContent = unit.text;
      paragraph.setAttribute(OFFSET, String(i));
      section.append(paragraph);
    }
  }
  return root;
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

/** Longest paragraph of plain text that may be a plea of its own amid the story. */
const STANDALONE_PLEA_CHARS = 320;
/** Distinct plea phrases and amounts it needs: one alone is how a story mentions an appeal. */
const STANDALONE_PLEA_EVIDENCE = 2;
/** Quotation marks: a story reports an appeal in someone's words, a plea speaks in its own. */
const quotation = /["\u201c\u201d\u201e\u00ab\u00bb\u300c\u300d]/;

/** A short paragraph that is a plea through and through: two pieces of plea evidence, not one phrase in passing, and no quotation. */
function standalonePlea(finding: Finding, stats: BlockStats): boolean {
  return finding.kind !== 'linkfarm' && stats.paragraphs === 1 && stats.pleaParagraphs === 1
    && stats.textLength <= STANDALONE_PLEA_CHARS && matchedPhrases(stats, pleaLists).length >= STANDALONE_PLEA_EVIDENCE
    && !quotation.test(finding.element.textContent ?? '');
}

/**
 * Scans plain text. `doc` only lends its DOM implementation (defaults to the global document; the
 * CLI passes a jsdom document).
 */
export function scanText(text: string, options: ScanOptions, doc?: Document): { clean: string; findings: TextFinding[] } {
  const host = doc ?? globalThis.document;
  if (!host) throw new Error('scanText needs a DOM: pass a Document (e.g. from jsdom) where there is no global document');
  const page = host.implementation.createHTMLDocument('');
  const parts = units(text);
  page.body.append(buildDocument(page, parts));
  const lang = options.lang ?? detectTextLanguage(text);
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
