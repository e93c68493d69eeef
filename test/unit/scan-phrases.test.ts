import { describe, expect, it } from 'vitest';
import { compilePhrases, normalizeText } from '../../src/scan/phrases';
import { en } from '../../src/lexicons/en';
import type { Lexicon } from '../../src/lexicons/types';
import { lexiconsFor } from '../../src/lexicons/index';
import { provideAllLexicons } from '../../src/lexicons/all';

// Pages in every language are read here, as the content script reads them once the background has sent their lexicon.
provideAllLexicons();

const empty: Omit<Lexicon, 'lang'> = {
  donation: [], membership: [], paywall: [], newsletter: [], appPromo: [], adblock: [], linkWallHeadings: [],
  donateActions: [], subscribeActions: [], dismissals: [], legal: [], perPeriod: [],
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

  // Vietnamese is often typed without its marks, đ then written d: folding drops both, so either spelling matches.
  it('matches Vietnamese with or without its tone marks and the bar of đ', () => {
    const vi: Lexicon = { ...empty, lang: 'vi', donation: ['ủng hộ chúng tôi', 'sự đóng góp của bạn'] };
    expect(normalizeText('Đóng GÓP')).toBe('dong gop');
    expect(phrases('Hãy ỦNG HỘ chúng tôi!', vi)).toEqual(['donation:ung ho chung toi']);
    expect(phrases('hay ung ho chung toi', vi)).toEqual(['donation:ung ho chung toi']);
    expect(phrases('moi su dong gop cua ban', vi)).toEqual(['donation:su dong gop cua ban']);
    expect(phrases('ủng hộ chúng tôiiii', vi)).toEqual([]);
  });

  // Thai leaves no space between words: each letter is a token (vowel signs and tone marks are dropped as marks).
  it('matches a Thai phrase inside a run of Thai text, and not across a partial letter', () => {
    const th: Lexicon = { ...empty, lang: 'th', donation: ['สนับสนุนเรา'] };
    expect(phrases('การสนับสนุนจากคุณคือการร่วมสร้างสื่อเสรีร่วมสนับสนุนเราได้ที่นี่', th)).toEqual(['donation:สนบสนนเรา']);
    expect(phrases('ร่วมสนับสนุนเขา', th)).toEqual([]);
  });

  it('finds recurring amounts in several currencies and orders', () => {
    expect(phrases('from $2 a month')).toContain('amount:$2 a month');
    expect(phrases('just £5 per month')).toContain('amount:£5 per month');
    expect(phrases('only 3 euros a week')).toContain('amount:3 euros a week');
    expect(phrases('$7/month')).toContain('amount:$7/month');
    expect(phrases('costs $2 million a year')).not.toContain('amount:$2 million a year');
  });

  // Currency words are normalized like the text: "рублей" loses its breve there ("рублеи"), so must the pattern.
  it('finds amounts in roubles, hryvnias, zloty, reais and đồng', () => {
    const amounts = (text: string, langs: string[]): string[] =>
      compilePhrases(lexiconsFor(langs), {}).match(text).filter((hit) => hit.list === 'amount').map((hit) => hit.phrase);
    expect(amounts('всего 300 рублей в месяц', ['ru'])).toEqual(['300 рублеи в месяц']);
    expect(amounts('от 300 руб. в месяц', ['ru'])).toEqual(['300 руб. в месяц']);
    expect(amounts('100 ₴ на місяць, 100 гривень на місяць або 50 грн на місяць', ['uk'])).toEqual(['100 ₴ на місяць', '100 гривень на місяць', '50 грн на місяць']);
    expect(amounts('20 PLN miesięcznie lub 20 zł miesięcznie', ['pl'])).toEqual(['20 pln miesiecznie', '20 zł miesiecznie']);
    expect(amounts('apenas R$ 19,90 por mês', ['pt'])).toEqual(['r$ 19,90 por mes']);
    expect(amounts('Rs 5 a month', ['en'])).toEqual([]);
    expect(amounts('chỉ 50.000 đồng mỗi tháng hoặc 100.000 ₫/tháng', ['vi'])).toEqual(['50.000 dong moi thang', '100.000 ₫/thang']);
  });

  it('takes user phrases of each kind into the matching list, escaped', () => {
    const matcher = compilePhrases([en], { appeal: ['Fund the (free) press'], linkfarm: ['Elsewhere'] });
    expect(matcher.match('Fund the (free) press! Elsewhere…').map((hit) => hit.list)).toEqual(['donation', 'linkWallHeadings']);
  });
});
