// What every browser suite sets up: a page server and a browser with the built extension for the whole suite, and
// for each test default settings at the start and none of its pages left open at the end.
import type { Page, Viewport } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchWithExtension, type BrowserName, type ExtensionSession } from './browsers';
import { startPageServer, type PageServer } from './server';

export interface SuiteBrowser {
  readonly server: PageServer;
  readonly session: ExtensionSession;
  /** Opens a URL in a new tab (sized to `viewport` before it loads), closed after the test. */
  open(url: string, viewport?: Viewport): Promise<Page>;
  /** Closes `page` after the test (pages opened some other way). */
  keep(page: Page): Page;
}

/** Registers the suite's hooks (call it inside a describe) and hands out its server and session once they exist. */
export function suiteBrowser(name: BrowserName, pagesRoot: string): SuiteBrowser {
  let server: PageServer | undefined;
  let session: ExtensionSession | undefined;
  let opened: Page[] = [];
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the suite's ${what} is not started yet`);
    return value;
  };
  const suite: SuiteBrowser = {
    get server() {
      return ready(server, 'page server');
    },
    get session() {
      return ready(session, 'browser');
    },
    async open(url, viewport) {
      return suite.keep(await suite.session.openPage(url, viewport));
    },
    keep(page) {
      opened.push(page);
      return page;
    },
  };
  beforeAll(async () => {
    server = await startPageServer(pagesRoot);
    session = await launchWithExtension(name);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });
  beforeEach(async () => {
    await suite.session.clearStorage();
  });
  afterEach(async () => {
    await Promise.all(opened.map((page) => page.close().catch(() => undefined)));
    opened = [];
  });
  return suite;
}
