// The extension's half of `tidings bench`: the built extension loaded into headless Chromium, on generated stress
// pages served from 127.0.0.1. The content script is rebuilt for it with TIDINGS_BENCH on, so that every batch of its
// work leaves a User Timing measure (content/watch.ts); the extension as shipped has none. From those: the longest
// task Tidings causes, its total time on each half of an endless page, and the load event with and without it.
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { BENCH_MEASURE, DEFAULT_LIMITS } from '../content/watch';
import { contentScript } from './bench-bundle';
import { browserExecutable } from './browser-paths';
import { ENDLESS_EVERY_MS, endlessPageHtml, newsPageHtml } from './bench-inputs';
import { median } from './format';

/** Elements of the page that stands for "about 400 000 nodes" (each element brings about one text node). */
const NODES_PAGE_ELEMENTS = 260_000;
const ELEMENTS_PAGE = 100_000;
const ENDLESS_ELEMENTS = 100_000;
/**
 * Tidings is taken to be done with a page once no batch came for this long: longer than the longest pause it makes
 * after a batch over budget. With 2 s, a load whose long batch was followed by that pause was measured in the pause
 * (stop 25: 6 batches and 2 blocks collapsed, against about 250 and 1 000).
 */
const QUIET_MS = DEFAULT_LIMITS.maxDelayMs + 1_000;
/**
 * The traced loads stop after 2 s of quiet, as they did before QUIET_MS grew, so their figure stays comparable with
 * earlier stops' (a longer idle tail could also take in collections an idle page gets, on the side with the extension).
 */
const TRACED_QUIET_MS = 2_000;
const PAGE_TIMEOUT_MS = 600_000;
/** Loads of the 400 000-node page with and without the extension, for the median of each. */
const LOAD_RUNS = 5;

export interface StressRow {
  name: string;
  /** Elements and nodes (elements and text) of the page once Tidings was done with it. */
  elements: number;
  nodes: number;
  /** The longest batch of Tidings' work (one task, or the part of one that was Tidings'), in ms. */
  longestTaskMs: number;
  /** Tidings' batches and their total time. */
  batches: number;
  totalMs: number;
  /** The page's own longest task as the Long Tasks API reports it (content scripts' tasks left out), 0 for none. */
  pageLongestTaskMs: number;
  /** The load event's time (ms after navigation start), median of the loads measured. */
  loadMs: number;
  /** Blocks collapsed when Tidings was done. */
  collapsed: number;
  /**
   * The first collapse's time minus first contentful paint's, median of the loads: below 0 when the first block was
   * collapsed before the page was first painted (the pages open with a newsletter box under their story); NaN for none.
   */
  collapseAfterPaintMs: number;
  /**
   * After the load event, the longest animation frame (Chromium's Long Animation Frames API: a frame's tasks and its
   * rendering together) and the style and layout time of all long frames, median of the loads: what a reader feels of
   * the layouts Tidings' changes cost on a big page, which its own batches do not include.
   */
  longestFrameMs: number;
  layoutAfterLoadMs: number;
}

export interface EndlessFigures {
  stories: number;
  /** Tidings' total time while the first and the second half of the stories went in. */
  firstHalfMs: number;
  secondHalfMs: number;
  /** secondHalfMs / firstHalfMs: about 1 when each story costs the same however long the page already is. */
  growth: number;
}

/**
 * Garbage collection on the page's main thread (scavenges and full collections: the heap is the page's and the content
 * script's together) while the 100 000-element page loads and is read, in one traced load with the extension and one
 * without: what Tidings' work on a big page costs the collector beyond its own batches' time (measured at stop 24: most
 * of it the parser's mutation records, while they were read, not the statistics records).
 */
export interface GcFigures {
  withMs: number;
  withoutMs: number;
  /** The longest single collection with the extension, and without. */
  longestMs: number;
  longestWithoutMs: number;
}

