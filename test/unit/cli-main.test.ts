import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from './cli-run';

const corpusDir = join(__dirname, '../fixtures/corpus-mini');
const appealPage = join(corpusDir, 'pages/appeal.html');
const scratch = mkdtempSync(join(tmpdir(), 'tidings-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Each case parses pages with jsdom and runs every detector: seconds on a busy machine, not milliseconds.
describe('tidings scan', { timeout: 30_000 }, () => {
  it('prints each finding with its kind, detector and CSS path, and a total', async () => {
    const { code, out } = await run('scan', appealPage);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^== .*appeal\.html: 2 findings/);
    expect(lines.some((line) => /appeal\s+donation-appeal\s+\d\.\d\d\s+#support-us$/.test(line))).toBe(true);
    expect(lines.some((line) => /newsletter\s+newsletter-nag\s+\d\.\d\d\s+#signup$/.test(line))).toBe(true);
    expect(out).toContain('text: "Dear readers Independent journalism depends on readers like you. Please support "');
    expect(lines.at(-1)).toBe('Total: 1 file, 2 findings (appeal 1, newsletter 1)');
  });

  it('writes the page without the appeal but with the article (--clean OUT)', async () => {
    const cleanPath = join(scratch, 'clean.html');
    const { code } = await run('scan', appealPage, '--clean', cleanPath);
    expect(code).toBe(0);
    const clean = readFileSync(cleanPath, 'utf8');
    expect(clean).not.toContain('Independent journalism depends on readers like you');
    expect(clean).not.toContain('Sign up for our newsletter');
    expect(clean).toContain('The school board postponed its vote on the new timetable on Tuesday');
    expect(clean).toContain('<h1>School board delays the vote on the new timetable</h1>');
  });

  it('writes the clean page to stdout with --clean alone and the findings to stderr', async () => {
    const { code, out, err } = await run('scan', appealPage, '--clean');
    expect(code).toBe(0);
    expect(out).toMatch(/^<!DOCTYPE html>/);
    expect(out).not.toContain('Independent journalism depends on readers like you');
    expect(err).toContain('#support-us');
  });

  it('prints machine-readable findings with --json', async () => {
    const { code, out } = await run('scan', appealPage, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.total).toEqual({ files: 1, failed: 0, findings: 2 });
    expect(report.files[0]).toMatchObject({ file: appealPage, type: 'html' });
    expect(report.files[0].findings[0]).toEqual({
      kind: 'appeal',
      detectorId: 'donation-appeal',
      score: expect.any(Number),
      reasons: expect.arrayContaining([expect.stringMatching(/^Asks for donations \('dear readers'/)]),
      path: '#support-us',
      text: expect.stringMatching(/^Dear readers/),
    });
  });

  it('scans plain text and removes the appeal from it', async () => {
    const article = [
      'The school board postponed its vote on the new timetable on Tuesday, saying parents needed more time to read the proposal.',
      'Under the plan, lessons would begin forty minutes later, and buses would run a second loop through the northern villages.',
      'Several teachers told the meeting that the later start would shorten the afternoon clubs, which many pupils rely on.',
      'The board will meet again next month, when it expects to publish the results of a survey of families.',
    ];
    const appeal = ['Support the Courier', 'Dear readers, independent journalism depends on readers like you. Please support us: donate $2 a month.'];
    const textPath = join(scratch, 'story.txt');
    const cleanPath = join(scratch, 'story.clean.txt');
    writeFileSync(textPath, [...article, ...appeal].join('\n\n'));
    const { code, out } = await run('scan', textPath, '--json', '--clean', cleanPath);
    expect(code).toBe(0);
    const [finding, ...others] = JSON.parse(out).files[0].findings;
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ kind: 'appeal', detectorId: 'donation-appeal', text: expect.stringMatching(/^Support the Courier Dear readers/) });
    expect(readFileSync(cleanPath, 'utf8')).toBe(article.join('\n\n'));
  });

  it('reports a missing file and exits non-zero, after scanning the others', async () => {
    const { code, out, err } = await run('scan', join(scratch, 'missing.html'), appealPage);
    expect(code).toBe(1);
    expect(err).toContain('missing.html: file not found');
    expect(out).toContain('#support-us');
  });

  it('refuses --clean with several files and an unknown --sensitivity', async () => {
    expect((await run('scan', appealPage, appealPage, '--clean', join(scratch, 'x.html'))).err).toContain('--clean writes one page');
    const bad = await run('scan', appealPage, '--sensitivity', 'extreme');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--sensitivity: expected one of low, normal, high');
  });
});

describe('tidings eval', { timeout: 30_000 }, () => {
  it('prints the figures as one JSON object', async () => {
    const { code, out } = await run('eval', corpusDir, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    for (const key of ['pages', 'blocks', 'caught', 'recall', 'recallByKind', 'collapsed', 'falsePositives', 'falsePositiveList',
      'precision', 'articleParagraphs', 'articleParagraphsHidden', 'scanMsMedian']) {
      expect(report, key).toHaveProperty(key);
    }
    // Counts fixed by the labels and article files, whatever the detectors decide.
    expect(report).toMatchObject({ pages: 4, blocks: 9, articleParagraphs: 15 });
    expect(Object.keys(report.recallByKind)).toEqual(['appeal', 'paywall', 'newsletter', 'linkfarm']);
    expect(report.falsePositives).toBe(report.falsePositiveList.length);
    expect(report.perPage.map((page: { file: string }) => page.file)).toEqual(['pages/news.html', 'pages/appeal.html', 'pages/quiet.html', 'pages/incomplete.html']);
    // The project's own judgements are about the shared corpus, not this one.
    expect(report.judged).toBeNull();
  });

  it('prints a per-page table and the totals', async () => {
    const { code, out } = await run('eval', corpusDir);
    expect(code).toBe(0);
    expect(out).toMatch(/^page\s+blocks\s+caught\s+collapsed\s+FP\s+paras\s+hidden\s+ms$/m);
    expect(out).toMatch(/^pages\/appeal\.html\s+2\s/m);
    expect(out).toMatch(/^appeals\s+\d+\/6\s/m);
    expect(out).toMatch(/^linkfarms\s+\d+\/3\s/m);
    expect(out).toMatch(/^scan ms per page\s+median [\d.]+, p95 [\d.]+, max [\d.]+$/m);
  });

  function corpusWith(labels: string): string {
    const dir = mkdtempSync(join(scratch, 'corpus-'));
    writeFileSync(join(dir, 'labels.json'), labels);
    return dir;
  }

  it('exits non-zero naming the problem when labels.json is not JSON', async () => {
    const { code, err } = await run('eval', corpusWith('{"version": 1, "pages": ['));
    expect(code).toBe(2);
    expect(err).toContain('labels.json: not valid JSON');
  });

  it('names the field of a malformed label', async () => {
    const labels = { version: 1, pages: [{ file: 'pages/a.html', article: null, blocks: [{ kind: 'popup', selector: 'div[' }] }] };
    const { code, err } = await run('eval', corpusWith(JSON.stringify(labels)));
    expect(code).toBe(2);
    expect(err).toContain('pages[0].blocks[0].kind: expected one of appeal, paywall, newsletter, linkfarm, found "popup"');
    expect(err).toContain('pages[0].blocks[0].selector: not a valid CSS selector: "div["');
  });

  it('names the page files that are missing', async () => {
    const labels = { version: 1, pages: [{ file: 'pages/a.html', article: 'pages/a.expected.html', blocks: [] }] };
    const { code, err } = await run('eval', corpusWith(JSON.stringify(labels)));
    expect(code).toBe(2);
    expect(err).toContain('files not found');
    expect(err).toContain('pages/a.html');
    expect(err).toContain('pages/a.expected.html');
  });

  const judgementsPath = join(corpusDir, 'judgements.json');
  const labelOnlyKeys = ['blocks', 'caught', 'recall', 'recallByKind', 'collapsed', 'falsePositives', 'falsePositiveList', 'precision',
    'articleParagraphsHidden', 'hiddenParagraphList', 'missedList'];

  it('counts judged blocks in a separate section and leaves recall and the label-only figures alone', async () => {
    const plain = JSON.parse((await run('eval', corpusDir, '--json', '--no-judgements')).out);
    const { code, out } = await run('eval', corpusDir, '--json', '--judgements', judgementsPath);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    for (const key of labelOnlyKeys) expect(report[key], key).toEqual(plain[key]);
    expect(plain.judged).toBeNull();
    const paths = (list: { path: string }[]) => list.map((fp) => fp.path);
    // The unlabelled in-article newsletter box is a label-only false positive; the judgement vouches for it.
    expect(paths(report.falsePositiveList)).toContain('#inline-signup');
    expect(paths(report.judged.falsePositiveList)).not.toContain('#inline-signup');
    expect(report.judged).toMatchObject({
      file: expect.stringMatching(/corpus-mini\/judgements\.json$/),
      blocks: 1,
      falsePositives: report.falsePositives - 1,
      precision: (report.collapsed - report.falsePositives + 1) / report.collapsed,
      problems: [],
      idle: [],
    });
    // Its heading is in the article file: hidden, but inside the judged block.
    expect(report.articleParagraphsHidden).toBe(report.judged.articleParagraphsHidden + 1);
    expect(report.judged.hiddenInsideJudgedList).toEqual([{ page: 'pages/incomplete.html', text: 'Keep up with the Courier morning newsletter every day.' }]);
  });

  it('prints the judged figures after the label-only ones, saying they are not labels', async () => {
    const { out } = await run('eval', corpusDir, '--judgements', judgementsPath);
    const judgedAt = out.indexOf('With judgements (');
    expect(judgedAt).toBeGreaterThan(out.indexOf('precision'));
    expect(out.slice(judgedAt)).toMatch(/^With judgements \(.*judgements\.json: 1 block the labels leave out and 0 labels judged wrong, by a person — not labels\)$/m);
    expect(out.slice(judgedAt)).toMatch(/^recall\s+\d+\/\d+ [\d.]+ %\s+\(label-only [\d.]+ %\)$/m);
    expect(out.slice(judgedAt)).toMatch(/^precision\s+[\d.]+ %\s+\(label-only [\d.]+ %\)$/m);
    expect(out.slice(judgedAt)).toContain('hidden inside a judged block  1');
  });

  function judgementsWith(blocks: object[], corpus = 'fixtures/corpus-mini', rejected: object[] = []): string {
    const path = join(mkdtempSync(join(scratch, 'judgements-')), 'judgements.json');
    writeFileSync(path, JSON.stringify({ version: 2, corpora: [{ corpus, blocks, rejected }] }));
    return path;
  }

  it('leaves a label judged wrong out of the judged recall and precision, never out of the label-only figures', async () => {
    const plain = JSON.parse((await run('eval', corpusDir, '--json', '--no-judgements')).out);
    const why = 'for the test';
    const path = judgementsWith([], 'fixtures/corpus-mini', [{ file: 'pages/news.html', kind: 'linkfarm', selector: '#trending', why }]);
    const report = JSON.parse((await run('eval', corpusDir, '--json', '--judgements', path)).out);
    expect(report.recall).toBe(plain.recall);
    expect(report.falsePositives).toBe(plain.falsePositives);
    expect(report.judged).toMatchObject({ rejected: 1, judgedBlocks: plain.blocks - 1 });
  });

  it('reports judgements that match no element or several, and those about pages outside the corpus', async () => {
    const why = 'for the test';
    const path = judgementsWith([
      { file: 'pages/incomplete.html', kind: 'newsletter', selector: '#no-such-box', why },
      { file: 'pages/incomplete.html', kind: 'newsletter', selector: 'form', why },
      { file: 'pages/elsewhere.html', kind: 'linkfarm', selector: 'ul', why },
    ]);
    const { code, out } = await run('eval', corpusDir, '--judgements', path);
    expect(code).toBe(0);
    expect(out).toContain('Judgement problems:');
    expect(out).toContain('pages/incomplete.html: judgement newsletter "#no-such-box" matches 0 elements');
    expect(out).toContain('pages/incomplete.html: judgement newsletter "form" matches 2 elements');
    expect(out).toContain('pages/elsewhere.html: not a page of');
    const report = JSON.parse((await run('eval', corpusDir, '--json', '--judgements', path)).out);
    expect(report.judged.problems).toHaveLength(3);
    expect(report.judged.falsePositives).toBe(report.falsePositives);
  });

  it('refuses malformed judgements, judgements about another corpus, and both judgement flags', async () => {
    const unexplained = await run('eval', corpusDir, '--judgements', judgementsWith([{ file: 'pages/news.html', kind: 'ad', selector: 'p' }]));
    expect(unexplained.code).toBe(2);
    expect(unexplained.err).toContain('corpora[0].blocks[0].kind: expected one of appeal, paywall, newsletter, linkfarm, found "ad"');
    expect(unexplained.err).toContain('corpora[0].blocks[0].why: expected the reason for the judgement');
    const other = await run('eval', corpusDir, '--judgements', judgementsWith([], 'shared/corpus'));
    expect(other.code).toBe(2);
    expect(other.err).toContain('judgements are about "shared/corpus"');
    const both = await run('eval', corpusDir, '--judgements', judgementsPath, '--no-judgements');
    expect(both.code).toBe(2);
    expect(both.err).toContain('--judgements and --no-judgements exclude each other');
  });

  it('exits non-zero for a missing directory', async () => {
    const { code, err } = await run('eval', join(scratch, 'nowhere'));
    expect(code).toBe(2);
    expect(err).toContain('nowhere: no such directory');
  });

  it('measures several corpora in one run and sets them side by side', async () => {
    const quiet = mkdtempSync(join(scratch, 'corpus-'));
    mkdirSync(join(quiet, 'pages'));
    copyFileSync(join(corpusDir, 'pages', 'quiet.html'), join(quiet, 'pages', 'quiet.html'));
    writeFileSync(join(quiet, 'labels.json'), JSON.stringify({ version: 1, pages: [{ file: 'pages/quiet.html', article: null, blocks: [] }] }));
    const json = await run('eval', corpusDir, quiet, '--json', '--no-judgements');
    expect(json.code).toBe(0);
    const { corpora } = JSON.parse(json.out);
    expect(corpora.map((corpus: { dir: string }) => corpus.dir)).toEqual([corpusDir, quiet]);
    expect(corpora[0].report).toMatchObject({ pages: 4, blocks: 9 });
    expect(corpora[1].report).toMatchObject({ pages: 1, blocks: 0 });
    const text = await run('eval', corpusDir, quiet, '--no-judgements');
    expect(text.code).toBe(0);
    expect(text.out).toContain(`### ${quiet}`);
    expect(text.out).toMatch(/^All 2 corpora/m);
    expect(text.out).toMatch(new RegExp(`^${corpusDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+4\\s+\\d+/6 `, 'm'));
  });

  it('checks every corpus before scanning any', async () => {
    const broken = corpusWith('{"version": 1, "pages": [');
    const { code, out, err } = await run('eval', corpusDir, broken);
    expect(code).toBe(2);
    expect(err).toContain('not valid JSON');
    expect(out).toBe('');
  });
});

describe('tidings outline', { timeout: 30_000 }, () => {
  it('prints the page\'s blocks, indented, with characters, links, form controls and first words', async () => {
    const { code, out } = await run('outline', appealPage);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('title: School board delays the vote on the new timetable  lang: en');
    expect(lines).toContain('    aside#support-us.donate-box [147c 1a] Dear readers Independent journalism depends on readers like you. Please support us: just $');
    // A form without a word of its own is listed for its fields; the article's paragraphs under their block, a level deeper.
    expect(lines).toContain('      form [7c 0a 3f] Sign up');
    expect(lines.filter((line) => line.startsWith('      p [')).length).toBeGreaterThanOrEqual(4);
  });

  it('leaves out what is shorter than --min-chars and deeper than --depth', async () => {
    const { code, out } = await run('outline', appealPage, '--min-chars', '140', '--depth', '2');
    expect(code).toBe(0);
    expect(out).toContain('aside#support-us.donate-box [147c 1a]');
    expect(out).toContain('div#signup.newsletter [108c 0a 3f]'); // short, but a form is in it
    expect(out).not.toContain('\n      p [');
    expect(out).not.toMatch(/\n {6}/);
  });

  it('checks that each selector names exactly one element, and exits 1 when one does not', async () => {
    const unique = await run('outline', appealPage, '--check', '#support-us', 'form');
    expect(unique.code).toBe(0);
    expect(unique.out.split('\n')).toEqual([
      'ok       #support-us  :: Dear readers Independent journalism depends on readers like you. Please support ',
      'ok       form  :: Sign up',
    ]);
    const wrong = await run('outline', appealPage, '--check', '#missing', 'p', 'p[');
    expect(wrong.code).toBe(1);
    expect(wrong.out.split('\n')).toEqual(['none     #missing', '6 matches p  :: The school board postponed its vote on the new timetable on Tuesday, saying pare', 'invalid  p[']);
  });

  it('says what is wrong with its command line', async () => {
    expect((await run('outline')).code).toBe(2);
    const stray = await run('outline', appealPage, '#support-us');
    expect(stray.code).toBe(2);
    expect(stray.err).toContain('selectors to check come after --check');
    expect((await run('outline', appealPage, '--check')).err).toContain('--check needs at least one selector');
    expect((await run('outline', appealPage, '--depth', 'deep')).err).toContain('--depth: expected a whole number');
    const missing = await run('outline', join(scratch, 'nowhere.html'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('file not found');
  });
});

describe('usage', () => {
  it('prints usage for --help', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out).toContain('tidings scan FILE.html|FILE.txt');
    expect(out).toContain('tidings eval DIR');
    expect(out).toContain('tidings bench');
    expect(out).toContain('tidings outline FILE.html');
  });

  it('prints usage and exits non-zero for an unknown command', async () => {
    const { code, err } = await run('frobnicate');
    expect(code).toBe(2);
    expect(err).toContain('unknown command "frobnicate"');
    expect(err).toContain('Usage:');
  });

  it('names an unknown option', async () => {
    const { code, err } = await run('eval', corpusDir, '--verbose');
    expect(code).toBe(2);
    expect(err).toContain('unknown option --verbose');
  });
});
