// Watches the document (and the shadow roots and frame documents it is told to) for added elements and hands them
// to the scanner in batches: at most one batch per frame (before it is painted, so nothing flashes), within a time
// budget, with the leftovers carried over. Work that goes on across batches (the element sweep) gets what is left
// of each batch's budget. A page that floods the DOM (or fights our collapses) makes batches space out instead of
// taking the tab.
import { isAlive } from './alive';
import { now } from '../scan/steps';

/** The name of the User Timing measure a bench build leaves for every batch. */
export const BENCH_MEASURE = 'tidings-batch';

/** Whether the parser is still adding to `doc`. */
export function beingParsed(doc: Document): boolean {
  return doc.readyState === 'loading';
}

export interface BatchLimits {
  /** Scanning time allowed per batch before the rest waits for the next one. */
  budgetMs: number;
  /** Hidden tabs get no animation frames: a timer of this delay runs the batch instead. */
  fallbackDelayMs: number;
  /** Longest pause between batches when backing off. */
  maxDelayMs: number;
  /** More roots than this waiting at once: scan the whole body once instead. */
  maxPending: number;
  /** This many added siblings are scanned as their parent, once (the parser adds list items one by one). */
  siblingsToParent: number;
  /** After a batch that overran its budget, wait this many times its duration (scanning ≤ 1/(1+n) of the time). */
  idleShare: number;
  /** The same while the page loads with work left over: its parser needs the main thread, its load event must not wait. */
  loadingIdleShare: number;
  /** A parent with more children than this is never scanned for its added siblings (a feed growing as it is parsed). */
  siblingsParentMaxChildren: number;
  /** Scanning time the page's first paint may wait for (what it would show is collapsed first); past it, backing off as usual. */
  firstPaintWaitMs: number;
}

export const DEFAULT_LIMITS: BatchLimits = {
  budgetMs: 8,
  fallbackDelayMs: 50,
  maxDelayMs: 5000,
  maxPending: 2000,
  siblingsToParent: 8,
  idleShare: 4,
  loadingIdleShare: 9,
  siblingsParentMaxChildren: 300,
  firstPaintWaitMs: 50,
};

/**
 * Records a page may make while it is parsed before it is read without them: the parser makes one for every node (400 000
 * on a huge page), and making them delayed its load by a tenth and brought on most of its garbage collection. A news
 * page of the usual size makes a few thousand.
 */
const LOADING_RECORDS = 10_000;
/** While the page is parsed without records: how often what the parser finished is looked for. */
const PARSED_POLL_MS = 250;

/** How far up a mutation's target is looked at for an element waiting to be scanned. */
const WAITING_LEVELS = 4;

/** Takes a root to scan (in the sliced work, or at once); a block the parser has not finished is handed back with `defer`. */
export type RootScanner = (root: Element) => void;

/** Work done a slice at a time, in what is left of each batch's budget. */
export interface SlicedWork {
  readonly busy: boolean;
  /** Works until `deadline` (a `now()` time) or until done. */
  run(deadline: number): void;
}

/** The elements that stand for a whole tree scanned at once: a document's body, a shadow root's children. */
export function wholeTree(node: Node): Element[] {
  const root = node.getRootNode();
  if (root.nodeType === 9) {
    const { body, documentElement } = root as Document;
    const whole = body ?? documentElement;
    return whole === null ? [] : [whole];
  }
  return root.nodeType === 11 ? [...(root as ShadowRoot).children] : [];
}

/** Whether the page was painted with content (the paint timeline; none in a document that is never painted). */
function painted(): boolean {
  return performance.getEntriesByName('first-contentful-paint').length > 0;
}

/**
 * Resolves once the page has had its turn (input, rendering, its own tasks): `scheduler.yield()` where the browser
 * has it (Chrome 129, Firefox 142), which resumes ahead of other queued work; else a 0 ms timer.
 */
export function yieldToPage(): Promise<void> {
  // The content script's own global: a page cannot replace it (an isolated world in Chrome, Xray vision in Firefox).
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve));
}

