// Parsing pages for the CLI: jsdom without running page scripts or fetching subresources
// (the scan must see the page as saved, and must make no network requests).
import type { Buffer } from 'node:buffer';
import { JSDOM, VirtualConsole } from 'jsdom';

/**
 * Parses HTML; jsdom's complaints about the page's own CSS are dropped, they say nothing about us. Given the
 * file's bytes, jsdom reads the page's own charset (a BOM, <meta charset>), as a browser does: saved pages
 * in ISO-8859-1 exist, and read as UTF-8 their umlauts would be lost to the phrase matcher.
 */
export function parseHtml(html: string | Buffer, url?: string): JSDOM {
  const options = { virtualConsole: new VirtualConsole(), ...(url ? { url } : {}) };
  if (typeof html === 'string') return new JSDOM(html, options);
  try {
    return new JSDOM(html, options);
  } catch {
    // jsdom's charset sniffer can trip over a malformed <meta> (seen on a saved page): read it as UTF-8.
    return new JSDOM(html.toString('utf8'), options);
  }
}

/**
 * Frees a parsed page (without this a run over many pages keeps every DOM alive). jsdom's teardown
 * recurses over the tree and overflows the stack on pages nested thousands deep; such a page stays
 * in memory until the process ends, which is better than losing the run.
 */
export function closePage(dom: JSDOM): void {
  try {
    dom.window.close();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
}
