import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cssPath, escapeIdentifier } from '../../src/cli/css-path';
import { parseHtml } from '../../src/cli/page';

function expectUniquePaths(doc: Document): void {
  for (const element of doc.querySelectorAll('body, body *')) {
    const path = cssPath(element);
    const matches = [...doc.querySelectorAll(path)];
    expect(matches, path).toEqual([element]);
  }
}

describe('cssPath', () => {
  it('names exactly one element for every element of a fixture page', () => {
    const html = readFileSync(join(__dirname, '../fixtures/corpus-mini/pages/news.html'), 'utf8');
    expectUniquePaths(parseHtml(html).window.document);
  });

  it('stays unique with duplicate ids, awkward ids and same-tag siblings', () => {
    const doc = parseHtml(`<body>
      <div id="dup"><p>a</p><p>b</p></div>
      <div id="dup"><p>c</p><span>d</span><p>e</p></div>
      <section id="2col"><ul><li>x</li><li>y</li></ul></section>
      <section id="a:b.c"><div><div><em>z</em></div></div></section>
      <div id=""><p>empty id</p></div>
    </body>`).window.document;
    expectUniquePaths(doc);
  });

  it('writes the corpus label style: nearest unique id, nth-of-type only among same-tag siblings', () => {
    const doc = parseHtml('<body><div id="main"><div>a</div><div><ul><li>x</li></ul></div></div></body>').window.document;
    expect(cssPath(doc.querySelector('ul')!)).toBe('#main > div:nth-of-type(2) > ul');
    expect(cssPath(doc.querySelector('#main')!)).toBe('#main');
  });

  it('starts from body when no ancestor has a unique id', () => {
    const doc = parseHtml('<body><div>a</div><div><p>b</p></div></body>').window.document;
    expect(cssPath(doc.querySelector('p')!)).toBe('body > div:nth-of-type(2) > p');
  });
});

describe('escapeIdentifier', () => {
  it('escapes like CSS.escape', () => {
    expect(escapeIdentifier('2col')).toBe('\\32 col');
    expect(escapeIdentifier('a:b.c')).toBe('a\\:b\\.c');
    expect(escapeIdentifier('-')).toBe('\\-');
    expect(escapeIdentifier('-1x')).toBe('-\\31 x');
    expect(escapeIdentifier('plain_id-1')).toBe('plain_id-1');
  });
});
