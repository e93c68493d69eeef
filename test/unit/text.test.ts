// @vitest-environment jsdom
import { englishReasons } from '../../src/cli/english';
import { describe, expect, it } from 'vitest';
import { scanText } from '../../src/scan/index';
import { allDetectors, loadPage, loadText } from './scan-fixtures';
import { provideAllLexicons } from '../../src/lexicons/all';

// Pages in every language are read here, as the content script reads them once the background has sent their lexicon.
provideAllLexicons();

const story = [
  'The council said on Monday that its plan for the river would cost more than expected, while residents asked why the report had come so late.',
  'Officials promised a review of the budget before the election next spring, according to documents seen by reporters in the valley this week.',
  'Engineers who worked on the first design said the costs of steel and labour had both risen sharply since the plan was drawn up three years ago.',
  'Farmers downstream said they had not been consulted about the new channel, which would cross several fields that flood every winter.',
  'The mayor said a public meeting would be held next month, and that no contract would be signed before the review had been published.',
];

const geschichte = [
  'Der Stadtrat teilte am Montag mit, dass der Plan für den Fluss deutlich mehr kosten werde als erwartet, während Anwohner fragten, warum der Bericht so spät kam.',
  'Die Verwaltung versprach, den Haushalt vor der Wahl im nächsten Frühjahr zu überprüfen, wie aus Unterlagen hervorgeht, die Reporter in dieser Woche einsehen konnten.',
  'Ingenieure, die am ersten Entwurf gearbeitet hatten, sagten, die Kosten für Stahl und Arbeit seien seit der Planung vor drei Jahren stark gestiegen.',
  'Landwirte flussabwärts erklärten, sie seien zu dem neuen Kanal nicht befragt worden, der mehrere Felder durchqueren würde, die jeden Winter überflutet werden.',
  'Der Bürgermeister kündigte für den nächsten Monat eine öffentliche Versammlung an und sagte, vor der Überprüfung werde kein Vertrag unterschrieben.',
];

/** The paragraphs of one of our fixture pages' article, as scraped plain text. */
function articleText(page: string): string {
  const doc = loadPage(page);
  const article = doc.querySelector('article') ?? doc.body;
  return [...article.querySelectorAll('h1, h2, h3, p, li')].map((element) => element.textContent!.replace(/\s+/g, ' ').trim()).join('\n\n');
}

