// Reasons are kept as message keys and values (core/types.ts: Reason) and put into words only where a reader
// sees them: the placeholder's "Why?" and the popup with the browser's i18n, the CLI with the English messages.
import type { Reason } from './types';

/** browser.i18n.getMessage's shape: a message by key, its $1…$9 filled with `substitutions`. */
export type Translate = (key: string, substitutions?: string[]) => string;

/** A reason in the words of `translate`'s language; its key itself when no message has that key. */
export function reasonText(reason: Reason, translate: Translate): string {
  return translate(reason.key, reason.values) || reason.key;
}
