// The options page: every setting, the site lists, user phrases and selectors, backup and reset.
// It renders from the stored settings and re-renders whenever they change (here, in the popup, or on a synced device).
import type { DetectorId, Kind, Sensitivity } from '../core/types';
import type { PlaceholderMode, Settings } from '../settings/schema';
import { PHRASE_KINDS, defaultSettings } from '../settings/schema';
import { selectorCost, type SelectorCostReason } from '../settings/selector-cost';
import { isValidSelector, normalizeHost, ownEntry, setSiteEnabled, siteSettings } from '../settings/site';
import { importSettings, loadSettings, saveSettings, watchSettings } from '../settings/store';
import { serializeSettingsExport, validateSettings } from '../settings/validate';
import { renderDetectorToggles, showDetectorStates } from '../ui/detector-toggles';
import { detectorLabel, errorText, kindLabel, localize, noticeText, t } from '../ui/i18n';
import {
  meaningfulLines, removeDisabledSite, removeSiteExceptions, setDetectorEnabled, setUserPhrases, setUserSelectors,
} from '../ui/settings-edits';
import { byId } from '../ui/dom';
import { SettingsView } from '../ui/settings-view';
import { showNotices, showStatus } from '../ui/status';

const EXPORT_FILE_NAME = 'tidings-settings.json';
/** Long enough for the browser to start the download before the object URL goes away. */
const OBJECT_URL_LIFETIME_MS = 60_000;

/** The page's elements, looked up once. */
const ui = {
  notice: byId('notice'),
  detectorList: byId('detector-list'),
  sensitivity: byId<HTMLSelectElement>('sensitivity'),
  placeholderMode: byId<HTMLFieldSetElement>('placeholder-mode'),
  siteOffForm: byId('site-off-form'),
  siteOffInput: byId<HTMLInputElement>('site-off-input'),
  siteOffError: byId('site-off-error'),
  siteOffList: byId('site-off-list'),
  siteOffEmpty: byId('site-off-empty'),
  exceptionsList: byId('exceptions-list'),
  exceptionsEmpty: byId('exceptions-empty'),
  phraseFields: byId('phrase-fields'),
  phrasesSave: byId('phrases-save'),
  phrasesStatus: byId('phrases-status'),
  selectorsHost: byId<HTMLInputElement>('selectors-host'),
  selectorsInput: byId<HTMLTextAreaElement>('selectors-input'),
  selectorsSave: byId('selectors-save'),
  selectorsStatus: byId('selectors-status'),
  selectorsList: byId('selectors-list'),
  selectorsEmpty: byId('selectors-empty'),
  exportButton: byId('export'),
  importFile: byId<HTMLInputElement>('import-file'),
  importStatus: byId('import-status'),
  reset: byId('reset'),
  resetDialog: byId<HTMLDialogElement>('reset-dialog'),
  resetConfirm: byId('reset-confirm'),
  resetCancel: byId('reset-cancel'),
};

/** One labelled text area per phrase kind (one phrase a line). */
function buildPhraseAreas(): HTMLTextAreaElement[] {
  return PHRASE_KINDS.map((kind) => {
    const field = document.createElement('div');
    field.className = 'field';
    const label = document.createElement('label');
    label.htmlFor = `phrases-${kind}`;
    label.textContent = kindLabel(kind);
    const area = document.createElement('textarea');
    area.id = `phrases-${kind}`;
    area.dataset.phrasesKind = kind;
    area.rows = 4;
    area.spellcheck = false;
    field.append(label, area);
    ui.phraseFields.append(field);
    return area;
  });
}

const phraseAreas = buildPhraseAreas();

async function change(edit: (settings: Settings) => Settings): Promise<boolean> {
  return (await view.apply(edit, ui.notice)) !== null;
}

/** The validator's messages for a candidate, or [] when it is valid (length limits, counts, host syntax). */
function validationErrors(candidate: Settings): string[] {
  const result = validateSettings(candidate);
  return result.ok ? [] : result.errors;
}

// ---- rendering -------------------------------------------------------------------------------

function removeButton(host: string, onRemove: () => void): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.action = 'remove';
  button.textContent = t('options_remove');
  button.setAttribute('aria-label', t('options_remove_aria', host));
  button.addEventListener('click', onRemove);
  return button;
}

function hostItem(host: string, ...rest: HTMLElement[]): HTMLLIElement {
  const item = document.createElement('li');
  item.dataset.host = host;
  const name = document.createElement('span');
  name.className = 'entry-host';
  name.textContent = host;
  item.append(name, ...rest);
  return item;
}

function renderList(list: HTMLElement, empty: HTMLElement, items: HTMLLIElement[]): void {
  list.replaceChildren(...items);
  empty.hidden = items.length > 0;
}