export interface ExtensionReport {
  pages: StressRow[];
  gc: GcFigures;
  /** The longest task Tidings caused on any of the stress pages. */
  longestTaskMs: number;
  /** Load event of the 400 000-node page with the extension ÷ without it (medians). */
  loadDelayRatio: number;
  loadMsWithout: number;
  endless: EndlessFigures;
}

const extensionSource = fileURLToPath(new URL('../../dist/chrome', import.meta.url));

/** A copy of dist/chrome whose content script times its batches; null when the extension was not built. */
async function benchExtension(): Promise<string | null> {
  if (!existsSync(join(extensionSource, 'manifest.json'))) return null;
  const dir = mkdtempSync(join(tmpdir(), 'tidings-bench-extension-'));
  cpSync(extensionSource, dir, { recursive: true });
  writeFileSync(join(dir, 'content.js'), await contentScript({ TIDINGS_BENCH: 'true' }));
  return dir;
}

function serve(pages: Map<string, string>): Promise<Server> {
  const server = createServer((request, response) => {
    const html = pages.get(request.url ?? '');
    response.writeHead(html === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html ?? 'not found');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

async function launch(extensionDir: string | null): Promise<Browser> {
  const browser = await puppeteer.launch({
    executablePath: browserExecutable('chromium').path,
    headless: true,
    pipe: true,
    args: LAUNCH_ARGS,
    protocolTimeout: PAGE_TIMEOUT_MS,
    ...(extensionDir === null ? {} : { enableExtensions: [extensionDir] }),
  });
  // The content script asks its background for settings and words: wait for the service worker.
  if (extensionDir !== null) await browser.waitForTarget((target) => target.type() === 'service_worker', { timeout: 30_000 });
  return browser;
}

interface PageFigures {
  batches: { start: number; duration: number }[];
  marks: { name: string; start: number }[];
  loadMs: number;
  elements: number;
  nodes: number;
  pageLongestTaskMs: number;
  collapsed: number;
  firstPaintMs: number;
  firstCollapseMs: number;
  /** Long animation frames after the load event: [duration, style and layout ms]. */
  framesAfterLoad: [number, number][];
}

/** What the page observes from its start (see observePage). */
interface PageObservations {
  /** Its longest long task (content scripts' tasks are not reported to it). */
  longestTaskMs: number;
  firstPaintMs: number;
  /** When the first element got Tidings' collapsed mark. */
  firstCollapseMs: number;
  /** Long animation frames: [start, duration, style and layout ms]. */
  frames: [number, number, number][];
}

/** Injected before the page's own scripts: its long tasks, its first contentful paint and Tidings' first collapse. */
function observePage(): void {
  const seen: PageObservations = { longestTaskMs: 0, firstPaintMs: NaN, firstCollapseMs: NaN, frames: [] };
  (window as unknown as { tidingsBench: PageObservations }).tidingsBench = seen;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.longestTaskMs = Math.max(seen.longestTaskMs, entry.duration);
  }).observe({ entryTypes: ['longtask'] });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntriesByName('first-contentful-paint')) seen.firstPaintMs = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { styleAndLayoutStart: number })[]) {
      // styleAndLayoutStart is 0 for a frame that rendered nothing.
      seen.frames.push([entry.startTime, entry.duration, entry.styleAndLayoutStart > 0 ? entry.startTime + entry.duration - entry.styleAndLayoutStart : 0]);
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
  const marked = new MutationObserver(() => {
    seen.firstCollapseMs = performance.now();
    marked.disconnect();
  });
  marked.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-tidings-collapsed'] });
}

