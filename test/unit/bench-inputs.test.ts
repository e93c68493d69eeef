import { describe, expect, it } from 'vitest';
import { BATCH_NODES, batchHtml, ENDLESS_STORY_ELEMENTS, endlessPageHtml, newsPageHtml, SCALING_SIZES, storyHtml, stressPages } from '../../src/cli/bench-inputs';
import { closePage, parseHtml } from '../../src/cli/page';

/** Levels of elements below body on the deepest path (document order visits a parent before its children). */
function depthBelowBody(doc: Document): number {
  const depths = new Map<Element, number>([[doc.body, 0]]);
  let deepest = 0;
  for (const element of doc.body.getElementsByTagName('*')) {
    const depth = (depths.get(element.parentElement as Element) ?? 0) + 1;
    depths.set(element, depth);
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

// Parsing the 100 000-element page and the 5 000-deep page with jsdom takes seconds.
describe('bench stress pages', { timeout: 120_000 }, () => {
  const pages = stressPages();

  it('are the six pages the issue names, the news pages at the slope sizes', () => {
    expect(pages.map((page) => page.name)).toEqual([
      'news page, 10 000 elements', 'news page, 50 000 elements', 'news page, 100 000 elements',
      'nesting 5000 deep', '2000 paragraphs', '3000-link footer',
    ]);
    expect(pages.filter((page) => page.scaling).map((page) => page.elements)).toEqual([...SCALING_SIZES]);
  });

  it.each(pages.map((page) => [page.name, page] as const))('%s holds the elements (and depth) it claims', (_name, page) => {
    const dom = parseHtml(page.html);
    const doc = dom.window.document;
    expect(doc.getElementsByTagName('*')).toHaveLength(page.elements);
    if (page.depth !== undefined) expect(depthBelowBody(doc)).toBe(page.depth);
    closePage(dom);
  });

  it('builds the same news page from the same seed, with an article and appeals among the clutter', () => {
    const html = newsPageHtml(5_000);
    expect(newsPageHtml(5_000)).toBe(html);
    const doc = parseHtml(html).window.document;
    expect(doc.querySelectorAll('article > p')).toHaveLength(30);
    expect(doc.querySelectorAll('aside.support').length).toBeGreaterThan(0);
    expect(doc.querySelectorAll('.newsletter').length).toBeGreaterThan(0);
    expect(doc.querySelectorAll('.links ul').length).toBeGreaterThan(10);
  });
});

describe('bench batches', () => {
  const batches = batchHtml();

  function parseBatch(html: string): Element {
    const holder = parseHtml('').window.document.createElement('div');
    holder.innerHTML = html;
    expect(holder.children).toHaveLength(1);
    return holder.firstElementChild as Element;
  }

  function nodeCount(root: Node): number {
    let count = 1;
    for (const child of root.childNodes) count += nodeCount(child);
    return count;
  }

  it.each(Object.entries(batches))('the %s batch is exactly BATCH_NODES elements and text nodes', (_kind, html) => {
    expect(nodeCount(parseBatch(html))).toBe(BATCH_NODES);
  });

  it('puts the donation box in the appeal batch only', () => {
    expect(parseBatch(batches.appeal).querySelector('aside.support')).not.toBeNull();
    expect(parseBatch(batches.plain).querySelector('aside')).toBeNull();
  });
});

describe('the endless page', () => {
  it('adds stories of exactly ENDLESS_STORY_ELEMENTS elements, every fifth with a donation box, all different', () => {
    const stories = [1, 2, 5].map((seed) => storyHtml(ENDLESS_STORY_ELEMENTS, seed));
    for (const [index, html] of stories.entries()) {
      const dom = parseHtml(`<!doctype html><body>${html}</body>`);
      try {
        expect(dom.window.document.body.getElementsByTagName('*').length).toBe(ENDLESS_STORY_ELEMENTS);
        expect(dom.window.document.querySelector('aside.support') !== null).toBe(index === 2);
      } finally {
        closePage(dom);
      }
    }
    expect(new Set(stories).size).toBe(3);
  });

  it('holds the first story and the rest in a script that no story can end early', () => {
    const html = endlessPageHtml(10_000);
    const dom = parseHtml(html);
    try {
      const doc = dom.window.document;
      expect(doc.querySelectorAll('#feed > section.story')).toHaveLength(1);
      const script = doc.querySelector('script')!.textContent!;
      const data = script.slice(script.indexOf('['), script.indexOf(';\nwindow.endless'));
      expect((JSON.parse(data) as string[]).length).toBe(3);
    } finally {
      closePage(dom);
    }
  });
});