function renderSites(settings: Settings): void {
  renderList(ui.siteOffList, ui.siteOffEmpty, settings.disabledSites.map((host) =>
    hostItem(host, removeButton(host, () => void change((s) => removeDisabledSite(s, host))))));
}

function renderExceptions(settings: Settings): void {
  renderList(ui.exceptionsList, ui.exceptionsEmpty, Object.entries(settings.siteExceptions).map(([host, ids]) => {
    const detail = document.createElement('span');
    detail.className = 'entry-detail';
    detail.textContent = ids.map((id) => detectorLabel(id)).join(', ');
    return hostItem(host, detail, removeButton(host, () => void change((s) => removeSiteExceptions(s, host))));
  }));
}

function renderSelectors(settings: Settings): void {
  renderList(ui.selectorsList, ui.selectorsEmpty, Object.entries(settings.userSelectors).map(([host, selectors]) => {
    const detail = document.createElement('code');
    detail.className = 'entry-detail';
    detail.textContent = selectors.join('\n');
    const edit = document.createElement('button');
    edit.type = 'button';
    edit.dataset.action = 'edit';
    edit.textContent = t('options_edit');
    edit.setAttribute('aria-label', t('options_edit_aria', host));
    edit.addEventListener('click', () => {
      ui.selectorsHost.value = host;
      ui.selectorsInput.value = selectors.join('\n');
      ui.selectorsInput.focus();
    });
    return hostItem(host, detail, edit, removeButton(host, () => void change((s) => setUserSelectors(s, host, []))));
  }));
}

/** Text areas keep what the user is typing: they are refreshed only while they still show the stored text. */
function renderPhrases(settings: Settings): void {
  for (const area of phraseAreas) {
    const stored = settings.userPhrases[area.dataset.phrasesKind as Kind].join('\n');
    if (area.dataset.shown === undefined || area.value === area.dataset.shown) area.value = stored;
    area.dataset.shown = stored;
  }
}

function render(settings: Settings): void {
  showDetectorStates(ui.detectorList, settings);
  ui.sensitivity.value = settings.sensitivity;
  for (const choice of ui.placeholderMode.querySelectorAll('input')) choice.checked = choice.value === settings.placeholderMode;
  renderSites(settings);
  renderExceptions(settings);
  renderPhrases(settings);
  renderSelectors(settings);
}

const view = new SettingsView(render);

// ---- actions ---------------------------------------------------------------------------------

async function addDisabledSite(event: Event): Promise<void> {
  event.preventDefault();
  const input = ui.siteOffInput;
  const status = ui.siteOffError;
  const host = normalizeHost(input.value);
  if (host === null) {
    input.setAttribute('aria-invalid', 'true');
    showStatus(status, t('options_site_invalid', input.value.trim()), 'error');
    return;
  }
  input.removeAttribute('aria-invalid');
  const current = view.settings;
  if (current && !siteSettings(current, host).siteEnabled) {
    showStatus(status, t('options_site_duplicate', host), 'info');
    return;
  }
  showStatus(status, '');
  if (await change((s) => setSiteEnabled(s, host, false))) input.value = '';
}

async function savePhrases(): Promise<void> {
  const status = ui.phrasesStatus;
  const current = view.settings;
  if (!current) return;
  const phrases = Object.fromEntries(
    phraseAreas.map((area) => [area.dataset.phrasesKind as Kind, meaningfulLines(area.value)]),
  ) as Record<Kind, string[]>;
  const errors = validationErrors(setUserPhrases(current, phrases));
  if (errors.length > 0) {
    showStatus(status, t('options_not_saved'), 'error', errors);
    return;
  }
  // Let the re-render show the stored (cleaned) text rather than keeping what was typed.
  phraseAreas.forEach((area) => {
    delete area.dataset.shown;
  });
  if (await change((s) => setUserPhrases(s, phrases))) showStatus(status, t('options_phrases_saved'), 'ok');
}

/**
 * Each non-blank line must parse as a CSS selector and be cheap enough to match on every page of the site; the
 * first bad one is named with its line number and, when it parses, why it costs too much.
 */
function invalidSelectorLine(text: string): { line: number; selector: string; cost: SelectorCostReason | null } | undefined {
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const selector = raw.trim();
    if (selector === '') continue;
    if (!isValidSelector(document, selector)) return { line: index + 1, selector, cost: null };
    const cost = selectorCost(selector);
    if (cost !== null) return { line: index + 1, selector, cost };
  }
  return undefined;
}

