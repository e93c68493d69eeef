// Some pages put back what we collapse (a framework re-rendering, or a script that fights ad blockers).
// A block that comes back identical is collapsed again from its remembered verdict, without a new scan
// (on a big page a scan has a real cost). Collapsing the same block again and again would still be a loop
// between that script and us, so each block signature gets a few collapses within a window; past that we
// leave that block alone — unscanned — for the rest of the visit.

export interface LoopLimits {
  /** Collapses of one signature allowed within `windowMs`. */
  maxRepeats: number;
  windowMs: number;
}

export const DEFAULT_LOOP_LIMITS: LoopLimits = { maxRepeats: 5, windowMs: 10_000 };

const SIGNATURE_TEXT = 60;

/** What makes two insertions "the same block": tag, id, classes and the start of the text. */
function blockSignature(element: Element): string {
  const text = (element.textContent ?? '').slice(0, SIGNATURE_TEXT * 4).replace(/\s+/g, ' ').trim();
  return `${element.localName}#${element.id}.${element.getAttribute('class') ?? ''}|${text.slice(0, SIGNATURE_TEXT)}`;
}

export class LoopGuard<Verdict> {
  private readonly recent = new Map<string, number[]>();
  private readonly verdicts = new Map<string, Verdict>();
  private readonly abandoned = new Set<string>();

  constructor(private readonly limits: LoopLimits = DEFAULT_LOOP_LIMITS) {}

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
    const times = (this.recent.get(signature) ?? []).filter((time) => now - time < this.limits.windowMs);
    if (times.length >= this.limits.maxRepeats) {
      this.abandoned.add(signature);
      this.recent.delete(signature);
      this.verdicts.delete(signature);
      return false;
    }
    times.push(now);
    this.recent.set(signature, times);
    this.verdicts.set(signature, verdict);
    return true;
  }
}
