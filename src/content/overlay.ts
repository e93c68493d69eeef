// Recognises modal overlays among collapsed blocks, and the dimming backdrop a modal leaves behind.
import type { OwnMarks } from '../core/types';

/** How many ancestors up a fixed container may sit above the collapsed block and still be its overlay. */
const OVERLAY_ANCESTOR_DEPTH = 4;
/** A backdrop covers at least this share of the viewport in each direction. */
const VIEWPORT_SHARE = 0.9;

function isFixed(element: Element): boolean {
  const style = element.ownerDocument.defaultView?.getComputedStyle(element);
  return style?.position === 'fixed';
}

/** The block itself or a close ancestor is position: fixed — it floats over the page as a modal, bar or sheet. */
export function isOverlay(element: Element): boolean {
  const body = element.ownerDocument.body;
  let current: Element | null = element;
  for (let depth = 0; current !== null && current !== body && depth <= OVERLAY_ANCESTOR_DEPTH; depth += 1) {
    if (isFixed(current)) return true;
    current = current.parentElement;
  }
  return false;
}

function coversViewport(element: Element): boolean {
  const win = element.ownerDocument.defaultView;
  if (win === null) return false;
  const rect = element.getBoundingClientRect();
  return rect.width >= win.innerWidth * VIEWPORT_SHARE && rect.height >= win.innerHeight * VIEWPORT_SHARE;
}

/** A fixed, viewport-sized element without text: the dimmed layer a modal puts between page and dialog. */
function isBackdrop(element: Element, ownMarks: OwnMarks): boolean {
  return (
    !ownMarks.has(element) &&
    (element.textContent ?? '').trim() === '' &&
    isFixed(element) &&
    coversViewport(element)
  );
}

/**
 * Backdrops that belong to the collapsed overlay `element`: siblings of it (or of its fixed container) and
 * a fixed container around it whose only text is the overlay's own (the dialog sat inside its backdrop).
 * Elements we marked ourselves (`ownMarks`) are no backdrops.
 */
export function findBackdrops(element: Element, ownMarks: OwnMarks): Element[] {
  const found = new Set<Element>();
  const body = element.ownerDocument.body;
  const ownText = (element.textContent ?? '').trim().length;
  let current: Element | null = element;
  for (let depth = 0; current !== null && current !== body && depth <= OVERLAY_ANCESTOR_DEPTH; depth += 1) {
    for (const sibling of current.parentElement?.children ?? []) {
      if (sibling !== current && isBackdrop(sibling, ownMarks)) found.add(sibling);
    }
    const parent: Element | null = current.parentElement;
    if (parent === null || parent === body) break;
    const parentText = (parent.textContent ?? '').trim().length;
    if (parentText > ownText || !isFixed(parent) || !coversViewport(parent)) break;
    found.add(parent);
    current = parent;
  }
  return [...found];
}
