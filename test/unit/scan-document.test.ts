import { englishReasons } from '../../src/cli/english';
import { describe, expect, it } from 'vitest';
import { createScanContext, scanDocument, scanRoot } from '../../src/scan/index';
import { allDetectors, hiddenParagraphs, loadPage, pageFrom, summary } from './scan-fixtures';

describe('scanDocument on pages with appeals and link farms', () => {
  it('finds the appeal box between article paragraphs as its own element, and nothing else', () => {
    const doc = loadPage('donation-in-article.html');
    const findings = scanDocument(doc, allDetectors);
    expect(summary(findings)).toEqual(['#appeal donation-appeal']);
    const [appeal] = findings;
    expect(appeal!.kind).toBe('appeal');
    // Reasons are the signals that weighed most, in words: the plea's phrases first, then its donate link.
    expect(englishReasons(appeal!.reasons)[0]).toMatch(/^Asks for donations \('dear readers', 'independent journalism depends on'\)/);
    expect(englishReasons(appeal!.reasons).join('; ')).toMatch(/Links to a donation page/);
    for (const id of ['p1', 'p2', 'p3', 'p4']) expect(appeal!.element.contains(doc.getElementById(id))).toBe(false);
  });

  it('finds each appeal and link farm around an article, each by its own detector', () => {
    const findings = scanDocument(loadPage('appeals-around-article.html'), allDetectors);
    expect(summary(findings)).toEqual([
      '#paywall-banner paywall-nag',
      '#newsletter newsletter-nag',
      '#membership membership-plea',
      '#trending link-farm',
      '#app-promo app-promo',
      // The footer is the wall of section links and a copyright line: it goes as a whole.
      '#site-footer link-farm',
    ]);
  });

  it('leaves articles that merely talk about donations, tables of links in the story and menus alone', () => {
    const doc = loadPage('hard-negatives.html');
    // A "Related coverage" box after the article is a link farm by the labelling convention
    // (corpus2/README.md): headlines of other stories under a related heading, however long they are.
    const findings = scanDocument(doc, allDetectors);
    expect(summary(findings)).toEqual(['#related link-farm']);
    expect(hiddenParagraphs(doc, findings)).toEqual([]);
    expect(summary(scanDocument(loadPage('charity-article.html'), allDetectors))).toEqual([]);
  });

  it('runs only the enabled detectors; an empty map means the defaults', () => {
    const doc = loadPage('appeals-around-article.html');
    const onlyLinks = scanDocument(doc, { enabled: { 'donation-appeal': false, 'membership-plea': false, 'paywall-nag': false, 'newsletter-nag': false, 'app-promo': false }, sensitivity: 'normal' });
    expect(summary(onlyLinks)).toEqual(['#trending link-farm', '#site-footer link-farm']);
    expect(scanDocument(doc, { enabled: {}, sensitivity: 'normal' })).toHaveLength(6);
  });
});

