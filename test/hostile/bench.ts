// npm run bench:hostile — the figures of issue 13's closing note, measured in headless Chromium with the built
// extension (run `npm run build` first): the retained heap of a page that inserts a differently worded appeal every
// frame, and the longest task on a 20 000-deep page with the costliest selectors stored for its site. Prints figures
// and never fails on them; no test times anything.
//   npx tsx test/hostile/bench.ts [--seconds 60]
import path from 'node:path';
import type { CDPSession, Page } from 'puppeteer-core';
import { defaultSettings } from '../../src/settings/schema';
import { toItems } from '../../src/settings/store';
import { launchPlainChromium, launchWithExtension } from '../e2e/browsers';
import { startPageServer, type PageServer } from '../e2e/server';

const SELECTORS = [':is(div, span, b):not(:has(q))', 'q ~ * *'];
const SAMPLE_EVERY_S = 10;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function retainedHeap(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** Heap after garbage collection every SAMPLE_EVERY_S seconds while memory.html inserts a new appeal every frame. */
async function heapOverTime(page: Page, seconds: number): Promise<{ samples: string[]; inserts: number; growthPerInsert: number }> {
  const cdp = await page.createCDPSession();
  await cdp.send('HeapProfiler.enable');
  await sleep(2000);
  const startInserts = await page.evaluate(() => (window as unknown as { hostile: { inserts: number } }).hostile.inserts);
  const start = await retainedHeap(cdp);
  const samples = [`0 s ${megabytes(start)}`];
  let last = start;
  for (let elapsed = SAMPLE_EVERY_S; elapsed <= seconds; elapsed += SAMPLE_EVERY_S) {
    await sleep(SAMPLE_EVERY_S * 1000);
    last = await retainedHeap(cdp);
    samples.push(`${elapsed} s ${megabytes(last)}`);
  }
  const inserts = (await page.evaluate(() => (window as unknown as { hostile: { inserts: number } }).hostile.inserts)) - startInserts;
  await cdp.detach();
  return { samples, inserts, growthPerInsert: inserts > 0 ? (last - start) / inserts : 0 };
}

async function memoryBench(server: PageServer, seconds: number): Promise<void> {
  const url = server.url('hostile/pages/memory.html');
  const plain = await launchPlainChromium();
  try {
    const page = await plain.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const result = await heapOverTime(page, seconds);
    console.log(`without the extension: ${result.samples.join(', ')} (${result.inserts} appeals inserted)`);
  } finally {
    await plain.close();
  }
  const session = await launchWithExtension('chromium');
  try {
    const page = await session.openPage(url);
    const result = await heapOverTime(page, seconds);
    const collapsed = await page.evaluate(() => document.querySelectorAll('[data-tidings-collapsed]').length);
    console.log(`with the extension:    ${result.samples.join(', ')} (${result.inserts} appeals inserted, ${collapsed} collapsed now)`);
    console.log(`  growth per inserted appeal: ${result.growthPerInsert.toFixed(0)} bytes`);
  } finally {
    await session.close();
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
}

/**
 * The longest task of the page's main thread after its chain was built, from a trace: the Long Tasks API leaves out
 * tasks of extensions' content scripts, and the page's own timer only says how long it waited.
 */
function longestTaskAfterBuild(trace: { traceEvents: TraceEvent[] }): number {
  const built = trace.traceEvents.find((event) => event.name === 'chain-built');
  if (built === undefined) return NaN;
  const tasks = trace.traceEvents.filter(
    (event) => event.name.endsWith('RunTask') && event.ph === 'X' && event.pid === built.pid && event.tid === built.tid && event.ts >= built.ts,
  );
  return Math.max(0, ...tasks.map((task) => (task.dur ?? 0) / 1000));
}

async function longestTaskBench(server: PageServer): Promise<void> {
  const session = await launchWithExtension('chromium');
  try {
    const items = toItems({ ...defaultSettings(), userSelectors: { '127.0.0.1': SELECTORS } }, Date.now());
    await session.extensionEval((api, stored) => api.storage.sync.set(stored), items as Record<string, unknown>);
    const page = await session.browser.newPage();
    await page.tracing.start({ categories: ['toplevel', 'blink.user_timing', 'devtools.timeline'] });
    await page.goto(server.url('hostile/pages/deep.html'), { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as { hostile: { built: boolean } }).hostile.built, { polling: 100, timeout: 600_000 });
    await sleep(15_000);
    const figures = await page.evaluate(() => (window as unknown as { hostile: { longestGapMs: number } }).hostile);
    const trace = JSON.parse(new TextDecoder().decode(await page.tracing.stop())) as { traceEvents: TraceEvent[] };
    console.log(`20 000-deep page, selectors ${JSON.stringify(SELECTORS)} stored for the site, 15 s after the page built it:`);
    console.log(`  longest task ${longestTaskAfterBuild(trace).toFixed(1)} ms (trace), longest wait of the page's 10 ms timer ${Math.round(figures.longestGapMs)} ms`);
  } finally {
    await session.close();
  }
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--seconds');
  const seconds = at > 0 ? Number(process.argv[at + 1]) : 60;
  const server = await startPageServer(path.resolve('test'));
  try {
    console.log(`Retained heap (after GC) while a page inserts a differently worded appeal every frame, ${seconds} s:`);
    await memoryBench(server, seconds);
    await longestTaskBench(server);
  } finally {
    await server.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
