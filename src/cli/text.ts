// How the CLI measures text, as corpus/README.md defines it: visible text excludes the contents of
// script, style, noscript and template; whitespace runs count as one space.

const INVISIBLE_CONTAINERS = new Set(['script', 'style', 'noscript', 'template']);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Characters a text node contributes once whitespace is normalised (whitespace-only nodes count 0). */
export function measuredLength(text: string): number {
  return normalizeWhitespace(text).length;
}

/** True for elements whose text a reader never sees, so measurements skip their subtree. */
function hidesItsText(element: Element): boolean {
  return INVISIBLE_CONTAINERS.has(element.localName);
}

function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

function isText(node: Node): node is Text {
  return node.nodeType === TEXT_NODE;
}

export interface TreeVisitor {
  enterElement?(element: Element): void;
  exitElement?(element: Element): void;
  text?(node: Text): void;
}

/**
 * Walks root's subtree in document order without recursion (pages can nest thousands deep),
 * calling enterElement/exitElement around each element's content and text for each visible text node.
 */
export function walkVisible(root: Element, visitor: TreeVisitor): void {
  let node: Node | null = root;
  while (node) {
    if (isElement(node)) {
      visitor.enterElement?.(node);
      if (!hidesItsText(node) && node.firstChild) {
        node = node.firstChild;
        continue;
      }
    } else if (isText(node)) {
      visitor.text?.(node);
    }
    // node has no (visible) children: close it and every ancestor whose last child it is.
    while (node) {
      if (isElement(node)) visitor.exitElement?.(node);
      if (node === root) {
        node = null;
      } else if (node.nextSibling) {
        node = node.nextSibling;
        break;
      } else {
        node = node.parentNode;
      }
    }
  }
}

/** The element's visible text, whitespace-normalised. */
export function visibleText(element: Element): string {
  const pieces: string[] = [];
  walkVisible(element, { text: (node) => pieces.push(node.data) });
  return normalizeWhitespace(pieces.join(''));
}

/** First `max` characters of the element's visible text, for one-line listings. */
export function excerpt(text: string, max = 80): string {
  const normalized = normalizeWhitespace(text);
  return normalized.length > max ? normalized.slice(0, max) : normalized;
}
