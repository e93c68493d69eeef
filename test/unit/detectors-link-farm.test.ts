import { describe, expect, it } from 'vitest';
import type { DetectContext, Sensitivity } from '../../src/core/types';
import { linkFarm } from '../../src/detectors/link-farm';
import { pageFrom } from './scan-fixtures';

function context(sensitivity: Sensitivity = 'normal'): DetectContext {
  return { sensitivity, langs: ['en'], userPhrases: {} };
}

const words = ['Music', 'Trailers', 'Videos', 'India', 'Pakistan', 'Cricket', 'Recipes', 'Horoscope', 'Gadgets', 'Autos',
  'Movies', 'Lifestyle', 'Astrology', 'Education', 'Jobs', 'Travel', 'Coupons', 'Football', 'TV', 'Games', 'Quizzes', 'Download App'];

function links(count: number, separator = ' · '): string {
  return words.slice(0, count).map((word) => `<a href="/${word.toLowerCase()}">${word}</a>`).join(separator);
}

function detect(html: string, sensitivity: Sensitivity = 'normal', id = 'block') {
  const doc = pageFrom(html);
  return linkFarm.detect(doc.getElementById(id)!, context(sensitivity));
}

describe('link-farm', () => {
  it('finds a big wall of short links with separators', () => {
    const verdict = detect(`<div id="block">${links(22)}</div>`);
    expect(verdict?.reasons[0]).toMatch(/^22 links, link text \d+ %$/);
    expect(verdict?.reasons[1]).toMatch(/^short links \(\d+ characters on average\)$/);
  });

  it('wants a bigger wall at low sensitivity and accepts a smaller one at high', () => {
    expect(detect(`<div id="block">${links(16)}</div>`)).toBeNull();
    expect(detect(`<div id="block">${links(16)}</div>`, 'high')).not.toBeNull();
    expect(detect(`<div id="block">${links(22)}</div>`, 'low')).toBeNull();
  });

  it('finds a short list under a "most read" heading even with long headlines', () => {
    const items = ['Council approves the budget for new schools after a long night', 'Heatwave warning issued for the whole weekend', 'Local baker wins a national prize for rye bread', 'Train timetable changes from Sunday explained'];
    const verdict = detect(`<div id="block"><h3>Most read</h3><ol>${items.map((item, i) => `<li><a href="/${i}">${item}</a></li>`).join('')}</ol></div>`);
    expect(verdict?.reasons).toEqual(['4 links, link text 96 %', "heading 'most read'"]);
  });

  it('does not take the site menu, a header bar or a link named "Trending" for a wall', () => {
    expect(detect(`<nav id="block">${links(22)}</nav>`)).toBeNull();
    expect(detect(`<header><div id="block">${links(22)}</div></header>`)).toBeNull();
    expect(detect(`<div id="block"><nav>${links(22)}</nav></div>`)).toBeNull();
    expect(detect(`<nav><ul id="block"><li><a href="/t">Trending</a></li><li>${links(6, '</li><li>')}</li></ul></nav>`)).toBeNull();
  });

  it('does not take a list of related articles with long headlines and no such heading for a link farm', () => {
    const items = Array.from({ length: 8 }, (_, i) => `<li><a href="/r${i}">A long headline number ${i} about the floods that hit the valley last week and what comes next</a></li>`);
    expect(detect(`<div id="block"><h2>Related coverage</h2><ul>${items.join('')}</ul></div>`, 'high')).toBeNull();
  });

  it('does not take a site index with section headings for a wall', () => {
    const sections = ['News', 'Sport', 'Culture'].map((name) => `<h4>${name}</h4><ul><li>${links(8, '</li><li>')}</li></ul>`).join('');
    expect(detect(`<div id="block">${sections}</div>`)).toBeNull();
  });

  // A heading word over a site's menu ("Trending" over every section) does not make the menu a link farm.
  it('leaves a site menu under a heading word alone: in the header, and past a hundred links anywhere', () => {
    const sections = (count: number): string => Array.from({ length: count }, (_, i) => `<li><a href="/s${i}">Section ${i}</a></li>`).join('');
    expect(detect(`<header><div id="block"><span>Trending</span><ul>${sections(115)}</ul></div></header><main><p>Story</p></main>`)).toBeNull();
    expect(detect(`<header><nav><div id="block"><span>Trending</span><ul>${sections(20)}</ul></div></nav></header>`)).toBeNull();
    expect(detect(`<div id="block"><h3>Trending</h3><ul>${sections(115)}</ul></div>`)).toBeNull();
    expect(detect(`<div id="block"><h3>Trending</h3><ul>${sections(115)}</ul></div>`, 'high')).toBeNull();
  });

  it('still finds a small headed list inside an off-canvas menu, and a long sponsored list outside menus', () => {
    const sites = ['Gizmodo', 'Kotaku', 'Jalopnik', 'Deadspin', 'Jezebel', 'The Root', 'Splinter', 'The Takeout', 'The Inventory'];
    const menu = `<aside class="off-canvas-menu"><div id="block"><span>You may like</span><ul>${sites.map((site) => `<li><a href="/${site}">${site}</a></li>`).join('')}</ul></div></aside>`;
    expect(detect(menu)?.reasons).toContain("heading 'you may like'");
    const headlines = Array.from({ length: 44 }, (_, i) => `<li><a href="/ad${i}">Doctors stunned by this simple trick, part ${i}</a></li>`).join('');
    expect(detect(`<div id="block"><span>Sponsored links</span><ul>${headlines}</ul></div>`)?.reasons).toContain("heading 'sponsored links'");
    const feed = Array.from({ length: 68 }, (_, i) => `<li><a href="/p${i}">A post that readers of this forum may like, number ${i}</a></li>`).join('');
    expect(detect(`<div id="block"><h3>More posts you may like</h3><ul>${feed}</ul></div>`)?.reasons).toContain("heading 'you may like'");
    const web = Array.from({ length: 36 }, (_, i) => `<li><a href="/w${i}">Doctors stunned by this simple trick, part ${i}</a></li>`).join('');
    expect(detect(`<div class="share-menu"><section id="block"><span>Around the web</span><ul>${web}</ul></section></div>`)?.reasons).toContain("heading 'around the web'");
  });

  // A heading word heads the links after it: late in a block it is a link or a headline of its own.
  it('leaves a share toolbar and a carousel slide alone when the heading word comes last', () => {
    const toolbar = '<div id="block"><div><a href="/"></a></div><div><a href="#main">Skip to content</a> <a href="/"></a></div>'
      + '<ul><li><a href="#">Share</a></li><li><a href="#">Tweet</a></li></ul><div><a href="/next">Popular Now on The Daily »</a></div></div>';
    expect(detect(toolbar)).toBeNull();
    const shows = ['A nation of girls telling their stories', 'Overdevelopment and the shrinking coast', 'Most popular dog breeds in America', 'When marriage is an act of protest'];
    const slide = `<li id="block"><h3>Recent slide shows</h3><ul>${shows.map((show, i) => `<li><a href="/show/${i}"><img src="${i}.jpg"><h4>${show}</h4></a></li>`).join('')}</ul></li>`;
    expect(detect(`<ul>${slide}</ul>`)).toBeNull();
  });

  it('leaves an archive by month alone, and still finds a wall of topics among dates', () => {
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    const archive = [2021, 2020].flatMap((year) => months.map((month) => `<li><a href="/${year}/${month}">${month} ${year}</a></li>`)).join('');
    expect(detect(`<div id="block"><ul>${archive}</ul></div>`)).toBeNull();
    const numeric = Array.from({ length: 24 }, (_, i) => `<a href="/d${i}">${2000 + i}/${(i % 12) + 1}</a>`).join(' · ');
    expect(detect(`<div id="block">${numeric}</div>`)).toBeNull();
    const topics = words.map((word, i) => `<a href="/t${i}">${i % 5 === 0 ? `Euro Cup ${2000 + i}` : word}</a>`).join(' · ');
    expect(detect(`<div id="block">${topics}</div>`)).not.toBeNull();
  });
});

