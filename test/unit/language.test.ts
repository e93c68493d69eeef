import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { detectTextLanguage } from '../../src/scan/language';
import { pageLanguage } from './scan-fixtures';
import { lexiconsFor } from '../../src/lexicons/index';
import { allLexicons, provideAllLexicons } from '../../src/lexicons/all';
import { stopwordsByLanguage } from '../../src/lexicons/stopwords';
import type { Language } from '../../src/lexicons/index';
import { normalizeText } from '../../src/scan/phrases';

// Pages in every language are read here, as the content script reads them once the background has sent their lexicon.
provideAllLexicons();

function page(head: string, body: string, htmlAttributes = ''): Document {
  return new JSDOM(`<!doctype html><html ${htmlAttributes}><head>${head}</head><body>${body}</body></html>`).window.document;
}

// A few sentences of news prose per language, written for these tests.
const samples = {
  en: 'The city council voted on Tuesday to close the old bridge for repairs. Officials said the work would take at least two years and that a ferry would run in the meantime.',
  de: 'Der Stadtrat hat am Dienstag beschlossen, die alte Brücke für Reparaturen zu sperren. Die Arbeiten würden mindestens zwei Jahre dauern, sagte ein Sprecher der Verwaltung.',
  fr: "Le conseil municipal a voté mardi la fermeture du vieux pont pour des travaux. Selon la mairie, le chantier durera au moins deux ans et un bac assurera la traversée.",
  es: 'El ayuntamiento aprobó el martes cerrar el puente viejo para repararlo. Según los técnicos, las obras durarán al menos dos años y mientras tanto funcionará un transbordador.',
  it: 'Il consiglio comunale ha deciso martedì di chiudere il vecchio ponte per lavori. Secondo il Comune, il cantiere durerà almeno due anni e nel frattempo sarà attivo un traghetto.',
  pt: 'A câmara municipal decidiu na terça-feira fechar a ponte velha para obras. Segundo os técnicos, os trabalhos vão durar pelo menos dois anos e entretanto haverá um barco.',
  nl: 'De gemeenteraad heeft dinsdag besloten de oude brug te sluiten voor herstelwerk. Volgens de gemeente duurt het werk minstens twee jaar en vaart er in de tussentijd een pont.',
  pl: 'Rada miasta zdecydowała we wtorek o zamknięciu starego mostu na czas remontu. Według urzędników prace potrwają co najmniej dwa lata, a w tym czasie będzie kursował prom.',
  ru: 'Городской совет во вторник решил закрыть старый мост на ремонт. По словам чиновников, работы займут не менее двух лет, а пока будет ходить паром.',
  tr: 'Belediye meclisi salı günü eski köprünün onarım için kapatılmasına karar verdi. Yetkililere göre çalışmalar en az iki yıl sürecek ve bu süre içinde bir feribot çalışacak.',
  fa: 'شورای شهر روز سه‌شنبه تصمیم گرفت پل قدیمی را برای تعمیر ببندد. به گفته مسئولان، این کار دست‌کم دو سال طول می‌کشد و در این مدت یک قایق میان دو ساحل رود رفت و آمد خواهد کرد.',
  ur: 'شہر کی کونسل نے منگل کے روز پرانے پل کو مرمت کے لیے بند کرنے کا فیصلہ کیا۔ حکام کے مطابق کام کم از کم دو سال جاری رہے گا اور اس دوران دریا کے دونوں کناروں کے درمیان ایک کشتی چلے گی۔',
  ar: 'قرر المجلس البلدي يوم الثلاثاء إغلاق الجسر القديم من أجل إصلاحه. وقال المسؤولون إن الأشغال ستستغرق عامين على الأقل، وإن عبارة ستعمل في هذه الأثناء بين الضفتين.',
  el: 'Το δημοτικό συμβούλιο αποφάσισε την Τρίτη να κλείσει την παλιά γέφυρα για επισκευές. Σύμφωνα με τον δήμο, τα έργα θα διαρκέσουν τουλάχιστον δύο χρόνια και στο μεταξύ θα εκτελεί δρομολόγια ένα πορθμείο.',
  hu: 'A városi közgyűlés kedden úgy döntött, hogy felújítás miatt lezárja a régi hidat. A hivatal szerint a munkák legalább két évig tartanak, és addig egy komp köti össze a két partot.',
  ro: 'Consiliul local a decis marți să închidă podul vechi pentru reparații. Potrivit primăriei, lucrările vor dura cel puțin doi ani, iar între timp va circula un bac între cele două maluri.',
  id: 'Dewan kota pada hari Selasa memutuskan untuk menutup jembatan tua itu untuk perbaikan. Menurut pejabat setempat, pekerjaan akan berlangsung setidaknya dua tahun dan sebuah feri akan beroperasi selama masa itu.',
  vi: 'Hội đồng thành phố hôm thứ Ba đã quyết định đóng cửa cây cầu cũ để sửa chữa. Theo các quan chức, công việc sẽ kéo dài ít nhất hai năm và trong thời gian đó một chiếc phà sẽ chạy qua sông.',
  lv: 'Pilsētas dome otrdien nolēma slēgt veco tiltu, jo tas ir bīstams. Kā sacīja amatpersonas, darbi ilgs vismaz divus gadus, un pa šo laiku pāri upei kursēs prāmis, kas būs bez maksas.',
  lt: 'Miesto taryba antradienį nusprendė uždaryti senąjį tiltą remontui. Pasak pareigūnų, darbai truks mažiausiai dvejus metus, o tuo metu per upę kursuos keltas.',
  uk: 'Міська рада у вівторок вирішила закрити старий міст на ремонт. За словами посадовців, роботи триватимуть щонайменше два роки, а поки що курсуватиме пором.',
  sv: 'Kommunfullmäktige beslutade på tisdagen att stänga den gamla bron för reparationer. Enligt kommunen tar arbetet minst två år, och under tiden går det en färja över älven.',
  da: 'Byrådet besluttede tirsdag at lukke den gamle bro på grund af reparationer. Ifølge kommunen vil arbejdet tage mindst to år, og i mellemtiden har de sat en færge ind over åen.',
  nb: 'Bystyret vedtok tirsdag å stenge den gamle brua for reparasjoner. Ifølge kommunen vil arbeidet ta minst to år, og i mellomtiden blir det satt inn en ferje over elva.',
  fi: 'Kaupunginvaltuusto päätti tiistaina sulkea vanhan sillan korjaustöiden ajaksi. Kaupungin mukaan työt kestävät vähintään kaksi vuotta, ja sillä välin joen yli kulkee lautta.',
  cs: 'Městská rada v úterý rozhodla, že starý most bude kvůli opravě uzavřen. Podle úředníků potrvají práce nejméně dva roky a mezitím bude přes řeku jezdit přívoz.',
} satisfies Record<string, string>;

