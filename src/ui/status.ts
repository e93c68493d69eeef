// Status lines (role=status / role=alert elements) and the one way both pages write a settings change.
import type { Settings } from '../settings/schema';
import { updateSettings } from '../settings/store';
import { errorText, t } from './i18n';

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

/**
 * Stores a change and shows the storage notice (e.g. "kept in local storage: sync is full") or the
 * error in notice. Returns the stored settings, or null when nothing was stored.
 */
export async function applySettingsChange(
  change: (current: Settings) => Settings,
  notice: HTMLElement,
): Promise<Settings | null> {
  try {
    const result = await updateSettings(change);
    showStatus(notice, result.notice ?? '');
    return result.settings;
  } catch (error) {
    showStatus(notice, t('error_save', errorText(error)), 'error');
    return null;
  }
}
