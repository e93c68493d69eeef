// Starts the picker in a tab (from the popup, the context menu): its bundle is injected into the page there and then,
// on the reader's gesture (the activeTab grant), so no page carries it otherwise.
import browser from '../browser';

export async function injectPicker(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: ['picker.js'] });
}
