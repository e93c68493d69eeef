// Huge and hostile pages for `tidings bench`, and the batches its incremental figure inserts, generated
// in memory from a fixed seed so runs compare. The text is nonsense built from a small vocabulary: no
// real page is copied.
import { thousands } from './format';

const WORDS = (
  'the council said on monday that its plan for the river would cost more than expected while residents ' +
  'asked why the report came late and officials promised a review of the budget before the election next ' +
  'spring according to documents seen by reporters who spoke with engineers teachers and farmers in the valley'
).split(' ');

const LINK_WORDS = ['Music', 'Trailers', 'Video', 'India', 'Weather', 'Coupons', 'Cricket', 'Travel', 'Recipes', 'Horoscope', 'Cars', 'Jobs'];

/** mulberry32: a tiny seeded generator, so every run builds the same page. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function sentence(random: () => number, words: number): string {
  const picked = Array.from({ length: words }, () => pick(random, WORDS));
  const text = picked.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(random: () => number): string {
  return Array.from({ length: 3 + Math.floor(random() * 3) }, () => sentence(random, 8 + Math.floor(random() * 10))).join(' ');
}

const DONATION_BOX =
  '<aside class="support"><h3>Dear readers</h3><p>Independent journalism depends on readers like you. ' +
  'Please support us with a donation: just $2 a month keeps our reporting free for everyone.</p>' +
  '<a class="button" href="/donate">Donate now</a></aside>';

const NEWSLETTER_BOX =
  '<div class="newsletter"><h3>Get our newsletter</h3><p>Sign up for our newsletter and get the best stories in your inbox every morning.</p>' +
  '<form><input type="email" placeholder="Email"><button>Sign up</button></form></div>';

/** One repeating piece of a news page: its HTML and how many elements it adds. */
interface Piece {
  html: string;
  elements: number;
}

function card(random: () => number): Piece {
  return {
    html: `<div class="card"><div class="card-body"><h3><a href="/story">${sentence(random, 6)}</a></h3><p>${sentence(random, 14)}</p><span class="byline">By staff</span></div></div>`,
    elements: 6,
  };
}

function linkList(random: () => number): Piece {
  const items = Array.from({ length: 20 }, () => `<li><a href="/section">${pick(random, LINK_WORDS)}</a></li>`).join('');
  return { html: `<div class="links"><h4>Trending</h4><ul>${items}</ul></div>`, elements: 3 + 40 };
}

function paragraphGroup(random: () => number): Piece {
  const paragraphs = Array.from({ length: 4 }, () => `<p>${paragraph(random)} <a href="/more">${sentence(random, 3)}</a></p>`).join('');
  return { html: `<div class="text">${paragraphs}</div>`, elements: 1 + 8 };
}

function commentThread(random: () => number): Piece {
  const comment = (inner: string): string => `<div class="comment"><div class="meta"><span>reader</span></div><p>${sentence(random, 12)}</p>${inner}</div>`;
  return { html: comment(comment(comment(''))), elements: 3 * 4 };
}

const donationBox: Piece = { html: DONATION_BOX, elements: 4 };
const newsletterBox: Piece = { html: NEWSLETTER_BOX, elements: 6 };

const PAGE_END = '</body></html>';
/** html, head, title, body */
const PAGE_ELEMENTS = 4;

