// The toolbar popup. In one box, what applies to this site only: its switch (and the keyboard shortcut for it), what
// was collapsed on the page and what the reader showed (Show / Hide), the picker, and the site's exceptions, each
// removable. Apart from it, the detector switches, which apply everywhere.
// It talks to the tab's content script (tidings:get-page / tidings:reveal / tidings:hide) and writes settings;
// the content script applies settings changes by itself, so the popup only re-reads the page state after them.
import type { Tabs } from 'webextension-polyfill';
import browser from '../browser';
import { reasonText } from '../core/reason';
import { KINDS, SENSITIVITIES, type DetectorId, type Sensitivity } from '../core/types';
import type { ContentRequest, FindingSummary, PageState, SensitivityPreview } from '../messages';
import type { Settings } from '../settings/schema';
import { removeFromSiteList, setSiteEnabled, siteList, siteSettings, type SiteListField } from '../settings/site';
import { injectPicker } from '../picker/inject';
import { loadSettings, watchSettings } from '../settings/store';
import { renderDetectorToggles, showDetectorStates } from '../ui/detector-toggles';
import { detectorLabel, kindLabel, localize, t } from '../ui/i18n';
import { setDetectorEnabled } from '../ui/settings-edits';
import { byId } from '../ui/dom';
import { SettingsView } from '../ui/settings-view';
import { errorText, showNotices, showStatus } from '../ui/status';

/** The content script applies a settings change after its own storage watch fires; look twice to catch it. */
const REFRESH_DELAYS_MS = [150, 700];

interface PopupState {
  tab: Tabs.Tab | undefined;
  /** True when the popup itself is a tab (opened as a page), false in the toolbar popup. */
  inTab: boolean;
  page: PageState | undefined;
  /** undefined while the first answer is pending; false when the tab has no content script. */
  reachable: boolean | undefined;
  /** What each sensitivity finds on the page; undefined until the page answered (or when it cannot). */
  preview: SensitivityPreview | undefined;
}

const state: PopupState = { tab: undefined, inTab: false, page: undefined, reachable: undefined, preview: undefined };
let refreshTimers: ReturnType<typeof setTimeout>[] = [];

/** The page's elements, looked up once: a popup re-created on the same document never writes into another's. */
const ui = {
  siteName: byId('site-name'),
  siteToggle: byId<HTMLInputElement>('site-toggle'),
  pageStatus: byId('page-status'),
  pageStatusTitle: byId('page-status-title'),
  pageStatusBody: byId('page-status-body'),
  slowSelectors: byId('slow-selectors'),
  findingsSection: byId('findings-section'),
  findingsHeading: byId('findings-heading'),
  findingCount: byId('finding-count'),
  findings: byId('findings'),
  noFindings: byId('no-findings'),
  pick: byId('pick'),
  shortcut: byId('shortcut'),
  exceptionsSection: byId('exceptions-section'),
  exceptions: byId('exceptions'),
  detectorList: byId('detector-list'),
  sensitivity: byId<HTMLSelectElement>('sensitivity'),
  notice: byId('notice'),
  openOptions: byId('open-options'),
};

/** The tab this popup manages: ?tab=<id>, else the active tab, else (popup opened as a tab) the last other tab used. */
async function resolveTab(): Promise<{ tab: Tabs.Tab | undefined; inTab: boolean }> {
  const own = await browser.tabs.getCurrent();
  const requested = new URLSearchParams(location.search).get('tab') ?? '';
  if (/^\d+$/.test(requested)) {
    return { tab: await browser.tabs.get(Number(requested)).catch(() => undefined), inTab: own !== undefined };
  }
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (own === undefined || (active !== undefined && active.id !== own.id)) return { tab: active, inTab: own !== undefined };
  const others = (await browser.tabs.query({ currentWindow: true })).filter((tab) => tab.id !== own.id);
  others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return { tab: others[0], inTab: true };
}

async function ask(request: ContentRequest): Promise<unknown> {
  const tabId = state.tab?.id;
  if (tabId === undefined) throw new Error('no tab');
  return browser.tabs.sendMessage(tabId, request);
}

