// A CSS selector for a block the reader picked, kept as a rule for the site: it must find the same block on the
// next visit, when the page was built again. So it leans on what a site keeps from one build to the next — ids and
// class names a person wrote, test ids — and leaves out what a build or a framework makes up every time: generated
// ids ("ember1234", ":r1:", "post-84213"), hashed class names (CSS modules' "Header_title__a1B2c", styled-components'
// "sc-bdfBwQ" and "kQdJxH", emotion's "css-1x2y3z", JSS's "makeStyles-root-12"). Where nothing stable tells the block
// apart, its place among its siblings does (:nth-of-type). Pure DOM reading, no extension APIs (unit-tested on
// hostile markup in jsdom).
import { MAX_SELECTOR_PARTS, selectorCost } from '../settings/selector-cost';

/** Attributes sites set for their tests and components, stable across builds. */
const STABLE_ATTRIBUTES = ['data-testid', 'data-test', 'data-qa', 'data-component', 'data-module'];
/** Class names of CSS-in-JS libraries, made up at build or run time. */
const GENERATED_PREFIXES = /^(?:css|sc|jss|jsx|svelte|emotion|styled|chakra|mui|ember|react|radix|headlessui)$/i;
/** Longer names are taken for generated ones (hashes, encoded state). */
const LONGEST_NAME = 40;
/** At most this many class names name one element in a rule. */
const CLASSES_PER_PART = 2;

/**
 * Whether an id, a class name or an attribute value looks made up by a build or a framework rather than written by
 * a person: too long, a framework's prefix, a part that mixes letters and digits or holds 3+ digits, a short part
 * in random case ("bdfBwQ"), or characters no person puts in a name (":r1:").
 */
export function looksGenerated(name: string): boolean {
  if (name.length > LONGEST_NAME || /[^\p{L}\p{N}_-]/u.test(name) || /^\d/.test(name)) return true;
  const parts = name.split(/[-_]+/).filter((part) => part !== '');
  if (parts.length === 0) return true;
  if (parts.length > 1 && GENERATED_PREFIXES.test(parts[0]!)) return true;
  return parts.some(
    (part) =>
      /\d{3,}/.test(part) ||
      (part.length >= 4 && /\d/.test(part) && /[a-z]/i.test(part)) ||
      (part.length >= 5 && part.length <= 8 && /[a-z].*[A-Z].*[A-Z]|[A-Z].*[a-z].*[A-Z].*[a-z]/.test(part) && !/^[A-Z]?[a-z]+(?:[A-Z][a-z]+)+$/.test(part)),
  );
}

function cssEscape(value: string): string {
  return typeof CSS !== 'undefined' && typeof CSS.escape === 'function' ? CSS.escape(value) : value.replace(/[^\w-]/g, (char) => `\\${char}`);
}

/**
 * An element's own part of a rule: its tag with a stable id (`unique`), else with a test attribute or stable classes
 * (`stable`), else its tag alone.
 */
function ownPart(element: Element): { part: string; unique: boolean; stable: boolean } {
  const tag = element.localName;
  const id = element.getAttribute('id');
  if (id && !looksGenerated(id)) return { part: `${tag}#${cssEscape(id)}`, unique: true, stable: true };
  for (const name of STABLE_ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value && !looksGenerated(value)) return { part: `${tag}[${name}="${value}"]`, unique: false, stable: true };
  }
  const classes = [...element.classList].filter((name) => !looksGenerated(name)).slice(0, CLASSES_PER_PART);
  return { part: tag + classes.map((name) => `.${cssEscape(name)}`).join(''), unique: false, stable: classes.length > 0 };
}

/** `part`, with the element's place among its siblings of the same tag when others there match `part` too. */
function placed(element: Element, part: string): string {
  const parent = element.parentElement;
  if (parent === null) return part;
  const alike = [...parent.children].filter((sibling) => sibling.matches(part));
  if (alike.length <= 1) return part;
  const sameTag = [...parent.children].filter((sibling) => sibling.localName === element.localName);
  return `${part}:nth-of-type(${sameTag.indexOf(element) + 1})`;
}

function matchesOnly(root: ParentNode, selector: string, element: Element): boolean {
  const found = root.querySelectorAll(selector);
  return found.length === 1 && found[0] === element;
}

/**
 * A selector that finds `element` (alone, where the page allows it) in its document: its own part, then its
 * ancestors' joined with " > ", until it names the element alone with at least one stable part (places alone,
 * "div:nth-of-type(2)", change with any rebuild), or reaches an element with a stable id. At most MAX_SELECTOR_PARTS
 * parts, so the settings accept it (see selector-cost.ts).
 */
export function selectorFor(element: Element): string {
  const root = element.ownerDocument;
  const path: string[] = [];
  let anchored = false;
  for (let node: Element | null = element; node !== null && node !== root.documentElement; node = node.parentElement) {
    const { part, unique, stable } = ownPart(node);
    path.unshift(unique ? part : placed(node, part));
    anchored ||= stable || node === root.body;
    const selector = path.join(' > ');
    const done = unique || (anchored && matchesOnly(root, selector, element)) || path.length === MAX_SELECTOR_PARTS;
    if (done && selectorCost(selector) === null) return selector;
  }
  return path.join(' > ');
}
