// Goes over the elements of what the page adds, a slice at a time within the batches' time budget: matches the
// reader's own selectors, and finds open shadow roots and frames, which the content script then watches and scans
// like the document. One `querySelectorAll` cannot be cut short — a costly selector on a big page took 14.7 s in
// a single task — so selectors are matched element by element and the sweep stops when the budget is spent,
// going on in the next batch. A selector that costs too much on a page in all is switched off there.
import { isAlive } from './alive';
import { now } from '../scan/steps';

export interface SweepEvents {
  /** `element` matches the reader's `selector`. */
  matched(element: Element, selector: string): void;
  /** An element with an open shadow root, or an iframe or frame element. */
  found(element: Element): void;
  /** `selector` took more than `SweepLimits.selectorMs` on this page: the sweep no longer matches it. */
  overrun(selector: string, spentMs: number): void;
}

export interface SweepLimits {
  /** Time one selector may take on one page, over all its matching, before it is switched off there. */
  selectorMs: number;
  /** Trees waiting at once; past that, whole trees are swept instead (as the batcher does with roots). */
  maxPending: number;
}

export const DEFAULT_SWEEP_LIMITS: SweepLimits = { selectorMs: 1000, maxPending: 2000 };

/**
 * A walk over a root (an element and its subtree, or a whole document or shadow tree) in document order, an element
 * per call, null at the end. A walker rather than a snapshot: `querySelectorAll('*')` of a page of 260 000 elements
 * was one task of 164 ms. What the page adds meanwhile is queued on its own as well (matched once, see matchedElements).
 */
function walkOf(root: Element | Document | ShadowRoot): () => Element | null {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  let rootFirst = root.nodeType === 1;
  return () => {
    // A frame's document the frame left behind ends its walk (in Firefox its walker throws at every step).
    if (!isAlive(root)) return null;
    if (rootFirst) {
      rootFirst = false;
      return root as Element;
    }
    // The page took out the element the walk stood on: the walk starts over rather than end in the removed part.
    if (!walker.currentNode.isConnected) walker.currentNode = root;
    return walker.nextNode() as Element | null;
  };
}

export class ElementSweep {
  private readonly pending = new Set<Element | Document | ShadowRoot>();
  private visit: (() => Element | null) | null = null;
  private selectors: string[] = [];
  /** Matching time spent per selector on this page, in ms. */
  private readonly spent = new Map<string, number>();
  /** Elements the current selectors were matched against already: a sweep of a whole tree matches only the new ones. */
  private matchedElements = new WeakSet<Element>();
  private readonly events: SweepEvents;
  private readonly limits: SweepLimits;

  constructor(events: SweepEvents, limits: SweepLimits = DEFAULT_SWEEP_LIMITS) {
    this.events = events;
    this.limits = limits;
  }

  /** Whether anything is left to sweep. */
  get busy(): boolean {
    return this.visit !== null || this.pending.size > 0;
  }

  /** The selectors to match from now on; a changed list is matched against every element swept from now on. */
  setSelectors(selectors: readonly string[]): void {
    if (selectors.length === this.selectors.length && selectors.every((selector, i) => selector === this.selectors[i])) return;
    this.selectors = [...selectors];
    this.matchedElements = new WeakSet();
    for (const selector of this.spent.keys()) if (!selectors.includes(selector)) this.spent.delete(selector);
  }

  /** Sweeps `root` (an element and its subtree, or a whole document or shadow tree) in a coming slice. */
  queue(root: Element | Document | ShadowRoot): void {
    this.pending.add(root);
    if (this.pending.size <= this.limits.maxPending) return;
    const trees = new Set([...this.pending].map((pending) => pending.getRootNode() as Document | ShadowRoot));
    this.pending.clear();
    for (const tree of trees) this.pending.add(tree);
  }

  clear(): void {
    this.pending.clear();
    this.visit = null;
  }

  /**
   * Sweeps until `deadline` (a `now()` time) or until nothing is left. The clock is read after every
   * element: on a page nested 20 000 deep one element's check of a selector can take a millisecond.
   */
  run(deadline: number): void {
    while (now() < deadline) {
      if (this.visit === null) {
        const next = this.pending.values().next();
        if (next.done) return;
        this.pending.delete(next.value);
        if (isAlive(next.value)) this.visit = walkOf(next.value);
        continue;
      }
      const element = this.visit();
      if (element === null) this.visit = null;
      else if (element.isConnected) this.sweepElement(element);
    }
  }

  private sweepElement(element: Element): void {
    if (element.shadowRoot !== null || element.localName === 'iframe' || element.localName === 'frame') this.events.found(element);
    if (this.selectors.length === 0 || this.matchedElements.has(element)) return;
    this.matchedElements.add(element);
    for (const selector of this.selectors) {
      const started = now();
      const matched = element.matches(selector);
      const spent = (this.spent.get(selector) ?? 0) + now() - started;
      this.spent.set(selector, spent);
      if (matched) this.events.matched(element, selector);
      if (spent > this.limits.selectorMs) {
        this.selectors = this.selectors.filter((kept) => kept !== selector);
        this.events.overrun(selector, spent);
      }
    }
  }
}
