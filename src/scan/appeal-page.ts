// A site's own donation or membership page: the reader came for its form, so nothing of it is a plea to
// collapse. Told from the page's address (or, for a saved page, its canonical address): a first or last
// path segment, or a host's first label, that names giving or joining (its words are data, lexicons/patterns.ts).
import { appealPageSegment } from './stats';

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function segmentsOf(url: URL): string[] {
  const path = url.pathname.split('/').map((segment) => decoded(segment).replace(/\.[a-z]+$/i, '')).filter(Boolean);
  return [url.hostname.split('.')[0] ?? '', path[0] ?? '', path[path.length - 1] ?? ''];
}

/** The page's address: where it was loaded from, else (a saved page) what it says its address is. */
function addressOf(doc: Document): URL | null {
  const candidates = [
    doc.URL,
    doc.querySelector('link[rel~="canonical"]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  for (const candidate of candidates) {
    if (!candidate || !/^https?:/i.test(candidate)) continue;
    try {
      return new URL(candidate);
    } catch {
      // Not an address: try the next one.
    }
  }
  return null;
}

export function isAppealPage(doc: Document): boolean {
  const url = addressOf(doc);
  return url !== null && segmentsOf(url).some((segment) => appealPageSegment.test(segment));
}
