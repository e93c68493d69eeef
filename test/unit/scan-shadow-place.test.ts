// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { provideAllLexicons } from '../../src/lexicons/all';
import { matcherFor } from '../../src/scan/phrases';
import { afterHeadline, placeOf } from '../../src/scan/scan';
import { statsSteps } from '../../src/scan/stats';
import { drain } from '../../src/scan/steps';

provideAllLexicons();

const story = '<article id="story"><p>The harbour line carried paying passengers again on Saturday, for the first time since 1984.</p></article>';

/** The place of the appeal inside the open shadow root of `#host`, from an index of the shadow tree alone (as the content script reads one). */
function placeOfShadowAppeal(): string {
  const host = document.getElementById('host')!;
  host.attachShadow({ mode: 'open' }).innerHTML = '<section id="appeal"><p>Please support us today from just $2 a month.</p></section>';
  const appeal = host.shadowRoot!.getElementById('appeal')!;
  const index = drain(statsSteps(appeal, matcherFor({ langs: ['en'], userPhrases: {} })));
  return placeOf(index, appeal, document.getElementById('story'));
}

// Compared across trees, browsers order nodes each their own way (Firefox put a component after the story before it):
// a component's content is placed where the component stands.
describe('the place of a web component\'s content relative to the article', () => {
  it('is after the article when the component follows it', () => {
    document.body.innerHTML = `<main>${story}<reader-appeal id="host"></reader-appeal></main>`;
    expect(placeOfShadowAppeal()).toBe('after');
  });

  it('is before the article when the component comes first', () => {
    document.body.innerHTML = `<main><reader-appeal id="host"></reader-appeal>${story}</main>`;
    expect(placeOfShadowAppeal()).toBe('before');
  });

  it('is inside the article when the component stands in it', () => {
    document.body.innerHTML = `<main>${story}</main>`;
    document.getElementById('story')!.append(Object.assign(document.createElement('reader-appeal'), { id: 'host' }));
    expect(placeOfShadowAppeal()).toBe('inside');
  });
});

// A row of the story's tags may go before the article's body only under the page's headline (scan.ts storyTags).
describe('whether a block comes after the page\'s headline', () => {
  it('is told for the document\'s own elements', () => {
    document.body.innerHTML = '<div id="top"></div><h1>Harbour line reopens</h1><div id="under"></div>';
    expect(afterHeadline(document, document.getElementById('top')!)).toBe(false);
    expect(afterHeadline(document, document.getElementById('under')!)).toBe(true);
  });

  it('is never said of a component\'s content, which is in no order with the headline', () => {
    document.body.innerHTML = '<site-sections id="host"></site-sections><h1>Harbour line reopens</h1>';
    const host = document.getElementById('host')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<div id="sections"><a href="/category/news">News</a> <a href="/category/sport">Sport</a></div>';
    expect(afterHeadline(document, host.shadowRoot!.getElementById('sections')!)).toBe(false);
  });

  it('is never said on a page without one', () => {
    document.body.innerHTML = '<div id="under"></div>';
    expect(afterHeadline(document, document.getElementById('under')!)).toBe(false);
  });
});
