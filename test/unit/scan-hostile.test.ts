import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { scanDocument, scanText } from '../../src/scan/index';
import { allDetectors } from './scan-fixtures';

// Correctness on hostile input (no stack overflow, right answer); speed is the bench command's job.
describe('hostile input', () => {
  // jsdom itself needs quadratic time to parse deep nesting (and recursion to attach it), so the
  // unit test stays at 3 000 levels; the bench command measures 5 000.
  it('scans nesting 3 000 deep without recursion, and still finds the appeal at the bottom', () => {
    const depth = 3000;
    const appeal = '<div id="plea"><p>Dear readers, please support our journalism.</p><a href="/donate">Donate</a></div>';
    const html = `${'<div>'.repeat(depth)}${appeal}${'</div>'.repeat(depth)}`;
    const doc = new JSDOM(`<!doctype html><body>${html}<p>Some other text of the page.</p></body>`).window.document;
    const findings = scanDocument(doc, allDetectors);
    expect(findings.map((finding) => finding.element.id)).toEqual(['plea']);
  }, 60_000);

  it('scans 100 000 elements', () => {
    const row = '<li><span>item</span> <b>x</b></li>';
    const doc = new JSDOM(`<!doctype html><body>${`<ul>${row.repeat(100)}</ul>`.repeat(340)}</body>`).window.document;
    expect(doc.getElementsByTagName('*').length).toBeGreaterThan(100000);
    expect(scanDocument(doc, allDetectors)).toEqual([]);
  }, 60_000);

  it('scans an XML page whose form fields sit in elements without a style (no HTML elements at all)', () => {
    const story = 'A long paragraph of the story about the harbour, the ferries and the winter timetable. '.repeat(8);
    const xml = `<?xml version="1.0"?><page><body><article><h1>The ferries</h1><p>${story}</p><p>${story}</p></article>
      <box><h3>Subscribe to our newsletter</h3><form><input type="email" name="email"/><wrap><input type="text" name="email_2"/></wrap>
      <button>Sign up</button></form></box></body></page>`;
    const doc = new JSDOM(xml, { contentType: 'application/xml' }).window.document;
    expect(() => scanDocument(doc, allDetectors)).not.toThrow();
  });

  it('scans 5 MB of text', () => {
    const paragraph = 'A long paragraph of ordinary news prose about the weather, the council and the roads. '.repeat(10);
    const text = `${paragraph}\n\n`.repeat(5_000_000 / (paragraph.length + 2));
    const { clean, findings } = scanText(text, allDetectors, new JSDOM('').window.document);
    expect(findings).toEqual([]);
    expect(clean.length).toBeGreaterThan(4_900_000);
  }, 60_000);
});
