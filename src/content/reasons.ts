// What a placeholder's "Why?" shows in the page. Reasons quote the phrases that matched, and the reader's own
// phrases are private: a page that plants bait text would learn them from the quote. So in the page they are
// named only as "one of your phrases"; the popup, an extension page, lists the reasons whole.
import type { ScanOptions } from '../core/types';
import { normalizeText } from '../scan/phrases';

/** `reasons` with every quoted phrase of the reader's (as the scan quotes it: normalized) replaced by `ownPhrase`. */
export function reasonsForPage(reasons: readonly string[], userPhrases: ScanOptions['userPhrases'], ownPhrase: string): string[] {
  const quotes = Object.values(userPhrases ?? {})
    .flatMap((phrases) => phrases ?? [])
    .map((phrase) => normalizeText(phrase).trim())
    .filter((phrase) => phrase !== '')
    .map((phrase) => `'${phrase}'`);
  return reasons.map((reason) => quotes.reduce((text, quote) => text.split(quote).join(ownPhrase), reason));
}
