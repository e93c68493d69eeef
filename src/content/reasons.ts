// What a placeholder's "Why?" shows in the page. Reasons quote the phrases that matched, and the reader's own
// phrases are private: a page that plants bait text would learn them from the quote. So in the page they are
// named only as "one of your phrases"; the popup, an extension page, lists the reasons whole.
import { reasonText, type Translate } from '../core/reason';
import type { Reason, ScanOptions } from '../core/types';
import { normalizeText } from '../scan/phrases';

/**
 * `reasons` in the reader's language (`translate`), with every quoted phrase of the reader's (as the scan
 * quotes it: normalized) replaced by `ownPhrase`.
 */
export function reasonsForPage(reasons: readonly Reason[], userPhrases: ScanOptions['userPhrases'], ownPhrase: string, translate: Translate): string[] {
  const quotes = Object.values(userPhrases ?? {})
    .flatMap((phrases) => phrases ?? [])
    .map((phrase) => normalizeText(phrase).trim())
    .filter((phrase) => phrase !== '')
    .map((phrase) => `'${phrase}'`);
  const unquoted = (value: string): string => quotes.reduce((text, quote) => text.split(quote).join(ownPhrase), value);
  return reasons.map((reason) => reasonText({ key: reason.key, values: reason.values.map(unquoted) }, translate));
}
