// The slim bar left where a block was collapsed: "Donation appeal hidden · Show · Always show on this site · Why?".
// It lives in a closed shadow root: page styles cannot restyle it, its styles cannot leak into the page, and page
// scripts cannot reach its buttons or read its reasons. Its buttons act on the reader's own input only
// (`isTrusted`): a page's forged `click()` must not store settings that sync to every device. The reasons are put
// in only when the reader asks "Why?". Colours derive from the page's own text colour so it reads on light and
// dark pages alike.
import { detectorLabel, t } from '../ui/i18n';
import type { CollapseSource } from './collapse';

export const PLACEHOLDER_TAG = 'tidings-placeholder';

export interface PlaceholderContent {
  id: string;
  detectorId: CollapseSource;
}

export interface PlaceholderActions {
  show(): void;
  alwaysShow(): void;
  /** What "Why?" lists. */
  reasons(): string[];
}

const STYLES = `
:host {
  all: initial;
  display: block;
  box-sizing: border-box;
  margin: 4px 0;
  color: inherit;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
.bar {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 4px 10px;
  padding: 3px 10px;
  border: 1px dashed color-mix(in srgb, currentColor 35%, transparent);
  border-radius: 6px;
  background: color-mix(in srgb, currentColor 6%, transparent);
}
.label { opacity: 0.8; }
button {
  all: unset;
  cursor: pointer;
  color: inherit;
  text-decoration: underline;
  text-underline-offset: 2px;
  border-radius: 3px;
  padding: 0 2px;
}
@media (hover: hover) {
  button:hover { background: color-mix(in srgb, currentColor 12%, transparent); }
}
button:focus-visible { outline: 2px solid Highlight; outline-offset: 1px; }
ul { flex-basis: 100%; margin: 2px 0 0; padding-left: 18px; opacity: 0.8; }
ul[hidden] { display: none; }
/* Fingers, not a mouse (Firefox for Android, a phone-width column): every button a 44 px tap target. */
@media (pointer: coarse), (max-width: 480px) {
  .bar { gap: 0 4px; padding: 0 6px; }
  button { display: inline-flex; align-items: center; justify-content: center; box-sizing: border-box; min-width: 44px; min-height: 44px; padding: 0 8px; }
  ul { margin: 0 0 8px; }
}
`;

function button(doc: Document, action: string, text: string): HTMLButtonElement {
  const element = doc.createElement('button');
  element.type = 'button';
  element.dataset.action = action;
  element.textContent = text;
  return element;
}

/** Builds the `<tidings-placeholder data-tidings-for="id">` element (not yet inserted). */
export function createPlaceholder(doc: Document, content: PlaceholderContent, actions: PlaceholderActions): HTMLElement {
  const host = doc.createElement(PLACEHOLDER_TAG);
  host.setAttribute('data-tidings-for', content.id);
  // delegatesFocus: focusing the bar focuses its first button, so the keyboard reaches it like any control.
  const shadow = host.attachShadow({ mode: 'closed', delegatesFocus: true });
  const style = doc.createElement('style');
  style.textContent = STYLES;

  const label = detectorLabel(content.detectorId);
  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', t('placeholder_aria', label));

  const text = doc.createElement('span');
  text.className = 'label';
  text.textContent = t('placeholder_hidden', label);

  const reasons = doc.createElement('ul');
  reasons.id = 'reasons';
  reasons.hidden = true;

  const show = button(doc, 'show', t('placeholder_show'));
  const alwaysShow = button(doc, 'always-show', t('placeholder_always_show'));
  const details = button(doc, 'details', t('placeholder_details'));
  details.setAttribute('aria-expanded', 'false');
  details.setAttribute('aria-controls', reasons.id);

  bar.append(text, show, alwaysShow, details, reasons);
  shadow.append(style, bar);

  bar.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    // Duck-typed: `instanceof` fails across the page/content-script boundary (Firefox Xrays, other windows).
    const action = (event.target as Element | null)?.closest?.('button')?.dataset.action;
    if (action === undefined) return;
    // The placeholder may sit inside a page link or a click-tracked container: the click is ours alone.
    event.preventDefault();
    event.stopPropagation();
    if (action === 'show') actions.show();
    else if (action === 'always-show') actions.alwaysShow();
    else if (action === 'details') {
      if (reasons.childElementCount === 0) {
        for (const reason of actions.reasons()) {
          const item = doc.createElement('li');
          item.textContent = reason;
          reasons.append(item);
        }
      }
      reasons.hidden = !reasons.hidden;
      details.setAttribute('aria-expanded', String(!reasons.hidden));
    }
  });
  return host;
}
