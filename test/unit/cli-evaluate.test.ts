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
