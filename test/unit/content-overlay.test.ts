// @vitest-environment jsdom
// Overlays: collapsing a scroll-locking newsletter modal gives scrolling back and hides its backdrop;
// revealing it puts both back exactly as the page had them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageState } from '../../src/messages';
import { collapsed, collapsedBy, fixture, isHidden, openPage, type OpenedPage } from './content-harness';

// The first page of a file loads and compiles the whole scan core under jsdom: allow for it.
vi.setConfig({ testTimeout: 20_000 });

let opened: OpenedPage | undefined;

/** jsdom does no layout: give fixed elements marked full-viewport a viewport-sized box. */
function fakeLayout(): void {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const full = this.style.position === 'fixed' && this.style.inset === '0';
    return new DOMRect(0, 0, full ? window.innerWidth : 300, full ? window.innerHeight : 40);
  });
}

beforeEach(fakeLayout);

afterEach(() => {
  opened?.page.stop();
  opened = undefined;
  vi.restoreAllMocks();
});

/** jsdom computes the `overflow` shorthand as given, without expanding it to overflow-y. */
function scrollLocked(element: HTMLElement): boolean {
  const style = getComputedStyle(element);
  return style.overflowY === 'hidden' || (style.overflow === 'hidden' && style.overflowY === '');
}

function backdrop(): HTMLElement {
  return document.querySelector<HTMLElement>('.overlay-backdrop')!;
}

async function revealModal(): Promise<void> {
  const state = (await opened!.fake.deliver({ type: 'tidings:get-page' })) as PageState;
  const modal = state.findings.find((finding) => finding.detectorId === 'newsletter-nag')!;
  expect(await opened!.fake.deliver({ type: 'tidings:reveal', id: modal.id })).toEqual({ ok: true });
}

describe('scroll-locking overlays', () => {
  it('restores scrolling locked by an inline style and hides the backdrop; reveal puts both back', async () => {
    const [article, modalHtml] = fixture('modal.html').split('<!-- modal -->') as [string, string];
    opened = await openPage(article);
    expect(collapsed()).toHaveLength(0);
    // The page opens its modal and locks scrolling in one go, as scripts do.
    document.body.insertAdjacentHTML('beforeend', modalHtml);
    document.body.style.overflow = 'hidden';
    const modal = document.querySelector<HTMLElement>('.newsletter-modal')!;
    await vi.waitFor(() => expect(collapsedBy(modal)).toBe('newsletter-nag'));

    expect(scrollLocked(document.body)).toBe(false);
    expect(isHidden(backdrop())).toBe(true);
    expect(backdrop().getAttribute('data-tidings-backdrop')).toBe(modal.getAttribute('data-tidings-id'));
    expect(collapsed()).toEqual([modal]);

    await revealModal();
    expect(document.body.getAttribute('style')).toBe('overflow: hidden;');
    expect(scrollLocked(document.body)).toBe(true);
    expect(backdrop().style.display).toBe('');
    expect(backdrop().hasAttribute('data-tidings-backdrop')).toBe(false);
  });

  it('overrides a lock set by a class when the modal is collapsed, and the page keeps its class', async () => {
    opened = await openPage(`<style>.modal-open { overflow: hidden; }</style>${fixture('modal.html')}`.replace('<main>', '<main class="x">'));
    await revealModal();
    document.body.classList.add('modal-open');
    const copy = document.querySelector<HTMLElement>('.newsletter-modal')!.cloneNode(true) as HTMLElement;
    copy.removeAttribute('data-tidings-revealed');
    document.body.append(copy);
    await vi.waitFor(() => expect(copy.hasAttribute('data-tidings-collapsed')).toBe(true));
    expect(scrollLocked(document.body)).toBe(false);
    expect(document.body.classList.contains('modal-open')).toBe(true);
  });

  it('unlocks a lock the page applies right after its modal was collapsed', async () => {
    opened = await openPage(`<style>html.modal-open { overflow: hidden; }</style>${fixture('modal.html')}`);
    expect(collapsed('newsletter-nag')).toHaveLength(1);
    document.documentElement.classList.add('modal-open');
    await vi.waitFor(() => expect(scrollLocked(document.documentElement)).toBe(false));
    expect(document.documentElement.classList.contains('modal-open')).toBe(true);

    await revealModal();
    expect(scrollLocked(document.documentElement)).toBe(true);
    expect(document.documentElement.hasAttribute('style')).toBe(false);
  });

  it('puts a scroll-locked fixed body back where the reader was', async () => {
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    document.body.removeAttribute('style');
    opened = await openPage(fixture('modal.html'));
    await revealModal();
    document.body.style.cssText = 'position: fixed; top: -640px; width: 100%';
    const modal = document.querySelector<HTMLElement>('.newsletter-modal')!;
    const copy = modal.cloneNode(true) as HTMLElement;
    copy.removeAttribute('data-tidings-revealed');
    document.body.append(copy);
    await vi.waitFor(() => expect(copy.hasAttribute('data-tidings-collapsed')).toBe(true));
    expect(getComputedStyle(document.body).position).toBe('static');
    expect(scrollTo).toHaveBeenCalledWith(0, 640);
  });
});
