// What the always-on content script hands the picker. The picker is injected only when the reader asks for it, into
// the same isolated world as the content script (Chrome and Firefox alike run an extension's injected files there),
// so a global of that world passes it: out of the page's reach, and no message round trip.

export interface PickerHandoff {
  /** The element the reader last opened the context menu on ("Hide with Tidings…" starts there). */
  contextTarget: Element | null;
  /** Whether Tidings marked this element itself (a collapsed or shown block, a bar): a page can forge the marks. */
  isOurs(element: Element): boolean;
}

export const HANDOFF_KEY = 'tidingsPickerHandoff';
