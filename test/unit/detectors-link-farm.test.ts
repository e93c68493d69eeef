import { englishReasons } from '../../src/cli/english';
import { describe, expect, it } from 'vitest';
import type { Sensitivity } from '../../src/core/types';
import { linkFarm } from '../../src/detectors/link-farm';
import { createScanContext, scanDocument, scanRoot } from '../../src/scan/index';
import { allDetectors, pageFrom, summary } from './scan-fixtures';

// The link-list model (src/scan/link-list.ts) weighs where a list stands — after the article, in a sidebar or a
// footer, or in the site's header and menus — so its blocks are judged on a page around a story, as a scan
// judges them.

const words = ['Music', 'Trailers', 'Videos', 'India', 'Pakistan', 'Cricket', 'Recipes', 'Horoscope', 'Gadgets', 'Autos',
  'Movies', 'Lifestyle', 'Astrology', 'Education', 'Jobs', 'Travel', 'Coupons', 'Football', 'TV', 'Games', 'Quizzes', 'Download App'];

function links(count: number, separator = ' · '): string {
  return words.slice(0, count).map((word) => `<a href="/${word.toLowerCase()}">${word}</a>`).join(separator);
}

function items(count: number): string {
  return `<li>${links(count, '</li><li>')}</li>`;
}

const story = [
  'The council voted on Tuesday to close the old bridge for two years of repairs, after engineers found cracks in three of its piers.',
  'A ferry will carry cars across the river while the work goes on, and buses will be diverted through the northern villages.',
  'Shop owners on the quay said they feared losing customers, and asked the council for help with their rents during the closure.',
  'The mayor said the bridge had been neglected for decades and that the repairs could not wait for another winter.',
  'Work is due to begin in March, and the council will publish a timetable for the ferry next month.',
];

/** A news page: a small header menu, the story, then `after` (inside <main>), then `footer`. */
function page(after: string, { header = '', footer = '' } = {}): Document {
  return pageFrom(`<header><a href="/">The Courier</a><nav><a href="/news">News</a> <a href="/sport">Sport</a></nav>${header}</header>
    <main><article id="story"><h1>Old bridge to close for two years of repairs</h1>${story.map((p) => `<p>${p}</p>`).join('')}</article>${after}</main>
    <footer id="footer">${footer}<a href="/privacy">Privacy</a> · <a href="/contact">Contact</a></footer>`);
}

function found(doc: Document, sensitivity: Sensitivity = 'normal'): string[] {
  return summary(scanDocument(doc, { ...allDetectors, sensitivity }));
}

const headlines = (count: number, text: (i: number) => string): string =>
  Array.from({ length: count }, (_, i) => `<li><a href="/s/${i}">${text(i)}</a></li>`).join('');

