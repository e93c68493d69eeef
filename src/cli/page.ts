// Parsing pages for the CLI: jsdom without running page scripts or fetching subresources
// (the scan must see the page as saved, and must make no network requests).
import { JSDOM, VirtualConsole } from 'jsdom';

/** Parses HTML; jsdom's complaints about the page's own CSS are dropped, they say nothing about us. */
export function parseHtml(html: string, url?: string): JSDOM {
  return new JSDOM(html, { virtualConsole: new VirtualConsole(), ...(url ? { url } : {}) });
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
