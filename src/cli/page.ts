// Parsing pages for the CLI: jsdom without running page scripts or fetching subresources
// (the scan must see the page as saved, and must make no network requests).
import { JSDOM, VirtualConsole } from 'jsdom';

/** Parses HTML; jsdom's complaints about the page's own CSS are dropped, they say nothing about us. */
export function parseHtml(html: string, url?: string): JSDOM {
  return new JSDOM(html, { virtualConsole: new VirtualConsole(), ...(url ? { url } : {}) });
}
