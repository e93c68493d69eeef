// A CSS path that names exactly one element, in the style corpus labels use:
// `#main > div:nth-of-type(2) > ul` (stops at the nearest ancestor with a unique id).

/** CSSOM's CSS.escape for identifiers (jsdom does not provide CSS.escape). */
export function escapeIdentifier(value: string): string {
  let result = '';
  for (let index = 0; index < value.length; index++) {
    const char = value.charAt(index);
    const code = value.charCodeAt(index);
    if (code === 0) {
      result += '\uFFFD';
    } else if (
      (code >= 0x1 && code <= 0x1f) || code === 0x7f ||
      (index === 0 && code >= 0x30 && code <= 0x39) ||
      (index === 1 && code >= 0x30 && code <= 0x39 && value.charCodeAt(0) === 0x2d)
    ) {
      result += `\\${code.toString(16)} `;
    } else if (index === 0 && value.length === 1 && code === 0x2d) {
      result += `\\${char}`;
    } else if (code >= 0x80 || code === 0x2d || code === 0x5f || /[0-9A-Za-z]/.test(char)) {
      result += char;
    } else {
      result += `\\${char}`;
    }
  }
  return result;
}

function hasUniqueId(element: Element): boolean {
  const id = element.id;
  if (!id) return false;
  const root = element.getRootNode() as Document | DocumentFragment;
  return root.querySelectorAll(`#${escapeIdentifier(id)}`).length === 1;
}

function step(element: Element): string {
  const tag = escapeIdentifier(element.localName);
  let position = 0;
  let sameTagSiblings = 0;
  for (let sibling = element.parentElement?.firstElementChild ?? null; sibling; sibling = sibling.nextElementSibling) {
    if (sibling.localName !== element.localName) continue;
    sameTagSiblings++;
    if (sibling === element) position = sameTagSiblings;
  }
  return sameTagSiblings > 1 ? `${tag}:nth-of-type(${position})` : tag;
}

/** A selector for which root.querySelectorAll(selector) returns exactly `element`. */
export function cssPath(element: Element): string {
  const steps: string[] = [];
  for (let current: Element | null = element; current; current = current.parentElement) {
    if (hasUniqueId(current)) {
      steps.push(`#${escapeIdentifier(current.id)}`);
      break;
    }
    steps.push(step(current));
    // html and body are unique in a document: nothing above them narrows the match.
    if (current.localName === 'body' || current.localName === 'html') break;
  }
  return steps.reverse().join(' > ');
}
