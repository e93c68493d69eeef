// @vitest-environment jsdom
// One block, one bar, one count; and undo everywhere: "Hide again" after "Show", "Undo" after "Always show", "Never
// hide this here" rules (issue 12).
import { describe, expect, it, vi } from 'vitest';
import type { CollapsedBlock } from '../../src/content/collapse';
import {
  clickAction,
  collapsed,
  fixture,
  isHidden,
  eachTestsPage,
  placeholderFor,
  placeholders,
  shadowOf,
  trustedClick,
} from './content-harness';

vi.setConfig({ testTimeout: 20_000 });

const pages = eachTestsPage();
const { open } = pages;

const appeal = (): HTMLElement => document.querySelector<HTMLElement>('#support-us')!;

function notes(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('tidings-note')];
}

function label(bar: HTMLElement): string | null | undefined {
  return shadowOf(bar).querySelector('.label')?.textContent;
}

function pressNote(note: HTMLElement): void {
  trustedClick(shadowOf(note).querySelector('button')!);
}

/** Collapses `element` as a link list (what a detector would hand the collapser). */
function collapseLinkList(element: HTMLElement): CollapsedBlock | null {
  return pages.opened.page.collapser.collapse({ element, detectorId: 'link-farm', kind: 'linkfarm', reasons: [{ key: 'why_logLinks', values: ['12'] }] });
}

/** Three link lists side by side under the article, white space and a comment between them. */
function addLinkLists(): HTMLElement[] {
  const wall = document.createElement('section');
  wall.innerHTML = '<ul id="a"><li>a</li></ul>\n <!-- vendor --> <ul id="b"><li>b</li></ul> <ul id="c"><li>c</li></ul><p id="after">Story goes on</p>';
  document.querySelector('footer')!.before(wall);
  return ['#a', '#b', '#c'].map((selector) => document.querySelector<HTMLElement>(selector)!);
}

