// Every visible string of the popup and options page comes from _locales through here.
// Pages mark elements with data-i18n (text) or data-i18n-<attribute> (aria-label, title, placeholder).
import browser from '../browser';
import type { DetectorId, Kind } from '../core/types';
// Only a type from the settings store: the content script takes its strings from here and leaves the store out.
import type { Notice } from '../settings/store';

const TRANSLATED_ATTRIBUTES = ['aria-label', 'title', 'placeholder'] as const;

export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions);
}

/**
 * Fills the marked elements under root and sets the document language for screen readers and hyphenation:
 * the language of the messages actually shown (the browser falls back to en for a UI language we do not ship).
 */
export function localize(root: Document): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n ?? '');
  }
  for (const attribute of TRANSLATED_ATTRIBUTES) {
    for (const element of root.querySelectorAll(`[data-i18n-${attribute}]`)) {
      element.setAttribute(attribute, t(element.getAttribute(`data-i18n-${attribute}`) ?? ''));
    }
  }
  root.documentElement.lang = t('html_lang');
}

/** Message key stem of a detector: 'link-farm' → 'detector_link_farm'. */
function detectorKey(id: DetectorId | 'user-selector'): string {
  return `detector_${id.replace(/-/g, '_')}`;
}

export function detectorLabel(id: DetectorId | 'user-selector'): string {
  return t(`${detectorKey(id)}_label`);
}

/** What a detector finds, in the plural and lower case: "donation appeals" ("Always show donation appeals on …"). */
export function detectorPlural(id: DetectorId): string {
  return t(`${detectorKey(id)}_plural`);
}

export function detectorDescription(id: DetectorId): string {
  return t(`${detectorKey(id)}_description`);
}

export function kindLabel(kind: Kind): string {
  return t(`kind_${kind}`);
}

/** A settings notice in the user's language; translate is browser.i18n's by default (tests pass the en one). */
export function noticeText(notice: Notice, translate: typeof t = t): string {
  const substitutions = notice.substitutions?.map((part) => (typeof part === 'string' ? part : noticeText(part, translate)));
  return translate(notice.key, substitutions);
}
