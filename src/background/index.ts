// Background: runs as a Chrome service worker and as Firefox background scripts. It answers the content scripts'
// messages (see answer.ts), puts "Hide with Tidings…" in the page's context menu and carries out the keyboard shortcut.
// Firefox for Android has neither context menus nor keyboard shortcuts: there `contextMenus` and `commands` are
// missing, and the popup starts the picker.
import browser from '../browser';
import { injectPicker } from '../picker/inject';
import { answerMessage, toggleSiteOfTab } from './answer';

const PICK_MENU_ITEM = 'tidings-pick';
/** The command of manifest.json's `commands`. */
const TOGGLE_SITE_COMMAND = 'toggle-site';

browser.runtime.onMessage.addListener(answerMessage);

// Menu items outlive the background (a Chrome worker stops; Firefox keeps them), so they are made once per install.
browser.runtime.onInstalled.addListener(() => {
  browser.contextMenus?.create({
    id: PICK_MENU_ITEM,
    title: browser.i18n.getMessage('menu_pick'),
    contexts: ['page', 'link', 'image', 'selection'],
    // Only where the content script runs (and so the picker can): not on local files or the browser's own pages.
    documentUrlPatterns: ['http://*/*', 'https://*/*'],
  });
});

browser.contextMenus?.onClicked.addListener((info, tab) => {
  if (info.menuItemId !== PICK_MENU_ITEM || tab?.id === undefined) return;
  injectPicker(tab.id).catch((error: unknown) => console.warn('Tidings: the picker could not start in this tab.', error));
});

browser.commands?.onCommand.addListener((command, tab) => {
  if (command !== TOGGLE_SITE_COMMAND || tab?.id === undefined) return;
  toggleSiteOfTab(tab.id).catch((error: unknown) => console.warn('Tidings: could not switch the site.', error));
});
