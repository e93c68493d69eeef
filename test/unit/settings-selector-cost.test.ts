// What a reader's selector may cost: judged from its text (settings/selector-cost.ts).
import { describe, expect, it } from 'vitest';
import { selectorCost } from '../../src/settings/selector-cost';

describe('selectorCost', () => {
  it.each([
    '.ad', 'div.promo > a', ':is(div, span, b)', ':not(.a.b[x="a b > c"])', ':nth-child(2n + 1)', 'li:nth-last-child( 3 )',
    'a b c d e f g h', 'a b c d, e f g h i', '[data-x="(:has("]', 'a\\:has\\(b\\)', ':where(.a , .b)', 'div :is(.a)', 'p::before',
    ':lang(en) p', 'a[href*="donate"]',
  ])('accepts %s', (selector) => {
    expect(selectorCost(selector)).toBeNull();
  });

  it.each([
    [':is(div, span, b):not(:has(q))', 'has'],
    ['div:has(> p)', 'has'],
    [':HAS(a)', 'has'],
    [':is(div p)', 'nested'],
    [':not(:is(.a))', 'nested'],
    [':not(p *)', 'nested'],
    [':nth-child(2n+1 of .a)', 'nested'],
    [':-webkit-any(a b)', 'nested'],
    ['a b c d e f g h i', 'parts'],
    ['a>b>c>d>e>f>g>h>i', 'parts'],
  ])('refuses %s (%s)', (selector, reason) => {
    expect(selectorCost(selector)).toBe(reason);
  });
});