describe('detectTextLanguage', () => {
  for (const [lang, text] of Object.entries(samples)) {
    it(`recognises ${lang} news prose`, () => {
      expect(detectTextLanguage(text)).toBe(lang);
    });
  }

  it('tells Hebrew, Thai and Hindi by their letters', () => {
    expect(detectTextLanguage('מועצת העיר החליטה ביום שלישי לסגור את הגשר הישן לצורך שיפוצים. העבודות יימשכו שנתיים לפחות.')).toBe('he');
    expect(detectTextLanguage('สภาเมืองมีมติเมื่อวันอังคารให้ปิดสะพานเก่าเพื่อซ่อมแซม งานจะใช้เวลาอย่างน้อยสองปี')).toBe('th');
    expect(detectTextLanguage('नगर परिषद ने मंगलवार को पुराने पुल को मरम्मत के लिए बंद करने का फैसला किया। काम कम से कम दो साल चलेगा।')).toBe('hi');
    expect(detectTextLanguage('The minister met farmers in Patna, where the banners read "किसान सम्मान", and promised new cold stores.')).toBe('en');
    expect(detectTextLanguage('The mayor said "שלום" to the visitors, and the council voted on Tuesday to close the old bridge.')).toBe('en');
  });

  it('tells Chinese, Japanese and Korean by their letters: Han alone, Han with kana, Hangul', () => {
    expect(detectTextLanguage('市议会周二决定关闭旧桥进行维修。据官员称，这项工程至少需要两年时间，在此期间将有渡轮往返于河两岸。')).toBe('zh');
    expect(detectTextLanguage('市議會週二決定關閉舊橋進行維修。據官員稱，這項工程至少需要兩年時間。')).toBe('zh');
    expect(detectTextLanguage('市議会は火曜日、古い橋を修理のために閉鎖することを決めた。工事は少なくとも二年かかる。')).toBe('ja');
    expect(detectTextLanguage('시의회는 화요일에 낡은 다리를 수리하기 위해 폐쇄하기로 결정했다. 공사는 최소 2년이 걸린다.')).toBe('ko');
    expect(detectTextLanguage('The council met the delegation from 北京 on Tuesday and voted to close the old bridge for repairs.')).toBe('en');
  });

  it('tells Ukrainian from Russian by letters even when the stop words are few', () => {
    expect(detectTextLanguage('Київ, Львів, Одеса: їхні мешканці отримали світло. Ґанок відремонтовано.')).toBe('uk');
    expect(detectTextLanguage('Москва, Казань, Смоленск: жители получили свет. Подъезд отремонтирован быстро.')).toBe('ru');
  });

  it('falls back to English for scripts and languages without a lexicon, and for too little text', () => {
    expect(detectTextLanguage('নগর পরিষদ মঙ্গলবার মেরামতের জন্য পুরনো সেতুটি বন্ধ করার সিদ্ধান্ত নিয়েছে। কাজ অন্তত দুই বছর চলবে।')).toBe('en');
    expect(detectTextLanguage('Baraza la jiji liliamua Jumanne kufunga daraja la zamani kwa ajili ya matengenezo. Kazi hiyo itachukua angalau miaka miwili.')).toBe('en');
    expect(detectTextLanguage('Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur, excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum.')).toBe('en');
    expect(detectTextLanguage('')).toBe('en');
    expect(detectTextLanguage('Berlin')).toBe('en');
  });

  it('tells a language whose stop words are a twelfth of the words, as on a page whose menus are long lists of names', () => {
    const menu = 'Nasional Internasional Olahraga Pendidikan Ekonomi Makro Bisnis Global Syariah Energi Properti Sepakbola Liga Inggris Liga Spanyol Liga Italia Freekick Khazanah Hikmah Mualaf Fatwa Wakaf Nusantara Otomotif Trendtek Leisure Senggang InPicture Jabotabek Video Stokshot Publika Komunitas Forum Travelling Resonance Indeks';
    const story = 'Dewan kota memutuskan pada hari Selasa untuk menutup jembatan lama itu karena akan diperbaiki. Menurut pejabat, pekerjaan ini berlangsung paling sedikit dua tahun dan selama itu kapal feri akan menyeberangi sungai.';
    // 9 Indonesian stop words in 109 words.
    expect(detectTextLanguage(`${menu} ${menu} ${story}`)).toBe('id');
  });

  it('reads only a bounded sample of a huge text', () => {
    const huge = samples.de + ' ' + samples.fr.repeat(200_000);
    expect(detectTextLanguage(huge)).toBe('fr');
    const germanThenFrench = samples.de.repeat(400) + samples.fr.repeat(2_000);
    expect(detectTextLanguage(germanThenFrench)).toBe('de');
  });
});

