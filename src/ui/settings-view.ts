// What the popup and the options page show: the stored settings with the edits still being saved laid on top.
// Edits are saved one after another, so a quick second change is still pending when the first one's save (or
// its storage event) brings fresh stored settings; showing those alone would flip that second control back.
import type { Settings } from '../settings/schema';
import { updateSettings } from '../settings/store';
import { t } from './i18n';
import { errorText, showNotices, showStatus } from './status';

type Edit = (settings: Settings) => Settings;

export class SettingsView {
  private stored: Settings | undefined;
  /** Edits made on this page and not yet saved, oldest first. */
  private readonly pending: Edit[] = [];

  constructor(private readonly show: (settings: Settings) => void) {}

  /** The settings as shown: the stored ones with the pending edits applied in the order they were made. */
  get settings(): Settings | undefined {
    return this.stored && this.pending.reduce((settings, edit) => edit(settings), this.stored);
  }

  /** Settings read from storage: loaded, changed elsewhere, imported or reset. */
  setStored(settings: Settings): void {
    this.stored = settings;
    this.render();
  }

  /**
   * Shows the edit at once and saves it. The storage notices (e.g. "saved on this device only: too large for sync")
   * or the error go to `notice`, and an edit that could not be saved is taken off the screen again.
   * Returns the stored settings, or null when nothing was stored.
   */
  async apply(edit: Edit, notice: HTMLElement): Promise<Settings | null> {
    this.pending.push(edit);
    this.render();
    let stored: Settings | null = null;
    try {
      const result = await updateSettings(edit);
      showNotices(notice, result.notices);
      stored = result.settings;
    } catch (error) {
      showStatus(notice, t('error_save', errorText(error)), 'error');
    }
    this.pending.splice(this.pending.indexOf(edit), 1);
    if (stored) this.stored = stored;
    this.render();
    return stored;
  }

  private render(): void {
    const settings = this.settings;
    if (settings) this.show(settings);
  }
}
