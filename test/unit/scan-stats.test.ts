import { describe, expect, it } from 'vitest';
import { drain } from '../../src/scan/steps';
import { matcherFor } from '../../src/scan/phrases';
import { hasHint, statsSteps, withStatsIndex, type StatsIndex } from '../../src/scan/stats';
import type { DetectContext } from '../../src/core/types';
import { pageFrom } from './scan-fixtures';

const context: DetectContext = { sensitivity: 'normal', langs: ['en'], userPhrases: {} };

function indexOf(html: string): { doc: Document; index: StatsIndex } {
  const doc = pageFrom(html);
  return { doc, index: drain(statsSteps(doc.body, matcherFor(context))) };
}

describe('the statistics index', () => {
  it('keeps no record for inline elements without element children, and counts their figures in their parent', () => {
    const { doc, index } = indexOf('<div id="box"><p id="line">Read <b>this</b> and <a href="/donate">donate</a> <img src="x.png"></p><span id="wrap"><a href="/a">A</a></span></div>');
    const byId = (id: string): Element => doc.getElementById(id)!;
    expect(index.stats.has(byId('box'))).toBe(true);
    expect(index.stats.has(byId('line'))).toBe(true);
    // An inline element holding elements keeps its record: it may be a list of links of its own.
    expect(index.stats.has(byId('wrap'))).toBe(true);
    for (const leaf of doc.querySelectorAll('b, #line > a, img, #wrap > a')) expect(index.stats.has(leaf)).toBe(false);
    // Every element keeps its place in document order, with or without a record.
    expect(index.elements).toHaveLength(doc.body.querySelectorAll('*').length + 1);
    const line = index.stats.get(byId('line'))!;
    expect(line).toMatchObject({ links: 1, donateLinks: 1, images: 1, linkTextLength: 'donate'.length });
  });

  it('reads the class names of every element inside a block, however the blocks around it are asked', () => {
    const { doc, index } = indexOf('<div id="outer"><div id="first"><p>One <a class="newsletter-signup" href="/n">Sign up</a></p></div>'
      + '<div id="second"><p>Two <span class="plain">words</span></p></div><div id="third"><div id="deep"><i class="mailchimp-icon"></i></div></div></div>');
    const hintOf = (id: string): boolean => withStatsIndex(index, () => hasHint(index.stats.get(doc.getElementById(id)!)!, 'newsletter'));
    // The outer block first: its walk fills in the blocks inside it, each with its own hints only.
    expect(hintOf('outer')).toBe(true);
    expect(hintOf('first')).toBe(true);
    expect(hintOf('second')).toBe(false);
    expect(hintOf('third')).toBe(true);
    expect(hintOf('deep')).toBe(true);
    // The other way round: inner blocks known first, the outer one reads them as they are.
    const again = indexOf(doc.body.innerHTML);
    const hintAgain = (id: string): boolean => withStatsIndex(again.index, () => hasHint(again.index.stats.get(again.doc.getElementById(id)!)!, 'newsletter'));
    expect(hintAgain('second')).toBe(false);
    expect(hintAgain('deep')).toBe(true);
    expect(hintAgain('outer')).toBe(true);
  });

  it('tells the fields of a form by their type, else by their name, placeholder, id or label', () => {
    const { doc, index } = indexOf('<form id="signup"><input type="email"><input placeholder="Your e-mail address"><input aria-label="Correo electrónico">'
      + '<input name="q"><input id="suche-feld"><input name="first-name" placeholder="First name"><input><input type="password"><input type="submit" value="Go">'
      + '<input type="checkbox" name="email-consent"><input type="hidden" name="email"></form>');
    expect(index.stats.get(doc.getElementById('signup')!)).toMatchObject({ emailInputs: 3, searchInputs: 2, textInputs: 2, passwordInputs: 1, buttons: 1 });
  });
});
