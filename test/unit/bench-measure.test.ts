import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { inPageScript } from '../../src/cli/bench-bundle';
import { batchHtml } from '../../src/cli/bench-inputs';
import { countLayoutReads, IN_PAGE_FUNCTION, type MeasureRequest, type PageMeasurement } from '../../src/cli/bench-measure';
import { parseHtml } from '../../src/cli/page';

describe('bench forced-layout count', () => {
  const dom = parseHtml('<!doctype html><body><div id="box"><p>Text</p></div></body>');
  const win = dom.window as unknown as Window & typeof globalThis;
  const box = win.document.getElementById('box') as HTMLElement;

  it('counts each call of a layout-reading method or getter made while the work runs', () => {
    const reads = countLayoutReads(win, () => {
      box.getBoundingClientRect();
      void box.offsetWidth;
      void box.clientHeight;
      void box.scrollTop;
      win.getComputedStyle(box);
      void box.textContent;
      void box.id;
    });
    expect(reads).toBe(5);
  });

  it('counts nothing for work that reads no layout, and puts the originals back', () => {
    const before = Object.getOwnPropertyDescriptor(win.HTMLElement.prototype, 'offsetWidth');
    expect(countLayoutReads(win, () => box.querySelectorAll('p').length)).toBe(0);
    expect(Object.getOwnPropertyDescriptor(win.HTMLElement.prototype, 'offsetWidth')).toEqual(before);
    expect(countLayoutReads(win, () => undefined)).toBe(0);
  });

  it('puts the originals back when the work throws', () => {
    const before = Object.getOwnPropertyDescriptor(win.Element.prototype, 'getBoundingClientRect');
    expect(() => countLayoutReads(win, () => {
      throw new RangeError('deep');
    })).toThrow('deep');
    expect(Object.getOwnPropertyDescriptor(win.Element.prototype, 'getBoundingClientRect')).toEqual(before);
  });
});

describe('bench in-page measurement', () => {
  it('hands back every field the command reads, though the bundle is minified as the extension is', async () => {
    // The in-page bundle minifies the scan's internal property names (build.mjs): a field named like one of them came
    // back under a short name, and the command read nothing.
    const script = await inPageScript();
    const dom = new JSDOM(`<!doctype html><body><article><h1>Ferry cut</h1><p>${'The last ferry leaves earlier. '.repeat(20)}</p></article>`
      + '<aside><h2>Support us</h2><p>Please donate to keep our journalism free.</p><a href="/donate">Donate</a></aside></body>', { runScripts: 'outside-only' });
    const win = dom.window as unknown as Window & typeof globalThis & Record<string, (request: MeasureRequest) => PageMeasurement>;
    win.eval(script);
    const measured = win[IN_PAGE_FUNCTION]!({ options: { enabled: {}, sensitivity: 'normal' }, runs: 1, minSampleMs: 0, warmUpMs: 0, batches: [batchHtml().plain] });
    expect(measured.error).toBeNull();
    expect(Object.keys(measured).sort()).toEqual(['depth', 'elementCount', 'error', 'figures']);
    expect(measured.elementCount).toBe(dom.window.document.getElementsByTagName('*').length);
    expect(Object.keys(measured.figures!).sort()).toEqual(
      ['coldScanMs', 'findings', 'floorMs', 'forcedLayouts', 'incrementalMs', 'scanMs', 'textChars', 'walkMs'],
    );
    // Bundling and minifying the script (esbuild, then terser's four passes) took over 5 s on a busy two-core machine.
  }, 30_000);
});
