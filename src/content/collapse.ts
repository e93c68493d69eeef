// Collapse and reveal, keeping the page intact: the element stays in the DOM, hidden with an inline
// `display: none !important`, and gets its own display back on reveal. Optionally a placeholder bar stands in
// its place. Also owns what a collapsed overlay changed around it (scroll lock, backdrops).
//
// The marks left in the page (data-tidings-collapsed, -revealed, -backdrop, -id, the placeholder's -for) carry
// ids only, never a detector's name: a page must not learn which detectors the reader has on. A page can put the
// same attributes on its own elements, so which elements are really marked is kept in a WeakSet (`marks`) that
// the scan consults.
import type { DetectorId, Kind, OwnMarks, Reason } from '../core/types';
import type { FindingSummary } from '../messages';
import type { PlaceholderMode } from '../settings/schema';
import { findBackdrops, isOverlay } from './overlay';
import { createBar, type BarContent } from './placeholder';
import { NOTE_TAG, PLACEHOLDER_TAG } from './tags';
import { isAlive } from './alive';
import { detectorLabel, t } from '../ui/i18n';
import { ScrollUnlocker } from './scroll';
import { BACKDROP_MARK, BLOCK_MARKS, COLLAPSED_MARK, ID_MARK, REVEALED_MARK } from '../core/marks';

export type CollapseSource = DetectorId | 'user-selector';

/** Collapsed by one of the reader's own selectors, not by a detector. */
export function byUserSelector(source: CollapseSource): source is 'user-selector' {
  return source === 'user-selector';
}

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
  reasons: Reason[];
  /** For 'user-selector': the selector that matched, so removing it reveals exactly its blocks. */
  selector?: string;
  /** Whether it floats over the page (`Collapser.overlayOf`), read before the page was changed; read now when not given. */
  overlay?: boolean;
  /** Whether the page shows it (`Collapser.shows`), likewise. */
  shown?: boolean | null;
}

/** What a collapse reads of a block's styles, read ahead of the page's first change (`Collapser.lookAt`). */
export type Look = Pick<CollapseRequest, 'overlay' | 'shown'>;

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
  /** Shown again by the reader ("Show") for this visit; still listed in the popup (as `revealed`). */
  shownByReader: boolean;
}

interface Entry extends CollapsedBlock {
  saved: SavedDisplay[];
  /** Its bar while collapsed (the bar of its run, when it leads one), its "Hide again" note once the reader showed it. */
  placeholder: HTMLElement | null;
  /** The first block of the run of adjacent collapsed blocks of its kind that this one is in: one bar stands for them. */
  lead: Entry;
  /** Focus went to the block on "Show" through a tabindex Tidings gave it (taken away on "Hide again"). */
  madeFocusable: boolean;
  overlay: boolean;
  /** Where the placeholder goes: the block, or the hidden backdrop container around an overlay. */
  anchor: Element;
  /**
   * The page itself did not show the block when it was collapsed (a closed dialog, a box of the mobile layout): it
   * gets no bar, which would stand for nothing the reader saw and whose "Show" would show nothing.
   */
  unseen: boolean;
}

export interface CollapserEvents {
  /** The reader asked for "Always show" on a bar: the blocks it stands for, the first leading. */
  alwaysShow(blocks: CollapsedBlock[]): void;
  /** What "Always show" on a bar for these blocks says it reaches ("Always show donation appeals on example.com"). */
  alwaysShowLabel(block: CollapsedBlock): string;
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
/** How long a note offering "Undo" stays once the reader's focus has left it. */
const NOTE_MS = 8000;
/** Our marks on blocks: a cheap first filter, confirmed by the WeakSet of the elements we marked. */
const MARKED = `${BLOCK_MARKS}, [${BACKDROP_MARK}]`;

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
  private readonly entryById = new Map<string, Entry>();
  private readonly scroll: ScrollUnlocker;
  /** Every element marked by us: collapsed and revealed blocks, hidden backdrops, placeholders. */
  private readonly own = new WeakSet<Element>();
  /** Blocks collapsed before the page was laid out, when whether it shows them could not be told. */
  private untold: Entry[] = [];
  private nextId = 1;
  private readonly doc: Document;
  private mode: PlaceholderMode;
  private readonly events: CollapserEvents;

  constructor(doc: Document, mode: PlaceholderMode, events: CollapserEvents) {
    this.doc = doc;
    this.mode = mode;
    this.events = events;
    this.scroll = new ScrollUnlocker(doc);
  }

  /** Which marked elements are ours, for the scan and the content script; read-only to them. */
  get marks(): OwnMarks {
    return this.own;
  }

