// Status lines (role=status / role=alert elements) of the popup and the options page.
import { SettingsSaveError, type Notice } from '../settings/store';
import { noticeText } from './i18n';

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

/** Errors from other layers may be anything; a failed settings save is shown translated, others by their message. */
export function errorText(error: unknown): string {
  if (error instanceof SettingsSaveError) return noticeText(error.notice);
  return error instanceof Error ? error.message : String(error);
}
