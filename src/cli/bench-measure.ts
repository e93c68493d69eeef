// What `tidings bench` measures on one page, written once and run in both places: imported under jsdom,
// and bundled into headless Chromium's page (see bench-in-page.ts). It touches nothing but the page's
// DOM and window, so the same code times the same work in each.
import type { ScanOptions } from '../core/types';
import { createScanContext, scanDocument, scanRoot } from '../scan/index';
import { median } from './format';

/** The global the in-page bundle (bench-in-page.ts) defines. */
export const IN_PAGE_FUNCTION = 'tidingsBenchMeasure';

export interface MeasureRequest {
  options: ScanOptions;
  /** Measured samples of each figure; a warm-up sample before them is thrown away. */
  runs: number;
  /** Each sample repeats its work until at least this long has passed, then divides. */
  minSampleMs: number;
  /**
   * How long the scan's warm-up sample runs (the incremental one half as long). In the browser the
   * bundle is new on every page, so the scan code starts cold; one short sample leaves the optimising
   * compiler half done.
   */
  warmUpMs: number;
  /** The batches the incremental figure inserts in turn (each one root element). */
  batches: readonly string[];
}

export interface PageFigures {
  /** Findings of one full scan, to see the scan did its work. */
  findings: number;
  /** The page's first full scan, before any warm-up: in the browser, what a freshly injected content script pays. */
  coldScanMs: number;
  /** Characters of text the floor pass read. */
  textChars: number;
  floorMs: number;
  /** The structure floor: one pass over every node reading text, each element's tag name and class attribute. */
  walkMs: number;
  scanMs: number;
  /** One scanRoot of an inserted batch, mean over the batches. */
  incrementalMs: number;
  /** Calls to layout-reading APIs during one full scan. */
  forcedLayouts: number;
}

export interface PageMeasurement {
  /** Not `elements`: the in-page bundle minifies that name, the scan's index has a field of it (build.mjs). */
  elementCount: number;
  /** Levels of elements below body on the deepest path. */
  depth: number;
  figures: PageFigures | null;
  /** Why there are no figures: the scan threw (the error and its top frames). */
  error: string | null;
}

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // The top frames say where it broke; the detection code needs that, not the whole trace.
  const frames = (error.stack ?? '').split('\n').slice(1, 6).map((frame) => frame.trim());
  return [`${error.name}: ${error.message}`, ...frames].join('\n    ');
}

type PageWindow = Window & typeof globalThis;

const now = (): number => performance.now();

/**
 * Mean ms per call of `work`, called until `minMs` have passed: in a page that is not cross-origin
 * isolated performance.now() is coarsened to 0.1 ms, and a floor of 0.03 ms is only seen over many calls.
 */
function sample(work: () => void, minMs: number): number {
  const started = now();
  let calls = 0;
  let elapsed = 0;
  // Calls between clock readings double while they are short, so reading the clock costs a 1 µs floor nothing.
  let batch = 1;
  do {
    for (let call = 0; call < batch; call++) work();
    calls += batch;
    elapsed = now() - started;
    if (elapsed < minMs / 10) batch *= 2;
  } while (elapsed < minMs);
  return elapsed / calls;
}


/**
 * The floor: what any extension that reads the page's text pays. One TreeWalker pass over body, no
 * filter callback, reading every text node's data once; the sum of lengths keeps it from being optimised away.
 */
function readAllText(body: Element, showText: number): number {
  const walker = body.ownerDocument.createTreeWalker(body, showText);
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += (node as Text).data.length;
  return chars;
}

/**
 * The structure floor: what any scan that must tell a menu from a story pays. One TreeWalker pass
 * over elements and text reading each text node's data and each element's tag name and class attribute.
 */
function readStructure(body: Element, showElementAndText: number): number {
  const walker = body.ownerDocument.createTreeWalker(body, showElementAndText);
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 3) chars += (node as Text).data.length;
    else chars += (node as Element).tagName.length + ((node as Element).getAttribute('class')?.length ?? 0);
  }
  return chars;
}

/** Methods and getters that make the browser lay the page out (and jsdom fake it) when read. */
const LAYOUT_METHODS: readonly (readonly ['Element' | 'Window', string])[] = [
  ['Element', 'getBoundingClientRect'],
  ['Element', 'getClientRects'],
  ['Window', 'getComputedStyle'],
];
const LAYOUT_GETTERS: readonly (readonly ['Element' | 'HTMLElement', string])[] = [
  ...['offsetTop', 'offsetLeft', 'offsetWidth', 'offsetHeight', 'offsetParent', 'innerText'].map((key) => ['HTMLElement', key] as const),
  ...['clientTop', 'clientLeft', 'clientWidth', 'clientHeight', 'scrollTop', 'scrollLeft', 'scrollWidth', 'scrollHeight']
    .map((key) => ['Element', key] as const),
];

/** The object on `start`'s prototype chain that defines `key` itself (browsers and jsdom differ). */
function definer(start: object, key: string): object | null {
  for (let target: object | null = start; target; target = Object.getPrototypeOf(target) as object | null) {
    if (Object.prototype.hasOwnProperty.call(target, key)) return target;
  }
  return null;
}

