// Loading our own fixture pages and texts for the detection tests.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import type { DetectorId, Finding, ScanOptions } from '../../src/core/types';
import { provideAllLexicons } from '../../src/lexicons/all';
import { createScanContext } from '../../src/scan/index';

// The detection tests read pages with every lexicon at hand, as the command line does (the content script
// asks the background for its lexicons; content-page.test.ts pins that).
provideAllLexicons();

// Path arithmetic rather than `new URL`: under the jsdom environment URL is jsdom's.
const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', '/');

export function loadPage(name: string): Document {
  return new JSDOM(readFileSync(`${fixtures}pages/${name}`, 'utf8')).window.document;
}

export function loadText(name: string): string {
  return readFileSync(`${fixtures}text/${name}`, 'utf8');
}

export function pageFrom(html: string): Document {
  return new JSDOM(`<!doctype html><html lang="en"><body>${html}</body></html>`).window.document;
}

export const allDetectors: ScanOptions = {
  enabled: {
    'donation-appeal': true, 'membership-plea': true, 'paywall-nag': true,
    'newsletter-nag': true, 'link-farm': true, 'app-promo': true,
  },
  sensitivity: 'normal',
};

/** "#id detector" per finding, in document order: what a test asserts exactly. */
export function summary(findings: readonly Finding[]): string[] {
  return findings.map((finding) => `#${finding.element.id || finding.element.tagName.toLowerCase()} ${finding.detectorId}`);
}

export function detectorsOf(findings: readonly Finding[]): DetectorId[] {
  return findings.map((finding) => finding.detectorId);
}

/** The language a scan settles on for a page (declared, or read from its text): its code, 'en' by default. */
export function pageLanguage(doc: Document): string {
  return createScanContext(doc, allDetectors).detect.langs[0]!;
}

/**
 * The paragraphs (p, li, blockquote, h1–h6 of ≥ 40 characters) under `selector` that some finding hides, as
 * their first words: a test expects none.
 */
export function hiddenParagraphs(doc: Document, findings: readonly Finding[], selector = 'article'): string[] {
  const paragraphs = [...doc.querySelectorAll(`${selector} :is(p, li, blockquote, h1, h2, h3, h4, h5, h6)`)]
    .filter((element) => (element.textContent ?? '').trim().length >= 40);
  if (paragraphs.length === 0) throw new Error(`no paragraphs under ${selector}`);
  return paragraphs
    .filter((paragraph) => findings.some((finding) => finding.element.contains(paragraph)))
    .map((paragraph) => (paragraph.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60));
}
