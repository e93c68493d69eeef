import { describe, expect, it } from 'vitest';
import { deepNestingHtml, longText, newsPageHtml } from '../../src/cli/bench-inputs';
import { parseHtml } from '../../src/cli/page';

describe('bench inputs', () => {
  it('builds a news page of the asked element count, with an article and appeals among the clutter', () => {
    const html = newsPageHtml(2_500);
    const doc = parseHtml(html).window.document;
    // The generator stops after the piece that reaches the target; pieces add at most 43 elements, the footer 2.
    const elements = doc.getElementsByTagName('*').length;
    expect(elements).toBeGreaterThanOrEqual(2_500);
    expect(elements).toBeLessThanOrEqual(2_500 + 43 + 2);
    expect(doc.querySelectorAll('article > p')).toHaveLength(30);
    expect(doc.querySelectorAll('aside.support').length).toBeGreaterThan(0);
    expect(doc.querySelectorAll('.newsletter').length).toBeGreaterThan(0);
    expect(doc.querySelectorAll('.links ul').length).toBeGreaterThan(10);
    expect(newsPageHtml(2_500)).toBe(html);
  }, 30_000);

  it('nests the article text under `depth` divs with the appeal halfway down', () => {
    const doc = parseHtml(deepNestingHtml(300)).window.document;
    const deepest = [...doc.querySelectorAll('p')].at(-1);
    let divs = 0;
    for (let element = deepest?.parentElement ?? null; element; element = element.parentElement) if (element.localName === 'div') divs++;
    expect(divs).toBe(300);
    const appeal = doc.querySelector('aside.support');
    let appealDepth = 0;
    for (let element = appeal?.parentElement ?? null; element; element = element.parentElement) if (element.localName === 'div') appealDepth++;
    expect(appealDepth).toBe(150);
  }, 30_000);

  it('writes plain text of the asked size in blank-line separated paragraphs, appeals included', () => {
    const text = longText(50_000);
    expect(text.length).toBeGreaterThanOrEqual(50_000 - 2);
    expect(text.length).toBeLessThan(50_000 + 1_000);
    const paragraphs = text.split('\n\n');
    expect(paragraphs.length).toBeGreaterThan(100);
    expect(paragraphs.filter((paragraph) => paragraph.startsWith('Dear readers')).length).toBeGreaterThan(1);
  });
});
