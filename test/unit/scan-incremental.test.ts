// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { createScanContext, scanRoot } from '../../src/scan/index';
import { allDetectors } from './scan-fixtures';

const article = '<article><p>The council said on Monday that its plan for the river would cost more than expected.</p>'
  + '<p>Residents asked why the report came late, and officials promised a review of the budget.</p>'
  + '<p>Engineers, teachers and farmers in the valley spoke with reporters about the plan.</p></article>';
const appeal = '<h3>Dear readers</h3><p>Independent journalism depends on readers like you. Please support us: just $2 a month.</p>'
  + '<a href="/donate">Donate now</a>';

function appendAppeal(parent: Element): Element {
  const box = document.createElement('div');
  box.id = 'plea';
  box.innerHTML = appeal;
  parent.append(box);
  return box;
}

// The content script scans each batch of added nodes: the cost must follow the batch, not the page.
describe('incremental scans', () => {
  it('computes statistics for the added subtree and a bounded neighbourhood, not the whole <main> around it', () => {
    const items = Array.from({ length: 5000 }, (_, i) => `<li>Item ${i}</li>`).join('');
    document.body.innerHTML = `<main>${article}<ul>${items}</ul></main>`;
    const context = createScanContext(document, allDetectors);
    const box = appendAppeal(document.querySelector('main')!);
    // Every step of a walk reads firstChild or nextSibling: their count is the nodes the scan visited.
    const down = vi.spyOn(Node.prototype, 'firstChild', 'get');
    const across = vi.spyOn(Node.prototype, 'nextSibling', 'get');
    const findings = scanRoot(box, context);
    const steps = down.mock.calls.length + across.mock.calls.length;
    down.mockRestore();
    across.mockRestore();
    expect(findings.map((finding) => finding.element.id)).toEqual(['plea']);
    expect(steps).toBeGreaterThan(10);
    expect(steps).toBeLessThan(2000);
  });

  it('still climbs to a small box around the added part of an appeal', () => {
    document.body.innerHTML = `${article}<aside id="support"><h3>Dear readers</h3><div id="slot"></div></aside>`;
    const context = createScanContext(document, allDetectors);
    const slot = document.getElementById('slot')!;
    slot.innerHTML = '<p>Independent journalism depends on readers like you. Please support us: just $2 a month.</p><a href="/donate">Donate now</a>';
    expect(scanRoot(slot, context).map((finding) => finding.element.id)).toEqual(['support']);
  });
});