function isPageState(value: unknown): value is PageState {
  return typeof value === 'object' && value !== null && Array.isArray((value as PageState).findings)
    && typeof (value as PageState).host === 'string';
}

async function refreshPage(): Promise<void> {
  try {
    const answer = await ask({ type: 'tidings:get-page' });
    state.page = isPageState(answer) ? answer : undefined;
    state.reachable = state.page !== undefined;
  } catch {
    // No content script in the tab (browser pages, stores, file:, or a tab opened before install).
    state.page = undefined;
    state.reachable = false;
  }
  render();
}

function isSensitivityPreview(value: unknown): value is SensitivityPreview {
  return typeof value === 'object' && value !== null && SENSITIVITIES.every((level) => Number.isInteger((value as Record<string, unknown>)[level]));
}

/** Asks the page what each sensitivity finds there: the choice then says what it changes on this page. */
async function refreshPreview(): Promise<void> {
  const answer = await ask({ type: 'tidings:sensitivity-preview' }).catch(() => undefined);
  state.preview = isSensitivityPreview(answer) ? answer : undefined;
  renderSensitivity();
}

/** The sensitivity choice (it applies everywhere), each level with what it finds on this page when the page said. */
function renderSensitivity(): void {
  const settings = settingsView.settings;
  for (const option of ui.sensitivity.options) {
    const level = option.value as Sensitivity;
    const name = t(`sensitivity_${level}`);
    const found = siteEnabled() ? state.preview?.[level] : undefined;
    option.textContent = found === undefined ? name : t('popup_sensitivity_option', [name, String(found)]);
  }
  ui.sensitivity.disabled = settings === undefined;
  if (settings) ui.sensitivity.value = settings.sensitivity;
}

function scheduleRefresh(): void {
  refreshTimers.forEach(clearTimeout);
  refreshTimers = REFRESH_DELAYS_MS.map((delay) => setTimeout(() => void refreshPage(), delay));
}

/** The page's host; for a tab Tidings cannot reach, the host of a web page's URL (when the browser shares it). */
function hostOfTab(): string {
  if (state.page) return state.page.host;
  try {
    const url = new URL(state.tab?.url ?? '');
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname : '';
  } catch {
    return '';
  }
}

function siteEnabled(): boolean {
  const page = state.page;
  if (!page) return false;
  const settings = settingsView.settings;
  return settings ? siteSettings(settings, page.host).siteEnabled : page.siteEnabled;
}

function renderStatus(): void {
  const { pageStatusTitle: title, pageStatusBody: body } = ui;
  let titleKey = '';
  let bodyKey = '';
  if (state.reachable === undefined) titleKey = 'popup_loading';
  else if (!state.reachable) [titleKey, bodyKey] = ['popup_unsupported_title', 'popup_unsupported_body'];
  else if (!siteEnabled()) titleKey = 'popup_site_off';
  ui.pageStatus.hidden = titleKey === '';
  title.textContent = titleKey === '' ? '' : t(titleKey);
  body.hidden = bodyKey === '';
  body.textContent = bodyKey === '' ? '' : t(bodyKey);
}

/** The reader's selectors the page's content script switched off because they slowed the page down. */
function renderSlowSelectors(): void {
  const slow = siteEnabled() ? (state.page?.slowSelectors ?? []) : [];
  ui.slowSelectors.hidden = slow.length === 0;
  ui.slowSelectors.textContent = slow.length === 0 ? '' : t('popup_selectors_slow', slow.map((selector) => `“${selector}”`).join(', '));
}

function button(action: string, text: string, ariaLabel: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.dataset.action = action;
  element.textContent = text;
  element.setAttribute('aria-label', ariaLabel);
  element.addEventListener('click', onClick);
  return element;
}