export interface BatchStats {
  batches: number;
  rootsScanned: number;
  /** Current extra delay between batches (0 when the page is calm). */
  backoffMs: number;
}

export class MutationBatcher {
  private readonly pending = new Set<Element>();
  private readonly deferred = new Set<Element>();
  private readonly observer: MutationObserver;
  private ready = false;
  private scheduled = false;
  /** The last batch was scheduled after a yield (see schedule). */
  private yielded = false;
  /** Collapsing inserts placeholders, whose mutation records must not start a nested batch. */
  private flushing = false;
  /** Records were read without their removed nodes: the next batch looks for blocks taken out. */
  private removalsUnread = false;
  private backoffMs = 0;
  /** Scanning time spent while the page had not been painted yet. */
  private beforePaintMs = 0;
  /** Records made while the page was parsed. */
  private loadingRecords = 0;
  /** The page is parsed unobserved (see LOADING_RECORDS): what the parser adds is looked for in the page. */
  private unobserved = false;
  readonly stats: BatchStats = { batches: 0, rootsScanned: 0, backoffMs: 0 };
  private readonly doc: Document;
  private readonly scanRoot: RootScanner;
  private readonly ignore: (element: Element) => boolean;
  private readonly onRemoved: () => void;
  private readonly work: SlicedWork;
  private readonly limits: BatchLimits;

  constructor(
    doc: Document,
    scanRoot: RootScanner,
    ignore: (element: Element) => boolean,
    onRemoved: () => void,
    work: SlicedWork,
    limits: BatchLimits = DEFAULT_LIMITS,
  ) {
    this.doc = doc;
    this.scanRoot = scanRoot;
    this.ignore = ignore;
    this.onRemoved = onRemoved;
    this.work = work;
    this.limits = limits;
    this.observer = new MutationObserver((records) => {
      // A huge page is read part by part as the parser finishes them (page.ts, scanParsedParts) without records until
      // it is parsed; until its first paint, in the frame that paints them (see schedule).
      if (this.parsing && (this.loadingRecords += records.length) > LOADING_RECORDS) {
        this.observer.disconnect();
        this.unobserved = true;
      }
      this.collect(records);
      // While the parser is adding the page, scan in this microtask: it runs before the browser can paint
      // what was just parsed, so nothing we collapse is ever shown. Later additions wait for the next frame.
      if (this.parsing && this.backoffMs === 0) this.flush();
      else this.schedule();
    });
  }

  /** Whether the parser is still adding the page. */
  private get parsing(): boolean {
    return beingParsed(this.doc);
  }

  /** Whether roots or sliced work are still waiting to be scanned (a big page's whole scan may take several batches). */
  get busy(): boolean {
    return this.ready && (this.pending.size > 0 || this.work.busy);
  }

  /** Observe from now on; batches wait until `setReady(true)` (settings loaded, site on). */
  start(): void {
    this.observe(this.doc);
  }

  /** Watches another tree too: an open shadow root, a same-origin frame's document (again is harmless). */
  observe(tree: Document | ShadowRoot): void {
    this.observer.observe(tree, { childList: true, subtree: true });
  }

  stop(): void {
    this.observer.disconnect();
    this.unobserved = false;
    this.pending.clear();
    this.deferred.clear();
  }

  /** Ready: scan what is pending right away (it may be about to be painted), then batch as usual. */
  setReady(ready: boolean): void {
    this.ready = ready;
    if (ready) this.flush();
  }

  /** Runs a batch soon: sliced work was added. */
  wake(): void {
    this.schedule();
  }

  /** Looks at `element` again once the page changed: the parser had not finished it. */
  defer(element: Element): void {
    this.deferred.add(element);
  }

  /** Scan this root in the next batch (e.g. the whole body after the document finished loading). */
  queue(root: Element): void {
    this.pending.add(root);
    this.schedule();
  }

