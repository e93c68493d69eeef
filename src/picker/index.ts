// The picker: injected into the page only when the reader asks for it (the popup's "Pick a block to hide", the context
// menu's "Hide with Tidings…"), so the content script every page loads carries none of it. The reader points at a
// block (mouse, touch, or the arrow keys), sees the rule it would make — the selector, and every block it matches
// outlined — widens or narrows it a level at a time, and keeps it: "Hide this" collapses what it matches on the site
// from now on, "Never hide this here" keeps Tidings off it (offered alone on a block Tidings collapsed or showed).
// Like the placeholder it lives in a closed shadow root and acts on the reader's own input only (isTrusted).
import browser from '../browser';
import type { PickerRuleRequest } from '../messages';
import { NOTE_TAG, PLACEHOLDER_TAG } from '../content/tags';
import { HANDOFF_KEY, type PickerHandoff } from './handoff';
import { selectorFor } from './selector';
import { BLOCK_MARKS, COLLAPSED_MARK, ID_MARK, REVEALED_MARK } from '../core/marks';

const PICKER_TAG = 'tidings-picker';

/** Not ui/i18n's t(): that module brings the settings store along, which the picker has no use for. */
function t(key: string, substitution?: string): string {
  return browser.i18n.getMessage(key, substitution);
}
/** Outlines drawn at most: enough to see how far a rule reaches. */
const MAX_OUTLINES = 50;

const STYLES = `
:host { all: initial; position: fixed; inset: 0; z-index: 2147483647; pointer-events: none; font: 14px/1.4 system-ui, sans-serif; color-scheme: light dark; }
.outline { position: fixed; box-sizing: border-box; border: 2px solid #d33; background: rgba(221, 51, 51, 0.12); border-radius: 2px; }
.outline.ours { border-color: #1b6ca8; background: rgba(27, 108, 168, 0.12); }
.panel { position: fixed; left: 8px; right: 8px; bottom: 8px; max-width: 640px; margin: 0 auto; box-sizing: border-box; pointer-events: auto;
  padding: 10px 12px; border-radius: 8px; background: Canvas; color: CanvasText; border: 1px solid color-mix(in srgb, CanvasText 25%, transparent);
  box-shadow: 0 4px 18px rgba(0, 0, 0, 0.3); display: flex; flex-direction: column; gap: 6px; }
.hint { margin: 0; }
code { font: 12px/1.4 ui-monospace, monospace; overflow-wrap: anywhere; }
.buttons { display: flex; flex-wrap: wrap; gap: 6px; }
button { font: inherit; padding: 4px 10px; border-radius: 6px; border: 1px solid color-mix(in srgb, CanvasText 35%, transparent); background: ButtonFace; color: ButtonText; cursor: pointer; }
button.primary { background: #1b6ca8; color: #fff; border-color: #1b6ca8; }
button:focus-visible { outline: 2px solid Highlight; outline-offset: 1px; }
[hidden] { display: none !important; }
@media (pointer: coarse), (max-width: 480px) { button { min-width: 44px; min-height: 44px; } }
`;

interface Picked {
  /** From the element pointed at up to the body's child: the levels "wider" and "narrower" move along. */
  chain: Element[];
  level: number;
}

function handoff(): PickerHandoff | undefined {
  return (globalThis as Record<string, unknown>)[HANDOFF_KEY] as PickerHandoff | undefined;
}

function isOurs(element: Element): boolean {
  return handoff()?.isOurs(element) ?? false;
}

/** The block a bar stands for, or a Tidings block the element is in: pointing at either means that block. */
function tidingsBlockAt(doc: Document, element: Element): Element | null {
  const bar = element.closest(`${PLACEHOLDER_TAG}, ${NOTE_TAG}`);
  const id = bar !== null && isOurs(bar) ? bar.getAttribute('data-tidings-for') : null;
  const candidate = id !== null
    ? doc.querySelector(`[${ID_MARK}="${CSS.escape(id)}"], [${REVEALED_MARK}="${CSS.escape(id)}"]`)
    : element.closest(BLOCK_MARKS);
  return candidate !== null && isOurs(candidate) ? candidate : null;
}

function chainFrom(element: Element): Element[] {
  const chain: Element[] = [];
  const { body, documentElement } = element.ownerDocument;
  for (let node: Element | null = element; node !== null && node !== body && node !== documentElement; node = node.parentElement) {
    chain.push(node);
  }
  return chain;
}

function button(doc: Document, action: string, key: string): HTMLButtonElement {
  const element = doc.createElement('button');
  element.type = 'button';
  element.dataset.action = action;
  element.textContent = t(key);
  return element;
}

