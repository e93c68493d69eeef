// The browser half of `tidings bench`: one headless Chromium and one tab for every page. Each page is
// served from memory on a made-up address with its own scripts off and every other request aborted
// (no network, the same page every run); then the bundled measurement is injected and called.
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { inPageScript } from './bench-bundle';
import { browserExecutable } from './browser-paths';
import { IN_PAGE_FUNCTION, type MeasureRequest, type PageMeasurement } from './bench-measure';

const ORIGIN = 'http://bench.invalid';
/** A 100 000-element page takes seconds to load and measure; a stuck page should not hang the run for ever. */
const PAGE_TIMEOUT_MS = 300_000;

export interface ChromiumBench {
  /** Loads the HTML and measures it in the page. */
  measure(html: string, request: MeasureRequest): Promise<PageMeasurement>;
  close(): Promise<void>;
}

/** Starts Chromium, or says why it cannot (the browser half is then skipped). */
export async function openChromium(): Promise<ChromiumBench | { skipped: string }> {
  const executablePath = browserExecutable('chromium').path;
  if (!existsSync(executablePath)) return { skipped: `no Chromium at ${executablePath} (set CHROMIUM_PATH)` };
  const script = await inPageScript();
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      protocolTimeout: PAGE_TIMEOUT_MS,
    });
  } catch (error) {
    return { skipped: `Chromium did not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
  const page: Page = await browser.newPage();
  await page.setBypassCSP(true);
  await page.setRequestInterception(true);
  let served = { url: '', html: '' };
  page.on('request', (request: HTTPRequest) => {
    if (request.url() === served.url) {
      void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: served.html });
    } else {
      void request.abort();
    }
  });
  let loads = 0;
  return {
    async measure(html, request) {
      // A fresh address each time: never a cached page or a same-document navigation.
      served = { url: `${ORIGIN}/${++loads}`, html };
      await page.setJavaScriptEnabled(false);
      await page.goto(served.url, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
      await page.setJavaScriptEnabled(true);
      await page.evaluate(script);
      return page.evaluate(
        (name, measureRequest) => (globalThis as unknown as Record<string, (request: MeasureRequest) => PageMeasurement>)[name]!(measureRequest),
        IN_PAGE_FUNCTION,
        request,
      );
    },
    close: () => browser.close(),
  };
}
