import { describe, expect, it } from 'vitest';
import { compilePhrases, normalizeText, pleaLists, type PhraseList } from '../../src/scan/phrases';
import { en } from '../../src/lexicons/en';
import type { Lexicon } from '../../src/lexicons/types';
import { lexiconsFor } from '../../src/lexicons/index';
import { provideAllLexicons } from '../../src/lexicons/all';

// Pages in every language are read here, as the content script reads them once the background has sent their lexicon.
provideAllLexicons();

const empty: Omit<Lexicon, 'lang'> = {
  donation: [], membership: [], paywall: [], newsletter: [], emailLabels: [], appPromo: [], adblock: [], linkWallHeadings: [],
  donateActions: [], subscribeActions: [], dismissals: [], legal: [], perPeriod: [],
};

/** The phrases of one list that the lexicons of `langs` find in `text`. */
function found(text: string, list: PhraseList, langs: string[] = ['en']): string[] {
  return compilePhrases(lexiconsFor(langs), {}).match(text).filter((hit) => hit.list === list).map((hit) => hit.phrase);
}

function phrases(text: string, lexicon: Lexicon = en): string[] {
  return compilePhrases([lexicon], {}).match(text).map((hit) => `${hit.list}:${hit.phrase}`);
}

describe('phrase matching', () => {
  it('takes as plea evidence the plea lists and the amounts, not headings or button words', () => {
    expect(pleaLists).toEqual(['donation', 'membership', 'paywall', 'newsletter', 'emailLabels', 'appPromo', 'adblock', 'amount']);
  });

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

  it('folds Turkish dotted and dotless i as sites write them, in capitals and in lower case', () => {
    const tr = lexiconsFor(['tr'])[1]!;
    expect(tr.lang).toBe('tr');
    // JavaScript lower-cases "İ" to "i" plus a combining dot, which folding drops; dotless "ı" folds to "i" like its capital "I".
    expect('İ'.toLowerCase()).toBe('i\u0307');
    expect(normalizeText('İLGİLİ HABERLER')).toBe('ilgili haberler');
    expect(normalizeText('BAĞIŞ YAPIN · Bağış yapın')).toBe('bagis yapin · bagis yapin');
    expect(phrases('İLGİLİ HABERLER', tr)).toEqual(['linkWallHeadings:ilgili haberler']);
    expect(phrases('İlgili haberler', tr)).toEqual(['linkWallHeadings:ilgili haberler']);
    expect(phrases('DEĞERLİ OKURLARIMIZ', tr)).toEqual(['donation:degerli okurlarimiz']);
    expect(phrases('Değerli okurlarımız', tr)).toEqual(['donation:degerli okurlarimiz']);
    expect(phrases('BAĞIŞ YAPIN', tr)).toContain('donation:bagis yapin');
    expect(phrases('bağış yapın', tr)).toContain('donation:bagis yapin');
    // A phrase never matches inside a longer, suffixed word.
    expect(phrases('abone olunca', tr)).toEqual([]);
    expect(phrases('50 TL/ay, yalnızca 20 ₺ aylık', tr)).toEqual(expect.arrayContaining(['amount:50 tl/ay', 'amount:20 ₺ aylik']));
  });

  it('matches Arabic with and without harakat, hamza on alef and tatweel, and reads Arabic-Indic digits as amounts', () => {
    const ar = lexiconsFor(['ar'])[1]!;
    expect(ar.lang).toBe('ar');
    // Fatha, sukun, kasra and shadda are combining marks; "أ" decomposes into a bare alef and a hamza mark.
    expect(normalizeText('اشترِكْ في نشرتِنا البريديّة')).toBe(normalizeText('اشترك في نشرتنا البريدية'));
    expect(phrases('اشترِكْ في نشرتِنا البريديّة', ar)).toContain('newsletter:اشترك في نشرتنا البريدية');
    expect(phrases('اشترك في نشرتنا البريدية', ar)).toContain('newsletter:اشترك في نشرتنا البريدية');
    expect(phrases('الأكثر قراءة', ar)).toEqual(['linkWallHeadings:الاكثر قراءة']);
    expect(phrases('الاكثر قراءة', ar)).toEqual(['linkWallHeadings:الاكثر قراءة']);
    expect(phrases('اشـــترك الآن', ar)).toContain('membership:اشترك الان');
    // Alef maqsura and ya at a word's end are written for each other.
    expect(phrases('نحتاج الى دعمكم', ar)).toContain('donation:نحتاج الي دعمكم');
    expect(phrases('نحتاج إلى دعمكم', ar)).toContain('donation:نحتاج الي دعمكم');
    // A phrase never matches inside a word with a prefix ("وادعمنا" is not "ادعمنا").
    expect(phrases('وادعمنااليوم', ar)).toEqual([]);
    // Arabic-Indic digits and the Arabic decimal separator make amounts; the Arabic comma separates, as a comma does.
    expect(normalizeText('٥٫٥ دولار')).toBe('5.5 دولار');
    expect(phrases('ادعمنا بـ ٥ دولارات شهريًا', ar)).toContain('amount:5 دولارات شهريا');
    expect(phrases('تبرع بـ ١٠ دولارات', ar)).toContain('money:10 دولارات');
    expect(phrases('٥ دولارات، شهريا', ar).filter((hit) => hit.startsWith('amount:'))).toEqual([]);
  });

  it('matches Greek in capitals and in lower case: accents fold away and final sigma is sigma', () => {
    const el = lexiconsFor(['el'])[1]!;
    expect(el.lang).toBe('el');
    // Lower-casing a whole string writes a final capital sigma as "ς"; one character at a time, as "σ": both fold to "σ".
    expect('ΕΠΙΣΗΣ'.toLowerCase()).toBe('επισης');
    expect(normalizeText('ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ')).toBe('διαβαστε επισησ');
    expect(phrases('ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ', el)).toEqual(['linkWallHeadings:διαβαστε επισησ']);
    expect(phrases('Διαβάστε επίσης', el)).toEqual(['linkWallHeadings:διαβαστε επισησ']);
    expect(phrases('Μόνο για συνδρομητές', el)).toEqual(['paywall:μονο για συνδρομητεσ']);
    expect(phrases('ΜΟΝΟ ΓΙΑ ΣΥΝΔΡΟΜΗΤΕΣ', el)).toEqual(['paywall:μονο για συνδρομητεσ']);
    expect(phrases('μόνο 3 € τον μήνα', el)).toContain('amount:3 € τον μηνα');
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

  it('reads plain amounts to choose, and a figure of accounts as none', () => {
    const money = (text: string, langs?: string[]): string[] => found(text, 'money', langs);
    expect(money('$5 $10 $25 $1,000')).toEqual(['5', '10', '25', '1']);
    expect(money('15,- € 10,00 EUR 2.500 € ¥10,000 10,000원', ['de', 'ja', 'ko'])).toEqual(['15,- €', '10,00 eur', '2.500 €', '10', normalizeText('10,000원')]);
    // Later groups and decimals are no amounts of their own; more than three significant digits make an account.
    expect(money('$ 1,784,998 $ 197,867 1.291.540 € $2.50')).toEqual(['2']);
  });

  // Currency words are normalized like the text: "рублей" loses its breve there ("рублеи"), so must the pattern.
  it('finds amounts in roubles, hryvnias, zloty, reais and đồng', () => {
    const amounts = (text: string, langs: string[]): string[] => found(text, 'amount', langs);
    expect(amounts('всего 300 рублей в месяц', ['ru'])).toEqual(['300 рублеи в месяц']);
    // A currency's words come with its language's lexicon; signs and codes are every language's.
    expect(found('300 рублей', 'money', ['en'])).toEqual([]);
    expect(found('300 рублей', 'money', ['ru'])).toEqual(['300 рублеи']);
    expect(found('300 ₽ 20 EUR', 'money')).toEqual(['300 ₽', '20 eur']);
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
