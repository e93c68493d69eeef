import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/cli/page';

function bodyText(bytes: Buffer): string {
  return parseHtml(bytes).window.document.body.textContent ?? '';
}

describe('saved pages are decoded as they were served', () => {
  it('reads a legacy charset the page declares', () => {
    const page = Buffer.concat([
      Buffer.from('<html><head><meta charset="iso-8859-1"></head><body>'),
      Buffer.from([0x48, 0x65, 0x72, 0x62, 0x73, 0x74, 0x70, 0x72, 0xfc, 0x66, 0x75, 0x6e, 0x67]), // "Herbstprüfung" in Latin-1
      Buffer.from('</body></html>'),
    ]);
    expect(bodyText(page)).toBe('Herbstprüfung');
  });

  it('reads UTF-8 bytes as UTF-8 even when the page still declares the charset it was served in', () => {
    // A saver re-encoded the page as UTF-8 and kept its <meta>: read as windows-1251 its words would be mojibake.
    const page = Buffer.from('<html><head><meta charset="windows-1251"></head><body>Подписаться на рассылку</body></html>', 'utf8');
    expect(bodyText(page)).toBe('Подписаться на рассылку');
  });

  it('falls back to windows-1252 for undeclared bytes that are not UTF-8', () => {
    const page = Buffer.concat([Buffer.from('<body>'), Buffer.from([0x47, 0x72, 0xfc, 0xdf, 0x65]), Buffer.from('</body>')]);
    expect(bodyText(page)).toBe('Grüße');
  });
});

describe('pages with CSS jsdom cannot read', () => {
  it('parses a page whose inline style has a malformed calc(), dropping only that declaration', () => {
    const page = '<body><div style="padding-bottom: calc(100% / ()); color: red">Story text</div><p>More story</p></body>';
    const doc = parseHtml(page).window.document;
    expect(doc.body.textContent).toBe('Story textMore story');
    expect((doc.querySelector('div') as HTMLElement).style.color).toBe('red');
  });
});