  private collect(records: MutationRecord[]): void {
    // A page being parsed makes a record for every node (400 000 on a big page), and each node list or node a
    // record hands out is made for this script when first read: read as little of each as will do.
    let removed = false;
    for (const record of records) {
      // Inside an element waiting already (the parser adds a parent, then its children), it is scanned with it; what
      // was taken out of it is looked for when that batch runs.
      if (this.waits(record.target)) {
        this.removalsUnread = true;
        continue;
      }
      const added = record.addedNodes;
      // Taken out alone: looked at now. Taken out with an addition (a replacement): when the batch for it runs (its
      // list of removed nodes is not read: made for this script, it cost more than the rest of the record).
      if (added.length === 0) removed = true;
      else this.removalsUnread = true;
      for (let at = 0; at < added.length; at++) {
        const node = added[at]!;
        if (node.nodeType === 1 && !this.ignore(node as Element)) this.pending.add(node as Element);
      }
    }
    // Removals are handled at once, even while batches are spaced out: a collapsed block the page threw
    // away must not leave its placeholder behind.
    if (removed) this.onRemoved();
    // Anything deferred as incomplete may be complete now that the parser moved on.
    for (const root of this.deferred) this.pending.add(root);
    this.deferred.clear();
    if (this.pending.size > this.limits.maxPending) {
      const wholes = new Set([...this.pending].flatMap(wholeTree));
      this.pending.clear();
      for (const whole of wholes) this.pending.add(whole);
    }
  }

  /** Whether `target` or one of its nearest ancestors waits to be scanned (a few levels: the parser adds in depth). */
  private waits(target: Node): boolean {
    for (let node: Node | null = target, level = 0; node !== null && level < WAITING_LEVELS; node = node.parentNode, level++) {
      if (this.pending.has(node as Element)) return true;
    }
    return false;
  }

  private schedule(): void {
    if (this.scheduled || !this.ready || (this.pending.size === 0 && !this.work.busy && !this.unobserved)) return;
    this.scheduled = true;
    const win = this.doc.defaultView;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let frame: number | undefined;
    // Every way of scheduling sets a timer; whichever callback comes first runs the batch, once.
    const run = (): void => {
      if (timer === undefined) return;
      clearTimeout(timer);
      if (frame !== undefined) win?.cancelAnimationFrame(frame);
      timer = undefined;
      frame = undefined;
      this.scheduled = false;
      this.flush();
    };
    // Nothing waiting while the page is parsed unobserved: it is looked at again later for what the parser finished,
    // before the first paint in every frame, so that what it shows is collapsed first.
    const polling = this.pending.size === 0 && !this.work.busy;
    if (this.backoffMs > 0 || (polling && painted())) {
      timer = setTimeout(run, polling ? Math.max(this.backoffMs, PARSED_POLL_MS) : this.backoffMs);
      return;
    }
    // Only sliced work left (a big page's whole scan): the next slice comes as soon as the page has had its turn for
    // input and paint, or, every other time, after a 0 ms timer: a chain of yields alone would keep the page's own
    // timers waiting (yield continuations go first), a chain of frames would leave the CPU idle half the time.
    if (this.pending.size === 0 && !polling) {
      this.yielded = !this.yielded;
      // A yield that fails or never comes back must not end the batches: the timer runs them then.
      if (this.yielded) void yieldToPage().then(run, run);
      timer = setTimeout(run, this.yielded ? this.limits.fallbackDelayMs : 0);
      return;
    }
    if (win !== null && typeof win.requestAnimationFrame === 'function') frame = win.requestAnimationFrame(run);
    timer = setTimeout(run, this.limits.fallbackDelayMs);
  }

  /** Replaces runs of added siblings by their parent: one scan instead of one per list item. */
  private mergeSiblings(): void {
    const byParent = new Map<Element, number>();
    for (const root of this.pending) {
      const parent = root.parentElement;
      if (parent !== null) byParent.set(parent, (byParent.get(parent) ?? 0) + 1);
    }
    for (const [parent, count] of byParent) {
      if (count >= this.limits.siblingsToParent && parent.childElementCount <= this.limits.siblingsParentMaxChildren) this.pending.add(parent);
    }
  }