describe('pageLanguage', () => {
  it('takes the primary subtag of <html lang>, lower-cased', () => {
    expect(pageLanguage(page('', '<p>x</p>', 'lang="de-AT"'))).toBe('de');
    expect(pageLanguage(page('', '<p>x</p>', 'lang="PT_br"'))).toBe('pt');
    expect(pageLanguage(page('', '<p>x</p>', 'lang=" FR "'))).toBe('fr');
    expect(pageLanguage(page('', '<p>x</p>', 'lang="ja"'))).toBe('ja');
  });

  it('reads Norwegian and Nynorsk as Bokmål, the Norwegian Tidings has', () => {
    expect(pageLanguage(page('', '<p>x</p>', 'lang="no"'))).toBe('nb');
    expect(pageLanguage(page('', '<p>x</p>', 'lang="nn-NO"'))).toBe('nb');
    expect(pageLanguage(page('<meta property="og:locale" content="no_NO">', '<p>x</p>'))).toBe('nb');
    expect(pageLanguage(page('', '<p>x</p>', 'lang="nb-NO"'))).toBe('nb');
  });

  it('reads the withdrawn codes sites still declare as the current ones: iw as Hebrew, in as Indonesian', () => {
    expect(pageLanguage(page('', '<p>x</p>', 'lang="iw"'))).toBe('he');
    expect(pageLanguage(page('', '<p>x</p>', 'lang="in-ID"'))).toBe('id');
    expect(lexiconsFor(['iw-IL']).map((l) => l.lang)).toEqual(['en', 'he']);
  });

  it('reads xml:lang when lang is absent', () => {
    expect(pageLanguage(page('', '<p>x</p>', 'xml:lang="it-IT"'))).toBe('it');
  });

  it('falls back to <meta http-equiv="content-language">, then og:locale', () => {
    expect(pageLanguage(page('<meta http-equiv="Content-Language" content="nl-BE, fr-BE">', '<p>x</p>'))).toBe('nl');
    expect(pageLanguage(page('<meta property="og:locale" content="pl_PL">', '<p>x</p>'))).toBe('pl');
    expect(
      pageLanguage(page('<meta http-equiv="content-language" content="es"><meta property="og:locale" content="pl_PL">', '')),
    ).toBe('es');
  });

  it('ignores declarations that name no language and reads the text instead', () => {
    expect(pageLanguage(page('<meta property="og:locale" content="und">', `<p>${samples.uk}</p>`, 'lang=""'))).toBe('uk');
    expect(pageLanguage(page('', `<p>${samples.es}</p>`, 'lang="!!"'))).toBe('es');
    // A charset where the language belongs.
    expect(pageLanguage(page('<meta http-equiv="Content-Language" content="utf-8">', `<p>${samples.pl}</p>`))).toBe('pl');
  });

  it('detects the language of the text when nothing is declared, skipping scripts and styles', () => {
    const body = `<script>var the = "the and of to the and of";</script><style>.a{}</style><article><p>${samples.pl}</p></article>`;
    expect(pageLanguage(page('', body))).toBe('pl');
  });

  it('checks a declared "en" against the text, since templates often keep it', () => {
    expect(pageLanguage(page('', `<p>${samples.ru}</p><p>${samples.ru}</p>`, 'lang="en"'))).toBe('ru');
    expect(pageLanguage(page('', `<p>${samples.en}</p>`, 'lang="en-US"'))).toBe('en');
  });

  it('answers "en" for an empty page without declarations', () => {
    expect(pageLanguage(page('', ''))).toBe('en');
  });
});