  /**
   * The styles a collapse of `element` reads, read now: a scan reads every block's before it collapses the first, since
   * a style read after a change makes the browser work out the changed styles there and then, once per block.
   */
  lookAt(element: Element): Look {
    return { overlay: this.overlayOf(element), shown: this.shows(element) };
  }

  /** Whether `element` is an overlay whose scroll lock is undone with it: the page's; a frame's is hidden like any block. */
  private overlayOf(element: Element): boolean {
    return element.ownerDocument === this.doc && isOverlay(element);
  }

  /**
   * Whether the page shows `element`; null while it is not laid out, when that cannot be told (Firefox lays out nothing
   * while the page's style sheets load, and calls every element unseen then, the body too). checkVisibility: Chrome
   * 105, Firefox 106; where there is none (jsdom) the block counts as shown.
   */
  private shows(element: Element): boolean | null {
    return element.ownerDocument.body?.checkVisibility?.() === false ? null : element.checkVisibility?.() !== false;
  }

  /** Blocks currently hidden (not counting those the reader revealed). */
  get count(): number {
    let count = 0;
    for (const entry of this.entryById.values()) if (!entry.shownByReader) count += 1;
    return count;
  }

  /** Whether `element` is (or is inside) a block or backdrop we hid, or a block the reader revealed. */
  covers(element: Element): boolean {
    for (let marked = element.closest(MARKED); marked !== null; marked = marked.parentElement?.closest(MARKED) ?? null) {
      if (this.own.has(marked)) return true;
    }
    return false;
  }

  /**
   * Collapses a block; null when the page already has MAX_COLLAPSED_BLOCKS collapsed, or when it is in a block
   * collapsed or shown, or holds a block the reader showed. Blocks collapsed inside it are given back to it: one block, one bar.
   */
  collapse(request: CollapseRequest): CollapsedBlock | null {
    const { element } = request;
    if (this.entryById.size >= MAX_COLLAPSED_BLOCKS || this.covers(element)) return null;
    const inside = element.querySelector(MARKED) === null ? [] : [...this.entryById.values()].filter((entry) => element.contains(entry.element));
    if (inside.some((entry) => entry.shownByReader)) return null;
    for (const entry of inside) this.reveal(entry.id, false);
    const id = `t${this.nextId++}`;
    const shown = request.shown === undefined ? this.shows(element) : request.shown;
    const entry = {
      ...request,
      id,
      snippet: snippetOf(element),
      shownByReader: false,
      overlay: request.overlay ?? this.overlayOf(element),
      unseen: shown === false,
      saved: [],
      placeholder: null,
      anchor: element,
      madeFocusable: false,
    } as Omit<Entry, 'lead'> as Entry;
    entry.lead = entry;
    this.entryById.set(id, entry);
    // A block collapsed before the page was laid out is looked at again once it has loaded.
    if (shown === null && this.untold.push(entry) === 1) this.doc.defaultView?.addEventListener('load', () => this.tellUnseen(), { once: true });
    this.conceal(entry);
    return entry;
  }

  /**
   * Finds, among the blocks collapsed before the page was laid out, those it does not show: our hiding set aside for a
   * moment (within this task, so nothing is painted), the page's own styles tell. They lose their bars.
   */
  private tellUnseen(): void {
    const untold = this.untold.filter((entry) => this.entryById.get(entry.id) === entry && !entry.shownByReader);
    this.untold = [];
    for (const entry of untold) entry.saved.forEach(restore);
    for (const entry of untold) entry.unseen = this.shows(entry.element) === false;
    for (const entry of untold) {
      entry.saved = entry.saved.map((saved) => hide(saved.element));
      if (!entry.unseen) continue;
      const formerLead = entry.lead;
      this.regroup(formerLead === entry ? this.run(entry) : [entry]);
      if (formerLead !== entry) this.renderPlaceholder(formerLead);
    }
  }

  /** Undoes a collapse. `byReader`: the reader's "Show" — the block stays listed and marked revealed. */
  reveal(id: string, byReader: boolean): boolean {
    const entry = this.entryById.get(id);
    if (entry === undefined || entry.shownByReader) return false;
    const run = this.run(entry.lead).filter((member) => member !== entry);
    this.undo(entry);
    if (byReader) {
      entry.shownByReader = true;
      entry.element.setAttribute(REVEALED_MARK, id);
      this.own.add(entry.element);
      // A slim note stays on top of the block, so the reader can take the "Show" back.
      entry.placeholder = this.bar(entry, NOTE_TAG, { text: t('placeholder_shown', detectorLabel(entry.detectorId)), buttons: [['hide', t('placeholder_hide_again')]] }, () => this.hideAgain(id));
    } else {
      this.entryById.delete(id);
    }
    this.regroup(run);
    this.events.changed();
    return true;
  }