  /** Drops roots that are gone or inside another pending root (scanning the outer one covers them). */
  private takeRoots(): Element[] {
    // Gone first: the old document of a frame that loaded another one throws at every read (and so did every batch).
    for (const root of this.pending) if (!isAlive(root)) this.pending.delete(root);
    this.mergeSiblings();
    const roots: Element[] = [];
    for (const root of this.pending) {
      let covered = false;
      for (let ancestor = root.parentElement; ancestor !== null; ancestor = ancestor.parentElement) {
        if (this.pending.has(ancestor)) {
          covered = true;
          break;
        }
      }
      if (!covered) roots.push(root);
    }
    this.pending.clear();
    return roots;
  }

  private flush(): void {
    if (!this.ready || this.flushing) return;
    this.flushing = true;
    try {
      this.scanPending();
    } finally {
      this.flushing = false;
      // Work that threw (reported to the console) does not end the batches.
      this.schedule();
    }
  }

  private scanPending(): void {
    if (this.unobserved) {
      // Parsed: watched again, and blocks taken out meanwhile are looked for. Else the page is looked at for what
      // the parser finished.
      if (this.parsing) for (const whole of wholeTree(this.doc)) this.pending.add(whole);
      else {
        this.unobserved = false;
        this.observe(this.doc);
        this.removalsUnread = true;
      }
    }
    this.collect(this.observer.takeRecords());
    if (this.removalsUnread) {
      this.removalsUnread = false;
      this.onRemoved();
    }
    const roots = this.takeRoots();
    const started = now();
    let index = 0;
    let scanned = started;
    try {
      // While the page is parsed, what came first (the top of the page, painted first) is finished before what came since.
      if (this.parsing && this.work.busy) this.work.run(started + this.limits.budgetMs);
      while (index < roots.length && now() - started <= this.limits.budgetMs) this.scanRoot(roots[index++] as Element);
      this.stats.rootsScanned += index;
      scanned = now();
      // The sliced work gets what is left of the budget, and at least a quarter of it so a busy page cannot starve it.
      if (this.work.busy) this.work.run(Math.max(started + this.limits.budgetMs, scanned + this.limits.budgetMs / 4));
    } finally {
      // Roots not scanned wait for the next batch, also when work threw (a root that threw is not tried again).
      while (index < roots.length) this.pending.add(roots[index++] as Element);
    }
    const overran = scanned - started > this.limits.budgetMs;
    const elapsed = now() - started;
    this.stats.batches += 1;
    // `tidings bench` builds the content script with TIDINGS_BENCH on to time each batch (the extension never has it).
    if (TIDINGS_BENCH) performance.measure(BENCH_MEASURE, { start: started });
    // Scans over budget (a huge page, or one adding faster than we can scan): pause in proportion, so the page's
    // own scripts and input keep most of the main thread (scanning ≤ 1/(1+idleShare) of the time); while the page
    // loads with work left over, longer, so its parser goes on. Not before the page's first paint, for a while: nothing
    // is shown yet, and what is read now is collapsed before it ever is.
    const loading = this.parsing;
    // Once painted (or past the wait) the paint timeline is not read again.
    const waiting = loading && this.beforePaintMs < this.limits.firstPaintWaitMs;
    if (waiting && !painted()) this.beforePaintMs += elapsed;
    else this.beforePaintMs = Infinity;
    this.backoffMs = (overran || (loading && this.work.busy)) && this.beforePaintMs >= this.limits.firstPaintWaitMs
      ? Math.min(this.limits.maxDelayMs, Math.max(this.limits.fallbackDelayMs, elapsed * (loading ? this.limits.loadingIdleShare : this.limits.idleShare)))
      : 0;
    this.stats.backoffMs = this.backoffMs;
  }
}
