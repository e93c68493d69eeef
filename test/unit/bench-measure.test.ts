import { describe, expect, it } from 'vitest';
import { countLayoutReads } from '../../src/cli/bench-measure';
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