/** Runs `work` with every layout-reading API of the page's window counted; restores them afterwards. */
export function countLayoutReads(win: PageWindow, work: () => void): number {
  let reads = 0;
  const restores: (() => void)[] = [];
  const wrap = (start: object, key: string, part: 'value' | 'get'): void => {
    const target = definer(start, key);
    const descriptor = target ? Object.getOwnPropertyDescriptor(target, key) : undefined;
    const original: unknown = descriptor?.[part];
    if (!target || !descriptor || typeof original !== 'function') return;
    const counted = function (this: unknown, ...args: unknown[]): unknown {
      reads++;
      return (original as (...args: unknown[]) => unknown).apply(this, args);
    };
    Object.defineProperty(target, key, { ...descriptor, [part]: counted });
    restores.push(() => Object.defineProperty(target, key, descriptor));
  };
  const prototypes = { Element: win.Element.prototype, HTMLElement: win.HTMLElement.prototype, Window: win };
  for (const [owner, key] of LAYOUT_METHODS) wrap(prototypes[owner], key, 'value');
  for (const [owner, key] of LAYOUT_GETTERS) wrap(prototypes[owner], key, 'get');
  try {
    work();
  } finally {
    for (const restore of restores.reverse()) restore();
  }
  return reads;
}

/** Where a page's script would add content: after the article, else before the footer, else at the end. */
function batchSite(body: Element, article: Element | null): { parent: Node; before: Node | null } {
  if (article?.parentNode && article !== body) return { parent: article.parentNode, before: article.nextSibling };
  const footer = body.querySelector('footer');
  if (footer?.parentNode) return { parent: footer.parentNode, before: footer };
  return { parent: body, before: null };
}

/**
 * The cost of scanning one added batch on a scanned page: each batch in turn is inserted, scanned
 * with scanRoot (the only call timed) and removed, until the timed calls add up to the sample's
 * length. Summing many coarse readings stays fair: Chromium's clock moves to the next 0.1 ms step at
 * a pseudo-random point inside each step, so a reading is rounded up or down in proportion.
 */
function incrementalSampler(doc: Document, body: Element, request: MeasureRequest): (minMs: number) => number {
  const context = createScanContext(doc, request.options);
  const site = batchSite(body, context.article);
  const templates = request.batches.map((html) => {
    const holder = doc.createElement('div');
    holder.innerHTML = html;
    return holder.firstElementChild as Element;
  });
  return (minMs) => {
    let timed = 0;
    let scans = 0;
    const started = now();
    // The wall-clock bound keeps a page whose insertions cost far more than its scans from looping long.
    while (timed < minMs && now() - started < 10 * minMs) {
      for (const template of templates) {
        const batch = template.cloneNode(true) as Element;
        site.parent.insertBefore(batch, site.before);
        const scanStarted = now();
        scanRoot(batch, context);
        timed += now() - scanStarted;
        scans++;
        batch.remove();
      }
    }
    return timed / scans;
  };
}

function depthBelow(root: Element): number {
  let deepest = 0;
  let depth = 0;
  let element: Element | null = root;
  while (element) {
    if (element.firstElementChild) {
      element = element.firstElementChild;
      deepest = Math.max(deepest, ++depth);
      continue;
    }
    while (element !== root && !element.nextElementSibling) {
      element = element.parentElement as Element;
      depth--;
    }
    element = element === root ? null : element.nextElementSibling;
  }
  return deepest;
}

/** Everything `tidings bench` reports about one loaded page; the page is left as it was. */
export function measurePage(doc: Document, request: MeasureRequest): PageMeasurement {
  const body = doc.body ?? doc.documentElement;
  const elementCount = doc.getElementsByTagName('*').length;
  const depth = body ? depthBelow(body) : 0;
  const win = doc.defaultView;
  if (!body || !win) return { elementCount, depth, figures: null, error: 'the page has no body and no window' };
  try {
    // The first scan is timed cold and counts the layout reads: one full scan serves both.
    let findings = 0;
    let coldScanMs = 0;
    const forcedLayouts = countLayoutReads(win, () => {
      const started = now();
      findings = scanDocument(doc, request.options).length;
      coldScanMs = now() - started;
    });
    const showText = win.NodeFilter.SHOW_TEXT;
    let textChars = 0;
    const floor = (): void => {
      textChars = readAllText(body, showText);
    };
    const showElementAndText = win.NodeFilter.SHOW_ELEMENT | showText;
    const walk = (): void => {
      readStructure(body, showElementAndText);
    };
    const scan = (): void => {
      findings = scanDocument(doc, request.options).length;
    };
    const incremental = incrementalSampler(doc, body, request);
    sample(floor, request.minSampleMs);
    sample(walk, request.minSampleMs);
    sample(scan, request.warmUpMs);
    incremental(request.warmUpMs / 2);
    const floorSamples: number[] = [];
    const walkSamples: number[] = [];
    const scanSamples: number[] = [];
    const incrementalSamples: number[] = [];
    // The figures' samples take turns, so all of them meet the same machine load.
    for (let run = 0; run < request.runs; run++) {
      floorSamples.push(sample(floor, request.minSampleMs));
      walkSamples.push(sample(walk, request.minSampleMs));
      scanSamples.push(sample(scan, request.minSampleMs));
      incrementalSamples.push(incremental(request.minSampleMs));
    }
    return {
      elementCount,
      depth,
      figures: {
        findings,
        coldScanMs,
        textChars,
        floorMs: median(floorSamples),
        walkMs: median(walkSamples),
        scanMs: median(scanSamples),
        incrementalMs: median(incrementalSamples),
        forcedLayouts,
      },
      error: null,
    };
  } catch (error) {
    return { elementCount, depth, figures: null, error: describeError(error) };
  }
}