function startPicker(doc: Document): void {
  if (doc.querySelector(PICKER_TAG) !== null) return;
  const host = doc.createElement(PICKER_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLES;
  const outlines = doc.createElement('div');
  const panel = doc.createElement('div');
  panel.className = 'panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', t('picker_title'));
  const hint = doc.createElement('p');
  hint.className = 'hint';
  hint.textContent = t('picker_hint');
  const rule = doc.createElement('code');
  rule.setAttribute('aria-live', 'polite');
  const status = doc.createElement('p');
  status.className = 'hint';
  status.setAttribute('role', 'status');
  const buttons = doc.createElement('div');
  buttons.className = 'buttons';
  const wider = button(doc, 'wider', 'picker_wider');
  const narrower = button(doc, 'narrower', 'picker_narrower');
  const hide = button(doc, 'hide', 'picker_hide');
  const never = button(doc, 'never', 'picker_never');
  const cancel = button(doc, 'cancel', 'picker_cancel');
  buttons.append(wider, narrower, hide, never, cancel);
  panel.append(hint, rule, status, buttons);
  shadow.append(style, outlines, panel);

  let picked: Picked | null = null;
  let locked = false;
  let busy = false;

  const current = (): Element | null => picked?.chain[picked.level] ?? null;
  const selector = (): string | null => {
    const element = current();
    return element === null ? null : selectorFor(element);
  };

  function render(): void {
    const element = current();
    const text = selector();
    const ours = element !== null && tidingsBlockAt(doc, element) === element;
    const matches = text === null ? [] : [...doc.querySelectorAll(text)];
    outlines.replaceChildren(
      ...matches.slice(0, MAX_OUTLINES).map((match) => {
        // A collapsed block has no box: outline its bar.
        const bar = match.getAttribute(COLLAPSED_MARK) === null ? null : match.previousElementSibling;
        const box = (bar?.localName === PLACEHOLDER_TAG ? bar : match).getBoundingClientRect();
        const outline = doc.createElement('div');
        outline.className = ours ? 'outline ours' : 'outline';
        Object.assign(outline.style, { left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px` });
        return outline;
      }),
    );
    rule.textContent = text ?? '';
    rule.hidden = text === null;
    status.textContent = text === null ? '' : t('picker_matches', String(matches.length));
    wider.disabled = picked === null || picked.level >= picked.chain.length - 1;
    narrower.disabled = picked === null || picked.level === 0;
    hide.hidden = ours;
    hide.disabled = never.disabled = text === null || busy;
    hide.classList.toggle('primary', !ours);
    never.classList.toggle('primary', ours);
  }

  function pointAt(target: Element | null): void {
    if (target === null || target === host) return;
    const start = tidingsBlockAt(doc, target) ?? target;
    const chain = chainFrom(start);
    picked = chain.length === 0 ? null : { chain, level: 0 };
    render();
  }

  function step(by: number): void {
    if (picked === null) {
      // Keyboard only: begin with the block in the middle of the window.
      pointAt(doc.elementFromPoint(innerWidth / 2, innerHeight / 3));
      return;
    }
    picked.level = Math.min(Math.max(picked.level + by, 0), picked.chain.length - 1);
    locked = true;
    render();
  }

  function close(): void {
    host.remove();
    doc.removeEventListener('mousemove', onMove, true);
    doc.removeEventListener('click', onClick, true);
    doc.removeEventListener('keydown', onKey, true);
    removeEventListener('scroll', render, true);
  }

  async function keep(kind: PickerRuleRequest['rule']): Promise<void> {
    const text = selector();
    if (text === null || busy) return;
    busy = true;
    render();
    try {
      const request: PickerRuleRequest = { type: 'tidings:add-rule', host: location.hostname, selector: text, rule: kind };
      await browser.runtime.sendMessage(request);
      close();
    } catch (error) {
      busy = false;
      render();
      status.textContent = t('picker_not_saved', error instanceof Error ? error.message : String(error));
    }
  }

  function act(action: string | undefined): void {
    if (action === 'wider') step(1);
    else if (action === 'narrower') step(-1);
    else if (action === 'hide' || action === 'never') void keep(action);
    else if (action === 'cancel') close();
  }

  /** Events on the picker's own panel come from inside its shadow root: the page's listeners are not ours to feed. */
  const onPanel = (event: Event): boolean => event.composedPath().includes(host);

  function onMove(event: MouseEvent): void {
    if (!event.isTrusted || locked || onPanel(event)) return;
    pointAt(event.target as Element);
  }

  function onClick(event: MouseEvent): void {
    if (!event.isTrusted || onPanel(event)) return;
    // A tap or click picks the block and goes no further: a link under it must not open.
    event.preventDefault();
    event.stopPropagation();
    locked = true;
    pointAt(event.target as Element);
  }

  function onKey(event: KeyboardEvent): void {
    if (!event.isTrusted) return;
    const keys: Record<string, () => void> = {
      ArrowUp: () => step(1),
      ArrowLeft: () => step(1),
      ArrowDown: () => step(-1),
      ArrowRight: () => step(-1),
      Escape: close,
      Enter: () => act(hide.hidden ? 'never' : 'hide'),
    };
    const handle = keys[event.key];
    // Enter on a focused panel button presses that button instead.
    if (handle === undefined || (event.key === 'Enter' && onPanel(event) && shadow.activeElement?.localName === 'button')) return;
    event.preventDefault();
    event.stopPropagation();
    handle();
  }

  panel.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    act((event.target as Element).closest('button')?.dataset.action);
  });
  doc.addEventListener('mousemove', onMove, true);
  doc.addEventListener('click', onClick, true);
  doc.addEventListener('keydown', onKey, true);
  addEventListener('scroll', render, true);
  doc.documentElement.append(host);

  // From the context menu: begin with the element it was opened on.
  const target = handoff()?.contextTarget ?? null;
  if (handoff() !== undefined) handoff()!.contextTarget = null;
  if (target?.isConnected) {
    locked = true;
    pointAt(target);
  } else {
    render();
  }
}

startPicker(document);