describe('article guard', () => {
  it('never returns the article or a block holding article paragraphs, even when its text pleads', () => {
    const doc = pageFrom(`<article id="a">
      <p>Dear readers, this is a story about a charity that asked people to support us and make a donation of $5 a month to the appeal, which closed on Friday with a record sum raised.</p>
      <p>Organisers said readers like you gave generously, and the fund will now pay for repairs to the roof of the community centre that was damaged in the storm.</p>
      <p>The centre reopens next month. Volunteers are still needed on weekday evenings for the cleaning and the painting of the main hall.</p></article>`);
    expect(scanDocument(doc, allDetectors)).toEqual([]);
  });

  it('finds the article from schema.org articleBody, <article>, or the container with most paragraph text', () => {
    const marked = loadPage('appeals-around-article.html');
    expect(createScanContext(marked, allDetectors).article?.id).toBe('body');
    const tagged = loadPage('donation-in-article.html');
    expect(createScanContext(tagged, allDetectors).article?.id).toBe('story');
    const plain = pageFrom(`<div id="nav"><a href="/">Home</a></div><div id="text">${'<p>A paragraph of plain news prose that runs on for a while to look like an article body.</p>'.repeat(8)}</div>`);
    expect(createScanContext(plain, allDetectors).article?.id).toBe('text');
  });

  it('takes a story set in lines (<br><br>) rather than paragraphs for the article: the box around it and its lists stays', () => {
    const line = (topic: string): string => `Commuters crossing the harbour will wait less from June, when the authority puts two more boats on the <a href="/topic/${topic}">${topic}</a> route and runs them until late in the evening on weekdays.`;
    const headline = (n: number): string => `<li><a href="/2026/04/story-${n}">The harbour authority answers questions about story number ${n} of the week</a></li>`;
    const doc = pageFrom(`<div id="nav"><a href="/">Home</a> <a href="/news">News</a></div>
      <div id="storydiv">
        <div class="read_more">READ MORE <a href="/topic/ferries">Ferries</a>|<a href="/topic/harbour">Harbour</a>|<a href="/topic/buses">Buses</a>|<a href="/topic/bridges">Bridges</a></div>
        <div id="related"><h2>Related</h2><ul>${[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(headline).join('')}</ul></div>
        <div id="text"><b>HARBOUR:</b> ${['ferries', 'harbour', 'boats', 'timetables', 'quays', 'fares'].map(line).join(' <br><br> ')}</div>
      </div>`);
    expect(createScanContext(doc, allDetectors).article?.id).toBe('storydiv');
    const findings = scanDocument(doc, allDetectors);
    expect(findings.filter((finding) => finding.element.contains(doc.getElementById('text')))).toEqual([]);
  });

  it('takes the article from a part the page adds, read from that part alone', () => {
    const doc = pageFrom('<div id="early"><p>Loading…</p></div><div id="feed"></div>');
    const context = createScanContext(doc, allDetectors);
    expect(context.article).toBeNull();
    const story = (id: string, paragraphs: number): HTMLElement => {
      const element = doc.createElement('article');
      element.id = id;
      element.innerHTML = '<p>A long paragraph of the story that arrived after the first scan, long enough to count as prose.</p>'.repeat(paragraphs);
      return element;
    };
    const late = story('late', 6);
    doc.getElementById('feed')!.append(late);
    scanRoot(late, context, true);
    expect(context.article?.id).toBe('late');
    // A shorter story added below (an endless page's next one) leaves the article where it is; a longer one takes it.
    const next = story('next', 5);
    doc.getElementById('feed')!.append(next);
    scanRoot(next, context, true);
    expect(context.article?.id).toBe('late');
    const longer = story('longer', 9);
    doc.getElementById('feed')!.append(longer);
    scanRoot(longer, context, true);
    expect(context.article?.id).toBe('longer');
    // Not a part of the page (a batch scanned as it comes): the article stays.
    scanRoot(story('aside', 12), context);
    expect(context.article?.id).toBe('longer');
    // The article taken away: the best story around the next part takes its place, though it ranks below the one gone
    // (the part's scan reads its neighbourhood: the feed, with the first story).
    longer.remove();
    const replacement = story('replacement', 5);
    doc.getElementById('feed')!.append(replacement);
    scanRoot(replacement, context, true);
    expect(context.article?.id).toBe('late');
  });
});

