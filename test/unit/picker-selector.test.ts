// @vitest-environment jsdom
// Selectors the picker keeps as a site's rule, on hostile markup: generated ids, hashed class names, no ids at all.
// Each must find the picked block alone, survive a rebuild of the page that changes what a build makes up, and be
// one the settings accept (not too costly to match).
import { describe, expect, it } from 'vitest';
import { looksGenerated, selectorFor } from '../../src/picker/selector';
import { selectorCost } from '../../src/settings/selector-cost';

function page(html: string): void {
  document.body.innerHTML = html;
}

function pick(selector: string): Element {
  const element = document.querySelector(selector);
  if (element === null) throw new Error(`no ${selector}`);
  return element;
}

/** The selector for the element, checked: it names that element alone and the settings accept it. */
function ruleFor(target: string): string {
  const element = pick(target);
  const selector = selectorFor(element);
  expect([...document.querySelectorAll(selector)]).toEqual([element]);
  expect(selectorCost(selector)).toBeNull();
  return selector;
}

describe('looksGenerated', () => {
  it.each(['ember1234', ':r1:', 'post-84213', 'Header_title__a1B2c', 'sc-bdfBwQ', 'kQdJxH', 'css-1x2y3z', 'jss-header-12', 'jss42', 'x9f3k2', '1column', 'a'.repeat(41)])(
    '%s is made up by a build or a framework',
    (name) => expect(looksGenerated(name)).toBe(true),
  );
  it.each(['support-us', 'newsletter', 'article-body', 'col-md-6', 'h2', 'item-2', 'navBarItem', 'RelatedLinks', 'trending_now', 'OUTBRAIN'])(
    '%s was written by a person',
    (name) => expect(looksGenerated(name)).toBe(false),
  );
});

describe('selectorFor', () => {
  it('uses a stable id', () => {
    page('<main><div id="support-us"><p>Please give</p></div></main>');
    expect(ruleFor('#support-us')).toBe('div#support-us');
  });

  it('passes over a generated id and hashed classes for the stable class beside them', () => {
    page(`<main>
      <div id="ember1234" class="sc-bdfBwQ Header_title__a1B2c promo-box"><p>Get the app</p></div>
      <div id="ember1235" class="sc-kQdJxH story"><p>Story</p></div>
    </main>`);
    const selector = ruleFor('#ember1234');
    expect(selector).toBe('div.promo-box');
    // The next build makes up other ids and hashes: the rule still finds the block.
    document.body.innerHTML = document.body.innerHTML.replace(/ember1234/, 'ember88').replace(/sc-bdfBwQ/, 'sc-zzTopQ').replace(/a1B2c/, 'x7Y8z');
    expect(document.querySelector(selector)?.textContent).toBe('Get the app');
  });

  it('with nothing stable to name it, finds the block by its place under the nearest stable ancestor', () => {
    page(`<div id="root"><div class="css-1x2y3z"><div class="css-9q8w7e">Story</div><div class="css-4r5t6y">Around the web</div></div></div>`);
    const selector = ruleFor('.css-4r5t6y');
    expect(selector).toBe('div#root > div > div:nth-of-type(2)');
  });

  it('with no ids at all, climbs to a unique path of tags, classes and places', () => {
    page(`<section class="rail"><ul><li>a</li></ul><ul><li>b</li></ul></section><section class="rail"><ul><li>c</li></ul><ul><li>d</li></ul></section>`);
    const selector = ruleFor('section:nth-of-type(2) > ul:nth-of-type(2)');
    expect(selector).toBe('section.rail:nth-of-type(2) > ul:nth-of-type(2)');
  });

  it('prefers a test id to generated classes', () => {
    page('<div><aside class="x9f3k2" data-testid="newsletter-signup">Sign up</aside><aside class="x9f3k3">Other</aside></div>');
    expect(ruleFor('[data-testid]')).toBe('aside[data-testid="newsletter-signup"]');
  });

  it('keeps to the parts the settings accept on a deep page', () => {
    let html = '<p>x</p>';
    for (let depth = 0; depth < 30; depth += 1) html = `<div><span>${depth}</span>${html}</div>`;
    page(html);
    const selector = selectorFor(pick('p'));
    expect(selectorCost(selector)).toBeNull();
    expect(document.querySelector(selector)).toBe(pick('p'));
  });

  it('escapes what a stable id may hold', () => {
    page('<div id="über-box">x</div><div id="other">y</div>');
    expect(ruleFor('[id="über-box"]')).toContain('#');
  });
});
