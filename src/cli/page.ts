// Parsing pages for the CLI: jsdom without running page scripts or fetching subresources
// (the scan must see the page as saved, and must make no network requests).
import type { Buffer } from 'node:buffer';
import { createRequire } from 'node:module';
import { JSDOM, VirtualConsole } from 'jsdom';

/**
 * jsdom reads a style attribute as the parser meets it, and its CSS value parser throws on some malformed values
 * (`padding-bottom: calc(100% / ())`, on a news site's page): the throw ends the page's parse, and the page is lost to
 * scan and eval. A browser drops a declaration it cannot read and goes on; so do jsdom's declarations here. (jsdom's
 * own copy of cssstyle, resolved from jsdom's place, is the one its elements use.)
 */
function dropUnreadableDeclarations(): void {
  const { CSSStyleDeclaration } = createRequire(createRequire(import.meta.url).resolve('jsdom'))('cssstyle') as {
    CSSStyleDeclaration: { prototype: { setProperty(this: unknown, ...args: unknown[]): void } };
  };
  const setProperty = CSSStyleDeclaration.prototype.setProperty;
  CSSStyleDeclaration.prototype.setProperty = function (...args: unknown[]): void {
    try {
      setProperty.apply(this, args);
    } catch {
      // An unreadable value: the declaration is dropped, as a browser drops it.
    }
  };
}
dropUnreadableDeclarations();

/**
 * Parses HTML; jsdom's complaints about the page's own CSS are dropped, they say nothing about us. Given the
 * file's bytes, jsdom reads the page's own charset (a BOM, <meta charset>), as a browser does: saved pages
 * in ISO-8859-1 exist, and read as UTF-8 their umlauts would be lost to the phrase matcher.
 */
export function parseHtml(html: string | Buffer, url?: string): JSDOM {
  const options = { virtualConsole: new VirtualConsole(), ...(url ? { url } : {}) };
  return new JSDOM(typeof html === 'string' ? html : decodePage(html), options);
}

/** How far into a page its charset declaration is looked for (saved pages often have it after scripts). */
const DECLARATION_WINDOW = 65_536;
const declaredCharset = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

/**
 * A saved page's text, decoded as a browser would have when it was served: its BOM; else UTF-8 when the bytes are
 * valid UTF-8 (a page saved by a tool is often re-encoded as UTF-8 but keeps the <meta charset> it was served with,
 * and text in a legacy charset is almost never valid UTF-8 once it leaves ASCII); else the charset it declares (also
 * past the first 1024 bytes, where a browser would reload once it meets the declaration); else windows-1252. jsdom's
 * own sniffer stops at 1024 bytes and can trip over a malformed <meta>.
 */
function decodePage(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: the declared charset says what it is.
  }
  const declared = declaredCharset.exec(bytes.subarray(0, DECLARATION_WINDOW).toString('latin1'))?.[1];
  if (declared) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // A charset the decoder does not know: read the bytes as undeclared.
    }
  }
  return new TextDecoder('windows-1252').decode(bytes);
}

/**
 * Lets closed pages go. jsdom finishes tearing a window down on the event loop: a run over many pages that never gives
 * it a turn keeps every page it closed (1–3 MB each; 22 labelled sets ran out of a 4 GB heap), so a command
 * awaits this after each page.
 */
export function releaseClosedPages(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Frees a parsed page (without this a run over many pages keeps every DOM alive; see also releaseClosedPages). jsdom's teardown
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
