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

/** A same-origin frame added to the page, its document a short story and an appeal with the id in-frame. */
function frameWithAppeal(): Document {
  const frame = document.createElement('iframe');
  main().append(frame);
  const frameDocument = frame.contentDocument!;
  frameDocument.body.innerHTML = `<article><p>${'A story told inside the frame, long enough to read as prose. '.repeat(3)}</p></article>${appeal('in-frame')}`;
  return frameDocument;
}

/** A web component whose open shadow root holds an appeal with this id. */
function componentWithAppeal(id: string): { component: HTMLElement; shadow: ShadowRoot } {
  const component = document.createElement('reader-appeal');
  const shadow = component.attachShadow({ mode: 'open' });
  shadow.innerHTML = appeal(id);
  return { component, shadow };
}

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

describe('yields to the page that do not come back', () => {
  // scheduler.yield() gives the page its turn between slices of work; one that never settles or fails must not stop
  // the work (a Firefox CI run once saw a component's appeal never read, the sweep after the scans never resumed).
  const yields = [
    ['comes back', () => new Promise<void>((resolve) => setTimeout(resolve))],
    ['never settles', () => new Promise<void>(() => {})],
    ['fails', () => Promise.reject(new Error('no turn for you'))],
  ] as const;
  for (const [name, yieldOf] of yields) {
    it(`still sweeps for shadow roots when a yield ${name}`, async () => {
      vi.stubGlobal('scheduler', { yield: yieldOf });
      try {
        opened = await openPage(fixture('news.html'));
        // A part too big for one batch: the work left over goes on after a yield.
        const comments = document.createElement('section');
        comments.innerHTML = '<p>A reader wrote in to say the new timetable works well for early shifts.</p>'.repeat(3000);
        const { component, shadow } = componentWithAppeal('in-held-shadow');
        comments.append(component);
        main().append(comments);
        // 3 000 paragraphs take a few sliced batches, each followed by a yield: on a busy machine more than waitFor's 1 s.
        await vi.waitFor(() => expect(collapsedBy(shadow.querySelector('#in-held-shadow')!)).toBe('donation-appeal'), { timeout: 5000 });
      } finally {
        vi.unstubAllGlobals();
      }
    });
  }
});

describe('a part whose reading throws', () => {
  it('does not end the work: the rest of what was added is still swept and read', async () => {
    opened = await openPage(fixture('news.html'));
    // As an element of a frame's document that went away under a scan does in Firefox ("can't access dead object").
    const names = Element.prototype.getAttributeNames;
    const dead = vi.spyOn(Element.prototype, 'getAttributeNames').mockImplementation(function (this: Element) {
      if (this.id === 'gone') throw new TypeError("can't access dead object");
      return names.call(this);
    });
    // The error still reaches the console (the page's error event); here it is expected.
    const expected = (event: ErrorEvent): void => {
      if (event.error instanceof TypeError && event.error.message === "can't access dead object") event.preventDefault();
    };
    window.addEventListener('error', expected);
    try {
      // One addition, nothing after it: the scan of it throws, and its sweep (which finds the component) is left.
      const part = document.createElement('section');
      part.innerHTML = '<p id="gone">A paragraph the scan cannot read.</p>';
      const { component, shadow } = componentWithAppeal('beside-the-gone-part');
      part.append(component);
      main().append(part);
      await vi.waitFor(() => expect(collapsedBy(shadow.getElementById('beside-the-gone-part')!)).toBe('donation-appeal'), { timeout: 3000 });
    } finally {
      dead.mockRestore();
      window.removeEventListener('error', expected);
    }
  });
});

/** Makes a document's nodes throw at every read, as Firefox does once a frame navigated away from the document. */
function kill(frameDocument: Document): void {
  for (const node of [frameDocument, ...frameDocument.querySelectorAll('*')]) {
    for (const property of ['isConnected', 'parentElement', 'parentNode', 'firstChild', 'nextSibling', 'style']) {
      Object.defineProperty(node, property, { configurable: true, get: () => { throw new TypeError("can't access dead object"); } });
    }
    for (const method of ['remove', 'removeAttribute', 'getAttribute']) {
      Object.defineProperty(node, method, { configurable: true, value: () => { throw new TypeError("can't access dead object"); } });
    }
  }
}