describe('one block, one bar, one count', () => {
  it('a block found around a collapsed one takes its place: one bar, a count of 1, and Show reveals all of it', async () => {
    const { page } = await open(fixture('news.html'));
    const widget = document.createElement('div');
    widget.innerHTML = '<h3 id="inner">Around the web</h3><ul><li>x</li></ul>';
    document.querySelector('footer')!.before(widget);
    const inner = widget.querySelector<HTMLElement>('#inner')!;
    const before = page.collapser.count;
    collapseLinkList(inner);
    collapseLinkList(widget);
    expect(page.collapser.count).toBe(before + 1);
    expect(inner.hasAttribute('data-tidings-collapsed')).toBe(false);
    expect(inner.style.display).toBe('');
    expect(widget.querySelectorAll('tidings-placeholder')).toHaveLength(0);

    clickAction(placeholderFor(widget), 'show');
    expect(widget.style.display).toBe('');
    // Nothing is collapsed inside a block the reader showed, nor is a block around it.
    expect(collapseLinkList(inner)).toBeNull();
    expect(collapseLinkList(widget.parentElement!)).toBeNull();
  });

  it('adjacent blocks of a kind share one bar, "3 link lists hidden · Show all", and count as three', async () => {
    const { page, fake } = await open(fixture('news.html'));
    const lists = addLinkLists();
    const before = page.collapser.count;
    lists.forEach(collapseLinkList);
    const bars = placeholders().filter((bar) => lists[0]!.parentElement!.contains(bar));
    expect(bars).toHaveLength(1);
    expect(label(bars[0]!)).toBe('3 link lists hidden');
    expect(shadowOf(bars[0]!).querySelector('[data-action="show"]')?.textContent).toBe('Show all');
    expect(page.collapser.count).toBe(before + 3);

    // One of them shown from the popup: the others keep a bar each side of it.
    const middle = lists[1]!.getAttribute('data-tidings-id')!;
    expect(await fake.deliver({ type: 'tidings:reveal', id: middle })).toEqual({ ok: true });
    expect(placeholders().filter((bar) => lists[0]!.parentElement!.contains(bar)).map(label)).toEqual(['Link farm hidden', 'Link farm hidden']);

    clickAction(placeholderFor(lists[0]!), 'show');
    clickAction(placeholderFor(lists[2]!), 'show');
    expect(lists.every((list) => list.style.display === '')).toBe(true);
  });

  it('a box of the page\'s starts and ends where its blocks do: a block after a box ending with one, or first in a box after one, shares its bar', async () => {
    await open(fixture('news.html'));
    const wall = document.createElement('section');
    // A story's wrapper whose subscription box ends it, then the comments' paywall after the wrapper; a wrapper whose
    // last words are the page's own, then a list after it; a list, then a box that opens with another.
    wall.innerHTML = '<div id="wrap"><p>Story text</p><div><div id="inner"><p>Subscribe</p></div>\n</div> <!-- end --></div><div id="next"><p>Comments are for subscribers</p></div>'
      + '<p>Between one</p><div id="wrap2"><div id="inner2"><p>x</p></div><p>Story goes on</p></div><div id="next2"><p>y</p></div>'
      + '<p>Between two</p><div id="prev3"><p>z</p></div><div id="wrap3"> <div id="first3"><p>w</p></div><p>More story</p></div>';
    document.querySelector('footer')!.before(wall);
    const blocks = ['#inner', '#next', '#inner2', '#next2', '#prev3', '#first3'].map((selector) => document.querySelector<HTMLElement>(selector)!);
    blocks.forEach(collapseLinkList);
    const bars = placeholders().filter((bar) => wall.contains(bar));
    expect(bars.map(label)).toEqual(['2 link lists hidden', 'Link farm hidden', 'Link farm hidden', '2 link lists hidden']);
    expect(bars.map((bar) => bar.nextElementSibling)).toEqual([blocks[0], blocks[2], blocks[3], blocks[4]]);
    clickAction(bars[0]!, 'show');
    expect([blocks[0], blocks[1]].map((block) => block!.style.display)).toEqual(['', '']);
  });

  it('blocks of other kinds, or with the page\'s own text between them, keep bars of their own', async () => {
    await open(fixture('news.html'));
    const lists = addLinkLists();
    collapseLinkList(lists[0]!);
    pages.opened.page.collapser.collapse({ element: lists[1]!, detectorId: 'newsletter-nag', kind: 'newsletter', reasons: [] });
    collapseLinkList(document.querySelector<HTMLElement>('#after')!);
    expect(placeholders().filter((bar) => lists[0]!.parentElement!.contains(bar))).toHaveLength(3);
  });

  // checkVisibility is the browsers' (Chrome 105, Firefox 106); jsdom has none, so the page's own hiding is stubbed.
  it('a block the page itself does not show gets no bar, counts, and stands between no others: the blocks either side share one', async () => {
    const { page } = await open(fixture('news.html'));
    const lists = addLinkLists();
    const before = page.collapser.count;
    lists[1]!.checkVisibility = () => false;
    lists.forEach(collapseLinkList);
    expect(lists.every(isHidden)).toBe(true);
    expect(page.collapser.count).toBe(before + 3);
    const bars = placeholders().filter((bar) => lists[0]!.parentElement!.contains(bar));
    expect(bars.map(label)).toEqual(['2 link lists hidden']);
    expect(bars[0]!.nextElementSibling).toBe(lists[0]);
    // Collapsed alone it has none either.
    const dialog = document.createElement('div');
    dialog.innerHTML = '<p>Sign up for our newsletter</p>';
    document.body.append(dialog);
    dialog.checkVisibility = () => false;
    collapseLinkList(dialog);
    expect(isHidden(dialog)).toBe(true);
    expect(document.querySelector(`tidings-placeholder[data-tidings-for="${dialog.getAttribute('data-tidings-id')}"]`)).toBeNull();
  });

  it('blocks collapsed before the page is laid out are told once it has loaded: the one it does not show loses its bar', async () => {
    await open(fixture('news.html'));
    // Firefox lays out nothing while a page's style sheets load: every element is unseen then, the body too. Here the
    // page's own styles hide what has `hidden`, and Tidings' inline display hides its blocks.
    const laidOut = { now: false };
    document.body.checkVisibility = () => laidOut.now;
    const blocks = ['shown', 'closed', 'after'].map((id) => {
      const block = document.createElement('div');
      block.id = id;
      block.innerHTML = '<p>Sign up for our newsletter</p>';
      block.hidden = id === 'closed';
      block.checkVisibility = () => laidOut.now && !block.hidden && block.style.display !== 'none';
      return block;
    });
    // The closed dialog and the box after it are adjacent: one bar for both, until the dialog is told unseen.
    document.body.append(blocks[0]!, document.createElement('hr'), blocks[1]!, blocks[2]!);
    blocks.forEach(collapseLinkList);
    const bars = () => blocks.map((block) => document.querySelector(`tidings-placeholder[data-tidings-for="${block.getAttribute('data-tidings-id')}"]`)).map((bar) => bar && label(bar as HTMLElement));
    expect(bars()).toEqual(['Link farm hidden', '2 link lists hidden', null]);
    laidOut.now = true;
    window.dispatchEvent(new Event('load'));
    delete (document.body as Partial<HTMLElement>).checkVisibility;
    expect(blocks.every(isHidden)).toBe(true);
    expect(bars()).toEqual(['Link farm hidden', null, 'Link farm hidden']);
  });
});

