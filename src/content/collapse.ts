// Collapse and reveal, keeping the page intact: the element stays in the DOM, hidden with an inline
// `display: none !important`, and gets its own display back on reveal. Optionally a placeholder bar stands in
// its place. Also owns what a collapsed overlay changed around it (scroll lock, backdrops).
//
// The marks left in the page (data-tidings-collapsed, -revealed, -backdrop, -id, the placeholder's -for) carry
// ids only, never a detector's name: a page must not learn which detectors the reader has on. A page can put the
// same attributes on its own elements, so which elements are really marked is kept in a WeakSet (`marks`) that
// the scan consults.
import type { DetectorId, Kind, OwnMarks } from '../core/types';
import type { FindingSummary } from '../messages';
import type { PlaceholderMode } from '../settings/schema';
import { findBackdrops, isOverlay } from './overlay';
import { createPlaceholder } from './placeholder';
import { ScrollUnlocker } from './scroll';

export type CollapseSource = DetectorId | 'user-selector';

/** HTML and SVG elements alike carry an inline style we can set and restore. */
export type StyledElement = Element & ElementCSSInlineStyle;

/** Duck-typed: `instanceof` fails across the page/content-script boundary (Firefox Xrays, other windows). */
export function isStyled(element: Element): element is StyledElement {
  return 'style' in element;
}

export interface CollapseRequest {
  element: StyledElement;
  detectorId: CollapseSource;
  kind: Kind;
  reasons: string[];
  /** For 'user-selector': the selector that matched, so removing it reveals exactly its blocks. */
  selector?: string;
}

/** An element's own inline display before we hid it. */
interface SavedDisplay {
  element: StyledElement;
  value: string;
  priority: string;
  hadStyle: boolean;
}

export interface CollapsedBlock extends CollapseRequest {
  id: string;
  snippet: string;
  /** Shown again by the reader ("Show") for this visit; still listed in the popup. */
  revealed: boolean;
}

interface Entry extends CollapsedBlock {
  saved: SavedDisplay[];
  placeholder: HTMLElement | null;
  overlay: boolean;
  /** Where the placeholder goes: the block, or the hidden backdrop container around an overlay. */
  anchor: Element;
}

export interface CollapserEvents {
  /** The reader asked for "Always show on this site" on a block. */
  alwaysShow(block: CollapsedBlock): void;
  /** What the placeholder's "Why?" lists for a block (it is shown in the page). */
  placeholderReasons(block: CollapsedBlock): string[];
  /** Something changed that the popup count or badge shows. */
  changed(): void;
}

const SNIPPET_LENGTH = 80;
/**
 * Blocks one page may have collapsed at once. Each costs a placeholder with a shadow root of its own; a page that
 * adds appeals and never removes them must not make the content script grow without end.
 */
export const MAX_COLLAPSED_BLOCKS = 1000;
/** Our marks on blocks: a cheap first filter, confirmed by the WeakSet of the elements we marked. */
const MARKED = '[data-tidings-collapsed], [data-tidings-revealed], [data-tidings-backdrop]';

function hide(element: StyledElement): SavedDisplay {
  const saved = {
    element,
    value: element.style.getPropertyValue('display'),
    priority: element.style.getPropertyPriority('display'),
    hadStyle: element.hasAttribute('style'),
  };
  element.style.setProperty('display', 'none', 'important');
  return saved;
}

function restore({ element, value, priority, hadStyle }: SavedDisplay): void {
  if (value === '') element.style.removeProperty('display');
  else element.style.setProperty('display', value, priority);
  if (!hadStyle && element.getAttribute('style') === '') element.removeAttribute('style');
}

/** Text under these elements never shows on the page. */
const UNSEEN_TEXT_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

export function snippetOf(element: Element): string {
  // Bounded read (a huge block must not cost a full text serialisation per collapse), with a space
  // between text of different elements so "support us" and "Independent…" in sibling blocks stay apart.
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  const pieces: string[] = [];
  let length = 0;
  let previousParent: Node | null = null;
  for (let node = walker.nextNode(); node && length < SNIPPET_LENGTH * 4; node = walker.nextNode()) {
    const parent = node.parentNode;
    if (parent && UNSEEN_TEXT_PARENTS.has(parent.nodeName)) continue;
    const data = (node as Text).data;
    if (previousParent !== null && parent !== previousParent) pieces.push(' ');
    pieces.push(data);
    length += data.length;
    previousParent = parent;
  }
  const text = pieces.join('').replace(/\s+/g, ' ').trim();
  return text.length > SNIPPET_LENGTH ? `${text.slice(0, SNIPPET_LENGTH - 1)}…` : text;
}

export class Collapser {
  private readonly entries = new Map<string, Entry>();
  private readonly scroll: ScrollUnlocker;
  /** Every element marked by us: collapsed and revealed blocks, hidden backdrops, placeholders. */
  private readonly own = new WeakSet<Element>();
  private nextId = 1;

