// @vitest-environment jsdom
// Attack 9 of issue 13, its blind spots: an appeal inside a web component's shadow root was never scanned. Open
// shadow roots are now read like the document, and so are the documents of same-origin frames, which the content
// script in the top frame can reach.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collapsedBy, fixture, openPage, type OpenedPage } from '../unit/content-harness';

vi.setConfig({ testTimeout: 20_000 });

let opened: OpenedPage | undefined;

afterEach(() => {
  opened?.page.stop();
  opened = undefined;
});

const appeal = (id: string): string => `<section id="${id}"><h3>Before you go</h3><p>Dear readers, our independent journalism depends on
  you. Please support us today from just $2 a month.</p><a href="/donate">Donate now</a></section>`;

const main = (): HTMLElement => document.querySelector('main')!;

describe('open shadow roots', () => {
  it('an appeal in a web component added to the page is collapsed, and so is one it adds later', async () => {
    opened = await openPage(fixture('news.html'));
    const component = document.createElement('reader-appeal');
    const shadow = component.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<style>p { color: red }</style>${appeal('in-shadow')}`;
    main().append(component);
    await vi.waitFor(() => expect(collapsedBy(shadow.querySelector('#in-shadow')!)).toBe('donation-appeal'));
    // Its placeholder stands before it, inside the shadow root.
    expect(shadow.querySelector('#in-shadow')!.previousElementSibling?.localName).toBe('tidings-placeholder');

    const later = document.createElement('div');
    later.innerHTML = appeal('later-in-shadow');
    shadow.append(later);
    await vi.waitFor(() => expect(collapsedBy(shadow.querySelector('#later-in-shadow')!)).toBe('donation-appeal'));
  });

  it('reaches a shadow root inside a shadow root', async () => {
    opened = await openPage(fixture('news.html'));
    const outer = document.createElement('news-widget');
    const inner = document.createElement('reader-appeal');
    const innerShadow = inner.attachShadow({ mode: 'open' });
    innerShadow.innerHTML = appeal('deep');
    outer.attachShadow({ mode: 'open' }).append(inner);
    main().append(outer);
    await vi.waitFor(() => expect(collapsedBy(innerShadow.querySelector('#deep')!)).toBe('donation-appeal'));
  });
});

describe('same-origin frames', () => {
  it("an appeal in a same-origin frame's document is collapsed, and so is one added there later", async () => {
    opened = await openPage(fixture('news.html'));
    const frame = document.createElement('iframe');
    main().append(frame);
    const frameDocument = frame.contentDocument!;
    frameDocument.body.innerHTML = `<article><p>${'A story told inside the frame, long enough to read as prose. '.repeat(3)}</p></article>${appeal('in-frame')}`;
    await vi.waitFor(() => expect(collapsedBy(frameDocument.querySelector('#in-frame')!)).toBe('donation-appeal'));
    expect(frameDocument.querySelector('#in-frame')!.previousElementSibling?.localName).toBe('tidings-placeholder');

    const later = frameDocument.createElement('div');
    later.innerHTML = appeal('later-in-frame');
    frameDocument.body.append(later);
    await vi.waitFor(() => expect(collapsedBy(frameDocument.querySelector('#later-in-frame')!)).toBe('donation-appeal'));
    expect(frameDocument.querySelector('article p')!.closest('[data-tidings-collapsed]')).toBeNull();
  });
});
