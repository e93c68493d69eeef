import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleParagraphs, evaluatePage, type LabelBlock } from '../../src/cli/evaluate';
import { parseHtml } from '../../src/cli/page';

const corpusDir = join(__dirname, '../fixtures/corpus-mini');
const labels = JSON.parse(readFileSync(join(corpusDir, 'labels.json'), 'utf8')) as {
  pages: { file: string; article: string | null; blocks: LabelBlock[] }[];
};
const newsLabels = labels.pages[0]!;

function loadPage(file: string): Document {
  return parseHtml(readFileSync(join(corpusDir, file), 'utf8')).window.document;
}

function evaluateNews(collapsedSelectors: string[]) {
  const doc = loadPage(newsLabels.file);
  const collapsed = collapsedSelectors.map((selector) => {
    const element = doc.querySelector(selector);
    if (!element) throw new Error(`fixture lacks ${selector}`);
    return element;
  });
  const paragraphs = articleParagraphs(loadPage(newsLabels.article!));
  return evaluatePage(doc, newsLabels.blocks, collapsed, paragraphs);
}

function block(evaluation: ReturnType<typeof evaluateNews>, selector: string) {
  const result = evaluation.blocks.find((candidate) => candidate.selector === selector);
  if (!result) throw new Error(`no label ${selector}`);
  return result;
}

describe('evaluatePage: caught blocks (≥ 80 % of visible text collapsed)', () => {
  it('catches a block whose own element is collapsed', () => {
    const evaluation = evaluateNews(['#support']);
    expect(block(evaluation, '#support')).toMatchObject({ chars: 100, collapsedChars: 100, caught: true });
  });

  it('catches a block when exactly 80 % of its text is collapsed', () => {
    const evaluation = evaluateNews(['#support-main']);
    expect(block(evaluation, '#support')).toMatchObject({ chars: 100, collapsedChars: 80, caught: true });
  });

  it('misses a block when 79 % of its text is collapsed', () => {
    const evaluation = evaluateNews(['#membership-main']);
    expect(block(evaluation, '#membership')).toMatchObject({ chars: 100, collapsedChars: 79, caught: false });
  });

  it('catches a block inside a collapsed ancestor', () => {
    const evaluation = evaluateNews(['#sidebar']);
    expect(block(evaluation, '#trending').caught).toBe(true);
    expect(block(evaluation, '#most-read').caught).toBe(false);
  });

  it('ignores script text when measuring a block', () => {
    const evaluation = evaluateNews(['#newsletter-text']);
    expect(block(evaluation, '#newsletter-box')).toMatchObject({ chars: 26, collapsedChars: 26, caught: true });
  });

  it('counts nothing caught when nothing is collapsed', () => {
    const evaluation = evaluateNews([]);
    expect(evaluation.blocks.filter((result) => result.caught)).toHaveLength(0);
    expect(evaluation.collapsed).toHaveLength(0);
    expect(evaluation.hiddenParagraphs).toHaveLength(0);
  });
});

describe('evaluatePage: false positives (< 50 % of a collapsed element labelled)', () => {
  it('does not count an element that is exactly half labelled', () => {
    const [sidebar] = evaluateNews(['#sidebar']).collapsed;
    expect(sidebar).toMatchObject({ chars: 100, labelledChars: 50, falsePositive: false });
  });

  it('counts an element that is 49 % labelled', () => {
    const [sidebar] = evaluateNews(['#sidebar-2']).collapsed;
    expect(sidebar).toMatchObject({ chars: 100, labelledChars: 49, falsePositive: true });
  });

  it('does not count a collapsed element inside a labelled block', () => {
    const [part] = evaluateNews(['#support-extra']).collapsed;
    expect(part).toMatchObject({ chars: 20, labelledChars: 20, falsePositive: false });
  });

  it('counts every collapsed element on a page without labels', () => {
    const doc = loadPage('pages/quiet.html');
    const evaluation = evaluatePage(doc, [], [...doc.querySelectorAll('p')]);
    expect(evaluation.collapsed.map((result) => result.falsePositive)).toEqual([true, true]);
  });

  it('counts the article collapsed as a false positive that hides the paragraphs', () => {
    const evaluation = evaluateNews(['#story', '#support']);
    expect(evaluation.collapsed.map((result) => result.falsePositive)).toEqual([true, false]);
  });
});

describe('evaluatePage: hidden article paragraphs', () => {
  it('takes paragraph-like elements of at least 40 characters from the article file', () => {
    const paragraphs = articleParagraphs(loadPage(newsLabels.article!));
    expect(paragraphs).toEqual([
      'Council approves the new bridge over the river after a long debate',
      'The council approved the new bridge over the river on Monday, after a debate that ran past midnight.',
      'Engineers said the work would start soon',
      'The bridge will carry two lanes and a path for bicycles.',
      'We waited twenty years for this crossing, said one farmer.',
    ]);
  });

  it('finds every counted paragraph hidden when the article is collapsed, despite different whitespace', () => {
    const evaluation = evaluateNews(['#story']);
    expect(evaluation.articleParagraphs).toBe(5);
    expect(evaluation.hiddenParagraphs).toHaveLength(5);
  });

  it('finds one paragraph hidden when only it is collapsed', () => {
    const evaluation = evaluateNews(['#para-40', '#support']);
    expect(evaluation.hiddenParagraphs).toEqual(['Engineers said the work would start soon']);
  });

  it('does not count a paragraph that is only partly collapsed', () => {
    const evaluation = evaluateNews(['#story h1']);
    expect(evaluation.hiddenParagraphs).toEqual(['Council approves the new bridge over the river after a long debate']);
  });
});