/** A collapsed block with "Show", or one the reader showed with "Hide". */
function findingItem(finding: FindingSummary): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'finding';
  item.dataset.findingId = finding.id;
  if (finding.revealed) item.dataset.revealed = '';
  if (finding.reasons.length > 0) item.title = finding.reasons.map((reason) => reasonText(reason, t)).join('; ');
  const text = document.createElement('div');
  text.className = 'finding-text';
  const name = detectorLabel(finding.detectorId);
  const label = document.createElement('span');
  label.className = 'finding-label';
  label.textContent = name;
  if (finding.revealed) {
    const state = document.createElement('span');
    state.className = 'finding-state';
    state.textContent = ` · ${t('popup_finding_shown')}`;
    label.append(state);
  }
  const snippet = document.createElement('span');
  snippet.className = 'finding-snippet';
  snippet.textContent = finding.snippet;
  text.append(label, snippet);
  const action = finding.revealed
    ? button('hide', t('popup_hide'), t('popup_hide_aria', [name, finding.snippet]), () => void askPage({ type: 'tidings:hide', id: finding.id }))
    : button('show', t('placeholder_show'), t('popup_show_aria', [name, finding.snippet]), () => void askPage({ type: 'tidings:reveal', id: finding.id }));
  item.append(text, action);
  return item;
}

/** Rebuilds the findings list, keeping keyboard focus on the same (or the next) button. */
function renderFindings(): void {
  const container = ui.findings;
  const findings = siteEnabled() ? (state.page?.findings ?? []) : [];
  const collapsed = findings.filter((finding) => !finding.revealed);
  const buttons = [...container.querySelectorAll<HTMLButtonElement>('button[data-action]')];
  const focusedIndex = buttons.findIndex((button) => button === document.activeElement);
  const focusedId = focusedIndex >= 0 ? buttons[focusedIndex]?.closest('li')?.dataset.findingId : undefined;

  container.replaceChildren();
  for (const kind of KINDS) {
    const ofKind = findings.filter((finding) => finding.kind === kind);
    if (ofKind.length === 0) continue;
    const group = document.createElement('section');
    group.className = 'finding-group';
    group.dataset.kind = kind;
    const heading = document.createElement('h3');
    heading.textContent = `${kindLabel(kind)} (${ofKind.filter((finding) => !finding.revealed).length})`;
    const list = document.createElement('ul');
    list.append(...ofKind.map(findingItem));
    group.append(heading, list);
    container.append(group);
  }
  // What the reader sees hidden: the badge's count. Empty until the page has answered, so nothing (a test, a screen
  // reader) takes a placeholder 0 for the count.
  ui.findingCount.textContent = state.reachable === undefined ? '' : String(collapsed.length);
  ui.noFindings.hidden = findings.length > 0;
  ui.findingsSection.hidden = !state.reachable || !siteEnabled();

  if (focusedIndex < 0) return;
  const newButtons = [...container.querySelectorAll<HTMLButtonElement>('button[data-action]')];
  const same = newButtons.find((button) => button.closest('li')?.dataset.findingId === focusedId);
  const next = same ?? newButtons[Math.min(focusedIndex, newButtons.length - 1)];
  (next ?? ui.findingsHeading).focus();
}

/** This site's exceptions: detectors always shown, blocks never hidden, blocks hidden by the reader's rules. */
function renderExceptions(): void {
  const host = state.page?.host;
  const settings = settingsView.settings;
  const items: HTMLLIElement[] = [];
  const add = <F extends SiteListField>(field: F, item: Settings[F][string][number], text: string): void => {
    const entry = document.createElement('li');
    entry.dataset.field = field;
    const description = document.createElement('span');
    description.className = 'exception-text';
    description.textContent = text;
    const remove = button('remove', t('options_remove'), t('popup_exception_remove_aria', text), () =>
      void change((current) => removeFromSiteList(current, field, host ?? '', item)),
    );
    entry.append(description, remove);
    items.push(entry);
  };
  if (host !== undefined && settings !== undefined) {
    for (const id of siteList(settings, 'siteExceptions', host)) add('siteExceptions', id, t('popup_exception_detector', detectorLabel(id)));
    for (const selector of siteList(settings, 'neverHide', host)) add('neverHide', selector, t('popup_exception_never', selector));
    for (const selector of siteList(settings, 'userSelectors', host)) add('userSelectors', selector, t('popup_exception_rule', selector));
  }
  ui.exceptions.replaceChildren(...items);
  ui.exceptionsSection.hidden = items.length === 0 || !state.reachable;
}

