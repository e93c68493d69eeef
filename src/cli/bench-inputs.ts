// Hostile and huge inputs for `tidings bench`, generated in memory from a fixed seed so runs compare.
// The text is nonsense built from a small vocabulary: no real page is copied.

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

/**
 * A news-like page of about `targetElements` elements: one article, then a realistic mix of story cards,
 * text blocks, trending link lists and comment threads, with a donation box and a newsletter box
 * every few thousand elements.
 */
export function newsPageHtml(targetElements: number, seed = 1): string {
  const random = seededRandom(seed);
  const article = Array.from({ length: 30 }, () => `<p>${paragraph(random)}</p>`).join('');
  const parts: string[] = [
    '<!doctype html><html lang="en"><head><title>Bench page</title></head><body>',
    `<header id="top"><nav><ul>${LINK_WORDS.map((word) => `<li><a href="/${word}">${word}</a></li>`).join('')}</ul></nav></header>`,
    `<main id="main"><article><h1>${sentence(random, 8)}</h1>${article}</article><div id="feed">`,
  ];
  // html, head, title, body, header, nav, ul, 12 × (li, a), main, article, h1, 30 p, feed div
  let elements = 4 + 3 + LINK_WORDS.length * 2 + 3 + 30 + 1;
  const makers = [card, card, paragraphGroup, linkList, commentThread, card];
  for (let round = 0; elements < targetElements; round++) {
    if (round % 200 === 100) {
      parts.push(DONATION_BOX);
      elements += 4;
    } else if (round % 200 === 0) {
      parts.push(NEWSLETTER_BOX);
      elements += 6;
    }
    const piece = (makers[round % makers.length] as (random: () => number) => Piece)(random);
    parts.push(piece.html);
    elements += piece.elements;
  }
  parts.push('</div></main><footer><p>Footer</p></footer></body></html>');
  return parts.join('');
}

/** `depth` nested divs with a donation box halfway down and article text at the bottom. */
export function deepNestingHtml(depth: number, seed = 2): string {
  const random = seededRandom(seed);
  const half = Math.floor(depth / 2);
  const paragraphs = Array.from({ length: 3 }, () => `<p>${paragraph(random)}</p>`).join('');
  return (
    '<!doctype html><html lang="en"><head><title>Deep</title></head><body>' +
    '<div>'.repeat(half) +
    DONATION_BOX +
    '<div>'.repeat(depth - half) +
    paragraphs +
    '</div>'.repeat(depth) +
    '</body></html>'
  );
}

/** Plain text of about `bytes` characters: paragraphs separated by blank lines, an appeal now and then. */
export function longText(bytes: number, seed = 3): string {
  const random = seededRandom(seed);
  const parts: string[] = [];
  let length = 0;
  for (let index = 0; length < bytes; index++) {
    const part =
      index % 60 === 30
        ? 'Dear readers, independent journalism depends on readers like you. Please support us: donate $2 a month.'
        : index % 60 === 45
          ? 'Sign up for our newsletter and get the best stories in your inbox.'
          : paragraph(random);
    parts.push(part);
    length += part.length + 2;
  }
  return parts.join('\n\n');
}
