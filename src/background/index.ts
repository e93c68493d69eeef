// Background: mirrors each tab's content-script status on the toolbar button (badge count, greyed icon
// when Tidings is off for the site), and hands content scripts the lexicons they do not ship (see
// lexicons/index.ts). Runs as a Chrome service worker and as Firefox background scripts, so it keeps no
// state of its own: every message carries all it needs. Per-tab badge and icon values
// are reset by the browser itself when the tab navigates, and the new page's content script reports again.
import browser from 'webextension-polyfill';
import { lexiconOf } from '../lexicons/all';
import type { LexiconReply, LexiconRequest, TabStatusMessage } from '../messages';

const BADGE_BACKGROUND = '#1b6ca8';
const BADGE_TEXT = '#ffffff';
const ICON_SIZES = [16, 32, 48, 128] as const;

function iconPaths(drawing: 'tidings' | 'tidings-off'): Record<string, string> {
  return Object.fromEntries(ICON_SIZES.map((size) => [String(size), `icons/${drawing}-${size}.png`]));
}

function isTabStatus(message: unknown): message is TabStatusMessage {
  if (typeof message !== 'object' || message === null) return false;
  const candidate = message as Partial<TabStatusMessage>;
  return (
    candidate.type === 'tidings:tab-status' &&
    typeof candidate.count === 'number' &&
    Number.isFinite(candidate.count) &&
    typeof candidate.siteEnabled === 'boolean'
  );
}

async function showTabStatus(tabId: number, status: TabStatusMessage): Promise<void> {
  const count = Math.max(0, Math.floor(status.count));
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' }),
    browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_BACKGROUND }),
    browser.action.setBadgeTextColor({ tabId, color: BADGE_TEXT }),
    browser.action.setIcon({ tabId, path: iconPaths(status.siteEnabled ? 'tidings' : 'tidings-off') }),
  ]);
}

function isLexiconRequest(message: unknown): message is LexiconRequest {
  const candidate = message as Partial<LexiconRequest> | null;
  return candidate?.type === 'tidings:get-lexicon' && typeof candidate.lang === 'string';
}

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  if (isLexiconRequest(message)) return Promise.resolve<LexiconReply>(lexiconOf(message.lang));
  const tabId = sender.tab?.id;
  if (!isTabStatus(message) || tabId === undefined) return undefined;
  // The tab may close between the message and the update; that is not an error worth reporting.
  return showTabStatus(tabId, message).then(
    () => ({ ok: true }),
    () => ({ ok: false }),
  );
});