  /** The reader's "Show" on a bar: every block it stands for comes back, and the keyboard focus goes to the first. */
  private showRun(lead: Entry): void {
    for (const member of this.run(lead)) this.reveal(member.id, true);
    if (!lead.element.matches('a[href], button, input, select, textarea, [tabindex]')) {
      lead.element.setAttribute('tabindex', '-1');
      lead.madeFocusable = true;
    }
    (lead.element as HTMLElement).focus?.();
  }

  /** Collapses again a block the reader showed ("Hide again"), focus on its bar. False when it is not one. */
  hideAgain(id: string): boolean {
    const entry = this.entryById.get(id);
    if (entry === undefined || !entry.shownByReader) return false;
    entry.shownByReader = false;
    entry.element.removeAttribute(REVEALED_MARK);
    if (entry.madeFocusable) entry.element.removeAttribute('tabindex');
    entry.madeFocusable = false;
    this.conceal(entry);
    entry.lead.placeholder?.focus();
    return true;
  }

  /**
   * A note put over a collapsed block's place, its one button running `act`; it goes once `act` ran, or NOTE_MS
   * after the reader's focus left it. Focus goes to its button.
   */
  note(block: CollapsedBlock, text: string, action: [string, string], act: () => void): HTMLElement | undefined {
    const entry = this.entryById.get(block.id);
    if (entry === undefined) return undefined;
    const note = this.bar(entry, NOTE_TAG, { text, buttons: [action] }, () => {
      note.remove();
      act();
    });
    const expire = (): void => {
      if (note.ownerDocument.activeElement === note) setTimeout(expire, NOTE_MS);
      else note.remove();
    };
    setTimeout(expire, NOTE_MS);
    note.focus();
    return note;
  }

  /**
   * Reveals (without marking) every collapsed block the predicate selects, e.g. when its detector is switched off;
   * a block the reader showed is forgotten, with its "Hide again" note.
   */
  revealWhere(predicate: (block: CollapsedBlock) => boolean): void {
    for (const entry of [...this.entryById.values()]) {
      if (!predicate(entry)) continue;
      if (!entry.shownByReader) this.reveal(entry.id, false);
      entry.placeholder?.remove();
      this.entryById.delete(entry.id);
    }
  }

  setMode(mode: PlaceholderMode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    for (const entry of this.entryById.values()) if (!entry.shownByReader && entry.lead === entry) this.renderPlaceholder(entry);
  }

  /** Forgets blocks the page removed from the document (their bars and notes go too). */
  prune(): void {
    const gone = [...this.entryById.values()].filter((entry) => !isAlive(entry.element));
    if (gone.length === 0) return;
    // Only the runs that lost a block get their bars drawn again (a page may remove blocks all the time).
    const lostLeads = new Set(gone.map((lost) => lost.lead));
    const stayed = [...this.entryById.values()].filter((entry) => isAlive(entry.element) && !entry.shownByReader && lostLeads.has(entry.lead));
    for (const entry of gone) {
      try {
        if (entry.shownByReader) entry.placeholder?.remove();
        else this.undo(entry);
      } catch {
        // A block of a frame's document left behind (a dead object in Firefox): nothing of it can be touched, or shown.
      }
      this.entryById.delete(entry.id);
    }
    this.regroup(stayed);
    this.events.changed();
  }

  summaries(): FindingSummary[] {
    return [...this.entryById.values()].map(({ id, detectorId, kind, reasons, snippet, shownByReader }) => ({
      id,
      detectorId,
      kind,
      reasons,
      snippet,
      revealed: shownByReader,
    }));
  }

  private undo(entry: Entry): void {
    entry.placeholder?.remove();
    entry.placeholder = null;
    // The block and its hidden backdrops: each gets its display back and loses our marks.
    for (const saved of entry.saved) {
      restore(saved);
      saved.element.removeAttribute(BACKDROP_MARK);
      this.own.delete(saved.element);
    }
    entry.saved = [];
    entry.element.removeAttribute(COLLAPSED_MARK);
    entry.element.removeAttribute(ID_MARK);
    if (entry.overlay) this.scroll.drop(entry.id);
  }

