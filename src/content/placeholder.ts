// The slim bars Tidings leaves in the page: where a block was collapsed ("Donation appeal hidden · Show · Always show
// donation appeals on example.com · Why?"), and notes over a block the reader brought back ("Donation appeal shown ·
// Hide again", "Always shown on example.com: donation appeals · Undo").
// Each lives in a closed shadow root: page styles cannot restyle it, its styles cannot leak into the page, and page
// scripts cannot reach its buttons or read its reasons. Its buttons act on the reader's own input only
// (`isTrusted`): a page's forged `click()` must not store settings that sync to every device. The reasons are put
// in only when the reader asks "Why?". Colours derive from the page's own text colour so it reads on light and
// dark pages alike.
import { t } from '../ui/i18n';

/** The bars' style sheet (placeholder.css), sent by the background with the site's settings (messages.ts). */
let barStyles = '';

export function useBarStyles(styles: string): void {
  barStyles = styles;
}

/** A bar's text, its buttons as [action, label] pairs, and (for "Why?") the reasons it lists when asked. */
export interface BarContent {
  text: string;
  buttons: [action: string, label: string][];
  reasons?: () => string[];
}

function button(doc: Document, action: string, text: string): HTMLButtonElement {
  const element = doc.createElement('button');
  element.type = 'button';
  element.dataset.action = action;
  element.textContent = text;
  return element;
}

/** Builds a `<tag>` (not yet inserted) holding a bar; `act(action)` runs on the reader's own presses of its buttons. */
export function createBar(doc: Document, tag: string, content: BarContent, act: (action: string) => void): HTMLElement {
  const host = doc.createElement(tag);
  // delegatesFocus: focusing the bar focuses its first button, so the keyboard reaches it like any control.
  const shadow = host.attachShadow({ mode: 'closed', delegatesFocus: true });
  const style = doc.createElement('style');
  style.textContent = barStyles;

  const bar = doc.createElement('div');
  bar.className = 'bar';
  // At phone width the row of buttons scrolls sideways, and a scroller takes focus in some browsers: it was the focus
  // delegate instead of the first button (Enter did nothing) and, in Firefox, a stop of its own. Out of the tab order,
  // it hands any focus it gets on to the first button.
  bar.tabIndex = -1;
  bar.addEventListener('focus', () => bar.querySelector('button')?.focus());
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', t('placeholder_aria', content.text));

  const text = doc.createElement('span');
  text.className = 'label';
  text.textContent = content.text;
  bar.append(text, ...content.buttons.map(([action, label]) => button(doc, action, label)));

  const reasons = doc.createElement('ul');
  reasons.id = 'reasons';
  reasons.hidden = true;
  const details = content.reasons && button(doc, 'details', t('placeholder_details'));
  if (details) {
    details.setAttribute('aria-expanded', 'false');
    details.setAttribute('aria-controls', reasons.id);
    bar.append(details, reasons);
  }
  shadow.append(style, bar);

  bar.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    // Duck-typed: `instanceof` fails across the page/content-script boundary (Firefox Xrays, other windows).
    const action = (event.target as Element | null)?.closest?.('button')?.dataset.action;
    if (action === undefined) return;
    // The bar may sit inside a page link or a click-tracked container: the click is ours alone.
    event.preventDefault();
    event.stopPropagation();
    if (action !== 'details') act(action);
    else if (details && content.reasons) {
      if (reasons.childElementCount === 0) {
        for (const reason of content.reasons()) {
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