  constructor(
    private readonly doc: Document,
    private mode: PlaceholderMode,
    private readonly events: CollapserEvents,
  ) {
    this.scroll = new ScrollUnlocker(doc);
  }

  /** Which marked elements are ours, for the scan and the content script; read-only to them. */
  get marks(): OwnMarks {
    return this.own;
  }

  /** Blocks currently hidden (not counting those the reader revealed). */
  get count(): number {
    let count = 0;
    for (const entry of this.entries.values()) if (!entry.revealed) count += 1;
    return count;
  }

  /** Whether `element` is (or is inside) a block or backdrop we hid, or a block the reader revealed. */
  covers(element: Element): boolean {
    for (let marked = element.closest(MARKED); marked !== null; marked = marked.parentElement?.closest(MARKED) ?? null) {
      if (this.own.has(marked)) return true;
    }
    return false;
  }

  /** Collapses a block; null when the page already has MAX_COLLAPSED_BLOCKS collapsed. */
  collapse(request: CollapseRequest): CollapsedBlock | null {
    if (this.entries.size >= MAX_COLLAPSED_BLOCKS) return null;
    const id = `t${this.nextId++}`;
    const { element } = request;
    const entry: Entry = {
      ...request,
      id,
      snippet: snippetOf(element),
      revealed: false,
      // The scroll lock undone for an overlay is the page's; a frame's overlay is hidden like any block.
      overlay: element.ownerDocument === this.doc && isOverlay(element),
      saved: [],
      placeholder: null,
      anchor: element,
    };
    element.setAttribute('data-tidings-collapsed', '');
    element.setAttribute('data-tidings-id', id);
    this.own.add(element);
    if (entry.overlay) {
      for (const backdrop of findBackdrops(element, this.own)) {
        if (!isStyled(backdrop) || this.own.has(backdrop)) continue;
        backdrop.setAttribute('data-tidings-backdrop', id);
        this.own.add(backdrop);
        entry.saved.push(hide(backdrop));
        if (backdrop.contains(entry.anchor)) entry.anchor = backdrop;
      }
    }
    entry.saved.unshift(hide(element));
    if (entry.overlay) this.scroll.hold(id);
    this.entries.set(id, entry);
    this.renderPlaceholder(entry);
    this.events.changed();
    return entry;
  }

  /** Undoes a collapse. `byReader`: the reader's "Show" — the block stays listed and marked revealed. */
  reveal(id: string, byReader: boolean): boolean {
    const entry = this.entries.get(id);
    if (entry === undefined || entry.revealed) return false;
    this.undo(entry);
    if (byReader) {
      entry.revealed = true;
      entry.element.setAttribute('data-tidings-revealed', id);
      this.own.add(entry.element);
    } else {
      this.entries.delete(id);
    }
    this.events.changed();
    return true;
  }

  /** Reveals (without marking) every collapsed block the predicate selects, e.g. when its detector is switched off. */
  revealWhere(predicate: (block: CollapsedBlock) => boolean): void {
    for (const entry of [...this.entries.values()]) {
      if (!entry.revealed && predicate(entry)) this.reveal(entry.id, false);
    }
  }

  setMode(mode: PlaceholderMode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    for (const entry of this.entries.values()) if (!entry.revealed) this.renderPlaceholder(entry);
  }

  /** Forgets blocks the page removed from the document (their placeholders go too). */
  prune(): void {
    let pruned = false;
    for (const entry of [...this.entries.values()]) {
      if (entry.element.isConnected) continue;
      this.undo(entry);
      this.entries.delete(entry.id);
      pruned = true;
    }
    if (pruned) this.events.changed();
  }

  summaries(): FindingSummary[] {
    return [...this.entries.values()].map(({ id, detectorId, kind, reasons, snippet, revealed }) => ({
      id,
      detectorId,
      kind,
      reasons,
      snippet,
      revealed,
    }));
  }

  private undo(entry: Entry): void {
    entry.placeholder?.remove();
    entry.placeholder = null;
    // The block and its hidden backdrops: each gets its display back and loses our marks.
    for (const saved of entry.saved) {
      restore(saved);
      saved.element.removeAttribute('data-tidings-backdrop');
      this.own.delete(saved.element);
    }
    entry.saved = [];
    entry.element.removeAttribute('data-tidings-collapsed');
    entry.element.removeAttribute('data-tidings-id');
    if (entry.overlay) this.scroll.drop(entry.id);
  }

  private renderPlaceholder(entry: Entry): void {
    entry.placeholder?.remove();
    entry.placeholder = null;
    if (this.mode !== 'placeholder' || !entry.anchor.isConnected) return;
    // Made by the document it goes into: a block may sit in a same-origin frame.
    entry.placeholder = createPlaceholder(entry.anchor.ownerDocument, entry, {
      show: () => this.reveal(entry.id, true),
      alwaysShow: () => this.events.alwaysShow(entry),
      reasons: () => this.events.placeholderReasons(entry),
    });
    this.own.add(entry.placeholder);
    entry.anchor.before(entry.placeholder);
  }
}