async function saveSelectors(): Promise<void> {
  const status = ui.selectorsStatus;
  const hostInput = ui.selectorsHost;
  const text = ui.selectorsInput.value;
  const current = view.settings;
  if (!current) return;
  const host = normalizeHost(hostInput.value);
  if (host === null) {
    showStatus(status, t('options_site_invalid', hostInput.value.trim()), 'error');
    hostInput.focus();
    return;
  }
  const bad = invalidSelectorLine(text);
  if (bad) {
    const line = [String(bad.line), bad.selector];
    showStatus(status, bad.cost === null ? t('options_selector_invalid', line) : t('options_selector_costly', [...line, t(`selector_cost_${bad.cost}`)]), 'error');
    return;
  }
  const selectors = meaningfulLines(text);
  const errors = validationErrors(setUserSelectors(current, host, selectors));
  if (errors.length > 0) {
    showStatus(status, t('options_not_saved'), 'error', errors);
    return;
  }
  if (await change((s) => setUserSelectors(s, host, selectors))) {
    showStatus(status, t('options_selectors_saved', host), 'ok');
    hostInput.value = host;
  }
}

/** Naming a site that already has selectors brings them into an empty editor, so they are edited, not replaced. */
function loadSelectorsOfHost(): void {
  const host = normalizeHost(ui.selectorsHost.value);
  const stored = host === null || view.settings === undefined ? undefined : ownEntry(view.settings.userSelectors, host);
  if (stored && ui.selectorsInput.value.trim() === '') ui.selectorsInput.value = stored.join('\n');
}

function exportSettings(): void {
  const current = view.settings;
  if (!current) return;
  const blob = new Blob([serializeSettingsExport(current)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = EXPORT_FILE_NAME;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), OBJECT_URL_LIFETIME_MS);
}

/** A file that does not parse or validate changes nothing; only a fully valid one is saved. */
async function importFromFile(): Promise<void> {
  const input = ui.importFile;
  const status = ui.importStatus;
  const file = input.files?.[0];
  input.value = ''; // choosing the same file again fires change again
  if (!file) return;
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    showStatus(status, t('options_import_error'), 'error', [errorText(error)]);
    return;
  }
  const result = await importSettings(text);
  if (!result.ok) {
    // Validation messages name fields and stay as they are; a failed save is said in the user's language.
    showStatus(status, t('options_import_error'), 'error', result.notice ? [noticeText(result.notice)] : result.errors);
    return;
  }
  showNotices(ui.notice, result.notices);
  view.setStored(result.settings);
  showStatus(status, t('options_import_ok'), 'ok');
}

async function resetSettings(): Promise<void> {
  ui.resetDialog.close();
  const defaults = defaultSettings();
  try {
    const saved = await saveSettings(defaults);
    view.setStored(defaults);
    if (saved.notices) showNotices(ui.notice, saved.notices);
    else showStatus(ui.notice, t('options_reset_done'), 'ok');
  } catch (error) {
    showStatus(ui.notice, t('error_save', errorText(error)), 'error');
  }
}

function wireControls(): void {
  renderDetectorToggles(ui.detectorList, (id: DetectorId, enabled: boolean) =>
    void change((s) => setDetectorEnabled(s, id, enabled)));
  ui.sensitivity.addEventListener('change', (event) => {
    const sensitivity = (event.target as HTMLSelectElement).value as Sensitivity;
    void change((s) => ({ ...s, sensitivity }));
  });
  ui.placeholderMode.addEventListener('change', (event) => {
    const placeholderMode = (event.target as HTMLInputElement).value as PlaceholderMode;
    void change((s) => ({ ...s, placeholderMode }));
  });
  ui.siteOffForm.addEventListener('submit', (event) => void addDisabledSite(event));
  ui.phrasesSave.addEventListener('click', () => void savePhrases());
  ui.selectorsHost.addEventListener('change', loadSelectorsOfHost);
  ui.selectorsSave.addEventListener('click', () => void saveSelectors());
  ui.exportButton.addEventListener('click', exportSettings);
  ui.importFile.addEventListener('change', () => void importFromFile());
  ui.reset.addEventListener('click', () => ui.resetDialog.showModal());
  ui.resetCancel.addEventListener('click', () => ui.resetDialog.close());
  ui.resetConfirm.addEventListener('click', () => void resetSettings());
}

async function startOptions(): Promise<void> {
  localize(document);
  wireControls();
  const loaded = await loadSettings();
  showNotices(ui.notice, loaded.notices);
  view.setStored(loaded.settings);
  // Until the stored settings are shown, the controls hold the HTML's initial values: say so.
  document.querySelector('main')?.setAttribute('aria-busy', 'false');
  watchSettings((settings) => view.setStored(settings));
}

startOptions().catch((error: unknown) => showStatus(ui.notice, errorText(error), 'error'));
