// Status lines (role=status / role=alert elements) and the one way both pages write a settings change.
import type { Settings } from '../settings/schema';
import { updateSettings, type Notice } from '../settings/store';
import { errorText, noticeText, t } from './i18n';

export type StatusState = 'ok' | 'error' | 'info';

/** Shows text (and an optional list of details, e.g. one validation error a line); empty text clears. */
export function showStatus(element: HTMLElement, text: string, state: StatusState = 'info', details: string[] = []): void {
  const doc = element.ownerDocument;
  element.replaceChildren();
  element.hidden = text === '';
  if (text === '') {
    delete element.dataset.state;
    return;
  }
  element.dataset.state = state;
  const summary = doc.createElement('p');
  summary.textContent = text;
  element.append(summary);
  if (details.length > 0) {
    const list = doc.createElement('ul');
    for (const detail of details) {
      const item = doc.createElement('li');
      item.textContent = detail;
      list.append(item);
    }
    element.append(list);
  }
}

/** Shows the store's notices, translated, one sentence after another; none clears the element. */
export function showNotices(element: HTMLElement, notices: readonly Notice[] | undefined, state: StatusState = 'info'): void {
  showStatus(element, (notices ?? []).map((notice) => noticeText(notice)).join(' '), state);
}

/**
 * Stores a change and shows the storage notices (e.g. "saved on this device only: too large for sync") or the
 * error in notice. Returns the stored settings, or null when nothing was stored.
 */
export async function applySettingsChange(
  change: (current: Settings) => Settings,
  notice: HTMLElement,
): Promise<Settings | null> {
  try {
    const result = await updateSettings(change);
    showNotices(notice, result.notices);
    return result.settings;
  } catch (error) {
    showStatus(notice, t('error_save', errorText(error)), 'error');
    return null;
  }
}
