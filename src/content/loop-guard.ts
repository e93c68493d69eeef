// Some pages put back what we collapse (a framework re-rendering, or a script that fights ad blockers).
// Collapsing the same block again and again would turn into a loop between that script and us, so each
// block signature gets a few collapses within a window; past that we leave that block alone for the visit.

export interface LoopLimits {
  /** Collapses of one signature allowed within `windowMs`. */
  maxRepeats: number;
  windowMs: number;
}

export const DEFAULT_LOOP_LIMITS: LoopLimits = { maxRepeats: 5, windowMs: 10_000 };

const SIGNATURE_TEXT = 60;

/** What makes two insertions "the same block": tag, id, classes and the start of the text. */
export function blockSignature(element: Element): string {
  const text = (element.textContent ?? '').slice(0, SIGNATURE_TEXT * 4).replace(/\s+/g, ' ').trim();
  return `${element.localName}#${element.id}.${element.getAttribute('class') ?? ''}|${text.slice(0, SIGNATURE_TEXT)}`;
}

export class LoopGuard {
  private readonly recent = new Map<string, number[]>();
  private readonly abandoned = new Set<string>();

  constructor(private readonly limits: LoopLimits = DEFAULT_LOOP_LIMITS) {}

  /** Number of signatures we stopped collapsing. */
  get abandonedCount(): number {
    return this.abandoned.size;
  }

  /** Records a collapse of `signature` at `now`; false when it came back too often and should be left alone. */
  allow(signature: string, now: number): boolean {
    if (this.abandoned.has(signature)) return false;
    const times = (this.recent.get(signature) ?? []).filter((time) => now - time < this.limits.windowMs);
    if (times.length >= this.limits.maxRepeats) {
      this.abandoned.add(signature);
      this.recent.delete(signature);
      return false;
    }
    times.push(now);
    this.recent.set(signature, times);
    return true;
  }
}
