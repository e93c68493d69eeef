// What a CSS selector of the reader's may cost, judged from its text before it is accepted (options page, import,
// stored settings). Matching a selector is work for every element of every page of its site, and some selectors
// make each element's check walk far: `:has()` searches everything inside an element (`:is(div, span, b):not(:has(q))`
// took 14.7 s on a 20 000-element page), and a combinator inside `:is()`, `:where()` or `:not()` makes each element
// search its ancestors. Pure: no DOM (whether a selector parses at all is the DOM's to say, see site.ts). On pages
// the content script still matches selectors a slice at a time and switches off one that costs too much there.

/** Why a selector is refused; each has a message (selector_cost_<reason>) and an English text for validation. */
export type SelectorCostReason = 'has' | 'nested' | 'parts';

/** Parts (compound selectors) one selector of a list may join with combinators. */
export const MAX_SELECTOR_PARTS = 8;

/** English, for validation messages that name the field. */
export const SELECTOR_COST_TEXT: Record<SelectorCostReason, string> = {
  has: 'uses :has(), which makes every element search everything inside it',
  nested: 'puts a combinator or another selector function inside :is(), :where(), :not() or :nth-child(… of …), where only simple selectors such as .ad or [data-x] are allowed',
  parts: `joins more than ${MAX_SELECTOR_PARTS} parts with spaces, >, + or ~`,
};

/** Functions whose argument is a selector list (or, for the nth ones, may end in "of <selectors>"). */
const SELECTOR_FUNCTIONS = new Set(['is', 'where', 'not', 'matches', '-webkit-any', '-moz-any', 'host', 'host-context', 'slotted', 'nth-child', 'nth-last-child']);
const COMBINATORS = new Set(['>', '+', '~']);

/**
 * The selector's text with what cannot hold structure blanked out: escapes, strings and attribute selectors become
 * "x" and "[x]", runs of white space one space, and white space beside , ( ) > + ~ dropped. What white space is left
 * is a descendant combinator.
 */
function skeleton(selector: string): string {
  let out = '';
  for (let i = 0; i < selector.length; i += 1) {
    const char = selector[i]!;
    if (char === '\\') {
      i += 1;
      out += 'x';
    } else if (char === '"' || char === "'") {
      for (i += 1; i < selector.length && selector[i] !== char; i += selector[i] === '\\' ? 2 : 1);
      out += 'x';
    } else if (char === '[') {
      for (let quote = ''; i < selector.length && (quote !== '' || selector[i] !== ']'); i += 1) {
        if (selector[i] === '\\') i += 1;
        else if (quote === '' && (selector[i] === '"' || selector[i] === "'")) quote = selector[i]!;
        else if (selector[i] === quote) quote = '';
      }
      out += '[x]';
    } else {
      out += char;
    }
  }
  return out.replace(/\s+/g, ' ').replace(/ ?([,()>+~]) ?/g, '$1').trim();
}

/** Why `selector` costs too much to match on every page of a site, or null when it does not. */
export function selectorCost(selector: string): SelectorCostReason | null {
  const text = skeleton(selector);
  /** The functions open around the current position; '' for a parenthesis of another function. */
  const open: string[] = [];
  let parts = 1;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    const inSelectorFunction = open.some((name) => name !== '');
    if (char === ':' && text[i + 1] !== ':') {
      const name = /^[-a-z]+(?=\()/i.exec(text.slice(i + 1))?.[0].toLowerCase();
      if (name === undefined) continue;
      if (name === 'has') return 'has';
      const takesSelectors = SELECTOR_FUNCTIONS.has(name);
      if (takesSelectors && inSelectorFunction) return 'nested';
      open.push(takesSelectors ? name : '');
      i += name.length + 1;
    } else if (char === '(') {
      open.push('');
    } else if (char === ')') {
      open.pop();
    } else if (char === ',' && open.length === 0) {
      parts = 1;
    } else if (char === ' ' || COMBINATORS.has(char)) {
      if (open.at(-1)?.startsWith('nth-') === true) {
        // An+B: its spaces and signs are arithmetic; "of" starts a selector list.
        if (/^ of /i.test(text.slice(i))) return 'nested';
      } else if (inSelectorFunction) {
        return 'nested';
      } else if (open.length === 0 && (parts += 1) > MAX_SELECTOR_PARTS) {
        return 'parts';
      }
    }
  }
  return null;
}