describe('undo', () => {
  it('"Show" puts the focus on the block under a "Hide again" note, which brings the bar back with the focus on it', async () => {
    const { fake } = await open(fixture('news.html'));
    clickAction(placeholderFor(appeal()), 'show');
    expect(document.activeElement).toBe(appeal());
    expect(appeal().getAttribute('tabindex')).toBe('-1');
    const [note] = notes();
    expect(note?.nextElementSibling).toBe(appeal());
    expect(label(note!)).toBe('Donation appeal shown');

    // jsdom knows no delegatesFocus, so a bar's host cannot hold the focus here: see that it is given it.
    const focused = vi.spyOn(HTMLElement.prototype, 'focus');
    pressNote(note!);
    expect(isHidden(appeal())).toBe(true);
    expect(appeal().hasAttribute('tabindex')).toBe(false);
    expect(notes()).toHaveLength(0);
    expect(focused.mock.contexts.at(-1)).toBe(placeholderFor(appeal()));
    focused.mockRestore();

    // The popup's "Hide" does the same for a block shown there.
    const id = appeal().getAttribute('data-tidings-id')!;
    await fake.deliver({ type: 'tidings:reveal', id });
    expect(await fake.deliver({ type: 'tidings:hide', id })).toEqual({ ok: true });
    expect(isHidden(appeal())).toBe(true);
    expect(await fake.deliver({ type: 'tidings:hide', id })).toEqual({ ok: false });
  });

  it('"Always show" names its reach, says what it stored, and "Undo" leaves the settings as before', async () => {
    const { store } = await open(fixture('news.html'));
    const before = (await store.loadSettings()).settings;
    const bar = placeholderFor(appeal());
    expect(shadowOf(bar).querySelector('[data-action="always-show"]')?.textContent).toBe('Always show donation appeals on news.example');

    const focused = vi.spyOn(HTMLElement.prototype, 'focus');
    clickAction(bar, 'always-show');
    await vi.waitFor(() => expect(collapsed('donation-appeal')).toHaveLength(0));
    const [note] = notes();
    expect(label(note!)).toBe('Always shown on news.example: donation appeals');
    expect(focused.mock.contexts.at(-1)).toBe(note);
    focused.mockRestore();
    expect((await store.loadSettings()).settings.siteExceptions).toEqual({ 'news.example': ['donation-appeal'] });

    pressNote(note!);
    await vi.waitFor(() => expect(collapsed('donation-appeal')).toHaveLength(1));
    const after = (await store.loadSettings()).settings;
    expect({ ...after, savedAt: undefined }).toEqual({ ...before, savedAt: undefined });
    expect(notes()).toHaveLength(0);
  });

  it('"Never hide this here" rules keep their blocks shown, and taking one back collapses the block again', async () => {
    const { change } = await open(fixture('news.html'), { stored: (s) => ({ ...s, neverHide: { 'www.news.example': ['#support-us'] } }) });
    expect(appeal().hasAttribute('data-tidings-collapsed')).toBe(false);
    expect(collapsed('newsletter-nag')).toHaveLength(1);

    await change((s) => ({ ...s, neverHide: {} }));
    await vi.waitFor(() => expect(isHidden(appeal())).toBe(true));
    await change((s) => ({ ...s, neverHide: { 'news.example': ['#support-us > p'] } }));
    await vi.waitFor(() => expect(appeal().hasAttribute('data-tidings-collapsed')).toBe(false));
  });
});

describe('a page removing blocks', () => {
  it('a block the page replaces with another element loses its bar', async () => {
    await open(fixture('news.html'));
    const bar = placeholderFor(appeal());
    appeal().replaceWith(document.createElement('div'));
    await vi.waitFor(() => expect(bar.isConnected).toBe(false));
  });

  it('a block the page moves into a part not scanned yet, then takes out from there, loses its bar', async () => {
    await open(fixture('news.html'));
    const block = appeal();
    const bar = placeholderFor(block);
    const part = document.createElement('div');
    document.body.append(part);
    part.append(block);
    // The move's records are read; the part waits for the next batch.
    await Promise.resolve();
    block.remove();
    await vi.waitFor(() => expect(bar.isConnected).toBe(false));
  });

  it('a run that loses a block keeps one bar for the rest; other bars are left as they are', async () => {
    const { page } = await open(fixture('news.html'));
    const lists = addLinkLists();
    lists.forEach(collapseLinkList);
    const appealBar = placeholderFor(appeal());
    lists[0]!.remove();
    page.collapser.prune();
    expect(placeholders().filter((bar) => lists[1]!.parentElement!.contains(bar)).map(label)).toEqual(['2 link lists hidden']);
    expect(placeholderFor(appeal())).toBe(appealBar);
  });
});