function render(): void {
  const settings = settingsView.settings;
  ui.siteName.textContent = hostOfTab() || t('extName');
  const toggle = ui.siteToggle;
  toggle.disabled = !state.reachable || settings === undefined;
  toggle.checked = siteEnabled();
  // The switches apply everywhere: this site's exceptions are listed in its own box, not beside them.
  if (settings) showDetectorStates(ui.detectorList, settings);
  renderStatus();
  renderSlowSelectors();
  renderFindings();
  renderExceptions();
  renderSensitivity();
  document.querySelector('main')?.setAttribute('aria-busy', String(state.reachable === undefined));
  // Once the switches show the state the popup opened on, the next changes are the reader's, and slide: a frame after
  // the one that paints that state (in the same frame, a change made with it would slide too).
  if (settings !== undefined && state.reachable !== undefined) requestAnimationFrame(() => requestAnimationFrame(() => document.body.classList.add('settled')));
}

/** The stored settings with this popup's unsaved switches on top; each change of them re-renders. */
const settingsView = new SettingsView(render);

/** Shows or hides a block on the page; says so when the page did not. */
async function askPage(request: ContentRequest & { id: string }): Promise<void> {
  let ok = false;
  try {
    const answer = await ask(request);
    ok = typeof answer === 'object' && answer !== null && (answer as { ok?: unknown }).ok === true;
  } catch (error) {
    console.warn(`Tidings: ${request.type} failed`, errorText(error));
  }
  if (!ok) showStatus(ui.notice, t('error_reveal'), 'error');
  await refreshPage();
}

/** The picker, injected into the tab on this gesture; the toolbar popup gets out of the way of the page. */
async function pick(): Promise<void> {
  const tabId = state.tab?.id;
  try {
    if (tabId === undefined) throw new Error('no tab');
    await injectPicker(tabId);
    if (!state.inTab) window.close();
  } catch (error) {
    console.warn('Tidings: the picker could not start', errorText(error));
    showStatus(ui.notice, t('popup_pick_failed'), 'error');
  }
}

/** The keyboard shortcut that switches the site, as the browser has it set (the reader may change it); none on Android. */
async function showShortcut(): Promise<void> {
  const commands = await browser.commands?.getAll().catch(() => undefined);
  const shortcut = commands?.find((command) => command.name === 'toggle-site')?.shortcut;
  ui.shortcut.hidden = commands === undefined;
  ui.shortcut.textContent = shortcut ? t('popup_shortcut', shortcut) : t('popup_shortcut_unset');
}

async function change(edit: (current: Settings) => Settings): Promise<void> {
  await settingsView.apply(edit, ui.notice);
  scheduleRefresh();
}

function onDetectorToggle(id: DetectorId, enabled: boolean): void {
  void change((current) => setDetectorEnabled(current, id, enabled));
}

function onSensitivityChange(): void {
  const sensitivity = ui.sensitivity.value as Sensitivity;
  void change((current) => ({ ...current, sensitivity }));
}

function onSiteToggle(): void {
  const host = state.page?.host;
  if (host === undefined) return;
  const enabled = ui.siteToggle.checked;
  void change((current) => setSiteEnabled(current, host, enabled));
}

async function openOptions(event: Event): Promise<void> {
  event.preventDefault();
  await browser.runtime.openOptionsPage();
  // A toolbar popup would linger over the options tab; a popup opened as a page stays.
  if (!state.inTab) window.close();
}

async function startPopup(): Promise<void> {
  localize(document);
  renderDetectorToggles(ui.detectorList, onDetectorToggle);
  ui.siteToggle.addEventListener('change', onSiteToggle);
  ui.sensitivity.addEventListener('change', onSensitivityChange);
  ui.openOptions.addEventListener('click', (event) => void openOptions(event));
  ui.pick.addEventListener('click', () => void pick());
  void showShortcut();

  const [{ tab, inTab }, loaded] = await Promise.all([resolveTab(), loadSettings()]);
  Object.assign(state, { tab, inTab });
  showNotices(ui.notice, loaded.notices);
  watchSettings((settings) => {
    settingsView.setStored(settings);
    scheduleRefresh();
  });
  settingsView.setStored(loaded.settings);
  await refreshPage();
  await refreshPreview();
}

startPopup().catch((error: unknown) => showStatus(ui.notice, errorText(error), 'error'));
