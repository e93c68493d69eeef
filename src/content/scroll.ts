// Paywall and newsletter overlays often lock scrolling (overflow: hidden on <html>/<body>, by inline style or
// class, or a position: fixed body). Hiding the overlay alone would leave the reader stuck, so while a collapsed
// overlay is hidden we undo the lock, remembering exactly what we changed so revealing puts it back.

/** One inline declaration we overrode, with what it was before. */
interface StyleChange {
  element: HTMLElement;
  property: string;
  value: string;
  priority: string;
}

/** How long after an overlay was collapsed a lock applied by the page is still attributed to it. */
const RELOCK_WINDOW_MS = 3000;
/** A page that keeps re-locking gets this many corrections per overlay, then we stop fighting it. */
const MAX_UNLOCKS_PER_HOLD = 5;

/**
 * Overrides an inline declaration, remembering what it was. One record per element and property, the page's latest
 * value: a page that locks again and again while an overlay stays collapsed must not grow the list without end.
 */
function override(element: HTMLElement, property: string, value: string, changes: StyleChange[]): void {
  const change = { element, property, value: element.style.getPropertyValue(property), priority: element.style.getPropertyPriority(property) };
  const at = changes.findIndex((known) => known.element === element && known.property === property);
  if (at >= 0) changes[at] = change;
  else changes.push(change);
  element.style.setProperty(property, value, 'important');
}

function isScrollLocked(style: CSSStyleDeclaration): boolean {
  return style.overflowY === 'hidden' || style.overflowY === 'clip' || style.overflow === 'hidden';
}

/** Keeps the page scrollable while at least one collapsed overlay holds it. */
export class ScrollUnlocker {
  private readonly holders = new Set<string>();
  private changes: StyleChange[] = [];
  private observer: MutationObserver | null = null;
  private watchUntil = 0;
  private unlocks = 0;
  private readonly doc: Document;

  constructor(doc: Document) {
    this.doc = doc;
  }

  /** The overlay `id` was collapsed: unlock now, and again if the page locks right after. */
  hold(id: string): void {
    this.holders.add(id);
    this.watchUntil = Date.now() + RELOCK_WINDOW_MS;
    this.unlocks = 0;
    this.unlock();
    this.watchRelock();
  }

  /** The overlay `id` was revealed: once no overlay holds the page, its own scroll lock comes back. */
  drop(id: string): void {
    if (!this.holders.delete(id) || this.holders.size > 0) return;
    this.observer?.disconnect();
    this.observer = null;
    // Each property gets the page's latest value before our last override.
    for (const change of this.changes) {
      change.element.style.setProperty(change.property, change.value, change.priority);
      if (change.element.getAttribute('style') === '') change.element.removeAttribute('style');
    }
    this.changes = [];
  }

  private unlock(): void {
    const win = this.doc.defaultView;
    const { documentElement: html, body } = this.doc;
    if (win === null || body === null) return;
    const before = this.changes.length;
    for (const element of [html, body]) {
      if (isScrollLocked(win.getComputedStyle(element))) override(element, 'overflow-y', 'visible', this.changes);
    }
    const bodyStyle = win.getComputedStyle(body);
    if (bodyStyle.position === 'fixed') {
      // Scroll-lock libraries pin the body at top: -<scroll offset>px; keep the reader where they were.
      const offset = -parseFloat(bodyStyle.top) || 0;
      override(body, 'position', 'static', this.changes);
      override(body, 'top', 'auto', this.changes);
      if (offset > 0) win.scrollTo(0, offset);
    }
    if (this.changes.length > before) this.unlocks += 1;
    // Our own style writes must not wake the re-lock watch.
    this.observer?.takeRecords();
  }

  private watchRelock(): void {
    const { documentElement: html, body } = this.doc;
    if (this.observer !== null || body === null) return;
    this.observer = new MutationObserver(() => {
      if (Date.now() > this.watchUntil || this.unlocks >= MAX_UNLOCKS_PER_HOLD) return;
      this.unlock();
    });
    for (const element of [html, body]) {
      this.observer.observe(element, { attributes: true, attributeFilter: ['style', 'class'] });
    }
  }
}