describe('scanRoot', () => {
  const box = `<div id="box" class="support-box"><h3>Dear readers,</h3><p id="inner">Please support our journalism: readers like you keep it free.</p><a href="/donate">Donate</a></div>`;

  it('climbs from a root inside a block to the whole block', () => {
    const doc = pageFrom(`<div id="column">${box}<p>An unrelated line of text in the column.</p></div>`);
    const findings = scanRoot(doc.getElementById('inner')!, createScanContext(doc, allDetectors));
    expect(summary(findings)).toEqual(['#box donation-appeal']);
  });

  it('climbs from an added link, an element the index keeps no record of, to the block around it', () => {
    const doc = pageFrom(`<div id="column">${box}<p>An unrelated line of text in the column.</p></div>`);
    const findings = scanRoot(doc.querySelector('#box a')!, createScanContext(doc, allDetectors));
    expect(summary(findings)).toEqual(['#box donation-appeal']);
  });

  it('reads a part added in a sidebar nested in the comments as the whole-page pass does: the site\'s, not the readers\'', () => {
    const signup = (id: string) => `<div id="${id}" class="signup-box"><h4>Get our newsletter</h4><p>Our best stories, delivered to your inbox every Friday.</p><form><input type="email" name="email"> <button>Sign up</button></form></div>`;
    // The sidebar's long list of opening hours keeps a part added beside it from climbing to the sidebar: the part's
    // statistics root lies below it, and the sidebar and the comments' wrapper are read as its ancestors.
    const hours = Array.from({ length: 160 }, (_, day) => `<li>Day ${day + 1}: 9 to 5</li>`).join('');
    const doc = pageFrom(`<div class="article-comments"><ol class="comment-list"><li class="comment"><p>Great piece.</p></li></ol><aside class="prefooter"><ul>${hours}</ul><div id="slot"></div></aside><div id="comment-slot"></div></div>`);
    const context = createScanContext(doc, allDetectors);
    doc.getElementById('slot')!.innerHTML = signup('added');
    doc.getElementById('comment-slot')!.innerHTML = signup('in-comments');
    expect(summary(scanRoot(doc.getElementById('added')!, context))).toEqual(['#added newsletter-nag']);
    expect(summary(scanRoot(doc.getElementById('in-comments')!, context))).toEqual([]);
    expect(summary(scanDocument(doc, allDetectors))).toEqual(['#added newsletter-nag']);
  });

  it('reads a part inside a sidebar-named frame around the article as the whole-page pass does: the frame is no sidebar', () => {
    const doc = loadPage('shapes/sidebar-layout-wrapper.html');
    const context = createScanContext(doc, allDetectors);
    expect(summary(scanRoot(doc.getElementById('post-meta')!, context))).toEqual([]);
    expect(summary(scanRoot(doc.querySelector('#recent-posts li')!, context))).toEqual(['#recent-posts link-farm']);
  });

  it('skips the blocks Tidings marked collapsed or revealed, and only those', () => {
    for (const attribute of ['data-tidings-collapsed', 'data-tidings-revealed']) {
      const doc = pageFrom(box);
      const marked = doc.getElementById('box')!;
      marked.setAttribute(attribute, 't1');
      const context = createScanContext(doc, { ...allDetectors, ownMarks: new WeakSet([marked]) });
      expect(scanRoot(doc.body, context)).toEqual([]);
      expect(scanRoot(doc.getElementById('inner')!, context)).toEqual([]);
      // The same attribute put there by the page does not hide the block from the scan.
      const forged = createScanContext(doc, { ...allDetectors, ownMarks: new WeakSet() });
      expect(summary(scanRoot(doc.body, forged))).toEqual(['#box donation-appeal']);
      expect(summary(scanRoot(doc.getElementById('inner')!, forged))).toEqual(['#box donation-appeal']);
    }
  });

  it('reads a tidings-placeholder element of the page like any other', () => {
    const withPlaceholder = pageFrom(`<tidings-placeholder>${box}</tidings-placeholder>`);
    expect(summary(scanDocument(withPlaceholder, allDetectors))).toEqual(['#box donation-appeal']);
  });

  // Pop-ups wait hidden until a script shows them: a hidden box is found now, so it stays collapsed when shown.
  it('reads hidden pop-ups ([hidden], inline display:none) but never template, noscript or script', () => {
    for (const wrapper of ['<div hidden>', '<div style="display: none">']) {
      const close = `</${wrapper.slice(1).split(/[ >]/)[0]}>`;
      expect(summary(scanDocument(pageFrom(`${wrapper}${box}${close}`), allDetectors))).toEqual(['#box donation-appeal']);
    }
    for (const wrapper of ['<template>', '<noscript>', '<script type="text/template">']) {
      const close = `</${wrapper.slice(1).split(/[ >]/)[0]}>`;
      expect(scanDocument(pageFrom(`${wrapper}${box}${close}`), allDetectors)).toEqual([]);
    }
  });

  it('returns the smallest element that wraps the whole block, not its empty wrappers', () => {
    const doc = pageFrom(`<div id="outer"><div id="middle">${box}</div></div><p>Other text of the page that is not part of the appeal at all.</p>`);
    expect(summary(scanDocument(doc, allDetectors))).toEqual(['#box donation-appeal']);
  });
});
