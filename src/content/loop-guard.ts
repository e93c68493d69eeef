// Some pages put back what we collapse (a framework re-rendering, or a script that fights ad blockers).
// A block that comes back identical is collapsed again from its remembered verdict, without a new scan
// (on a big page a scan has a real cost). Collapsing the same block again and again would still be a loop
// between that script and us, so each block signature gets a few collapses within a window; past that we
// leave that block alone — unscanned — for the rest of the visit.
//
// What is remembered is bounded: a page that inserts a differently worded block every frame makes a new
// signature every frame, so signatures are cut to a fixed length and only the most recent ones are kept.
import { BoundedMap, EventWindow } from '../bounded';

export interface LoopLimits {
  /** Collapses of one signature allowed within `windowMs`. */
  maxRepeats: number;
  windowMs: number;
  /** Signatures remembered (each for its collapses, its verdict, and whether it was given up on). */
  signatures: number;
}

export const DEFAULT_LOOP_LIMITS: LoopLimits = { maxRepeats: 5, windowMs: 10_000, signatures: 128 };

const SIGNATURE_TEXT = 60;
/** Longest id and class attribute read into a signature: a page can make them megabytes long. */
const SIGNATURE_NAMES = 100;

/**
 * What makes two insertions "the same block": tag, id, classes and the start of the text, read text node by text node
 * (a whole page's textContent would be megabytes, read for every root it is asked about).
 */
function blockSignature(element: Element): string {
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  while (text.length < SIGNATURE_TEXT * 4 && walker.nextNode()) text += walker.currentNode.nodeValue;
  text = text.slice(0, SIGNATURE_TEXT * 4).replace(/\s+/g, ' ').trim();
  const classes = (element.getAttribute('class') ?? '').slice(0, SIGNATURE_NAMES);
  return `${element.localName}#${element.id.slice(0, SIGNATURE_NAMES)}.${classes}|${text.slice(0, SIGNATURE_TEXT)}`;
}

export class LoopGuard<Verdict> {
  private readonly collapses: EventWindow<string>;
  private readonly verdicts: BoundedMap<string, Verdict>;
  private readonly abandoned: BoundedMap<string, true>;

  constructor(limits: LoopLimits = DEFAULT_LOOP_LIMITS) {
    this.collapses = new EventWindow(limits.maxRepeats, limits.windowMs, limits.signatures);
    this.verdicts = new BoundedMap(limits.signatures);
    this.abandoned = new BoundedMap(limits.signatures);
  }

  /** Signatures remembered, over all three records (each holds at most `limits.signatures`). */
  get size(): number {
    return this.collapses.size + this.verdicts.size + this.abandoned.size;
  }

  /**
   * For an added element: 'abandoned' when it is a block we gave up on, the verdict it had when it was
   * collapsed before, or null (scan it). Costs nothing while nothing was collapsed.
   */
  recall(element: Element): Verdict | 'abandoned' | null {
    if (this.verdicts.size === 0 && this.abandoned.size === 0) return null;
    const signature = blockSignature(element);
    if (this.abandoned.has(signature)) return 'abandoned';
    return this.verdicts.get(signature) ?? null;
  }

  /** Records a collapse of `element` at `now`; false when it came back too often and should be left alone. */
  allow(element: Element, verdict: Verdict, now: number): boolean {
    const signature = blockSignature(element);
    if (this.abandoned.has(signature)) return false;
    if (!this.collapses.record(signature, now)) {
      this.abandoned.set(signature, true);
      this.collapses.forget(signature);
      this.verdicts.delete(signature);
      return false;
    }
    this.verdicts.set(signature, verdict);
    return true;
  }
}