describe('link-farm', () => {
  it('finds a wall of short links after the article; its reasons count the links', () => {
    const doc = page(`<div id="wall">${links(22)}</div>`);
    expect(found(doc)).toEqual(['#wall link-farm']);
    const reasons = englishReasons(scanDocument(doc, allDetectors)[0]!.reasons).join('; ');
    expect(reasons).toMatch(/\d+ % of its text is links/);
    expect(reasons).toMatch(/22 links/);
  });

  // Sensitivity moves the model's threshold (weights.json): a sparse list of section links is where they part.
  it('takes a sparse list of eight section links after the article at high sensitivity, not at low', () => {
    expect(found(page(`<ul id="list">${items(8)}</ul>`), 'high')).toEqual(['#list link-farm']);
    expect(found(page(`<ul id="list">${items(8)}</ul>`), 'low')).toEqual([]);
    expect(found(page(`<ul id="list">${items(12)}</ul>`), 'normal')).toEqual(['#list link-farm']);
  });

  it('finds a short list under a "most read" heading even with long headlines', () => {
    const titles = ['Council approves the budget for new schools after a long night', 'Heatwave warning issued for the whole weekend', 'Local baker wins a national prize for rye bread', 'Train timetable changes from Sunday explained'];
    const doc = page(`<div id="most-read"><h3>Most read</h3><ol>${titles.map((title, i) => `<li><a href="/${i}">${title}</a></li>`).join('')}</ol></div>`);
    expect(found(doc, 'low')).toEqual(['#most-read link-farm']);
    expect(englishReasons(scanDocument(doc, allDetectors)[0]!.reasons).join('; ')).toMatch(/9\d % of its text is links/);
  });

  // Headings of short boxes of other stories on real pages: a magazine's sidebar, a paper's story page, a portal's rail.
  it('takes three headlines under "Must reads:" or "More features" before the story for a list, not under another word', () => {
    const before = (heading: string): Document => pageFrom(`<div id="side"><div id="box"><span class="label">${heading}</span> <a href="/2026/a">Student loans in nine charts</a> | `
      + `<a href="/2026/b">A campaign to ban dark money</a> | <a href="/2026/c">The drought in four maps</a></div></div>`
      + `<main><article id="story"><h1>Old bridge</h1>${story.map((p) => `<p>${p}</p>`).join('')}</article></main>`);
    for (const heading of ['Must reads:', 'More features']) expect(found(before(heading)), heading).toEqual(['#box link-farm']);
    expect(found(before('Things'))).toEqual([]);
  });

  it('does not take the site menu, a header bar or a link named "Trending" for a wall', () => {
    expect(found(page('', { header: `<nav id="menu">${links(22)}</nav>` }), 'high')).toEqual([]);
    expect(found(page('', { header: `<div id="bar">${links(22)}</div>` }), 'high')).toEqual([]);
    expect(found(page('', { header: `<div id="bar"><nav>${links(22)}</nav></div>` }), 'high')).toEqual([]);
    expect(found(page('', { header: `<nav><ul id="menu"><li><a href="/t">Trending</a></li>${items(6)}</ul></nav>` }), 'high')).toEqual([]);
  });

  // The labelling convention (corpus2/README.md): related lists after the article are link farms, however long
  // their headlines; the site's menus, mega-menu panels included, are not.
  it('takes a "Related coverage" box after the article for a link farm, long headlines and all', () => {
    const related = headlines(8, (i) => `A long headline number ${i} about the floods that hit the valley last week and what comes next`);
    expect(found(page(`<section id="related"><h2>Related coverage</h2><ul>${related}</ul></section>`), 'low')).toEqual(['#related link-farm']);
  });

  it('leaves a mega-menu panel of sections alone, and takes the same index as a footer wall', () => {
    const sections = ['News', 'Sport', 'Culture'].map((name) => `<h4>${name}</h4><ul>${items(8)}</ul>`).join('');
    expect(found(page('', { header: `<nav><div id="panel" class="mega-menu">${sections}</div></nav>` }), 'high')).toEqual([]);
    // (Which element goes — the index, or the footer with its legal line — is pinned by scan-shapes' link-farms.html.)
    const inFooter = page('', { footer: `<div id="sitemap">${sections}</div>` });
    const findings = scanDocument(inFooter, allDetectors);
    expect(findings.map((finding) => finding.detectorId)).toEqual(['link-farm']);
    expect(findings[0]!.element.contains(inFooter.getElementById('sitemap'))).toBe(true);
  });

  // Named in camelCase ("navContainer", "navMain") and in no <nav> or <header>, a menu is still the site's.
  it('leaves a mega-menu named navMain alone before the story', () => {
    const panel = (name: string): string => `<li><a href="/${name}">${name}</a><div class="flyout"><ul>${headlines(12, (i) => `${name} ${i}`)}</ul></div></li>`;
    const doc = pageFrom(`<div id="navContainer"><div id="navHead"><a href="/">The Courier</a></div>
      <div id="navMain"><ul id="navLevel1">${['Top stories', 'World', 'Business', 'Science', 'Culture', 'Sports'].map(panel).join('')}</ul></div></div>
      <main><article id="story"><h1>Old bridge to close</h1>${story.map((p) => `<p>${p}</p>`).join('')}</article></main>`);
    expect(found(doc, 'high')).toEqual([]);
  });

  // "navi" is how many sites (Japanese ones above all: グローバルナビ) name their menus: "navi-wrap", "gnavi", "globalNavi".
  it('leaves a row of section links named navi alone before the story', () => {
    const sections = ['Top', 'Latest', 'Columns', 'Features', 'Timeline', 'Writers', 'Series', 'About'];
    for (const name of ['navi-wrap clr', 'gnavi', 'globalNavi']) {
      const doc = pageFrom(`<div class="${name}"><ul>${sections.map((section) => `<li><a href="/${section.toLowerCase()}">${section}</a></li>`).join('')}</ul></div>
        <main><article id="story"><h1>Old bridge to close</h1>${story.map((p) => `<p>${p}</p>`).join('')}</article></main>`);
      expect(found(doc, 'high'), name).toEqual([]);
    }
  });

  // A flyout of the main menu listing each section's latest headlines, kept after the story in the document and laid
  // over the header by the site's style: its lists hold no menu of their own, but they stand in the menu's.
  it('leaves a menu flyout of headlines alone, wherever it stands', () => {
    const panel = (name: string): string => `<div class="block-menu-${name}"><div class="titles">${Array.from({ length: 4 }, (_, i) => `<div class="news-title"><a href="/${name}/${i}">The latest ${name} story number ${i}, told at length</a></div>`).join('')}</div>`
      + `<div class="thumb"><a href="/${name}/5"><img src="/${name}.jpg" alt=""></a><a href="/${name}/5">A pictured ${name} story with a long headline</a></div></div>`;
    const flyout = `<div id="header-main-menu-flyout">${['politics', 'business', 'science', 'sports'].map(panel).join('')}</div>`;
    expect(found(page(flyout))).toEqual([]);
  });

  // A theme may name the wrapper of its content and its menu after both ("td-content-and-menu"): the page's main
  // landmark inside it is content, and a list of other stories after its article is one.
  it('finds a list of other stories after the article in a main landmark inside a wrapper named for the menu', () => {
    const doc = pageFrom(`<div class="site-content-and-menu"><div class="menu-bar"><a href="/">The Courier</a> <a href="/news">News</a></div>
      <div role="main"><article id="story"><h1>Old bridge to close</h1>${story.map((p) => `<p>${p}</p>`).join('')}</article>
      <div id="others"><h4>The valley this week</h4><ul>${headlines(6, (i) => `Another story from the valley, number ${i}, with a long headline`)}</ul></div></div></div>`);
    expect(found(doc)).toEqual(['#others link-farm']);
  });

  // The same list scanned alone, as the content script scans what a page adds: above it, the main landmark ends the
  // wrapper's navigation too (a long story beside it keeps the scan from climbing past the landmark).
  it('finds that list when it is scanned alone below the main landmark', () => {
    const long = Array.from({ length: 40 }, () => story.map((p) => `<p>${p}</p>`).join('')).join('');
    const doc = pageFrom(`<div class="site-content-and-menu"><div class="menu-bar"><a href="/">The Courier</a> <a href="/news">News</a></div>
      <div role="main"><article id="story"><h1>Old bridge to close</h1>${long}</article>
      <div id="others"><h4>The valley this week</h4><ul>${headlines(6, (i) => `Another story from the valley, number ${i}, with a long headline`)}</ul></div></div></div>`);
    const context = createScanContext(doc, { ...allDetectors, sensitivity: 'normal' });
    expect(summary(scanRoot(doc.getElementById('others')!, context))).toEqual(['#others link-farm']);
  });

  // A heading word over a site's menu ("Trending" over every section) does not make the menu a link farm.
  it('leaves a site menu under a heading word alone in the header', () => {
    const sections = (count: number): string => headlines(count, (i) => `Section ${i}`);
    expect(found(page('', { header: `<div id="menu"><span>Trending</span><ul>${sections(115)}</ul></div>` }))).toEqual([]);
    expect(found(page('', { header: `<nav><div id="menu"><span>Trending</span><ul>${sections(20)}</ul></div></nav>` }))).toEqual([]);
  });

  it('finds long sponsored lists under "Sponsored links" or "Around the web", even inside a box named a menu', () => {
    const ads = headlines(44, (i) => `Doctors stunned by this simple trick, part ${i}`);
    expect(found(page(`<div id="sponsored"><span>Sponsored links</span><ul>${ads}</ul></div>`))).toEqual(['#sponsored link-farm']);
    const web = headlines(36, (i) => `Doctors stunned by this simple trick, part ${i}`);
    expect(found(page(`<div class="share-menu"><section id="web"><span>Around the web</span><ul>${web}</ul></section></div>`))).toEqual(['#web link-farm']);
  });

  it('leaves share and follow bars and pagination alone', () => {
    const share = '<div id="share" class="share-bar"><span>Share this story</span> <a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a> <a href="https://twitter.com/intent/tweet?url=x">X</a> <a href="https://www.linkedin.com/shareArticle?url=x">LinkedIn</a> <a href="mailto:?subject=x">Email</a> <a href="https://wa.me/?text=x">WhatsApp</a></div>';
    const follow = '<div id="follow"><span>Follow us</span> <a href="https://www.facebook.com/courier">Facebook</a> <a href="https://www.instagram.com/courier">Instagram</a> <a href="https://www.youtube.com/courier">YouTube</a> <a href="https://bsky.app/profile/courier">Bluesky</a> <a href="https://www.tiktok.com/@courier">TikTok</a></div>';
    const pages = '<div id="pages" class="pager"><a href="/p/1">1</a> <a href="/p/2">2</a> <a href="/p/3">3</a> <a href="/p/4">4</a> <a href="/p/5">5</a> <a href="/p/6">6</a> <a href="/p/2">»</a></div>';
    expect(found(page(`${share}${pages}${follow}`), 'high')).toEqual([]);
  });

  // A heading word late in a block heads nothing; here "Popular Now on The Daily »" is the 4th text of a top toolbar
  // whose share links lead nowhere but to the page's script (href="#"): the page's own way around, no list.
  it('leaves a toolbar alone when its heading word comes last', () => {
    const toolbar = '<div id="toolbar"><div><a href="/"></a></div><div><a href="#main">Skip to content</a> <a href="/"></a></div>'
      + '<ul><li><a href="#">Share</a></li><li><a href="#">Tweet</a></li></ul><div><a href="/next">Popular Now on The Daily »</a></div></div>';
    const doc = pageFrom(`${toolbar}<main><article><h1>Old bridge to close</h1>${story.map((p) => `<p>${p}</p>`).join('')}</article></main>`);
    expect(found(doc)).toEqual([]);
  });

  // Blog sidebars are link farms by the labelling convention (LABELLING-BRIEF.md): categories, archives, blogrolls.
  it('takes a blog\'s archive by month in the sidebar for a link farm, and names it so', () => {
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    const archive = [2021, 2020].flatMap((year) => months.map((month) => `<li><a href="/${year}/${month}">${month} ${year}</a></li>`)).join('');
    const doc = page(`<aside><div id="archive"><h3>Archives</h3><ul>${archive}</ul></div></aside>`);
    expect(found(doc)).toEqual(['#archive link-farm']);
    expect(englishReasons(scanDocument(doc, allDetectors)[0]!.reasons)).toContain('An archive by date');
  });

  it('never fires on one link with no heading of its own beside it, though its words open like a heading', () => {
    const doc = pageFrom('<div id="one" class="related"><a href="/more">More stories from the valley and the coast</a></div>');
    expect(linkFarm.detect(doc.getElementById('one')!, { sensitivity: 'high', langs: ['en'], userPhrases: {} })).toBeNull();
  });

  it('fires on a heading over one other story\'s headline: a list of one', () => {
    const doc = pageFrom('<div id="one" class="read-also"><b>Related:</b> <a href="/news/valley-floods">Floods in the valley close the coast road for a week</a></div>');
    expect(linkFarm.detect(doc.getElementById('one')!, { sensitivity: 'normal', langs: ['en'], userPhrases: {} })).not.toBeNull();
  });
});
