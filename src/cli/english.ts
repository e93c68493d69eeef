// The extension's English messages for the command line and the tests: reasons and notices read as the
// English UI shows them, without a browser.
import messages from '../_locales/en/messages.json';
import { reasonText } from '../core/reason';
import type { Reason } from '../core/types';

/** One entry of a `_locales/<lang>/messages.json`. */
export interface LocaleMessage {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const english: Record<string, LocaleMessage | undefined> = messages;

/** chrome.i18n.getMessage over the English messages: $NAME$ → its placeholder's content, $1..$9 →
 *  substitutions, $$ → $; an unknown key → ''. */
export function englishMessage(key: string, substitutions?: string | string[]): string {
  const entry = Object.hasOwn(english, key) ? english[key] : undefined;
  if (!entry) return '';
  const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const fill = (text: string): string => text.replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1] ?? '');
  return entry.message
    .replace(/\$([a-z0-9_@]+)\$/gi, (_, name: string) => fill(entry.placeholders?.[name.toLowerCase()]?.content ?? ''))
    .replace(/\$\$/g, '$');
}

/** Reasons as the English UI words them. */
export function englishReasons(reasons: readonly Reason[]): string[] {
  return reasons.map((reason) => reasonText(reason, englishMessage));
}
