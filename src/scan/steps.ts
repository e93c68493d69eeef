// Work that pauses every so often (a generator yielding between slices), so that the content script can spread a
// big page's scan over several tasks and let the page run in between; the CLI and the tests run it at once.

/** Work in slices: each `next()` does one slice; the last returns the result. */
export type Steps<T> = Generator<void, T, void>;

/**
 * The clock that slices and deadlines are read on (performance.now(), in ms): one short name for a dozen reads, since the
 * content script has a byte budget.
 */
export function now(): number {
  return performance.now();
}

/** Runs `steps` slice after slice until it is done, or null once `deadline` (a `now()` time) has come. */
export function runUntil<T>(steps: Steps<T>, deadline: number): IteratorReturnResult<T> | null {
  for (;;) {
    if (now() >= deadline) return null;
    const step = steps.next();
    if (step.done) return step;
  }
}

/** Runs `steps` to the end at once. */
export function drain<T>(steps: Steps<T>): T {
  return runUntil(steps, Infinity)!.value;
}