  /** Hides the block of `entry` (new, or shown by the reader) and gives it a bar, or a place in the bar before it. */
  private conceal(entry: Entry): void {
    const { element, id } = entry;
    element.setAttribute(COLLAPSED_MARK, '');
    element.setAttribute(ID_MARK, id);
    this.own.add(element);
    entry.anchor = element;
    if (entry.overlay) {
      for (const backdrop of findBackdrops(element, this.own)) {
        if (!isStyled(backdrop) || this.own.has(backdrop)) continue;
        backdrop.setAttribute(BACKDROP_MARK, id);
        this.own.add(backdrop);
        entry.saved.push(hide(backdrop));
        if (backdrop.contains(entry.anchor)) entry.anchor = backdrop;
      }
      this.scroll.hold(id);
    }
    entry.saved.unshift(hide(element));
    entry.placeholder?.remove();
    entry.placeholder = null;
    this.regroup([entry]);
    this.events.changed();
  }

  /** The collapsed blocks whose bar is `lead`'s (the lead first); read for every bar drawn, so without a copy of them all. */
  private run(lead: Entry): Entry[] {
    const run: Entry[] = [];
    for (const entry of this.entryById.values()) if (entry.lead === lead && !entry.shownByReader) run.push(entry);
    return run;
  }

  /**
   * Gives each of `changed` (collapsed blocks, in page order) the bar of the collapsed block right before it when
   * both are of a kind (nothing but white space, comments and Tidings' own bars between them, either of them at the
   * edge of a box of the page's or not), else a bar of its own, and draws the bars of the runs they are in.
   */
  private regroup(changed: Entry[]): void {
    const group = (entry: Entry) => (byUserSelector(entry.detectorId) ? '' : entry.kind);
    const leads = new Set<Entry>();
    for (const entry of changed) {
      let lead = entry;
      // An unseen block has no bar and is in no run: the page did not show it, so blocks on either side of it are adjacent.
      // A box of the page's starts where its first child does and ends where its last one does: a block first in a box
      // follows what comes before the box, and one after a box follows what ends it. An element without children (a
      // rule, a picture) is the page's own content.
      let node = entry.anchor.previousSibling;
      let box: Node | null = entry.anchor.parentNode;
      while (!entry.unseen) {
        if (node === null) {
          // Not past the body (whose parent has none), nor out of a shadow root (no parent element).
          if (!box?.parentElement?.parentElement) break;
          node = box.previousSibling;
          box = box.parentNode;
          continue;
        }
        const id = (node as Element).getAttribute?.(ID_MARK) ?? (node as Element).getAttribute?.(BACKDROP_MARK);
        const marked = this.entryById.get(id ?? '');
        const block = marked?.anchor === node ? marked : undefined;
        if (block !== undefined && !block.unseen && !block.shownByReader) {
          lead = group(block) === group(entry) ? block.lead : entry;
          break;
        }
        if (node.nodeType === 8 || (node.nodeType === 3 && !node.textContent?.trim()) || block?.unseen || (this.own.has(node as Element) && [PLACEHOLDER_TAG, NOTE_TAG].includes((node as Element).localName))) node = node.previousSibling;
        else if (!id && node.nodeType === 1 && node.lastChild) {
          box = node;
          node = node.lastChild;
        } else break;
      }
      entry.lead = lead;
      if (lead !== entry) {
        entry.placeholder?.remove();
        entry.placeholder = null;
      }
      leads.add(lead);
    }
    for (const lead of leads) this.renderPlaceholder(lead);
  }

  /** A bar or note for `entry`, made by the document it goes into (a block may sit in a same-origin frame). */
  private bar(entry: Entry, tag: string, content: BarContent, act: (action: string) => void): HTMLElement {
    const bar = createBar(entry.anchor.ownerDocument, tag, content, act);
    bar.setAttribute('data-tidings-for', entry.id);
    this.own.add(bar);
    entry.anchor.before(bar);
    return bar;
  }

  /** Draws the bar of the run `lead` leads: "Link list hidden", or "3 link lists hidden · Show all". */
  private renderPlaceholder(lead: Entry): void {
    lead.placeholder?.remove();
    lead.placeholder = null;
    const run = this.run(lead);
    if (this.mode !== 'placeholder' || lead.unseen || !lead.anchor.isConnected || run.length === 0) return;
    const many = run.length > 1;
    lead.placeholder = this.bar(
      lead,
      PLACEHOLDER_TAG,
      {
        text: many ? t(`placeholder_hidden_many_${lead.kind}`, String(run.length)) : t('placeholder_hidden', detectorLabel(lead.detectorId)),
        buttons: [
          ['show', t(many ? 'placeholder_show_all' : 'placeholder_show')],
          ['always-show', this.events.alwaysShowLabel(lead)],
        ],
        reasons: () => [...new Set(run.flatMap((member) => this.events.placeholderReasons(member)))],
      },
      (action) => (action === 'show' ? this.showRun(lead) : this.events.alwaysShow(run)),
    );
  }
}
