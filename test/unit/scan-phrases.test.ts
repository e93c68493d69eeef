import { describe, expect, it } from 'vitest';
import { compilePhrases, normalizeText } from '../../src/scan/phrases';
import { en } from '../../src/lexicons/en';
import type { Lexicon } from '../../src/lexicons/types';

const empty: Omit<Lexicon, 'lang'> = {
  donation: [], membership: [], paywall: [], newsletter: [], appPromo: [], linkWallHeadings: [],
  donateActions: [], subscribeActions: [], perPeriod: [], stopwords: [],
};

function phrases(text: string, lexicon: Lexicon = en): string[] {
  return compilePhrases([lexicon], {}).match(text).map((hit) => `${hit.list}:${hit.phrase}`);
}

describe('phrase matching', () => {
  it('ignores case, diacritics, curly apostrophes and runs of white space', () => {
    expect(normalizeText('Ünterstützen  Sie\nUNS — Don’t')).toBe("unterstutzen sie uns - don't");
    expect(phrases('Thank you, DEAR\n   readers')).toEqual(['donation:dear readers']);
    expect(phrases('Editor’s picks')).toEqual(["linkWallHeadings:editor's picks"]);
  });

  it('matches whole words only, also in Cyrillic where \\b does not work', () => {
    expect(phrases('unsupport usual')).toEqual([]);
    const ru: Lexicon = { ...empty, lang: 'ru', donation: ['поддержите нас'] };
    expect(phrases('Пожалуйста, ПОДДЕРЖИТЕ нас!', ru)).toEqual(['donation:поддержите нас']);
    expect(phrases('неподдержите насущный', ru)).toEqual([]);
  });

  it('finds recurring amounts in several currencies and orders', () => {
    expect(phrases('from $2 a month')).toContain('amount:$2 a month');
    expect(phrases('just £5 per month')).toContain('amount:£5 per month');
    expect(phrases('only 3 euros a week')).toContain('amount:3 euros a week');
    expect(phrases('$7/month')).toContain('amount:$7/month');
    expect(phrases('costs $2 million a year')).not.toContain('amount:$2 million a year');
  });

  it('takes user phrases of each kind into the matching list, escaped', () => {
    const matcher = compilePhrases([en], { appeal: ['Fund the (free) press'], linkfarm: ['Elsewhere'] });
    expect(matcher.match('Fund the (free) press! Elsewhere…').map((hit) => hit.list)).toEqual(['donation', 'linkWallHeadings']);
  });
});