/**
 * A frame whose document goes away once the content script has begun to read it: in Firefox the nodes of a document a
 * frame navigated away from (its first, blank one, when its srcdoc loads) throw at every read ("can't access dead
 * object"), `isConnected` and `parentElement` included. Resolves when that document is dead.
 */
function frameThatGoesAway(paragraphs: number): { frame: HTMLIFrameElement; gone: Promise<void> } {
  const frame = document.createElement('iframe');
  let died: () => void;
  const gone = new Promise<void>((resolve) => (died = resolve));
  const observe = MutationObserver.prototype.observe;
  const watched = vi.spyOn(MutationObserver.prototype, 'observe').mockImplementation(function (this: MutationObserver, target, options) {
    observe.call(this, target, options);
    if (target !== frame.contentDocument) return;
    watched.mockRestore();
    // Right after this batch, which queued the frame's document to be read and swept.
    queueMicrotask(() => {
      kill(target as Document);
      died();
    });
  });
  frame.addEventListener('load', () => {
    frame.contentDocument!.body.innerHTML = '<p>A line of the frame\'s first document.</p>'.repeat(paragraphs);
  }, { once: true });
  return { frame, gone };
}

describe("a frame's document left behind", () => {
  it('is dropped from what waits to be read: the batches go on and read what was added beside it', async () => {
    opened = await openPage(fixture('news.html'));
    const { frame, gone } = frameThatGoesAway(1);
    const { component, shadow } = componentWithAppeal('beside-the-dead-frame');
    main().append(frame, component);
    await gone;
    await vi.waitFor(() => expect(collapsedBy(shadow.getElementById('beside-the-dead-frame')!)).toBe('donation-appeal'), { timeout: 3000 });
  });

  it('ends its sweep there: what is added later is still swept', async () => {
    opened = await openPage(fixture('news.html'));
    // Long enough that its sweep is still under way when it dies.
    const { frame, gone } = frameThatGoesAway(20_000);
    main().append(frame);
    await gone;
    const { component, shadow } = componentWithAppeal('after-the-dead-frame');
    main().append(component);
    await vi.waitFor(() => expect(collapsedBy(shadow.getElementById('after-the-dead-frame')!)).toBe('donation-appeal'), { timeout: 5000 });
  });

  it('with a block collapsed in it, is forgotten: a block the page removes later takes its bar with it', async () => {
    opened = await openPage(fixture('news.html'));
    const frameDocument = frameWithAppeal();
    const onPage = document.createElement('div');
    onPage.innerHTML = appeal('on-page');
    main().append(onPage);
    await vi.waitFor(() => expect(collapsedBy(frameDocument.querySelector('#in-frame')!)).toBe('donation-appeal'));
    await vi.waitFor(() => expect(collapsedBy(document.getElementById('on-page')!)).toBe('donation-appeal'));
    const bar = document.getElementById('on-page')!.previousElementSibling!;
    expect(bar.localName).toBe('tidings-placeholder');
    const ids = opened.page.collapser.summaries().map((summary) => summary.id);
    const ofTheseTwo = [frameDocument.querySelector('#in-frame')!, document.getElementById('on-page')!].map((block) => block.getAttribute('data-tidings-id'));

    kill(frameDocument);
    document.getElementById('on-page')!.remove();
    await vi.waitFor(() => expect(bar.isConnected).toBe(false));
    expect(opened.page.collapser.summaries().map((summary) => summary.id)).toEqual(ids.filter((id) => !ofTheseTwo.includes(id)));
  });
});

describe('same-origin frames', () => {
  it("an appeal in a same-origin frame's document is collapsed, and so is one added there later", async () => {
    opened = await openPage(fixture('news.html'));
    const frameDocument = frameWithAppeal();
    await vi.waitFor(() => expect(collapsedBy(frameDocument.querySelector('#in-frame')!)).toBe('donation-appeal'));
    expect(frameDocument.querySelector('#in-frame')!.previousElementSibling?.localName).toBe('tidings-placeholder');

    const later = frameDocument.createElement('div');
    later.innerHTML = appeal('later-in-frame');
    frameDocument.body.append(later);
    await vi.waitFor(() => expect(collapsedBy(frameDocument.querySelector('#later-in-frame')!)).toBe('donation-appeal'));
    expect(frameDocument.querySelector('article p')!.closest('[data-tidings-collapsed]')).toBeNull();
  });
});