describe('lexiconsFor', () => {
  it('always includes English, first, and adds known languages once', () => {
    expect(lexiconsFor([]).map((l) => l.lang)).toEqual(['en']);
    expect(lexiconsFor(['de', 'de-AT', 'en', 'xx', 'fr']).map((l) => l.lang)).toEqual(['en', 'de', 'fr']);
    expect(lexiconsFor(['UK']).map((l) => l.lang)).toEqual(['en', 'uk']);
    expect(lexiconsFor(['no', 'nn-NO', 'nb']).map((l) => l.lang)).toEqual(['en', 'nb']);
  });

  it('lists each phrase once per language, as the matcher sees it (case and diacritics folded)', () => {
    for (const lexicon of Object.values(allLexicons)) {
      const lists = ['donation', 'membership', 'paywall', 'newsletter', 'appPromo', 'linkWallHeadings'] as const;
      const phrases = lists.flatMap((list) => lexicon[list].map((phrase) => normalizeText(phrase).trim()));
      expect(phrases.filter((phrase, i) => phrases.indexOf(phrase) !== i), lexicon.lang).toEqual([]);
    }
  });

  it('has thirty-three languages, each keyed by its own code with non-empty lists', () => {
    expect(Object.keys(allLexicons).sort()).toEqual(['ar', 'ca', 'cs', 'da', 'de', 'el', 'en', 'es', 'fa', 'fi', 'fr', 'he', 'hi', 'hu', 'id', 'it', 'ja', 'ko', 'lt', 'lv', 'nb', 'nl', 'pl', 'pt', 'ro', 'ru', 'sv', 'th', 'tr', 'uk', 'ur', 'vi', 'zh']);
    // The languages the content script can tell are exactly those the background can serve.
    expect(Object.keys(stopwordsByLanguage).sort()).toEqual(Object.keys(allLexicons).sort());
    for (const [code, lexicon] of Object.entries(allLexicons)) {
      expect(lexicon.lang).toBe(code);
      for (const list of ['donation', 'membership', 'paywall', 'appPromo', 'linkWallHeadings'] as const) {
        expect(lexicon[list].length, `${code}.${list}`).toBeGreaterThanOrEqual(8);
      }
      // A sign-up's words are its newsletter phrases and its field's labels (those count beside a field only).
      expect(lexicon.newsletter.length + lexicon.emailLabels.length, `${code}.newsletter`).toBeGreaterThanOrEqual(8);
      expect(stopwordsByLanguage[code as Language].split(' ').length, `${code} stop words`).toBeGreaterThanOrEqual(8);
    }
  });
});
