// `tidings outline PAGE`: a saved page's block structure, for labelling it by reading (docs/labelling.md) before
// Tidings' own output has been looked at; `--check SELECTOR…` tells whether each label's selector names exactly one
// element. The page is decoded as every other command decodes it (page.ts), and no detector runs.
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs, wholeNumberFlag } from './args';
import { UsageError } from './errors';
import type { CliIo } from './io';
import { closePage, parseHtml } from './page';
import { excerpt, normalizeWhitespace, visibleText } from './text';

export const OUTLINE_USAGE = 'tidings outline FILE.html [--min-chars N] [--depth N] | tidings outline FILE.html --check SELECTOR…';

/** Elements whose subtree a reader never sees as text, or that hold no block to label. */
const UNREAD = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head']);
/** Form controls: a sign-up box may be all fields and almost no text. */
const FIELDS = 'form, input, button, select, textarea';
/** Class names shown per element: enough to tell a block, short enough for one line. */
const SHOWN_CLASSES = 4;

/** Elements matching `selector` in the element's subtree, the element itself included. */
function countWithin(element: Element, selector: string): number {
  return element.querySelectorAll(selector).length + (element.matches(selector) ? 1 : 0);
}

/** "div#id.class1.class2": the element's tag, id and first class names. */
function nameOf(element: Element): string {
  const classes = (element.getAttribute('class') ?? '').split(/\s+/).filter(Boolean).slice(0, SHOWN_CLASSES);
  return `${element.localName}${element.id ? `#${element.id}` : ''}${classes.map((name) => `.${name}`).join('')}`;
}

/**
 * One line per element with at least `minChars` characters of visible text or a form control, indented by depth (at
 * most `maxDepth` levels): its name, [characters, links, form controls] and its first words. An element too short to
 * list is not looked into (its parts are shorter still). Without recursion: pages nest thousands deep.
 */
export function outlineLines(doc: Document, minChars: number, maxDepth: number): string[] {
  const lines = [`title: ${normalizeWhitespace(doc.title)}  lang: ${doc.documentElement?.getAttribute('lang') ?? '?'}`];
  const root = doc.body ?? doc.documentElement;
  const pending: Array<[Element, number]> = root ? [[root, 0]] : [];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [element, depth] = next;
    if (UNREAD.has(element.localName) || depth > maxDepth) continue;
    const text = visibleText(element);
    const fields = countWithin(element, FIELDS);
    if (text.length < minChars && fields === 0) continue;
    const links = countWithin(element, 'a[href]');
    lines.push(`${'  '.repeat(depth)}${nameOf(element)} [${text.length}c ${links}a${fields ? ` ${fields}f` : ''}] ${excerpt(text, 90)}`);
    for (let child = element.lastElementChild; child; child = child.previousElementSibling) pending.push([child, depth + 1]);
  }
  return lines;
}

/** Per selector: whether it names exactly one element ("ok"), and that element's first words. */
export function checkSelectors(doc: Document, selectors: readonly string[]): { lines: string[]; allUnique: boolean } {
  let allUnique = true;
  const lines = selectors.map((selector) => {
    let matches: Element[];
    try {
      matches = [...doc.querySelectorAll(selector)];
    } catch {
      allUnique = false;
      return `invalid  ${selector}`;
    }
    if (matches.length !== 1) allUnique = false;
    const status = matches.length === 1 ? 'ok' : matches.length === 0 ? 'none' : `${matches.length} matches`;
    return `${status.padEnd(8)} ${selector}${matches[0] ? `  :: ${excerpt(visibleText(matches[0]))}` : ''}`;
  });
  return { lines, allUnique };
}

export function outlineCommand(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, { check: 'flag', 'min-chars': 'value', depth: 'value' });
  const [file, ...selectors] = args.positionals;
  if (file === undefined) throw new UsageError('outline needs a file');
  const check = args.flags.has('check');
  if (check && selectors.length === 0) throw new UsageError('--check needs at least one selector');
  if (!check && selectors.length > 0) throw new UsageError('outline reads one file; selectors to check come after --check');
  const minChars = wholeNumberFlag(args, 'min-chars', 40);
  const maxDepth = wholeNumberFlag(args, 'depth', 40);
  if (!existsSync(file)) {
    io.err(`${file}: file not found`);
    return 1;
  }
  const dom = parseHtml(readFileSync(file));
  try {
    const doc = dom.window.document;
    if (!check) {
      for (const line of outlineLines(doc, minChars, maxDepth)) io.out(line);
      return 0;
    }
    // Exit 1 when a label's selector would not name its block (none, several, or not CSS at all).
    const { lines, allUnique } = checkSelectors(doc, selectors);
    for (const line of lines) io.out(line);
    return allUnique ? 0 : 1;
  } finally {
    closePage(dom);
  }
}