describe('scanText', () => {
  it('keeps the story alone: the appeal and the tail of one-word lines go', () => {
    const text = loadText('aggregator-scrape.txt');
    const { clean, findings } = scanText(text, allDetectors);
    expect(clean.startsWith('Court orders release of detained journalist')).toBe(true);
    expect(clean.endsWith('he would return to work on Monday.')).toBe(true);
    expect(clean).not.toMatch(/Dear readers|Harbour Times|Music|Download App/);
    // The appeal is cut from its first character to its last, and the wall of lines after it.
    const appeals = findings.filter((finding) => finding.kind === 'appeal');
    expect(new Set(appeals.map((finding) => finding.detectorId))).toEqual(new Set(['donation-appeal']));
    expect(text.slice(appeals[0]!.start, appeals.at(-1)!.end).startsWith('A Message from The Harbour Times:')).toBe(true);
    expect(text.slice(appeals[0]!.start, appeals.at(-1)!.end).endsWith('makes a significant impact.')).toBe(true);
    for (const finding of findings) expect(text.slice(finding.start, finding.end)).toBe(finding.text);
    const wall = findings.at(-1)!;
    expect(wall.detectorId).toBe('link-farm');
    expect(wall.text.split('\n')).toHaveLength(12);
    expect(englishReasons(wall.reasons)).toContain('12 short lines in a row');
  });

  // The letter's last paragraph goes on pleading ("Please support us monthly…"): it stays in the one box.
  it('finds the letter-style appeal of a scraped story as one finding, the whole box', () => {
    const { findings } = scanText(loadText('aggregator-scrape.txt'), allDetectors);
    expect(findings.map((finding) => finding.detectorId)).toEqual(['donation-appeal', 'link-farm']);
  });

  // A scraper glues sentences ("possible.A Message from …:Dear readers,We …"): the plea is cut at the very character where it begins.
  it('cuts a plea glued onto the story\'s last sentence where it begins, and the tail of lines after it', () => {
    const text = loadText('glued-scrape.txt');
    const { clean, findings } = scanText(text, allDetectors);
    expect(findings.map((finding) => finding.detectorId)).toEqual(['donation-appeal', 'link-farm']);
    const [appeal, wall] = findings;
    expect(appeal!.start).toBe(text.indexOf('A Message from The Harbour Times:Dear readers,We'));
    expect(appeal!.text.endsWith('please see our Privacy Policy.')).toBe(true);
    expect(englishReasons(appeal!.reasons)[0]).toMatch(/^Asks for donations \('a message from', 'dear readers'\)/);
    expect(wall!.text.split('\n')).toEqual(['News', 'Sport', 'Weather', 'Island', 'Ferries', 'Council', 'Courts', 'Schools', 'Business', 'Obituaries', 'Puzzles', 'Download App']);
    expect(clean).toBe(text.slice(0, text.indexOf('A Message from')).trim());
    expect(clean.endsWith('at the next public meeting of the harbour board as soon as possible.')).toBe(true);
  });

  /** A glued story whose minister is quoted saying "support us", in the given quotation marks. */
  function lifeboatStory(open: string, close: string): string {
    return [
      'Minister opens the new lifeboat station',
      'The minister opened the lifeboat station on the north quay on Saturday, two years after the old one was closed because of subsidence.'
        + `She thanked the volunteers who had raised money for the building.${open}Support us, and we will support you,${close} she told the crowd before cutting the ribbon.`,
      'The station will be staffed by volunteers around the clock from next month, the charity said.Its first boat arrives in May.',
    ].join('\n');
  }

  it('keeps a glued story that quotes someone saying "support us"', () => {
    const text = lifeboatStory('\u201c', '\u201d');
    expect(scanText(text, allDetectors)).toEqual({ clean: text, findings: [] });
  });

  // A sentence with a quotation mark, straight ones included, is someone's words reported, never a plea's opening.
  it('keeps a glued story that quotes someone saying "support us" in straight quotes', () => {
    const text = lifeboatStory('"', '"');
    expect(scanText(text, allDetectors)).toEqual({ clean: text, findings: [] });
  });

  it('leaves plain prose and short lists of lines untouched', () => {
    const text = 'Ingredients\n\nFlour\nWater\nSalt\n\nMix the flour with the water and a pinch of salt, then knead the dough for ten minutes until it is smooth.';
    expect(scanText(text, allDetectors)).toEqual({ clean: text, findings: [] });
  });

  it('finds a newsletter plea in text and gives offsets into the original', () => {
    const text = 'The council met on Monday to discuss the budget for the coming year, and agreed on most of it.\n\nSign up for our newsletter: the best of our reporting delivered to your inbox every morning. Subscribe today.\n\nThe vote on the remaining items is expected next week.';
    const { clean, findings } = scanText(text, { ...allDetectors, sensitivity: 'high' });
    expect(findings.map((finding) => finding.detectorId)).toEqual(['newsletter-nag']);
    expect(findings[0]!.text.startsWith('Sign up for our newsletter')).toBe(true);
    expect(clean).toBe('The council met on Monday to discuss the budget for the coming year, and agreed on most of it.\n\nThe vote on the remaining items is expected next week.');
  });

  it('copes with empty text and Windows line ends', () => {
    expect(scanText('', allDetectors)).toEqual({ clean: '', findings: [] });
    const unix = loadText('glued-scrape.txt');
    const windows = scanText(unix.replace(/\n/g, '\r\n'), allDetectors);
    expect(windows.findings.map((finding) => finding.detectorId)).toEqual(['donation-appeal', 'link-farm']);
    expect(windows.clean.replace(/\r\n/g, '\n')).toBe(scanText(unix, allDetectors).clean);
  });

  // No markup sets a plea apart inside a scraped story: a short paragraph that is a plea through and through goes.
  it('finds a plea paragraph between story paragraphs, in English and in German', () => {
    const plea = 'Dear readers, independent journalism is not free. Please support us with as little as $5 a month.';
    const english = scanText([...story.slice(0, 4), plea, story[4]].join('\n\n'), allDetectors);
    expect(english.findings.map((finding) => [finding.detectorId, finding.text])).toEqual([['donation-appeal', plea]]);
    expect(english.clean).toBe(story.join('\n\n'));
    const bitte = 'Liebe Leserinnen und Leser, unabhängiger Journalismus kostet Geld. Bitte unterstützen Sie uns mit 5 Euro im Monat.';
    const german = scanText([...geschichte.slice(0, 4), bitte, geschichte[4]].join('\n\n'), allDetectors);
    expect(german.findings.map((finding) => [finding.detectorId, finding.text])).toEqual([['donation-appeal', bitte]]);
    expect(german.clean).toBe(geschichte.join('\n\n'));
  });

  it('keeps story paragraphs that report an appeal, quote one or mention a single plea phrase', () => {
    for (const page of ['hard-negatives.html', 'charity-article.html']) {
      expect(scanText(articleText(page), allDetectors).findings).toEqual([]);
    }
    const mentions = [
      ...story.slice(0, 4),
      '"Please support us with as little as $5 a month," the director of the food bank said, as volunteers handed out leaflets in the square.',
      'The campaign asks readers like you to back the food bank, which feeds four hundred families every week.',
      story[4],
    ].join('\n\n');
    expect(scanText(mentions, allDetectors).findings).toEqual([]);
  });
});

