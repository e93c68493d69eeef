// The options page: every setting, the site lists, user phrases and selectors, the picker's rules, backup and reset.
// It renders from the stored settings and re-renders whenever they change (here, in the popup, or on a synced device).
// One save model for the whole page: everything applies as it is made — a switch when flipped, a text area when the
// reader leaves it — and while a text area holds text not yet saved, leaving the page asks first.
import type { DetectorId, Kind, Sensitivity } from '../core/types';
import type { PlaceholderMode, Settings } from '../settings/schema';
import { PHRASE_KINDS, defaultSettings } from '../settings/schema';
import { selectorCost, type SelectorCostReason } from '../settings/selector-cost';
import { isValidSelector, normalizeHost, ownEntry, removeFromSiteList, sameSite, setSiteEnabled, siteSettings } from '../settings/site';
import { importSettings, loadSettings, saveSettings, watchSettings } from '../settings/store';
import { serializeSettingsExport, validateSettings } from '../settings/validate';
import { renderDetectorToggles, showDetectorStates } from '../ui/detector-toggles';
import { detectorLabel, kindLabel, localize, noticeText, t } from '../ui/i18n';
import {
  meaningfulLines, removeDisabledSite, removeSiteExceptions, setDetectorEnabled, setUserPhrases, setUserSelectors,
} from '../ui/settings-edits';
import { byId } from '../ui/dom';
import { SettingsView } from '../ui/settings-view';
import { errorText, showNotices, showStatus } from '../ui/status';

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
  siteFilter: byId<HTMLInputElement>('site-filter'),
  phraseFields: byId('phrase-fields'),
  phrasesStatus: byId('phrases-status'),
  selectorsHost: byId<HTMLInputElement>('selectors-host'),
  selectorsInput: byId<HTMLTextAreaElement>('selectors-input'),
  selectorsStatus: byId('selectors-status'),
  neverList: byId('never-list'),
  neverEmpty: byId('never-empty'),
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

/** The site a listed host belongs to, for sorting: "www.example.com" sorts as example.com. */
const bySite = (a: string, b: string): number => a.replace(/^www\./, '').localeCompare(b.replace(/^www\./, ''));

/** Fills a host list sorted by site, showing only the hosts the page's site filter finds. */
function renderList(list: HTMLElement, empty: HTMLElement, items: HTMLLIElement[]): void {
  list.replaceChildren(...items.sort((a, b) => bySite(a.dataset.host ?? '', b.dataset.host ?? '')));
  empty.hidden = items.length > 0;
  filterLists();
}

/** Hides the entries of every host list whose host does not contain what the site filter holds. */
function filterLists(): void {
  const wanted = ui.siteFilter.value.trim().toLowerCase();
  for (const item of document.querySelectorAll<HTMLElement>('.entry-list li[data-host]')) {
    item.hidden = wanted !== '' && !(item.dataset.host ?? '').includes(wanted);
  }
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

/** The picker's "Never hide this here" rules, by site. */
function renderNeverHide(settings: Settings): void {
  renderList(ui.neverList, ui.neverEmpty, Object.entries(settings.neverHide).flatMap(([host, selectors]) =>
    selectors.map((selector) => {
      const detail = document.createElement('code');
      detail.className = 'entry-detail';
      detail.textContent = selector;
      return hostItem(host, detail, removeButton(host, () => void change((s) => removeFromSiteList(s, 'neverHide', host, selector))));
    })));
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
  renderNeverHide(settings);
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
    // Named as listed: "EXAMPLE.com" is listed as www.example.com, the same site.
    const listed = current.disabledSites.find((entry) => sameSite(entry, host)) ?? host;
    showStatus(status, listed === host ? t('options_site_duplicate', host) : t('options_site_duplicate_as', [host, listed]), 'info');
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
  if (await change((s) => setUserPhrases(s, phrases))) {
    showStatus(status, t('options_phrases_saved'), 'ok');
    phraseAreas.forEach(markSaved);
  }
}

/**
 * Each non-blank line must parse as a CSS selector and be cheap enough to match on every page of the site: every bad
 * line is named with its number and, when it parses, why it costs too much.
 */
function badSelectorLines(text: string): string[] {
  return text.split('\n').flatMap((raw, index) => {
    const selector = raw.trim();
    const line = [String(index + 1), selector];
    if (selector === '') return [];
    if (!isValidSelector(document, selector)) return [t('options_selector_invalid', line)];
    const cost: SelectorCostReason | null = selectorCost(selector);
    return cost === null ? [] : [t('options_selector_costly', [...line, t(`selector_cost_${cost}`)])];
  });
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
  const bad = badSelectorLines(text);
  if (bad.length > 0) {
    showStatus(status, t('options_selectors_bad'), 'error', bad);
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
    markSaved(ui.selectorsInput);
  }
}

/** Naming a site brings its selectors into the editor (what the editor held was saved when the reader left it). */
function loadSelectorsOfHost(): void {
  const host = normalizeHost(ui.selectorsHost.value);
  if (host === null || view.settings === undefined) return;
  ui.selectorsInput.value = (ownEntry(view.settings.userSelectors, host) ?? []).join('\n');
  markSaved(ui.selectorsInput);
}

/** Text areas whose text was typed and not yet saved (it is saved when the reader leaves the area). */
const unsaved = new Set<HTMLTextAreaElement>();

function markSaved(area: HTMLTextAreaElement): void {
  unsaved.delete(area);
}

/** While text typed in the page is not saved, leaving the page (reload, close) asks first. */
function warnBeforeLeaving(event: BeforeUnloadEvent): void {
  if (unsaved.size === 0) return;
  event.preventDefault();
  // Older engines show the prompt only when returnValue is set.
  event.returnValue = '';
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
    showStatus(status, t('options_import_error'), 'error', 'notice' in result && result.notice ? [noticeText(result.notice)] : result.errors);
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
  for (const area of [...phraseAreas, ui.selectorsInput]) area.addEventListener('input', () => unsaved.add(area));
  for (const area of phraseAreas) area.addEventListener('change', () => void savePhrases());
  ui.selectorsHost.addEventListener('change', loadSelectorsOfHost);
  ui.selectorsInput.addEventListener('change', () => void saveSelectors());
  addEventListener('beforeunload', warnBeforeLeaving);
  ui.siteFilter.addEventListener('input', filterLists);
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