function pageStart(title: string): string {
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body>`;
}

const siteHeader: Piece = {
  html: `<header id="top"><nav><ul>${LINK_WORDS.map((word) => `<li><a href="/${word}">${word}</a></li>`).join('')}</ul></nav></header>`,
  elements: 3 + LINK_WORDS.length * 2,
};

/**
 * A news-like page of exactly `elements` elements: one article, then a realistic mix of story cards,
 * text blocks, trending link lists and comment threads, with a donation box and a newsletter box
 * every few thousand elements; one-line paragraphs fill the last few elements the pieces leave.
 */
export function newsPageHtml(elements: number, seed = 1): string {
  const random = seededRandom(seed);
  const article = Array.from({ length: 30 }, () => `<p>${paragraph(random)}</p>`).join('');
  const parts: string[] = [
    pageStart('Bench page'),
    siteHeader.html,
    `<main id="main"><article><h1>${sentence(random, 8)}</h1>${article}</article><div id="feed">`,
  ];
  const footer = '</div></main><footer><p>Footer</p></footer>';
  const footerElements = 2;
  // main, article, h1, 30 p, feed div
  let count = PAGE_ELEMENTS + siteHeader.elements + 3 + 30 + 1 + footerElements;
  const makers = [card, card, paragraphGroup, linkList, commentThread, card];
  for (let round = 0; ; round++) {
    const piece = round % 200 === 100 ? donationBox
      : round % 200 === 0 ? newsletterBox
        : (makers[round % makers.length] as (random: () => number) => Piece)(random);
    if (count + piece.elements > elements) break;
    parts.push(piece.html);
    count += piece.elements;
  }
  for (; count < elements; count++) parts.push(`<p>${sentence(random, 10)}</p>`);
  parts.push(footer, PAGE_END);
  return parts.join('');
}

/**
 * One story of an endless page, exactly `elements` elements: an article (a heading, twenty paragraphs and, in every
 * fifth story, a donation box), then the cards, link lists and comment threads a feed puts under it.
 */
export function storyHtml(elements: number, seed: number): string {
  const random = seededRandom(seed);
  const paragraphs = Array.from({ length: 20 }, () => `<p>${paragraph(random)}</p>`).join('');
  const appeal = seed % 5 === 0 ? donationBox : { html: '', elements: 0 };
  const parts = [`<section class="story"><article><h2>${sentence(random, 8)}</h2>${paragraphs}${appeal.html}</article>`];
  // section, article, h2, the paragraphs
  let count = 3 + 20 + appeal.elements;
  const makers = [card, paragraphGroup, linkList, commentThread, card];
  for (let round = 0; ; round++) {
    const piece = (makers[round % makers.length] as (random: () => number) => Piece)(random);
    if (count + piece.elements > elements) break;
    parts.push(piece.html);
    count += piece.elements;
  }
  for (; count < elements; count++) parts.push(`<p>${sentence(random, 10)}</p>`);
  parts.push('</section>');
  return parts.join('');
}

/** Elements of each story the endless page appends, and how often. */
export const ENDLESS_STORY_ELEMENTS = 2_000;
export const ENDLESS_EVERY_MS = 500;

/**
 * A page that grows as a reader scrolls: a header and a first story, then, from a second after its load event, one
 * more story every ENDLESS_EVERY_MS until it holds `elements` elements. Each story is marked (User Timing
 * `story-N`) as it goes in; `window.endless` says when the last one is in.
 */
export function endlessPageHtml(elements: number, seed = 6): string {
  const stories = Math.floor((elements - PAGE_ELEMENTS - siteHeader.elements - 2) / ENDLESS_STORY_ELEMENTS);
  const later = Array.from({ length: stories - 1 }, (_, index) => storyHtml(ENDLESS_STORY_ELEMENTS, seed + index + 1));
  // In a script, "</" would end it early.
  const data = JSON.stringify(later).replace(/<\//g, '<\\/');
  const script = `const stories = ${data};
window.endless = { added: 0, done: false };
addEventListener('load', () => setTimeout(() => {
  const feed = document.getElementById('feed');
  const timer = setInterval(() => {
    performance.mark('story-' + (endless.added + 1));
    feed.insertAdjacentHTML('beforeend', stories[endless.added++]);
    if (endless.added === stories.length) { clearInterval(timer); endless.done = true; }
  }, ${ENDLESS_EVERY_MS});
}, 1000));`;
  // main, feed, and the script: the 2 of the count above; the script element is not counted in `elements`.
  return `${pageStart('Endless')}${siteHeader.html}<main><div id="feed">${storyHtml(ENDLESS_STORY_ELEMENTS, seed)}</div></main><script>${script}</script>${PAGE_END}`;
}

/** `depth` nested divs with a donation box halfway down and article text at the bottom. */
export function deepNestingHtml(depth: number, seed = 2): string {
  const random = seededRandom(seed);
  const half = Math.floor(depth / 2);
  const paragraphs = Array.from({ length: 3 }, () => `<p>${paragraph(random)}</p>`).join('');
  return (
    pageStart('Deep') +
    '<div>'.repeat(half) +
    DONATION_BOX +
    '<div>'.repeat(depth - half) +
    paragraphs +
    '</div>'.repeat(depth) +
    PAGE_END
  );
}

/** One very long article: a heading and `count` paragraphs, a donation box after it. */
export function paragraphsPageHtml(count: number, seed = 3): string {
  const random = seededRandom(seed);
  const paragraphs = Array.from({ length: count }, () => `<p>${paragraph(random)}</p>`).join('');
  return `${pageStart('Long read')}${siteHeader.html}<main><article><h1>${sentence(random, 8)}</h1>${paragraphs}</article>${DONATION_BOX}</main>${PAGE_END}`;
}

/** A short article above a footer of `links` one-word links separated by dots (a site-wide link farm). */
export function linkFooterHtml(links: number, seed = 4): string {
  const random = seededRandom(seed);
  const article = Array.from({ length: 8 }, () => `<p>${paragraph(random)}</p>`).join('');
  const farm = Array.from({ length: links }, (_, index) => `<a href="/l/${index}">${pick(random, LINK_WORDS)}</a>`).join(' · ');
  return `${pageStart('Footer')}${siteHeader.html}<main><article><h1>${sentence(random, 8)}</h1>${article}</article></main><footer><div class="links">${farm}</div></footer>${PAGE_END}`;
}

/** A generated page: `elements` (and `depth`, for the nesting page) say what it was built to hold. */
export interface StressPage {
  name: string;
  html: string;
  elements: number;
  /** Elements nested inside body, for the page built to be deep. */
  depth?: number;
  /** One of the news pages of growing size the slope (cost per element) is fitted to. */
  scaling?: boolean;
}

export const SCALING_SIZES = [10_000, 50_000, 100_000] as const;

const NESTING_DEPTH = 5_000;
const LONG_READ_PARAGRAPHS = 2_000;
const FOOTER_LINKS = 3_000;

export function stressPages(): StressPage[] {
  return [
    ...SCALING_SIZES.map((elements) => ({
      name: `news page, ${thousands(elements)} elements`,
      html: newsPageHtml(elements),
      elements,
      scaling: true,
    })),
    // The donation box sits inside the nesting (4 elements), the 3 paragraphs under it.
    { name: `nesting ${NESTING_DEPTH} deep`, html: deepNestingHtml(NESTING_DEPTH), elements: PAGE_ELEMENTS + NESTING_DEPTH + 4 + 3, depth: NESTING_DEPTH + 1 },
    // header, main, article, h1, the paragraphs, the donation box
    { name: `${LONG_READ_PARAGRAPHS} paragraphs`, html: paragraphsPageHtml(LONG_READ_PARAGRAPHS), elements: PAGE_ELEMENTS + siteHeader.elements + 3 + LONG_READ_PARAGRAPHS + 4 },
    // header, main, article, h1, 8 paragraphs, footer, its div, the links
    { name: `${FOOTER_LINKS}-link footer`, html: linkFooterHtml(FOOTER_LINKS), elements: PAGE_ELEMENTS + siteHeader.elements + 3 + 8 + 2 + FOOTER_LINKS },
  ];
}

/** Nodes (elements and text) in every batch the incremental figure inserts, its root included. */
export const BATCH_NODES = 50;

/** `<p>text <a>text</a> text</p>`: five nodes. */
function linkedParagraph(random: () => number): string {
  return `<p>${sentence(random, 12)} <a href="/more">${sentence(random, 3)}</a> ${sentence(random, 6)}</p>`;
}

/**
 * The two batches a page's script adds after load, each exactly BATCH_NODES nodes: a story update
 * (a div with a heading, paragraphs and links) and one that also holds a small donation box, so both
 * the nothing-found and the found paths of an incremental scan are timed. No whitespace between tags:
 * every text node is counted.
 */
export function batchHtml(seed = 5): { plain: string; appeal: string } {
  const random = seededRandom(seed);
  const plain = (paragraphs: number, linked: number, extra: string): string => {
    const texts = Array.from({ length: paragraphs }, () => `<p>${sentence(random, 14)}</p>`);
    const links = Array.from({ length: linked }, () => linkedParagraph(random));
    return `<div class="story-update"><h3>${sentence(random, 6)}</h3>${[...texts, ...links].join('')}${extra}</div>`;
  };
  return {
    // div + h3 and its text (3) + 6 paragraphs (12) + 7 linked paragraphs (35)
    plain: plain(6, 7, ''),
    // div + h3 and its text (3) + 5 paragraphs (10) + 6 linked paragraphs (30) + the box (aside, h3, p, a and their texts: 7)
    appeal: plain(5, 6, DONATION_BOX),
  };
}