describe('evaluatePage: label problems', () => {
  it('reports a selector that matches nothing and counts the block as missed', () => {
    const doc = loadPage(newsLabels.file);
    const evaluation = evaluatePage(doc, [{ kind: 'appeal', selector: '#gone' }], [doc.querySelector('#support')!]);
    expect(evaluation.blocks[0]).toMatchObject({ element: null, caught: false });
    expect(evaluation.problems).toEqual(['label appeal "#gone" matches 0 elements']);
  });
});

describe('evaluatePage: judged blocks (counted beside the labels, never instead)', () => {
  it('turns a false positive into a judged true positive without touching the label-only figures', () => {
    const doc = loadPage(newsLabels.file);
    const collapsed = [doc.querySelector('#sidebar-2')!, doc.querySelector('#support')!];
    const plain = evaluatePage(doc, newsLabels.blocks, collapsed);
    const judged = evaluatePage(doc, newsLabels.blocks, collapsed, [], [{ kind: 'linkfarm', selector: '#sidebar-2 > p' }]);
    // The ad is 51 characters of #sidebar-2's 100, the labelled #most-read the other 49.
    expect(judged.collapsed[0]).toMatchObject({ chars: 100, labelledChars: 49, falsePositive: true, labelledOrJudgedChars: 100, falsePositiveJudged: false });
    expect(plain.collapsed[0]).toMatchObject({ labelledOrJudgedChars: 49, falsePositiveJudged: true });
    expect(judged.collapsed.map((result) => result.falsePositive)).toEqual(plain.collapsed.map((result) => result.falsePositive));
    expect(judged.blocks.map((block) => block.caught)).toEqual(plain.blocks.map((block) => block.caught));
    expect(judged.judgementProblems).toEqual([]);
    expect(judged.idleJudgements).toEqual([]);
  });

  it('names a judged block of which nothing is collapsed', () => {
    const doc = loadPage(newsLabels.file);
    const judgements = [{ kind: 'linkfarm' as const, selector: '#sidebar-2 > p' }, { kind: 'linkfarm' as const, selector: '#sidebar-ad' }];
    const evaluation = evaluatePage(doc, newsLabels.blocks, [doc.querySelector('#sidebar-2')!], [], judgements);
    expect(evaluation.idleJudgements).toEqual(['#sidebar-ad']);
  });

  it('keeps a collapsed element a false positive when less than half of it is labelled or judged', () => {
    const doc = loadPage(newsLabels.file);
    const evaluation = evaluatePage(doc, [], [doc.querySelector('#sidebar-2')!], [], [{ kind: 'linkfarm', selector: '#most-read' }]);
    expect(evaluation.collapsed[0]).toMatchObject({ labelledOrJudgedChars: 49, falsePositiveJudged: true });
  });

  it('tells article paragraphs hidden inside a judged block from the others', () => {
    const doc = loadPage('pages/incomplete.html');
    const paragraphs = articleParagraphs(loadPage('pages/incomplete.expected.html'));
    const collapsed = [doc.querySelector('#inline-signup')!];
    const judgement = [{ kind: 'newsletter' as const, selector: '#inline-signup' }];
    const judged = evaluatePage(doc, [], collapsed, paragraphs, judgement);
    expect(judged.hiddenParagraphs).toEqual(['Keep up with the Courier morning newsletter every day.']);
    expect(judged.hiddenInsideJudged).toEqual(judged.hiddenParagraphs);
    expect(evaluatePage(doc, [], collapsed, paragraphs).hiddenInsideJudged).toEqual([]);
    // Collapsing the whole article hides paragraphs outside the judged box too: only the heading is inside.
    const story = evaluatePage(doc, [], [doc.querySelector('#story')!], paragraphs, judgement);
    expect(story.hiddenParagraphs).toHaveLength(5);
    expect(story.hiddenInsideJudged).toEqual(['Keep up with the Courier morning newsletter every day.']);
  });

  it('reports a judgement that matches no element, several elements, or a labelled block', () => {
    const doc = loadPage(newsLabels.file);
    const evaluation = evaluatePage(doc, newsLabels.blocks, [doc.querySelector('#sidebar-2')!], [], [
      { kind: 'linkfarm', selector: '#gone' },
      { kind: 'linkfarm', selector: 'aside' },
      { kind: 'linkfarm', selector: '#most-read > p' },
    ]);
    expect(evaluation.judgementProblems).toEqual([
      'judgement linkfarm "#gone" matches 0 elements',
      'judgement linkfarm "aside" matches 2 elements',
      'judgement linkfarm "#most-read > p" lies inside the labelled block "#most-read": drop it',
    ]);
    expect(evaluation.problems).toEqual([]);
    // None of them vouches for the collapsed sidebar: an ambiguous selector counts nowhere.
    expect(evaluation.collapsed[0]).toMatchObject({ labelledOrJudgedChars: 49, falsePositiveJudged: true });
  });

  it('counts a judgement inside a label judged wrong: it names a box the label should have been', () => {
    const doc = loadPage(newsLabels.file);
    const inner = [{ kind: 'linkfarm' as const, selector: '#most-read > p' }];
    const evaluation = evaluatePage(doc, newsLabels.blocks, [doc.querySelector('#most-read > p')!], [], inner, ['#most-read']);
    expect(evaluation.judgementProblems).toEqual([]);
    expect(evaluation.judgedBlocks).toEqual([expect.objectContaining({ selector: '#most-read > p', caught: true })]);
    expect(evaluation.blocks.find((block) => block.selector === '#most-read')).toMatchObject({ rejected: true });
  });
});