function readFigures(measure: string): PageFigures {
  const seen = (window as unknown as { tidingsBench: PageObservations }).tidingsBench;
  const walker = document.createTreeWalker(document, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let nodes = 0;
  while (walker.nextNode()) nodes++;
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return {
    batches: performance.getEntriesByName(measure).map((entry) => ({ start: entry.startTime, duration: entry.duration })),
    marks: performance.getEntriesByType('mark').map((entry) => ({ name: entry.name, start: entry.startTime })),
    loadMs: navigation?.loadEventStart ?? NaN,
    elements: document.getElementsByTagName('*').length,
    nodes,
    collapsed: document.querySelectorAll('[data-tidings-collapsed]').length,
    pageLongestTaskMs: seen.longestTaskMs,
    firstPaintMs: seen.firstPaintMs,
    firstCollapseMs: seen.firstCollapseMs,
    framesAfterLoad: seen.frames.filter(([start]) => start >= (navigation?.loadEventEnd ?? Infinity)).map(([, duration, layout]) => [duration, layout]),
  };
}

/** Waits until Tidings has been quiet for `quietMs` (and, on the endless page, the last story is in). */
async function untilQuiet(page: Page, withExtension: boolean, quietMs = QUIET_MS): Promise<void> {
  let seen = -1;
  let quietSince = Date.now();
  for (;;) {
    const state = await page.evaluate(
      (measure) => ({
        batches: performance.getEntriesByName(measure).length,
        growing: (window as unknown as { endless?: { done: boolean } }).endless?.done === false,
      }),
      BENCH_MEASURE,
    );
    if (state.batches !== seen || state.growing) {
      seen = state.batches;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= (withExtension ? quietMs : 0)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Loads `url` and measures it once Tidings is done with it. */
async function measureLoad(browser: Browser, url: string, withExtension: boolean): Promise<PageFigures> {
  const page: Page = await browser.newPage();
  try {
    await page.evaluateOnNewDocument(observePage);
    await page.goto(url, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
    await untilQuiet(page, withExtension);
    return await page.evaluate(readFigures, BENCH_MEASURE);
  } finally {
    await page.close();
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
}

/** The total and the longest of the collections on the page's main thread (the one that parsed it), in ms. */
export function gcOfTrace(events: readonly TraceEvent[]): { totalMs: number; longestMs: number } {
  const main = events.find((event) => event.name === 'ParseHTML');
  const pauses = events
    .filter((event) => event.ph === 'X' && (event.name === 'MinorGC' || event.name === 'MajorGC') && event.pid === main?.pid && event.tid === main.tid)
    .map((event) => (event.dur ?? 0) / 1000);
  return { totalMs: pauses.reduce((sum, pause) => sum + pause, 0), longestMs: Math.max(0, ...pauses) };
}

/** Loads `url` under Chromium's tracing (its DevTools timeline's collection events) until Tidings is done with it. */
async function tracedGc(browser: Browser, url: string, withExtension: boolean): Promise<{ totalMs: number; longestMs: number }> {
  const page: Page = await browser.newPage();
  try {
    await page.tracing.start({ categories: ['devtools.timeline', 'v8'] });
    await page.goto(url, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
    await untilQuiet(page, withExtension, TRACED_QUIET_MS);
    const trace = await page.tracing.stop();
    return gcOfTrace((JSON.parse(Buffer.from(trace ?? []).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents);
  } finally {
    await page.close();
  }
}

function rowOf(name: string, runs: PageFigures[]): StressRow {
  const last = runs[runs.length - 1]!;
  const durations = runs.flatMap((run) => run.batches.map((batch) => batch.duration));
  return {
    name,
    elements: last.elements,
    nodes: last.nodes,
    longestTaskMs: Math.max(0, ...durations),
    batches: last.batches.length,
    totalMs: last.batches.reduce((sum, batch) => sum + batch.duration, 0),
    pageLongestTaskMs: Math.max(...runs.map((run) => run.pageLongestTaskMs)),
    loadMs: median(runs.map((run) => run.loadMs)),
    collapsed: last.collapsed,
    collapseAfterPaintMs: median(runs.map((run) => run.firstCollapseMs - run.firstPaintMs).filter(Number.isFinite)),
    longestFrameMs: median(runs.map((run) => Math.max(0, ...run.framesAfterLoad.map(([duration]) => duration)))),
    layoutAfterLoadMs: median(runs.map((run) => run.framesAfterLoad.reduce((sum, [, layout]) => sum + layout, 0))),
  };
}

/** Tidings' time in each half of the endless page: from the first story's mark to the middle one's, and from there on. */
function endlessFigures(figures: PageFigures): EndlessFigures {
  const stories = figures.marks.filter((mark) => mark.name.startsWith('story-')).sort((a, b) => a.start - b.start);
  const first = stories[0]?.start ?? 0;
  const middle = stories[Math.floor(stories.length / 2)]?.start ?? first;
  const between = (from: number, to: number): number =>
    figures.batches.filter((batch) => batch.start >= from && batch.start < to).reduce((sum, batch) => sum + batch.duration, 0);
  // The second half ends where it would have had the first half's length: the quiet wait after it is not the page's growth.
  const end = middle + (middle - first) + ENDLESS_EVERY_MS;
  const firstHalfMs = between(first, middle);
  const secondHalfMs = between(middle, end);
  return { stories: stories.length + 1, firstHalfMs, secondHalfMs, growth: firstHalfMs > 0 ? secondHalfMs / firstHalfMs : NaN };
}

/** Measures the stress pages with the built extension; a reason instead when it cannot. */
export async function benchExtensionStress(progress: (text: string) => void): Promise<ExtensionReport | { skipped: string }> {
  if (!existsSync(browserExecutable('chromium').path)) return { skipped: `no Chromium at ${browserExecutable('chromium').path} (set CHROMIUM_PATH)` };
  const dir = await benchExtension();
  if (dir === null) return { skipped: `no built extension in ${extensionSource}: run \`npm run build\` first` };
  const pages = new Map([
    ['/elements', newsPageHtml(ELEMENTS_PAGE)],
    ['/nodes', newsPageHtml(NODES_PAGE_ELEMENTS, 7)],
    ['/endless', endlessPageHtml(ENDLESS_ELEMENTS)],
  ]);
  const server = await serve(pages);
  const url = (path: string): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  try {
    // The loads with and without the extension alternate, each browser open throughout, so that a machine busier
    // for a while slows both alike.
    const plain = await launch(null);
    const browser = await launch(dir).catch(async (error: unknown) => {
      await plain.close();
      throw error;
    });
    try {
      progress('  100 000-element page');
      const elements = rowOf('news page, 100 000 elements', [await measureLoad(browser, url('/elements'), true)]);
      const without: PageFigures[] = [];
      const nodesRuns: PageFigures[] = [];
      for (let run = 0; run < LOAD_RUNS; run++) {
        progress(`  400 000-node page without and with the extension, load ${run + 1}/${LOAD_RUNS}`);
        without.push(await measureLoad(plain, url('/nodes'), false));
        nodesRuns.push(await measureLoad(browser, url('/nodes'), true));
      }
      const nodes = rowOf(`news page, ${Math.round(nodesRuns[0]!.nodes / 1000)} 000 nodes`, nodesRuns);
      progress(`  endless page (a story every ${ENDLESS_EVERY_MS} ms up to ${ENDLESS_ELEMENTS / 1000} 000 elements)`);
      const endlessRun = await measureLoad(browser, url('/endless'), true);
      const endless = rowOf(`endless page, up to ${ENDLESS_ELEMENTS / 1000} 000 elements`, [endlessRun]);
      // Last, so that the tracing cannot touch the figures above.
      progress('  100 000-element page traced, without and with the extension');
      const gcWithout = await tracedGc(plain, url('/elements'), false);
      const gcWith = await tracedGc(browser, url('/elements'), true);
      const loadMsWithout = median(without.map((run) => run.loadMs));
      return {
        pages: [elements, nodes, endless],
        gc: { withMs: gcWith.totalMs, withoutMs: gcWithout.totalMs, longestMs: gcWith.longestMs, longestWithoutMs: gcWithout.longestMs },
        longestTaskMs: Math.max(elements.longestTaskMs, nodes.longestTaskMs, endless.longestTaskMs),
        loadDelayRatio: nodes.loadMs / loadMsWithout,
        loadMsWithout,
        endless: endlessFigures(endlessRun),
      };
    } finally {
      await Promise.all([plain.close(), browser.close()]);
    }
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
